"""PEMAT-P scores: a reviewer's item-by-item judgement of each page, kept beside the content.

The Patient Education Materials Assessment Tool for printable materials (AHRQ)
has 17 understandability items (1–12, 15–19) and 7 actionability items
(20–26). Each is scored 1 (agree), 0 (disagree) or "na" where the guide allows.
A score is the share of points over the items that apply.

Scores live in ``_review/pemat.toml`` in the content folder, one table per page
and language:

    ["weaning/residual-milk".en]
    scored_by = "A. Reviewer, patient-education nurse"
    scored_on = 2026-11-25
    items = { 1 = 1, 2 = 1, 3 = 1, ..., 26 = 1 }
    notes = { 17 = "The pictures have no captions." }
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FILE = Path("_review") / "pemat.toml"

UNDERSTANDABILITY: dict[int, str] = {
    1: "The purpose is completely evident",
    2: "No information or content that distracts from the purpose",
    3: "Common, everyday language",
    4: "Medical terms only to familiarise, and then defined",
    5: "Active voice",
    6: "Numbers are clear and easy to understand",
    7: "No calculations expected",
    8: "Information is broken into short sections",
    9: "Sections have informative headers",
    10: "Information in a logical sequence",
    11: "A summary is given",
    12: "Visual cues draw attention to key points",
    15: "Visual aids wherever they could make content easier to understand",
    16: "Visual aids reinforce rather than distract",
    17: "Visual aids have clear titles or captions",
    18: "Illustrations are clear and uncluttered",
    19: "Simple tables with short, clear headings",
}
ACTIONABILITY: dict[int, str] = {
    20: "At least one action the reader can take",
    21: "Addresses the reader directly when describing actions",
    22: "Actions broken into manageable, explicit steps",
    23: "A tangible tool (checklist, planner) where it could help",
    24: "Simple instructions for any calculation",
    25: "Explains how to use charts, tables or diagrams to act",
    26: "Visual aids wherever they could make it easier to act",
}
ITEMS = {**UNDERSTANDABILITY, **ACTIONABILITY}
NA = "na"


@dataclass(frozen=True)
class Score:
    """One page in one language, as one reviewer scored it."""

    scored_by: str
    scored_on: dt.date | None
    items: dict[int, int | str]
    notes: dict[int, str] = field(default_factory=dict)

    def percent(self, which: dict[int, str]) -> float | None:
        applying = [self.items[n] for n in which if self.items.get(n, NA) != NA]
        if not applying:
            return None
        return 100 * sum(int(v) for v in applying) / len(applying)

    @property
    def understandability(self) -> float | None:
        return self.percent(UNDERSTANDABILITY)

    @property
    def actionability(self) -> float | None:
        return self.percent(ACTIONABILITY)

    def missing(self) -> list[int]:
        return [n for n in ITEMS if n not in self.items]


def load(content: Path) -> tuple[dict[tuple[str, str], Score], list[str]]:
    """Scores by (page id, language), and problems with the file (none if it is absent)."""
    path = content / FILE
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, [f"{path}: {exc}"]
    scores: dict[tuple[str, str], Score] = {}
    problems: list[str] = []
    for page_id, languages in data.items():
        if not isinstance(languages, dict):
            problems.append(f"{path}: '{page_id}' should hold a table per language")
            continue
        for lang, table in languages.items():
            score, found = _score(table)
            problems.extend(f'{path}: ["{page_id}".{lang}] {p}' for p in found)
            if score is not None:
                scores[(page_id, lang)] = score
    return scores, problems


def _score(table: Any) -> tuple[Score | None, list[str]]:
    if not isinstance(table, dict):
        return None, ["should be a table"]
    items: dict[int, int | str] = {}
    problems: list[str] = []
    for key, value in dict(table.get("items", {})).items():
        number = int(key) if str(key).isdigit() else -1
        if number not in ITEMS:
            problems.append(f"item {key} is not a PEMAT-P item")
        elif value not in (0, 1, NA):
            problems.append(f'item {key} should be 1, 0 or "na", not {value!r}')
        else:
            items[number] = value
    notes = {int(k): str(v) for k, v in dict(table.get("notes", {})).items() if str(k).isdigit()}
    scored_on = table.get("scored_on")
    score = Score(
        scored_by=str(table.get("scored_by", "")),
        scored_on=scored_on if isinstance(scored_on, dt.date) else None,
        items=items,
        notes=notes,
    )
    if score.missing():
        problems.append(f"items not scored: {', '.join(map(str, score.missing()))}")
    return score, problems
