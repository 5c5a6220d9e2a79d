"""A page's shape, read from its Markdown lines: sections, and its "When to see a doctor" box.

Every page has one such box, written as an admonition of the kind ``doctor``:

    !!! doctor "When to see a doctor"
        **See a doctor today**

        - A red, hot, painful area in your breast, with a fever.

The kiosk shows it in the same place on every page (at the end of an article,
on a guide's summary), wherever the author wrote it, so the renderer takes it
out of the body. ``kiosk check`` wants one on every page and compares the shape
of translations: the same number of sections and of warning signs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```|~~~)")
SECTION = re.compile(r"^##(?!#)\s*(.*?)\s*#*\s*$")
DOCTOR = re.compile(r"^!!!\s+doctor\b")
ITEM = re.compile(r"^\s+(?:[-*+]|\d+[.)])\s+\S")


@dataclass(frozen=True)
class Box:
    """Where a doctor box sits in a body's lines: ``start`` up to, not including, ``end``."""

    start: int
    end: int
    items: int


@dataclass(frozen=True)
class Outline:
    """What translations of one page should share."""

    sections: int
    doctor_items: int


def unfenced(lines: list[str]) -> list[bool]:
    """For each line, whether it is outside a fenced code block."""
    outside, fenced = [], False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
            outside.append(False)
        else:
            outside.append(not fenced)
    return outside


def section_starts(lines: list[str], skip: tuple[Box, ...] = ()) -> list[int]:
    """The lines that start a ``##`` section (a guide's steps), outside code and boxes."""
    inside = {index for box in skip for index in range(box.start, box.end)}
    return [
        index
        for index, (line, outside) in enumerate(zip(lines, unfenced(lines), strict=True))
        if outside and index not in inside and SECTION.match(line)
    ]


def doctor_boxes(lines: list[str]) -> tuple[Box, ...]:
    """Every ``!!! doctor`` block: its header line and the indented or blank lines after it."""
    boxes: list[Box] = []
    outside = unfenced(lines)
    index = 0
    while index < len(lines):
        if outside[index] and DOCTOR.match(lines[index]):
            end = index + 1
            while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
                end += 1
            while end > index + 1 and not lines[end - 1].strip():
                end -= 1  # the blank lines after the box are not part of it
            items = sum(1 for line in lines[index + 1 : end] if ITEM.match(line))
            boxes.append(Box(index, end, items))
            index = end
        else:
            index += 1
    return tuple(boxes)
