"""Markdown body → sanitized HTML that Qt's rich text shows; guides → steps."""

from __future__ import annotations

import html as html_text
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown

from kiosk.core import markdown_import, notes, outline, paths
from kiosk.core.diagnostics import Report
from kiosk.core.markdown_callouts import CalloutsExtension
from kiosk.core.markdown_cjk import CjkBreaksExtension
from kiosk.core.markdown_links import KioskLinksExtension, Locator, PageContext, Site
from kiosk.core.model import GUIDE, Page, Rendered, Step
from kiosk.core.sanitize import sanitize

EXTENSIONS = [
    "tables",
    "admonition",
    "attr_list",
    "sane_lists",
    "md_in_html",
    "fenced_code",
    "footnotes",
]

# <iframe>, <video>, <object>... are replaced by a note in markdown_import, which says so.
_HOSTILE = re.compile(
    r"<\s*(script|style|form|input|button|textarea|select|link|meta|base)\b"
    r"|\son[a-z]+\s*=|javascript:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Body:
    """A page's Markdown body and the file line it starts at."""

    text: str
    first_line: int


def render(
    page: Page,
    body: Body,
    roots: paths.Roots,
    page_exists: Callable[[str], bool],
    *,
    site: Site | None = None,
) -> Rendered:
    """Render one page. Never raises for bad content: problems become diagnostics.

    ``site`` knows the library's other pages (aliases, hidden pages, Hugo refs) and
    the kiosk's words for what a page cannot show; without it, links are checked
    with ``page_exists`` alone and what is dropped leaves no note.
    """
    report = Report()
    site = site or Site(resolve=lambda page_id: page_id if page_exists(page_id) else None)
    source = body.text.split("\n")
    _warn_hostile(page, body, source, report)
    # Speaker notes are taken out first: nothing a reader sees is made from them.
    split = notes.split(source)
    for block in split.blocks:
        if not block.closed:
            report.error(
                page.file,
                body.first_line + block.start,
                "'::: notes' is never closed: end the notes with a line of ':::' "
                "(until then, the rest of the page is taken as notes and not shown)",
            )
    prepared = markdown_import.prepare(split.reader)
    for index, column, message in prepared.problems:
        report.warning(page.file, body.first_line + index, message, column)
    origin = prepared.origin
    whole = prepared.lines
    boxes = outline.doctor_boxes(whole)
    box = boxes[0] if boxes else None
    # The doctor box is shown in its own place; the body goes on without it. Its lines
    # are blanked, not removed, so every other line keeps its number.
    lines = list(whole)

    def line_of(index: int) -> int:
        return body.first_line + (origin[index] if index < len(origin) else len(source))

    if box is not None:
        lines[box.start : box.end] = [""] * (box.end - box.start)
    elif not page.is_section:
        report.warning(
            page.file,
            body.first_line,
            "no 'When to see a doctor' box: every page needs one, written as "
            "'!!! doctor \"When to see a doctor\"' (see content/README.md)",
        )
    for extra in boxes[1:]:
        report.warning(
            page.file,
            line_of(extra.start),
            f"a second 'When to see a doctor' box (the first is at line "
            f"{line_of(boxes[0].start)}): keep one, so every page shows it in the "
            "same place",
        )
    folder = paths.page_folder(page.file, roots)

    def convert(
        piece: str, locator: Locator, first_line: int, take_first_image: bool = False
    ) -> tuple[str, PageContext]:
        context = PageContext(
            page_id=page.id,
            file=page.file,
            roots=roots,
            page_exists=page_exists,
            report=report,
            locate=locator.find,
            take_first_image=take_first_image,
            site=site,
            lang=page.lang,
            folder=folder,
        )
        try:
            html = sanitize(_convert(piece, context), roots.images)
        except RecursionError:
            report.error(
                page.file,
                first_line,
                "this text is nested too deeply to lay out: it is shown as plain text",
            )
            html = _plain(piece)
        return html, context

    def chunk(
        start: int, end: int, take_first_image: bool = False, text: list[str] = lines
    ) -> tuple[str, PageContext]:
        locator = Locator(text, origin, source, body.first_line, start, end)
        piece = "\n".join(text[start:end])
        return convert(piece, locator, line_of(start), take_first_image)

    def notes_html(block: notes.Block) -> str:
        inner = block.inner(source)
        first = body.first_line + block.start + 1
        ready = markdown_import.prepare(inner)
        for index, column, message in ready.problems:
            report.warning(page.file, first + index, message, column)
        locator = Locator(ready.lines, ready.origin, inner, first, 0, len(ready.lines))
        return convert("\n".join(ready.lines), locator, first)[0]

    html, _ = chunk(0, len(lines))
    doctor_html = chunk(box.start, box.end, text=whole)[0] if box is not None else ""
    starts = outline.section_starts(lines)
    shape = outline.Outline(sections=len(starts), doctor_items=box.items if box else 0)
    intro = html
    steps: list[Step] = []
    if page.type == GUIDE:
        if not starts:
            report.warning(
                page.file,
                body.first_line,
                "guide has no steps: start each step with a '## ' heading",
            )
        else:
            intro, _ = chunk(0, starts[0])
            for index, start in enumerate(starts):
                end = starts[index + 1] if index + 1 < len(starts) else len(lines)
                title = outline.SECTION.match(lines[start])
                step_html, context = chunk(start + 1, end, take_first_image=True)
                image = context.images[0] if context.images else None
                steps.append(
                    Step(
                        title=title.group(1) if title else "",
                        html=step_html,
                        image=image,
                        line=line_of(start),
                    )
                )
    speaker = _notes(split.blocks, [origin[start] for start in starts], page, notes_html)
    return Rendered(html, intro, tuple(steps), report.items, doctor_html, shape, speaker)


def _notes(
    blocks: tuple[notes.Block, ...],
    step_starts: list[int],
    page: Page,
    to_html: Callable[[notes.Block], str],
) -> notes.Notes:
    """Each notes block's HTML, by the guide step it sits in (before the first step,
    or anywhere in an article: the page's own notes). ``step_starts`` are the body
    lines (from 0) of the step headings."""
    if not blocks:
        return notes.Notes()
    found: dict[int, list[str]] = {}
    for block in blocks:
        step = 0
        if page.type == GUIDE:
            step = sum(1 for start in step_starts if start < block.start)
        found.setdefault(step, []).append(to_html(block))
    joined = {step: "".join(parts) for step, parts in found.items()}
    return notes.Notes(joined.pop(0, ""), joined)


_converters = threading.local()  # one Markdown per thread, reused from page to page


def _convert(text: str, context: PageContext) -> str:
    """``text`` as HTML. Building a Markdown instance costs more than converting a
    short page, so each thread keeps one and resets it between pages."""
    kept: tuple[Markdown, KioskLinksExtension] | None = getattr(_converters, "kept", None)
    if kept is None:
        links = KioskLinksExtension(context)
        md = Markdown(extensions=[*EXTENSIONS, links, CalloutsExtension(), CjkBreaksExtension()])
        kept = (md, links)
    _converters.kept = None  # not reused if this conversion fails half-way
    md, links = kept
    md.reset()
    links.use(context)
    html = md.convert(text)
    _converters.kept = kept
    return html


def _plain(text: str) -> str:
    """Text as paragraphs, with no markup at all: the last resort for a page."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "".join(f"<p>{html_text.escape(p)}</p>" for p in paragraphs if p)


def _warn_hostile(page: Page, body: Body, lines: list[str], report: Report) -> None:
    for index, (line, outside) in enumerate(zip(lines, outline.unfenced(lines), strict=True)):
        if not outside:
            continue
        for match in _HOSTILE.finditer(line):
            report.warning(
                page.file,
                body.first_line + index,
                f"raw HTML '{match.group(0).strip()}' removed: pages cannot run scripts, "
                "forms or styles",
                match.start() + 1,
            )
