"""Front matter: both formats, and the line of every key."""

from __future__ import annotations

import pytest

from kiosk.core import frontmatter


def _parse(text: str) -> frontmatter.FrontMatter:
    return frontmatter.parse(frontmatter.split(text))


def test_yaml_keys_know_their_lines() -> None:
    front = _parse("---\ntitle: T\nquestions:\n  - q: One?\n    answer: true\n---\nBody\n")
    assert front.lines.line("title") == 2
    assert front.lines.line("questions", 0) == 4
    assert front.lines.line("questions", 0, "answer") == 5
    assert front.lines.line("missing") == 1


def test_yaml_dates_stay_text_so_impossible_dates_do_not_crash() -> None:
    assert _parse("---\nreviewed: 2026-02-30\n---\n").data == {"reviewed": "2026-02-30"}


def test_a_repeated_key_is_noticed() -> None:
    assert _parse("---\ntitle: A\ntitle: B\n---\n").duplicates == (("title", 2, 3),)


def test_toml_keys_and_tables_know_their_lines() -> None:
    front = _parse(
        '+++\ntitle = "T"\n\n[[questions]]\nq = "One?"\n[[questions]]\nq = "Two?"\n+++\n'
    )
    assert front.lines.line("title") == 2
    assert front.lines.line("questions", 1) == 6
    assert front.lines.line("questions", 1, "q") == 7


def test_body_line_counts_the_front_matter() -> None:
    piece = frontmatter.split("---\na: 1\n---\nBody\n")
    assert (piece.body, piece.body_line) == ("Body\n", 4)


def test_a_byte_order_mark_is_ignored() -> None:
    assert _parse("\ufeff---\ntitle: T\n---\n").data == {"title": "T"}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: T\n", 1),
        ("---\na: 1\nb: [\n---\n", 4),
        ("+++\na = 1\nb = \n+++\n", 3),
    ],
)
def test_errors_carry_the_file_line(text: str, line: int) -> None:
    with pytest.raises(frontmatter.FrontMatterError) as caught:
        _parse(text)
    assert caught.value.line == line
