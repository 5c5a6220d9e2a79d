"""Markdown body → sanitized HTML that Qt's rich text shows; guides → steps."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown

from kiosk.core import paths
from kiosk.core.diagnostics import Report
from kiosk.core.markdown_callouts import CalloutsExtension
from kiosk.core.markdown_cjk import CjkBreaksExtension
from kiosk.core.markdown_links import KioskLinksExtension, PageContext
from kiosk.core.model import GUIDE, Page, Rendered, Step
from kiosk.core.sanitize import sanitize

EXTENSIONS = ["tables", "admonition", "attr_list", "sane_lists"]

_FENCE = re.compile(r"^\s*(```|~~~)")
_STEP = re.compile(r"^##(?!#)\s*(.*?)\s*#*\s*$")
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
    lines = body.text.split("\n")
    _warn_hostile(page, body, lines, report)

    def chunk(start: int, end: int, take_first_image: bool = False) -> tuple[str, PageContext]:
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
        html = md.convert("\n".join(lines[start:end]))
        return sanitize(html, (roots.content, roots.assets)), context

    html, _ = chunk(0, len(lines))
    intro = html
    steps: list[Step] = []
    if page.type == GUIDE:
        starts = _step_starts(lines)
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
                title = _STEP.match(lines[start])
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
    return Rendered(html, intro, tuple(steps), report.items)


def _step_starts(lines: list[str]) -> list[int]:
    starts, fenced = [], False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _STEP.match(line):
            starts.append(index)
    return starts


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
