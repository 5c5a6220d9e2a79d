"""Markdown body → sanitized HTML that Qt's rich text shows; guides → steps."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown

from kiosk.core import outline, paths
from kiosk.core.diagnostics import Report
from kiosk.core.markdown_callouts import CalloutsExtension
from kiosk.core.markdown_cjk import CjkBreaksExtension
from kiosk.core.markdown_links import KioskLinksExtension, PageContext
from kiosk.core.model import GUIDE, Page, Rendered, Step
from kiosk.core.sanitize import sanitize

EXTENSIONS = ["tables", "admonition", "attr_list", "sane_lists"]

_HOSTILE = re.compile(
    r"<\s*(script|style|iframe|object|embed|form|input|button|textarea|select|link|meta|base)\b"
    r"|\son[a-z]+\s*=|javascript:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Body:
    """A page's Markdown body and the file line it starts at."""

    text: str
    first_line: int


def render(
    page: Page, body: Body, roots: paths.Roots, page_exists: Callable[[str], bool]
) -> Rendered:
    """Render one page. Never raises for bad content: problems become diagnostics."""
    report = Report()
    source = body.text.split("\n")
    _warn_hostile(page, body, source, report)
    boxes = outline.doctor_boxes(source)
    box = boxes[0] if boxes else None
    # The doctor box is shown in its own place; the body goes on without it. Its lines
    # are blanked, not removed, so every other line keeps its number.
    lines = list(source)
    if box is not None:
        lines[box.start : box.end] = [""] * (box.end - box.start)
    else:
        report.warning(
            page.file,
            body.first_line,
            "no 'When to see a doctor' box: every page needs one, written as "
            "'!!! doctor \"When to see a doctor\"' (see content/README.md)",
        )
    for extra in boxes[1:]:
        report.warning(
            page.file,
            body.first_line + extra.start,
            f"a second 'When to see a doctor' box (the first is at line "
            f"{body.first_line + boxes[0].start}): keep one, so every page shows it in the "
            "same place",
        )

    def chunk(
        start: int, end: int, take_first_image: bool = False, text: list[str] = lines
    ) -> tuple[str, PageContext]:
        context = PageContext(
            page_id=page.id,
            file=page.file,
            roots=roots,
            page_exists=page_exists,
            report=report,
            find_line=lambda needle: _find_line(lines, needle, start, body.first_line),
            take_first_image=take_first_image,
        )
        extensions = [KioskLinksExtension(context), CalloutsExtension(), CjkBreaksExtension()]
        md = Markdown(extensions=[*EXTENSIONS, *extensions])
        html = md.convert("\n".join(text[start:end]))
        return sanitize(html, (roots.content, roots.assets)), context

    html, _ = chunk(0, len(lines))
    doctor_html = chunk(box.start, box.end, text=source)[0] if box is not None else ""
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
                        line=body.first_line + start,
                    )
                )
    return Rendered(html, intro, tuple(steps), report.items, doctor_html, shape)


def _find_line(lines: list[str], needle: str, start: int, first_line: int) -> int:
    """The file line where ``needle`` first appears in the chunk starting at ``start``."""
    if needle:
        for index in range(start, len(lines)):
            if needle in lines[index]:
                return first_line + index
    return first_line + start


def _warn_hostile(page: Page, body: Body, lines: list[str], report: Report) -> None:
    for index, line in enumerate(lines):
        match = _HOSTILE.search(line)
        if match:
            report.warning(
                page.file,
                body.first_line + index,
                f"raw HTML '{match.group(0).strip()}' removed: pages cannot run scripts, "
                "forms or styles",
            )
