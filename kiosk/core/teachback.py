"""Teach-back questions ("Check your understanding"), as authors write them.

In the front matter::

    questions:
      - q: Should you squeeze out every drop of milk after weaning?
        answer: false
        explain: Squeezing tells your body to make more milk.
      - q: Which of these needs a doctor?
        choices: [Milky fluid from both breasts, Red fluid from one breast]
        answer: Red fluid from one breast
        explain: Red fluid, or fluid from one breast only, should be checked.

A question without ``choices`` is true/false; ``answer`` is then true or false (also
yes/no, 对/错, 是/否). With ``choices`` (two to four), ``answer`` is the right
choice's text or its number (1 for the first). Every question needs an ``explain``:
the kind explanation a reader sees after answering. A malformed question is left
out with a warning at its line; the page still shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.core.frontmatter import LineMap

TRUE_WORDS = frozenset({"true", "yes", "对", "是", "正确"})
FALSE_WORDS = frozenset({"false", "no", "错", "否", "错误"})
FIELDS = frozenset({"q", "answer", "choices", "explain"})
MIN_CHOICES, MAX_CHOICES = 2, 4
MIN_QUESTIONS, MAX_QUESTIONS = 2, 4


@dataclass(frozen=True)
class Question:
    """One question. ``choices`` is empty for true/false; ``answer`` indexes the right
    choice (for true/false, 0 is true and 1 is false)."""

    prompt: str
    choices: tuple[str, ...]
    answer: int
    explanation: str
    line: int

    @property
    def true_false(self) -> bool:
        return not self.choices


def read(value: Any, lines: LineMap) -> tuple[tuple[Question, ...], list[tuple[int, str]]]:
    """The valid questions, and a (line, message) for every problem."""
    problems: list[tuple[int, str]] = []
    if not isinstance(value, list):
        return (), [
            (
                lines.line("questions"),
                "'questions' should be a list of questions, each starting with '- q:'",
            )
        ]
    questions: list[Question] = []
    for index, item in enumerate(value):
        line = lines.line("questions", index)
        question = _question(item, index, lines, problems)
        if question is not None:
            questions.append(Question(*question, line=line))
    if questions and not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
        problems.append(
            (
                lines.line("questions"),
                f"{len(questions)} questions: {MIN_QUESTIONS} to {MAX_QUESTIONS} work best",
            )
        )
    return tuple(questions), problems


def _question(
    item: Any, index: int, lines: LineMap, problems: list[tuple[int, str]]
) -> tuple[str, tuple[str, ...], int, str] | None:
    number = index + 1
    line = lines.line("questions", index)

    def problem(field: str, message: str) -> None:
        problems.append(
            (
                lines.line("questions", index, field),
                f"question {number}: {message}; the question is left out",
            )
        )

    if not isinstance(item, dict):
        problems.append(
            (
                line,
                f"question {number} should have 'q:', 'answer:' and "
                "'explain:' lines; the question is left out",
            )
        )
        return None
    for field in item:
        if field not in FIELDS:
            problems.append(
                (
                    lines.line("questions", index, field),
                    f"question {number}: unknown field '{field}' (use q, answer, "
                    "choices, explain); ignored",
                )
            )
    prompt, explanation = _text(item.get("q")), _text(item.get("explain"))
    if not prompt:
        problem("q", "no question text ('q:')")
        return None
    if not explanation:
        problem("explain", "no 'explain:' to show after the answer")
        return None
    raw_answer = item.get("answer")
    if raw_answer is None:
        problem("answer", "no 'answer:'")
        return None
    choices_value = item.get("choices")
    if choices_value is None:
        word = str(raw_answer).strip().lower()
        if word in TRUE_WORDS:
            return prompt, (), 0, explanation
        if word in FALSE_WORDS:
            return prompt, (), 1, explanation
        problem(
            "answer",
            f"a question without choices needs 'answer: true' or "
            f"'answer: false', not '{raw_answer}'",
        )
        return None
    if not isinstance(choices_value, list) or not all(_text(c) for c in choices_value):
        problem("choices", "'choices' should be a list like [first, second]")
        return None
    choices = tuple(_text(c) for c in choices_value)
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        problem("choices", f"{len(choices)} choices; give {MIN_CHOICES} to {MAX_CHOICES}")
        return None
    answer = _choice_index(str(raw_answer).strip(), choices)
    if answer is None:
        problem(
            "answer",
            f"answer '{raw_answer}' is not one of the choices "
            "(give its text, or its number from 1)",
        )
        return None
    return prompt, choices, answer, explanation


def _choice_index(answer: str, choices: tuple[str, ...]) -> int | None:
    if answer in choices:
        return choices.index(answer)
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return int(answer) - 1
    return None


def _text(value: Any) -> str:
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _shape(question: Question) -> str:
    """What a question looks like whatever its language: kind, size and answer."""
    if question.true_false:
        return f"a yes/no question with the answer '{'yes' if question.answer == 0 else 'no'}'"
    return f"{len(question.choices)} choices with choice {question.answer + 1} right"


def compare(
    questions: tuple[Question, ...],
    other: tuple[Question, ...],
    other_name: str,
    questions_line: int,
) -> list[tuple[int, str]]:
    """Where ``questions`` differ in shape from ``other`` (a translation, ``other_name``).

    Translations ask the same questions, so they have the same number of them,
    each of the same kind, size and right answer. A comma inside ``[ ]`` that
    splits one choice into two is the usual cause.
    """
    found: list[tuple[int, str]] = []
    if len(questions) != len(other):
        found.append(
            (
                questions_line,
                f"{len(questions)} questions here but {len(other)} in {other_name}",
            )
        )
    for number, (mine, theirs) in enumerate(zip(questions, other, strict=False), start=1):
        if _shape(mine) != _shape(theirs):
            hint = ""
            if len(mine.choices) > len(theirs.choices) > 0:
                hint = " (a comma inside [ ] splits a choice: put each choice on its own '- ' line)"
            found.append(
                (
                    mine.line,
                    f"question {number} has {_shape(mine)}, but in {other_name} it has "
                    f"{_shape(theirs)}{hint}",
                )
            )
    return found
