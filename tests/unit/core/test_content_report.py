"""The content report a patient-education committee reads instead of opening every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import cli
from kiosk.core import content_report, loader, readability
from tests.conftest import TODAY, write

PAGE = """---
title: Full breasts
source: The hospital
---

Your breasts may feel full. This is normal when you wean.

## What to do

1. Express a little milk. Stop when you feel better.

!!! doctor "When to see a doctor"
    **See a doctor today**

    - A red, hot, hard or painful area in your breast, with a fever or flu-like aches.
"""
ZERO, NA = (11, 17, 23), (4, 6, 7, 19, 24, 25)
QUOTED_NA = '"na"'
ITEMS = ", ".join(
    f"{n} = {0 if n in ZERO else QUOTED_NA if n in NA else 1}"
    for n in (*range(1, 13), *range(15, 27))
)
SCORES = f"""
["w/full".en]
scored_by = "A. Reviewer"
scored_on = 2026-11-25
items = {{ {ITEMS} }}
notes = {{ 11 = "No summary of key points.", 23 = "No checklist." }}

["w/full".fr]
items = {{ 1 = 2 }}
"""


def test_english_is_given_a_reading_grade_and_chinese_a_length_in_characters() -> None:
    easy = readability.measure("Rest. Drink water. Ask for help.", "en")
    hard = readability.measure(
        "Galactorrhoea persisting considerably beyond lactational cessation necessitates "
        "endocrinological investigation of hyperprolactinaemia.",
        "en",
    )
    assert easy.grade is not None and hard.grade is not None and easy.grade < 3 < 12 < hard.grade
    assert (easy.words, easy.sentences, easy.longest_text) == (6, 3, "Ask for help.")
    chinese = readability.measure("多喝水。慢慢来，不要急。", "zh-CN")
    assert (chinese.words, chinese.sentences, chinese.longest, chinese.grade) == (9, 2, 6, None)


@pytest.fixture
def report(tmp_path: Path, assets: Path) -> str:
    write(tmp_path, "w/full.en.md", PAGE)
    write(tmp_path, "w/bare.en.md", "# Bare\n\nNo box, no source.\n")
    write(tmp_path, "_review/pemat.toml", SCORES)
    library = loader.load(
        tmp_path, assets, default_lang="en", expected_languages=("en",), today=TODAY
    )
    return content_report.build(library, tmp_path, "kiosk check c --report r.md")


def test_the_report_has_a_line_for_every_page_with_its_trust_and_box(report: str) -> None:
    full = next(line for line in report.splitlines() if line.startswith("| `w/full`"))
    cells = [cell.strip() for cell in full.strip("|").split("|")]
    assert cells[1] == "en" and cells[5] == "yes, 1 signs" and cells[7] == "not yet reviewed"
    assert (cells[8], cells[9]) == ("85", "80")  # 11 of 13, 4 of 5: "na" items do not count
    bare = next(line for line in report.splitlines() if line.startswith("| `w/bare`"))
    assert "**missing**" in bare and bare.rstrip().endswith("| – | – |")


def test_the_report_lists_pemat_items_with_the_reviewers_notes(report: str) -> None:
    assert (
        "PEMAT-P by A. Reviewer on 2026-11-25: understandability 85 %, actionability 80 %."
        in report
    )
    assert "| 11. A summary is given | 0 | No summary of key points. |" in report
    assert (
        "| 23. A tangible tool (checklist, planner) where it could help | 0 | No checklist. |"
        in report
    )
    assert "PEMAT-P: not scored yet." in report  # the bare page
    assert 'item 1 should be 1, 0 or "na", not 2' in report
    assert "items not scored: 1, 2, 3" in report
    assert "scores for 'w/full' in fr, which is not a page" in report


def test_kiosk_check_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "c", "w/full.en.md", PAGE)
    (tmp_path / "kiosk.toml").write_text('languages = ["en"]\n', encoding="utf-8")
    out = tmp_path / "report.md"
    args = ["check", str(tmp_path / "c"), "--config", str(tmp_path / "kiosk.toml")]
    assert cli.main([*args, "--report", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Content report")
