"""A report for a patient-education committee: every page at a glance, without opening files.

``kiosk check DIR --report FILE.md`` writes it. For each page and language: its
length, reading grade (English), longest sentence, its "When to see a doctor"
box, its questions, its trust status and review date, whether it has speaker
notes, and its PEMAT-P scores item by item where a reviewer has scored it
(``_review/pemat.toml``); then each education session, item by item. The report
depends only on the content, so a copy kept in a repository shows when it is
out of date.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.core import languages, pemat, readability, sessions
from kiosk.core.library import Library
from kiosk.core.model import Page

GRADE_GOAL = 6.0  # about a reading age of 11
PEMAT_GOAL = 80.0


def build(library: Library, content: Path, command: str) -> str:
    """The report as Markdown. ``command`` is how to make it again, for its header."""
    scores, problems = pemat.load(content)
    known = {page.key for page in library.pages}
    problems += [
        f"{content / pemat.FILE}: scores for '{page_id}' in {lang}, which is not a page"
        for page_id, lang in scores
        if (page_id, lang) not in known
    ]
    # Pages in home-screen order, each page's languages together.
    position = {page_id: n for n, page_id in enumerate(dict.fromkeys(p.id for p in library.pages))}
    pages = sorted(library.pages, key=lambda p: (position[p.id], _lang_order(p.lang)))
    rows = [_Row(library, page, scores.get(page.key)) for page in pages]
    lines = [
        "# Content report",
        "",
        f"Made by `{command}` from the content itself; run it again after any change.",
        f"The goals: an English reading grade of {GRADE_GOAL:g} or lower (a reading age of",
        "about 11), a 'When to see a doctor' box on every page, and PEMAT-P scores of",
        f"{PEMAT_GOAL:g} % or more for understandability (U) and actionability (A).",
        "",
        "Reading grade: Flesch-Kincaid, with syllables from the CMU Pronouncing",
        "Dictionary (and hyphenation for words it lacks). Chinese has no agreed grade",
        "formula; its length is in characters.",
        "",
        "| page | lang | words | grade | longest sentence | doctor box | questions "
        "| review | U % | A % |",
        "| --- | --- | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: |",
    ]
    lines += [row.table_line() for row in rows]
    lines += _sessions(library)
    lines += ["", "## Pages one by one", ""]
    for row in rows:
        lines += row.details()
    if problems:
        lines += ["## Problems in the PEMAT scores", ""]
        lines += [f"- {problem}" for problem in problems]
        lines.append("")
    lines += _items_legend()
    return "\n".join(lines).rstrip() + "\n"


class _Row:
    def __init__(self, library: Library, page: Page, score: pemat.Score | None) -> None:
        self.page = page
        self.score = score
        rendered = library.render(page)
        text = readability.plain_text(rendered.html + rendered.doctor_html)
        self.measure = readability.measure(text, page.lang)
        self.signs = rendered.outline.doctor_items
        self.has_box = bool(rendered.doctor_html)
        self.notes = rendered.notes

    @property
    def unit(self) -> str:
        return "characters" if self.page.lang.startswith("zh") else "words"

    def review(self) -> str:
        page = self.page
        if page.reviewed_by and page.reviewed is not None:
            due = f", due {page.review_due}" if page.review_due else ""
            return f"reviewed {page.reviewed} by {page.reviewed_by}{due}"
        return "not yet reviewed"

    def speaker_notes(self) -> str:
        where = ["the page"] if self.notes.page else []
        steps = [str(n) for n, html in sorted(self.notes.steps.items()) if html]
        if steps:
            where.append(f"step{'s' if len(steps) > 1 else ''} {', '.join(steps)}")
        return "for " + " and ".join(where) if where else "none"

    def table_line(self) -> str:
        m, page = self.measure, self.page
        grade = f"{m.grade:.1f}" if m.grade is not None else "–"
        box = f"yes, {self.signs} signs" if self.has_box else "**missing**"
        u, a = (
            (self.score.understandability, self.score.actionability) if self.score else (None, None)
        )
        cells = [
            f"`{page.id}`",
            page.lang,
            str(m.words),
            grade,
            str(m.longest),
            box,
            str(len(page.questions)),
            self.review(),
            _percent(u),
            _percent(a),
        ]
        return "| " + " | ".join(cells) + " |"

    def details(self) -> list[str]:
        page, m = self.page, self.measure
        out = [
            f"### {page.title} (`{page.id}`, {page.lang})",
            "",
            f"- File: `{page.file.name}`; {page.type}; {m.words} {self.unit} in "
            f"{m.sentences} sentences.",
            f"- Longest sentence ({m.longest} {self.unit}): {m.longest_text}",
            f"- Source: {page.source or '**none**'}",
            f"- Trust: {self.review()}.",
            f"- Questions: {len(page.questions)}; "
            f"'When to see a doctor': {self.signs if self.has_box else 'no box'} signs.",
            f"- Speaker notes: {self.speaker_notes()}.",
        ]
        if self.score is None:
            out.append("- PEMAT-P: not scored yet.")
        else:
            s = self.score
            by = f" by {s.scored_by}" if s.scored_by else ""
            on = f" on {s.scored_on}" if s.scored_on else ""
            out.append(
                f"- PEMAT-P{by}{on}: understandability {_percent(s.understandability)} %, "
                f"actionability {_percent(s.actionability)} %."
            )
            out.append("")
            out.append("  | item | score | note |")
            out.append("  | --- | --- | --- |")
            for number, name in pemat.ITEMS.items():
                value = s.items.get(number, "–")
                note = s.notes.get(number, "")
                out.append(f"  | {number}. {name} | {value} | {note} |")
        out.append("")
        return out


def _sessions(library: Library) -> list[str]:
    """Each education session: its titles, length and items, with the pages' titles."""
    if not library.sessions:
        return []
    out = ["", "## Sessions", ""]
    for session in library.sessions:
        titles = " / ".join(
            session.titles[code] for code in library.languages if code in session.titles
        )
        length = f", {session.minutes} minutes" if session.minutes else ""
        out += [f"### {titles} (`{session.id}`{length})", ""]
        for number, item in enumerate(session.items, start=1):
            out.append(f"{number}. {_item(library, item)}")
        out.append("")
    return out[:-1]


def _item(library: Library, item: sessions.Item) -> str:
    if item.kind == sessions.TAKE_HOME:
        return "Take-home: what to remember"
    titles, steps = [], []
    for code in library.languages:
        page = library.get(item.page_id, code)
        if page is not None and page.lang == code:
            titles.append(page.title)
            found = library.render(page).steps if item.step else ()
            if item.step and item.step <= len(found):
                steps.append(found[item.step - 1].title)
    shown = " / ".join(titles)
    if item.kind == sessions.STEP:
        step = f" ({' / '.join(steps)})" if steps else ""
        return f"Step {item.step}{step} of {shown} (`{item.page_id}#{item.step}`)"
    if item.kind == sessions.CHECK:
        return f"Check questions of {shown} (`{item.page_id}`)"
    return f"{shown} (`{item.page_id}`)"


def _items_legend() -> list[str]:
    return [
        "## PEMAT-P items",
        "",
        "Understandability: " + "; ".join(f"{n}. {t}" for n, t in pemat.UNDERSTANDABILITY.items()),
        "",
        "Actionability: " + "; ".join(f"{n}. {t}" for n, t in pemat.ACTIONABILITY.items()),
    ]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _lang_order(code: str) -> int:
    order = languages.codes()
    return order.index(code) if code in order else len(order)
