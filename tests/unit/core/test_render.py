"""Markdown → sanitized HTML: what a reader sees, and what never reaches the screen."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import loader
from kiosk.core.library import Library
from kiosk.core.outline import Outline
from tests.conftest import TODAY, write


def _library(root: Path, assets: Path) -> Library:
    return loader.load(root, assets, default_lang="en", expected_languages=("en",), today=TODAY)


def _html(root: Path, assets: Path, body: str, page_id: str = "p") -> str:
    write(root, f"{page_id}.md", f"---\ntitle: T\n---\n{body}")
    library = _library(root, assets)
    page = library.get(page_id, "en")
    assert page is not None
    return library.render(page).html


def test_markdown_features_render(tmp_path: Path, assets: Path) -> None:
    html = _html(
        tmp_path,
        assets,
        '| a | b |\n|---|---|\n| 1 | 2 |\n\n!!! tip "Good to know"\n    Rest.\n\n'
        "1. one\n2. two\n\nWords\n{: .lead }\n",
    )
    assert '<table class="data" width="100%">' in html and "<td>1</td>" in html
    # Qt pads and colours table cells, not divs: a callout is a one-cell table.
    assert '<td class="callout-tip">' in html
    assert '<p class="callout-title">Good to know</p>' in html
    assert "<ol>" in html
    assert '<p class="lead">Words</p>' in html


def test_the_leading_heading_is_not_repeated_in_the_body(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "p.md", "# The title\n\nBody text.\n")
    library = _library(tmp_path, assets)
    page = library.get("p", "en")
    assert page is not None and page.title == "The title"
    assert "The title" not in library.render(page).html


def test_images_become_local_file_urls(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "img/a.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    html = _html(tmp_path, assets, "![alt text](img/a.svg)\n\n![rooted](/img/a.svg)\n")
    uri = (tmp_path / "img/a.svg").resolve().as_uri()
    assert html.count(f'src="{uri}"') == 2
    assert 'alt="alt text"' in html


def test_shared_assets_can_be_used_from_any_page(tmp_path: Path, assets: Path) -> None:
    shared = tmp_path / "assets"
    write(shared, "icon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    content = tmp_path / "content"
    write(content, "deep/p.md", "---\ntitle: T\n---\n![i](/assets/icon.svg)\n")
    library = loader.load(content, shared, default_lang="en", expected_languages=("en",))
    page = library.get("deep/p", "en")
    assert page is not None
    assert (shared / "icon.svg").resolve().as_uri() in library.render(page).html


def test_links_to_pages_become_internal_links(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "weaning/other.en.md", "# Other\n")
    write(
        tmp_path,
        "weaning/p.en.md",
        "# T\n\nSee [other](other.en.md#when), [rooted](/weaning/other.md).\n",
    )
    library = _library(tmp_path, assets)
    page = library.get("weaning/p", "en")
    assert page is not None
    html = library.render(page).html
    assert '<a href="page:weaning/other#when">other</a>' in html
    assert '<a href="page:weaning/other">rooted</a>' in html


def test_web_links_become_plain_text_with_the_address(tmp_path: Path, assets: Path) -> None:
    html = _html(tmp_path, assets, "Read [the leaflet](https://example.org/leaflet/) later.\n")
    assert "<a" not in html
    assert "Read the leaflet (example.org/leaflet) later." in html


def test_hostile_html_is_removed(tmp_path: Path, assets: Path) -> None:
    html = _html(
        tmp_path,
        assets,
        '<script>alert(1)</script>\n\n<p onclick="steal()">Hi</p>\n\n'
        '<iframe src="https://evil.example"></iframe>\n\n<style>body{display:none}</style>\n\n'
        '<img src="file:///etc/passwd"><a href="javascript:alert(1)">x</a>\n\n'
        "<form><input name=q></form>\n",
    )
    for banned in (
        "script",
        "alert",
        "onclick",
        "iframe",
        "evil",
        "style",
        "passwd",
        "javascript",
        "form",
        "input",
    ):
        assert banned not in html, banned
    assert "Hi" in html


def test_guide_steps_are_split_on_level_two_headings(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "img/s1.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(
        tmp_path,
        "g.md",
        "---\ntitle: G\ntype: guide\n---\nIntro.\n\n## First step\n\n"
        "![Mother and baby](img/s1.svg)\n\nDo this.\n\n"
        '!!! doctor "When to see a doctor"\n    - A fever.\n\n'
        "```\n## not a step\n```\n\n## Second step\n\nThen that.\n",
    )
    library = _library(tmp_path, assets)
    page = library.get("g", "en")
    assert page is not None
    rendered = library.render(page)
    assert [s.title for s in rendered.steps] == ["First step", "Second step"]
    assert [s.line for s in rendered.steps] == [7, 20]
    first = rendered.steps[0]
    assert first.image is not None and first.image.alt == "Mother and baby"
    assert "<img" not in first.html and "Do this." in first.html
    # The doctor box is taken out, to be shown in one place (the summary).
    assert "A fever." not in first.html and "A fever." not in rendered.html
    assert "A fever." in rendered.doctor_html and "callout-doctor" in rendered.doctor_html
    assert rendered.outline == Outline(sections=2, doctor_items=1)
    assert "Intro." in rendered.intro_html and "First step" not in rendered.intro_html
    assert rendered.diagnostics == ()


def test_rendering_is_cached(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "p.md", "# T\n\nOne.\n")
    library = _library(tmp_path, assets)
    page = library.get("p", "en")
    assert page is not None
    first = library.render(page)
    (tmp_path / "p.md").write_text("# T\n\nChanged.\n", encoding="utf-8")
    assert library.render(page) is first


def test_a_line_break_inside_chinese_text_is_not_a_space(tmp_path: Path, assets: Path) -> None:
    html = _html(
        tmp_path, assets, "奶量会减少。\n如果停得太快，\n乳汁会积住。\nThen English\nwraps.\n"
    )
    assert "奶量会减少。如果停得太快，乳汁会积住。" in html
    assert "Then English\nwraps." in html
