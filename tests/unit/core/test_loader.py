"""Loading a content folder: ids, languages, translations, titles, order, drafts."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import loader
from kiosk.core.model import GUIDE
from tests.conftest import TODAY, write

TRUST_BY = "source: Hospital\nreviewed_by: Nurse\n"
TRUST = TRUST_BY + "reviewed: 2026-01-01\n"


def _load(root: Path, assets: Path, **kwargs: object) -> loader.Library:
    return loader.load(root, assets, today=TODAY, **kwargs)  # type: ignore[arg-type]


def test_ids_come_from_the_path_without_language_and_extension(
    tmp_path: Path, assets: Path
) -> None:
    write(tmp_path, "weaning/gentle.en.md", f"---\ntitle: Gentle\n{TRUST}---\n")
    write(tmp_path, "weaning/gentle.zh-CN.md", f"---\ntitle: 温和\n{TRUST}---\n")
    write(tmp_path, "weaning/_index.en.md", "# Weaning\n")
    write(tmp_path, "weaning/_index.zh-CN.md", "# 断奶\n")
    library = _load(tmp_path, assets)
    assert library.ids == {"weaning/gentle"}
    en = library.get("weaning/gentle", "en")
    zh = library.get("weaning/gentle", "zh-CN")
    assert en is not None and zh is not None
    assert (en.title, zh.title) == ("Gentle", "温和")
    assert en.section == "weaning"
    assert library.translation(en, "zh-CN") is zh
    assert library.diagnostics == ()


def test_a_file_without_suffix_is_in_the_default_language(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "plain.md", "# Plain\n")
    library = _load(tmp_path, assets, default_lang="en", expected_languages=("en",))
    page = library.get("plain", "en")
    assert page is not None and page.lang == "en"


def test_language_suffix_ignores_case(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "a.zh-cn.md", "# 标题\n")
    page = _load(tmp_path, assets).get("a", "zh-CN")
    assert page is not None and page.lang == "zh-CN"


def test_a_missing_translation_is_a_warning_naming_the_file_to_add(
    tmp_path: Path, assets: Path
) -> None:
    path = write(tmp_path, "only.en.md", f"---\ntitle: Only English\n{TRUST}---\n")
    write(tmp_path, "both.en.md", f"---\ntitle: Both\n{TRUST}---\n")
    write(tmp_path, "both.zh-CN.md", f"---\ntitle: 都有\n{TRUST}---\n")
    library = _load(tmp_path, assets)
    (item,) = library.diagnostics
    assert (item.path, item.line) == (path, 1)
    assert "no zh-CN translation of 'only' (add only.zh-CN.md)" in item.message


def test_get_falls_back_to_another_language_when_a_translation_is_missing(
    tmp_path: Path, assets: Path
) -> None:
    write(tmp_path, "only.en.md", "# Only English\n")
    page = _load(tmp_path, assets).get("only", "zh-CN")
    assert page is not None and page.lang == "en"


def test_translation_key_links_pages_with_different_file_names(
    tmp_path: Path, assets: Path
) -> None:
    write(
        tmp_path,
        "engorgement.en.md",
        f"---\ntitle: Full breasts\ntranslationKey: eng\n{TRUST}---\n",
    )
    write(tmp_path, "zhangnai.zh-CN.md", f"---\ntitle: 涨奶\ntranslationKey: eng\n{TRUST}---\n")
    library = _load(tmp_path, assets)
    en = library.get("engorgement", "en")
    assert en is not None
    zh = library.translation(en, "zh-CN")
    assert zh is not None and zh.title == "涨奶"
    assert library.diagnostics == ()


def test_title_from_first_heading_when_there_is_no_front_matter(
    tmp_path: Path, assets: Path
) -> None:
    write(
        tmp_path,
        "a.en.md",
        "```\n# not this\n```\n\nIntro *text* with [a link](b.md).\n\n# The title\n",
    )
    page = _load(tmp_path, assets).get("a", "en")
    assert page is not None
    assert page.title == "The title"
    assert page.summary == "Intro text with a link."


def test_toml_front_matter(tmp_path: Path, assets: Path) -> None:
    write(
        tmp_path, "t.en.md", '+++\ntitle = "TOML"\ntype = "guide"\ntags = ["a"]\nweight = 2\n+++\n'
    )
    page = _load(tmp_path, assets).get("t", "en")
    assert page is not None
    assert (page.title, page.type, page.tags, page.weight) == ("TOML", GUIDE, ("a",), 2)


def test_tags_written_as_text_are_split_on_commas(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "t.zh-CN.md", "---\ntitle: 标签\ntags: 断奶，乳房健康, 残奶\n---\n")
    page = _load(tmp_path, assets).get("t", "zh-CN")
    assert page is not None and page.tags == ("断奶", "乳房健康", "残奶")


def test_drafts_are_not_shown(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "d.en.md", "---\ntitle: Draft\ndraft: true\n---\n")
    assert _load(tmp_path, assets).pages == ()


def test_readme_and_hidden_files_are_not_pages(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "README.md", "# Authors' guide\n")
    write(tmp_path, ".hidden/x.en.md", "# Hidden\n")
    write(tmp_path, "_drafts/y.en.md", "# Private\n")
    assert _load(tmp_path, assets).pages == ()


def test_pages_are_ordered_by_weight_then_newest(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "old.en.md", "---\ntitle: Old\ndate: 2020-01-01\n---\n")
    write(tmp_path, "new.en.md", "---\ntitle: New\ndate: 2026-01-01\n---\n")
    write(tmp_path, "pinned.en.md", "---\ntitle: Pinned\nweight: 1\ndate: 2010-01-01\n---\n")
    titles = [p.title for p in _load(tmp_path, assets).in_language("en")]
    assert titles == ["Pinned", "New", "Old"]


def test_a_missing_content_folder_is_an_error_not_a_crash(tmp_path: Path, assets: Path) -> None:
    library = _load(tmp_path / "nope", assets)
    (item,) = library.diagnostics
    assert "content folder not found" in item.message
    assert library.pages == ()


def test_cover_resolves_inside_the_content_folder(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "img/c.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(tmp_path, "s/p.en.md", "---\ntitle: P\ncover: ../img/c.svg\ncover_alt: A cover\n---\n")
    page = _load(tmp_path, assets).get("s/p", "en")
    assert page is not None and page.cover is not None
    assert page.cover.path == tmp_path / "img/c.svg"
    assert page.cover.alt == "A cover"


def test_review_due_before_reviewed_is_a_warning(tmp_path: Path, assets: Path) -> None:
    write(
        tmp_path,
        "r.en.md",
        f"---\ntitle: R\n{TRUST_BY}reviewed: 2026-05-01\nreview_due: 2026-04-01\n---\n",
    )
    library = _load(tmp_path, assets, expected_languages=("en",))
    messages = [d.message for d in library.diagnostics]
    assert any("before 'reviewed'" in m for m in messages)


def test_section_titles_come_from_index_files(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "weaning/_index.en.md", "---\ntitle: Weaning\n---\n")
    write(tmp_path, "weaning/_index.zh-CN.md", "# 断奶\n")
    write(tmp_path, "weaning/a.en.md", "# A\n")
    library = _load(tmp_path, assets)
    assert library.section_title("weaning", "en") == "Weaning"
    assert library.section_title("weaning", "zh-CN") == "断奶"
    assert library.ids == {"weaning/a"}
