"""Speaker notes: what a nurse reads while presenting a page, and no reader ever sees.

Notes are a pandoc/Quarto fenced div in the page's own Markdown::

    ::: notes
    - Say: milk comes in because it is taken out.
    - Ask the room: what do you do when a breast feels full?
    :::

``{.notes}`` works too (``::: {.notes}``), and so do longer fences (``:::: notes``
... ``::::``). Divs may nest inside notes; fenced code inside notes is left alone.
The block is taken out of the body before anything else reads it (rendering,
the summary, the export), its lines blanked so every other line keeps its number.
A block never closed runs to the end of the page (nothing of it leaks out) and is
reported at its opening line.

In a guide, notes inside a step's section belong to that step; notes before the
first step belong to its introduction (``Notes.page``). An article's notes are all
``Notes.page``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_OPEN = re.compile(r"^ {0,3}(:{3,})\s*(?:notes|\{\s*\.notes\s*\})\s*$")
_DIV_OPEN = re.compile(r"^ {0,3}:{3,}\s*\S")  # any fenced div (nested inside notes)
_CLOSE = re.compile(r"^ {0,3}:{3,}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Notes:
    """A page's speaker notes as sanitized HTML: ``page`` (an article's notes, or a
    guide's introduction's) and ``steps`` (a guide's, by step from 1). "" when none."""

    page: str = ""
    steps: dict[int, str] = field(default_factory=dict)

    def step(self, number: int) -> str:
        """The notes of step ``number`` (0: the introduction), "" if none."""
        return self.page if number == 0 else self.steps.get(number, "")

    def __bool__(self) -> bool:
        return bool(self.page or any(self.steps.values()))


@dataclass(frozen=True)
class Block:
    """One notes block: its ``::: notes`` line (``start``, from 0) up to, not
    including, ``end``; ``closed`` is False when it runs to the end of the text."""

    start: int
    end: int
    closed: bool

    def inner(self, lines: list[str]) -> list[str]:
        """The block's own Markdown, without its fences."""
        return lines[self.start + 1 : self.end - 1 if self.closed else self.end]


@dataclass(frozen=True)
class Split:
    """A body's lines with every notes block blanked (``reader``), and the blocks."""

    reader: list[str]
    blocks: tuple[Block, ...]


def split(lines: list[str]) -> Split:
    """Find the notes blocks in ``lines`` (a page body's) and blank them for readers."""
    blocks: list[Block] = []
    fenced = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _OPEN.match(line):
            end, closed = _block_end(lines, index)
            blocks.append(Block(index, end, closed))
            index = end
            continue
        index += 1
    if not blocks:
        return Split(lines, ())
    reader = list(lines)
    for block in blocks:
        reader[block.start : block.end] = [""] * (block.end - block.start)
    return Split(reader, tuple(blocks))


def reader_text(text: str) -> str:
    """``text`` (a body) without its notes: what a reader may see."""
    if ":::" not in text:
        return text
    return "\n".join(split(text.split("\n")).reader)


def _block_end(lines: list[str], start: int) -> tuple[int, bool]:
    depth, fenced = 1, False
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if _FENCE.match(line):
            fenced = not fenced
        elif fenced:
            continue
        elif _CLOSE.match(line):
            depth -= 1
            if depth == 0:
                return index + 1, True
        elif _DIV_OPEN.match(line):
            depth += 1
    return len(lines), False
