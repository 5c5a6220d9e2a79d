"""Speaker notes (``::: notes``): the presenter gets them, no reader ever sees them."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import export, loader, notes
from kiosk.core.config import Config
from kiosk.core.diagnostics import Severity
from kiosk.core.library import Library
from tests.conftest import TODAY, write

TRUST = "source: Hospital\nreviewed_by: Nurse\nreviewed: 2026-01-01\n"
DOCTOR = '\n!!! doctor "When to see a doctor"\n    - A fever.\n'
SECRET = "SECRET"


def _library(root: Path, assets: Path) -> Library:
    for lang, word in (("en", "Say"), ("zh-CN", "讲")):
        write(root, f"w/_index.{lang}.md", f"# {word}\n")
        write(
            root,
            f"w/talk.{lang}.md",
            f"---\ntitle: Talk {word}\n{TRUST}---\n"
            f"::: notes\n{SECRET}-{lang}-a: *ask* the room.\n:::\n\n"
            f"Readers read this.\n\n## Part\n\nMore.\n\n"
            f":::: {{.notes}}\n{SECRET}-{lang}-b\n::: warning\n{SECRET}-nested\n:::\n::::\n"
            + DOCTOR,
        )
        write(
            root,
            f"w/steps.{lang}.md",
            f"---\ntitle: Steps {word}\ntype: guide\n{TRUST}---\n"
            f"Intro.\n\n::: notes\n{SECRET}-{lang}-intro\n:::\n\n"
            f"## One\n\nA.\n\n```\n::: notes\nthis is code, shown\n```\n\n"
            f"## Two\n\n::: notes\n{SECRET}-{lang}-two\n\n## not a step\n:::\n\nB.\n{DOCTOR}",
        )
    return loader.load(root, assets, today=TODAY, expected_languages=("zh-CN", "en"))


def _reader_html(library: Library) -> str:
    """Everything rendered for readers, from every page."""
    parts: list[str] = []
    for page in library.pages:
        rendered = library.render(page)
        parts += [page.title, page.summary, rendered.html, rendered.intro_html]
        parts += [rendered.doctor_html, *(s.html + s.title for s in rendered.steps)]
    return "\n".join(parts)


def test_notes_never_reach_a_reader_but_reach_the_presenter(tmp_path: Path, assets: Path) -> None:
    library = _library(tmp_path, assets)
    assert SECRET not in _reader_html(library)
    assert "this is code, shown" in _reader_html(library)  # a fence is not a note
    talk = library.notes("w/talk", "en")
    assert f"{SECRET}-en-a: <em>ask</em> the room." in talk.page
    assert f"{SECRET}-en-b" in talk.page and f"{SECRET}-nested" in talk.page
    assert talk.steps == {}  # an article's notes are all the page's
    steps = library.notes("w/steps", "zh-CN")  # each language's own notes
    assert SECRET + "-zh-CN-intro" in steps.page and "-en-" not in steps.page
    assert set(steps.steps) == {2} and SECRET + "-zh-CN-two" in steps.step(2)
    assert steps.step(1) == "" and steps.step(0) == steps.page
    rendered = library.render(library.get("w/steps", "en"))  # type: ignore[arg-type]
    assert len(rendered.steps) == 2  # a heading inside notes is not a step
    assert library.notes("w/gone", "en") == notes.Notes()
    assert not [d for d in library.check_all() if d.severity is Severity.ERROR]


def test_notes_never_reach_the_exported_site(tmp_path: Path, assets: Path) -> None:
    library = _library(tmp_path / "content", assets)
    out = tmp_path / "site"
    style = tmp_path / "site.css"
    style.write_text("body{}", encoding="utf-8")
    result = export.export(
        library, out, config=Config(), words=lambda key, lang: key, style_sheet=style
    )
    texts = [(out / name).read_text(encoding="utf-8") for name in result.files]
    assert len(result.pages) == 4
    assert all(SECRET not in text for text in texts)


def test_an_unclosed_notes_block_is_an_error_and_hides_the_rest(
    tmp_path: Path, assets: Path
) -> None:
    file = write(
        tmp_path,
        "open.en.md",
        f"---\ntitle: Open\n{TRUST}---\nShown.\n\n::: notes\n{SECRET}\n\nAlso hidden.\n{DOCTOR}",
    )
    library = loader.load(tmp_path, assets, today=TODAY, expected_languages=("en",))
    page = library.get("open", "en")
    assert page is not None
    rendered = library.render(page)
    assert "Shown." in rendered.html and SECRET not in rendered.html + rendered.doctor_html
    errors = [d for d in rendered.diagnostics if d.severity is Severity.ERROR]
    assert [(d.path, d.line) for d in errors] == [(file, 9)]
    assert "never closed" in errors[0].message


def test_notes_first_are_never_the_summary(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "a.en.md", f"---\ntitle: A\n{TRUST}---\n::: notes\n{SECRET} words.\n:::\n")
    library = loader.load(tmp_path, assets, today=TODAY, expected_languages=("en",))
    page = library.get("a", "en")
    assert page is not None and SECRET not in page.summary


def test_split_keeps_line_numbers() -> None:
    lines = ["a", "::: notes", "b", ":::", "c"]
    found = notes.split(lines)
    assert found.reader == ["a", "", "", "", "c"]
    assert found.blocks == (notes.Block(1, 4, True),)
    assert found.blocks[0].inner(lines) == ["b"]
    assert notes.reader_text("x\n::: notes\ny") == "x\n\n"
