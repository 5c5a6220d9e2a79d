"""Content written for GitHub, Hugo and MkDocs shows as its authors meant, or check says why.

The fixtures in tests/data/github, tests/data/hugo and tests/data/mkdocs imitate such
folders: no front matter, H1 titles, HTML with Markdown inside, raw images and links,
language folders, page bundles, shortcodes, tabs, fenced code and footnotes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kiosk.core import loader
from kiosk.core.diagnostics import Diagnostic
from kiosk.core.library import Library, readable_name
from kiosk.ui.strings import tr
from tests.conftest import DATA, TODAY, write

GITHUB = DATA / "github"
HUGO = DATA / "hugo" / "content"
MKDOCS = DATA / "mkdocs" / "docs"

# Markdown that must never reach a reader as it was typed.
RAW = re.compile(r"\{\{|\}\}|\[\^|\]\(|!\[|^#+ |\?\?\?|===|!!!|\[!|&lt;", re.MULTILINE)


def _load(root: Path, assets: Path, lang: str | None = "en", **kwargs: object) -> Library:
    return loader.load(
        root,
        assets,
        default_lang="en",
        content_language=lang,
        today=TODAY,
        words=tr,
        **kwargs,  # type: ignore[arg-type]
    )


def _html(library: Library, page_id: str, lang: str = "en") -> str:
    page = library.get(page_id, lang)
    assert page is not None, page_id
    return library.render(page).html


def _messages(library: Library, name: str) -> list[Diagnostic]:
    return [d for d in library.check_all() if d.path.name == name]


# --- 1. render what authors meant ------------------------------------------------


def test_markdown_inside_html_blocks_is_markdown(assets: Path) -> None:
    html = _html(_load(GITHUB, assets), "welcome")
    assert "<h2>Table of Contents</h2>" in html
    assert "<li>Why rest helps</li>" in html  # an in-page link is plain text
    assert "<strong>What if I forget?</strong>" in html  # <details> shown open
    assert "<strong>No harm done.</strong>" in html


def test_raw_images_and_links_work_like_markdown_ones(assets: Path) -> None:
    html = _html(_load(GITHUB, assets), "welcome")
    assert 'alt="Two hands under a tap"' in html and "images/hands.png" in html
    assert '<a href="page:daily-care/meals">what to eat</a>' in html
    assert "the hand-washing poster (example.org/hands)" in html


def test_what_is_dropped_leaves_a_quiet_note_and_a_diagnostic_at_its_column(
    assets: Path,
) -> None:
    library = _load(GITHUB, assets)
    html = _html(library, "welcome")
    assert "example.org/nurse.png" not in html
    assert '<span class="dropped">(Picture not shown: A nurse smiling)</span>' in html
    (remote,) = [d for d in _messages(library, "welcome.md") if "remote image" in d.message]
    assert (remote.line, remote.column) == (18, 11)
    video = _html(library, "daily-care/night/waking")
    assert "<iframe" not in video and tr("video_not_shown", "en") in video


def test_the_same_note_is_in_the_pages_language(assets: Path) -> None:
    library = _load(GITHUB, assets, lang="zh-CN", expected_languages=("zh-CN",))
    assert "（这里有一张图片无法显示：A nurse smiling）" in _html(library, "welcome", "zh-CN")


def test_mail_and_phone_links_are_plain_text_with_their_address(assets: Path) -> None:
    library = _load(GITHUB, assets)
    html = _html(library, "welcome")
    assert "the ward (ward@example.org)" in html
    assert "the desk (+86-20-0000-0000)" in html
    assert not [d for d in _messages(library, "welcome.md") if "mailto" in d.message]


def test_two_bad_links_on_one_line_are_both_named_at_their_columns(assets: Path) -> None:
    found = [
        (d.line, d.column, d.message)
        for d in _messages(_load(GITHUB, assets), "welcome.md")
        if "broken link" in d.message
    ]
    assert [(line, column) for line, column, _ in found] == [(27, 13), (27, 48)]
    assert str(next(d for d in _load(GITHUB, assets).check_all() if d.column == 48)).startswith(
        f"{GITHUB / 'welcome.md'}:27:48: warning: broken link to 'daily-care/gone.md'"
    )


def test_emoji_stay_in_the_text(assets: Path) -> None:
    assert "🚧" in _html(_load(GITHUB, assets), "welcome")


# --- 3. language without a suffix ---------------------------------------------------


def test_unsuffixed_files_take_the_content_language(assets: Path) -> None:
    library = _load(GITHUB, assets, expected_languages=("en",))
    assert library.languages == ("en",)
    assert not [d for d in library.check_all() if "name no language" in d.message]


def test_check_says_once_which_language_it_assumed(assets: Path) -> None:
    library = _load(GITHUB, assets, lang=None)
    said = [d for d in library.check_all() if "name no language" in d.message]
    assert len(said) == 1
    assert said[0].path == GITHUB and said[0].line == 0
    assert "5 files name no language" in said[0].message and "read as en" in said[0].message


def test_english_files_read_as_chinese_are_pointed_out(assets: Path) -> None:
    library = loader.load(GITHUB, assets, today=TODAY)
    (said,) = [d for d in library.check_all() if "name no language" in d.message]
    assert "read as zh-CN" in said.message
    assert "5 of them have no Chinese characters" in said.message
    # One word for a language with no page at all, not one per page.
    assert [d.message for d in library.check_all() if "no page is in en" in d.message]
    assert not [d for d in library.check_all() if "translation of" in d.message]


def test_lang_in_front_matter_and_language_folders_give_the_language(
    tmp_path: Path, assets: Path
) -> None:
    write(tmp_path, "a.md", "---\nlang: en\n---\n# A\n")
    write(tmp_path, "zh-cn/a.md", "# 甲\n")
    library = _load(tmp_path, assets, lang=None)
    assert library.ids == {"a"}
    assert {p.lang for p in library.pages} == {"en", "zh-CN"}
    assert not [d for d in library.check_all() if "name no language" in d.message]


def test_translation_advice_names_a_file_in_the_pages_own_layout(
    tmp_path: Path, assets: Path
) -> None:
    write(tmp_path, "en/care/a.md", "# A\n")
    write(tmp_path, "en/care/b.md", "# B\n")
    write(tmp_path, "zh-cn/care/b.md", "# 乙\n")
    library = _load(tmp_path, assets, lang=None)
    (advice,) = [d.message for d in library.check_all() if "translation of" in d.message]
    assert "no zh-CN translation of 'care/a' (add zh-cn/care/a.md)" in advice


# --- 4. bare folders ---------------------------------------------------------------


def test_a_folder_without_index_is_headed_by_its_name_and_check_suggests_one(
    assets: Path,
) -> None:
    library = _load(GITHUB, assets)
    assert library.section_title("daily-care", "en") == "Daily care"
    assert library.section_title("", "en") == ""  # the kiosk's own "Health topics"
    assert readable_name("02_first-steps") == "First steps"
    (tip,) = [d for d in library.check_all() if "folder 'daily-care'" in d.message]
    assert "add an _index.md there" in tip.message


def test_titles_are_plain_and_summaries_are_the_first_real_paragraph(assets: Path) -> None:
    library = _load(GITHUB, assets)
    welcome = library.get("welcome", "en")
    sleep = library.get("daily-care/sleep", "en")
    assert welcome is not None and sleep is not None
    assert welcome.title == "Welcome to your care plan!"
    assert welcome.summary.startswith("Resting well after a stay")
    assert sleep.summary.startswith("A short nap after lunch")  # not "Back to the start"


# --- 5. Hugo and MkDocs structure -----------------------------------------------------


def test_hugo_language_folders_bundles_and_section_pages(assets: Path) -> None:
    library = _load(HUGO, assets, lang=None)
    assert library.ids == {"index", "daily-care", "daily-care/hand-washing", "daily-care/meals"}
    assert library.languages == ("zh-CN", "en")
    section = library.get("daily-care", "en")
    assert section is not None and section.is_section and section.section == "daily-care"
    assert library.section_title("daily-care", "zh-CN") == "日常护理"
    assert "Small habits each day" in _html(library, "daily-care")
    bundle = _html(library, "daily-care/hand-washing")
    assert "hand-washing/soap.png" in bundle  # the picture beside index.md


def test_absolute_pictures_come_from_the_static_folder(assets: Path) -> None:
    library = _load(HUGO, assets, lang=None)
    assert "hugo/static/images/ward.png" in _html(library, "daily-care/meals")
    assert not [d for d in library.check_all() if "ward.png" in d.message]


def test_hugo_shortcodes_are_rendered_or_removed_never_shown(assets: Path) -> None:
    library = _load(HUGO, assets, lang=None)
    html = _html(library, "daily-care/hand-washing")
    assert 'class="callout-warning"' in html and "Dry your hands fully" in html
    assert 'class="callout-note"' in html and "hum a short song" in html  # {{</hint>}}
    assert "<em>Any plain soap works.</em>" in html
    assert '<a href="page:daily-care/meals">meals</a>' in html
    assert "<pre><code>wet, soap, scrub, rinse, dry" in html
    assert "<sup>1</sup>" in html and "Running water carries" in html
    meals = _html(library, "daily-care/meals")
    assert 'class="callout-tip"' in meals and "Fruit makes a good snack." in meals
    for page_id in library.ids:
        for lang in library.languages:
            assert not RAW.search(_html(library, page_id, lang)), (page_id, lang)
    ref, shortcode = sorted(
        (d.line, d.column, d.message)
        for d in _messages(library, "index.md")
        if "shortcode" in d.message or "ref" in d.message
    )
    assert ref[:2] == (35, 64) and "'/daily-care/rest.md' names no page" in ref[2]
    assert shortcode[:2] == (37, 1) and "shortcode 'youtube'" in shortcode[2]


def test_mkdocs_boxes_collapsibles_tabs_code_and_footnotes(assets: Path) -> None:
    library = _load(MKDOCS, assets)
    html = _html(library, "index")
    assert '<p class="callout-title">Before you start</p>' in html
    assert '<p class="callout-title">Why walk every day?</p>' in html  # ??? shown open
    assert 'class="callout-warning"' in html  # ???+ warning
    assert "<p><strong>Morning</strong></p>\n<p>Take your tablets" in html
    assert "<pre><code" in html and "Day 2: short walk" in html
    assert "Water helps your body heal" in html
    assert not RAW.search(html)
    walking = library.get("recovery/walking", "en")
    assert walking is not None and walking.section == "recovery"
    assert library.section_title("recovery", "en") == "Recovery"  # from recovery/index.md
    assert not [d for d in library.check_all() if "unknown front-matter key" in d.message]


# --- 6. Hugo keys ------------------------------------------------------------------------


def test_hugo_keys_are_honoured_and_site_keys_accepted(assets: Path) -> None:
    library = _load(HUGO, assets, lang=None)
    assert not [d for d in library.check_all() if "unknown front-matter key" in d.message]
    page = library.get("daily-care/hand-washing", "en")
    assert page is not None
    assert (page.card_title, page.title) == ("Hand washing", "Washing your hands well")
    assert page.author == "Ward 5 nurses" and "hygiene" in page.tags
    assert page.cover is not None and page.cover.path.name == "soap.png"  # from images
    for old in ("old/hands", "daily-care/hygiene", "daily-care/clean-hands"):
        assert library.get(old, "en") is page, old
    meals = library.get("daily-care/meals", "en")
    assert meals is not None and meals.author == "Dietitian team"


def test_pages_outside_their_dates_are_hidden_and_check_says_so(assets: Path) -> None:
    library = _load(HUGO, assets, lang=None)
    for page_id in ("daily-care/old-leaflet", "daily-care/coming-soon", "daily-care/draft-page"):
        assert library.get(page_id, "en") is None
    assert "expired on 2021-01-01" in library.hidden_reason("daily-care/old-leaflet")
    assert "is a draft" in library.hidden_reason("daily-care/draft-page")
    (said,) = [d for d in _messages(library, "old-leaflet.md") if "expired" in d.message]
    assert said.line == 3 and said.message.startswith("expired on 2021-01-01 ('expiryDate')")


# --- 7. missing, empty, unreadable --------------------------------------------------------


def test_an_empty_folder_is_a_warning(tmp_path: Path, assets: Path) -> None:
    (said,) = _load(tmp_path, assets).check_all()
    assert said.path == tmp_path and "no pages to show" in said.message


def test_an_unreadable_folder_is_an_error(
    tmp_path: Path, assets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.en.md", "# A\n")
    real_walk = os.walk

    def walk(top: str, onerror: object = None) -> object:
        assert callable(onerror)
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        return real_walk(top)

    monkeypatch.setattr(loader.os, "walk", walk)
    library = _load(tmp_path, assets)
    (said,) = [d for d in library.check_all() if "cannot be read" in d.message]
    assert str(said) == f"{tmp_path / 'locked'}: error: folder cannot be read: Permission denied"
    assert library.ids == {"a"}


def test_a_missing_folder_is_an_error(tmp_path: Path, assets: Path) -> None:
    (said,) = _load(tmp_path / "nope", assets).check_all()
    assert str(said) == f"{tmp_path / 'nope'}: error: content folder not found"


# --- 2 and 8: no crash, exact places, and fast enough ---------------------------------------


def test_every_imported_page_renders_without_raw_markdown(assets: Path) -> None:
    for root in (GITHUB, HUGO, MKDOCS):
        library = _load(root, assets, lang=None if root == HUGO else "en")
        assert library.pages
        for page in library.pages:
            html = library.render(page).html
            assert not RAW.search(html), (page.file, RAW.search(html))
            assert "<img" not in html or 'src="file:' in html


def test_the_authors_guide_lists_the_keys_accepted_without_meaning() -> None:
    from kiosk import resources
    from kiosk.core.schema import IGNORED

    guide = (resources.content_dir() / "README.md").read_text(encoding="utf-8").lower()
    assert "## bringing in existing markdown" in guide
    for key in IGNORED:
        assert f"`{key}`" in guide, key


def test_content_language_is_a_setting(tmp_path: Path) -> None:
    from kiosk.core import config

    path = tmp_path / "kiosk.toml"
    path.write_text('content_language = "EN"\n', encoding="utf-8")
    loaded, warnings = config.load(path)
    assert (loaded.content_language, loaded.files_language, warnings) == ("en", "en", [])
    path.write_text('content_language = "fr"\n', encoding="utf-8")
    loaded, warnings = config.load(path)
    assert loaded.files_language == "zh-CN"  # the first of the kiosk's languages
    assert warnings == [f"{path}:1: warning: content_language should be one of zh-CN, en; ignored"]
