"""Session files: read in order, checked against the pages, broken ones reported at their line."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import loader
from kiosk.core.diagnostics import Severity
from kiosk.core.library import Library
from kiosk.core.sessions import Item
from tests.conftest import TODAY, write

TRUST = "source: Hospital\nreviewed_by: Nurse\nreviewed: 2026-01-01\n"
DOCTOR = '\n!!! doctor "When to see a doctor"\n    - A fever.\n'
QUESTIONS = (
    "questions:\n"
    "  - q: Is it fine?\n    answer: true\n    explain: Yes.\n"
    "  - q: Is it bad?\n    answer: false\n    explain: No.\n"
)


def _pages(root: Path) -> None:
    for lang, word in (("en", "Full"), ("zh-CN", "胀")):
        write(root, f"w/_index.{lang}.md", f"# {word}\n")
        write(
            root,
            f"w/full.{lang}.md",
            f"---\ntitle: {word}\n{TRUST}{QUESTIONS}---\nText.\n{DOCTOR}",
        )
        write(root, f"w/plain.{lang}.md", f"---\ntitle: {word} 2\n{TRUST}---\nText.\n{DOCTOR}")
        write(
            root,
            f"w/steps.{lang}.md",
            f"---\ntitle: {word} 3\ntype: guide\n{TRUST}---\nIntro.\n\n## One\n\nA.\n\n"
            f"## Two\n\nB.\n\n::: notes\n## Not a step\n:::\n{DOCTOR}",
        )


def _load(root: Path, assets: Path) -> Library:
    return loader.load(root, assets, today=TODAY, expected_languages=("zh-CN", "en"))


def _session(root: Path, name: str, items: str, title: str = "") -> Path:
    title = title or '[title]\nen = "Class"\nzh-CN = "课堂"\n'
    return write(root, f"sessions/{name}.toml", f"minutes = 30\nitems = [\n{items}]\n\n{title}")


def _problems(library: Library, file: Path) -> list[tuple[int, Severity, str]]:
    return [(d.line, d.severity, d.message) for d in library.diagnostics if d.path == file]


def test_a_session_is_read_in_order_with_each_items_line(tmp_path: Path, assets: Path) -> None:
    _pages(tmp_path)
    file = _session(
        tmp_path,
        "class",
        '  "w/plain",\n  "w/steps#2",  # a comment, with "quotes"\n'
        '  "check:w/full", "take-home",\n',
    )
    library = _load(tmp_path, assets)
    assert _problems(library, file) == []
    session = library.session("class")
    assert session is not None and library.sessions == (session,)
    assert session.items == (
        Item("page", "w/plain", None, 3),
        Item("step", "w/steps", 2, 4),
        Item("check", "w/full", None, 5),
        Item("take-home", "", None, 5),
    )
    assert (session.minutes, session.title("zh-CN"), session.title("fr")) == (30, "课堂", "Class")
    assert library.session("nope") is None


def test_each_broken_item_is_an_error_at_its_line_and_the_session_is_left_out(
    tmp_path: Path, assets: Path
) -> None:
    _pages(tmp_path)
    bad = _session(
        tmp_path,
        "bad",
        '  "w/plain",\n'  # 3: fine
        '  "w/gone",\n'  # 4: unknown page
        '  "w/steps#3",\n'  # 5: the guide has 2 steps (the heading in its notes is not one)
        '  "w/plain#1",\n'  # 6: an article has no steps
        '  "check:w/plain",\n'  # 7: no questions
        '  "w/steps#0",\n',  # 8: steps count from 1
    )
    good = _session(tmp_path, "good", '"w/steps#2"\n')
    library = _load(tmp_path, assets)
    problems = _problems(library, bad)
    assert [(line, severity) for line, severity, _ in problems] == [
        (line, Severity.ERROR) for line in (4, 5, 6, 7, 8)
    ]
    messages = [message for _, _, message in problems]
    assert "unknown page 'w/gone'" in messages[0]
    assert "has 2 steps" in messages[1]
    assert "only a guide has steps" in messages[2]
    assert "no check questions" in messages[3]
    assert "count from 1" in messages[4]
    assert [s.id for s in library.sessions] == ["good"]
    assert _problems(library, good) == []


def test_unknown_item_syntax_empty_sessions_and_bad_toml_are_errors(
    tmp_path: Path, assets: Path
) -> None:
    _pages(tmp_path)
    syntax = _session(tmp_path, "syntax", '  "w/plain",\n  "video:w/plain",\n  "w/steps#two",\n')
    empty = _session(tmp_path, "empty", "")
    broken = write(tmp_path, "sessions/broken.toml", 'minutes = 30\nitems = ["w/plain"\n')
    library = _load(tmp_path, assets)
    assert [(line, sev) for line, sev, _ in _problems(library, syntax)] == [
        (4, Severity.ERROR),
        (5, Severity.ERROR),
    ]
    assert "unknown item 'video:w/plain'" in _problems(library, syntax)[0][2]
    ((line, severity, message),) = _problems(library, empty)
    assert (line, severity) == (2, Severity.ERROR) and "empty session" in message
    ((line, severity, message),) = _problems(library, broken)
    assert severity is Severity.ERROR and "not valid TOML" in message and line >= 2
    assert library.sessions == ()


def test_a_title_missing_in_a_language_of_the_kiosk_is_an_error(
    tmp_path: Path, assets: Path
) -> None:
    _pages(tmp_path)
    file = _session(tmp_path, "half", '"w/plain"\n', title='[title]\nen = "Class"\nxx-YY = "?"\n')
    library = _load(tmp_path, assets)
    problems = _problems(library, file)
    assert [(line, sev) for line, sev, _ in problems] == [(6, Severity.ERROR), (8, Severity.ERROR)]
    assert "no title in zh-CN" in problems[0][2]
    assert "unknown language 'xx-YY'" in problems[1][2]
    session = library.session("half")  # still offered, under its English title
    assert session is not None and session.title("zh-CN") == "Class"


def test_a_folder_without_sessions_has_none(tmp_path: Path, assets: Path) -> None:
    _pages(tmp_path)
    library = _load(tmp_path, assets)
    assert library.sessions == ()
    assert not any("session" in str(d.path) for d in library.diagnostics)
