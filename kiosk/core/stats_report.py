"""``kiosk stats``: the usage counts as a short summary for people, or as CSV.

Every CSV file has the same header, ``kiosk_id,day,event,page_id,lang,detail,count``,
and a row per count, so files from many kiosks are joined by keeping the first
file's header and every file's rows:

    awk 'FNR > 1 || NR == 1' kiosk-*.csv > all-kiosks.csv
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import astuple
from typing import TextIO

from kiosk.core.stats import (
    CHECK_RIGHT,
    CHECK_WRONG,
    GUIDE_STEP,
    IDLE_RESET,
    PAGE_VIEW,
    READ_ALOUD,
    SESSION_RUN,
    Row,
)

HEADER = ("kiosk_id", "day", "event", "page_id", "lang", "detail", "count")


def write_csv(found: Iterable[Row], out: TextIO) -> int:
    """Write the header and one line per row (UTF-8, ``\\n``); returns the rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    written = 0
    for row in found:
        writer.writerow(astuple(row))  # in the order of HEADER
        written += 1
    return written


def _step_order(detail: str) -> tuple[int, int]:
    step, _, _steps = detail.partition("/")
    return (1, 0) if step == "end" else (0, int(step) if step.isdigit() else 0)


def _step_name(detail: str) -> str:
    step, _, steps = detail.partition("/")
    return "the summary" if step == "end" else f"step {step} of {steps}"


def _by_language(counts: Counter[str]) -> str:
    return ", ".join(f"{lang or '?'} {n}" for lang, n in sorted(counts.items()))


def summary(found: list[Row], first: str, last: str, most: int = 10) -> str:
    """What ``kiosk stats`` prints: the counts from ``first`` to ``last`` (YYYY-MM-DD)."""
    kiosks = sorted({row.kiosk_id for row in found})
    where = f"kiosk {kiosks[0]}" if len(kiosks) == 1 else f"kiosks {', '.join(kiosks)}"
    lines = [f"Usage from {first} to {last}" + (f", {where}" if kiosks else "")]
    if not found:
        lines.append("Nothing was counted in these days.")
        return "\n".join(lines) + "\n"
    totals: Counter[str] = Counter()
    views: dict[str, Counter[str]] = defaultdict(Counter)
    steps: dict[str, Counter[str]] = defaultdict(Counter)
    answers: dict[str, Counter[str]] = defaultdict(Counter)
    aloud: Counter[str] = Counter()
    for row in found:
        totals[row.event] += row.count
        if row.event == PAGE_VIEW:
            views[row.page_id][row.lang] += row.count
        elif row.event == GUIDE_STEP:
            steps[row.page_id][row.detail] += row.count
        elif row.event in (CHECK_RIGHT, CHECK_WRONG):
            answers[row.page_id][row.event] += row.count
        elif row.event == READ_ALOUD:
            aloud[row.page_id] += row.count

    ranked = sorted(views.items(), key=lambda item: (-item[1].total(), item[0]))
    lines += ["", f"Most-read pages ({totals[PAGE_VIEW]} page views in all):"]
    for page_id, by_lang in ranked[:most]:
        lines.append(f"  {by_lang.total():>6}  {page_id}  ({_by_language(by_lang)})")
    if len(ranked) > most:
        lines.append(f"  ... and {len(ranked) - most} more pages (the CSV has them all)")

    if steps:
        lines += ["", "Guides: how many views got at least this far:"]
        for page_id in sorted(steps):
            opened = views[page_id].total()
            reached = sorted(steps[page_id].items(), key=lambda item: _step_order(item[0]))
            parts = [f"opened {opened}"] + [f"{_step_name(d)}: {n}" for d, n in reached]
            lines.append(f"  {page_id}  {' → '.join(parts)}")

    if answers:
        lines += ["", "Check your understanding, answers right and wrong:"]
        for page_id in sorted(answers):
            right, wrong = answers[page_id][CHECK_RIGHT], answers[page_id][CHECK_WRONG]
            lines.append(f"  {page_id}: {right} right, {wrong} wrong")

    lines += ["", f"Read aloud started: {totals[READ_ALOUD]}"]
    for page_id, n in sorted(aloud.items(), key=lambda item: (-item[1], item[0]))[:most]:
        lines.append(f"  {n:>6}  {page_id}")
    lines.append(f"Idle resets (someone used the kiosk and left): {totals[IDLE_RESET]}")
    if totals[SESSION_RUN]:
        lines.append(f"Sessions run: {totals[SESSION_RUN]}")
    return "\n".join(lines) + "\n"
