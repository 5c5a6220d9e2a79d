"""Teach-back questions: read from the front matter, and malformed ones named by line."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import loader
from kiosk.core.diagnostics import Severity
from tests.conftest import TODAY, write

GOOD = """---
title: Weaning
questions:
  - q: Should you squeeze out every drop?
    answer: false
    explain: Squeezing makes more milk.
  - q: 需要看医生吗？
    answer: 对
    explain: 红色液体要检查。
  - q: Which needs a doctor?
    choices: [Milky fluid from both breasts, Red fluid from one breast]
    answer: Red fluid from one breast
    explain: Red fluid should be checked.
---
"""


def _page_and_problems(root: Path, assets: Path, text: str) -> tuple[object, list[tuple[int, str]]]:
    write(root, "p.en.md", text)
    library = loader.load(root, assets, default_lang="en", expected_languages=("en",), today=TODAY)
    problems = [
        (d.line, d.message)
        for d in library.diagnostics
        if d.severity is Severity.WARNING and "question" in d.message
    ]
    return library.get("p", "en"), problems


def test_true_false_and_choice_questions_are_read(tmp_path: Path, assets: Path) -> None:
    page, problems = _page_and_problems(tmp_path, assets, GOOD)
    assert problems == []
    questions = page.questions  # type: ignore[attr-defined]
    assert [q.prompt for q in questions] == [
        "Should you squeeze out every drop?",
        "需要看医生吗？",
        "Which needs a doctor?",
    ]
    assert [(q.true_false, q.answer) for q in questions] == [(True, 1), (True, 0), (False, 1)]
    assert questions[2].explanation == "Red fluid should be checked."
    assert [q.line for q in questions] == [4, 7, 10]


def test_a_malformed_question_is_named_at_its_line_and_left_out(
    tmp_path: Path, assets: Path
) -> None:
    text = """---
title: Weaning
questions:
  - q: Good one?
    answer: yes
    explain: Fine.
  - q: No explanation?
    answer: true
  - q: Which?
    choices: [A, B]
    answer: C
    explain: Because.
  - q: Odd answer?
    answer: maybe
    explain: Hmm.
  - q: Extra field?
    answer: no
    explain: Fine.
    hint: not a field
---
"""
    page, problems = _page_and_problems(tmp_path, assets, text)
    assert [q.prompt for q in page.questions] == ["Good one?", "Extra field?"]  # type: ignore[attr-defined]
    assert problems == [
        (7, "question 2: no 'explain:' to show after the answer; the question is left out"),
        (
            11,
            "question 3: answer 'C' is not one of the choices (give its text, or its "
            "number from 1); the question is left out",
        ),
        (
            14,
            "question 4: a question without choices needs 'answer: true' or "
            "'answer: false', not 'maybe'; the question is left out",
        ),
        (19, "question 5: unknown field 'hint' (use q, answer, choices, explain); ignored"),
    ]


def test_kiosk_check_reports_a_malformed_question_with_its_line(
    tmp_path: Path, capsys: object
) -> None:
    from kiosk import cli

    write(
        tmp_path / "c",
        "p.en.md",
        "---\ntitle: T\nquestions:\n  - q: Right?\n    answer: true\n---\n",
    )
    assert cli.main(["check", "--strict", str(tmp_path / "c")]) == 1
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert f"{tmp_path / 'c' / 'p.en.md'}:4: warning: question 1: no 'explain:'" in out


def test_a_translation_that_asks_different_questions_is_named_at_its_line(
    tmp_path: Path, assets: Path
) -> None:
    # The English author wrote an unquoted comma inside [ ], which YAML reads as a
    # third choice, so choice 2 is no longer the one the Chinese version marks right.
    write(
        tmp_path,
        "p.zh-CN.md",
        "---\ntitle: 挤奶\nquestions:\n  - q: 该挤吗？\n    answer: 错\n    explain: 会更多。\n"
        "  - q: 怎么办？\n    choices: [让他挤, 拒绝，因为会受伤]\n    answer: 2\n"
        "    explain: 会受伤。\n---\n",
    )
    write(
        tmp_path,
        "p.en.md",
        "---\ntitle: Pressing\nquestions:\n  - q: Squeeze?\n    answer: true\n    explain: More.\n"
        "  - q: What is best?\n    choices: [Let them, Say no, because it hurts]\n    answer: 2\n"
        "    explain: It hurts.\n---\n",
    )
    library = loader.load(tmp_path, assets, default_lang="zh-CN", today=TODAY)
    found = [
        (d.path.name, d.line, d.message) for d in library.diagnostics if "version" in d.message
    ]
    assert found == [
        (
            "p.en.md",
            4,
            "question 1 has a yes/no question with the answer 'yes', but in the zh-CN "
            "version (p.zh-CN.md) it has a yes/no question with the answer 'no'",
        ),
        (
            "p.en.md",
            7,
            "question 2 has 3 choices with choice 2 right, but in the zh-CN version "
            "(p.zh-CN.md) it has 2 choices with choice 2 right (a comma inside [ ] splits "
            "a choice: put each choice on its own '- ' line)",
        ),
    ]
