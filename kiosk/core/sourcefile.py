"""One content file read from disk, its front matter parsed and checked: worth caching.

What is here depends only on the file's own bytes, so a cached copy is right as long
as the file's size and modification time are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.core import frontmatter, schema

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_H1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_SETEXT_H1 = re.compile(r"^=+\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^(?:[-*+]|\d+[.)]|>)\s+|[*_`]")
SUMMARY_CHARS = 140


@dataclass(frozen=True)
class SourceFile:
    """A parsed file. ``error`` is set when it cannot be shown at all."""

    checked: schema.Checked | None
    body_line: int = 1
    heading: str = ""  # the body's first "# heading", the title when front matter has none
    first_paragraph: str = ""  # the summary when front matter has none
    error: tuple[int, str] | None = None
    warnings: tuple[tuple[int, str], ...] = ()


def read(file: Path) -> SourceFile:
    """Read and parse ``file``; never raises for bad content."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        return SourceFile(None, error=(1, f"the file cannot be read: {exc.strerror or exc}"))
    if b"\x00" in data[:8000]:
        return SourceFile(None, error=(1, "this is not a text file"))
    warnings: tuple[tuple[int, str], ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        warnings = (
            (
                line,
                "the text is not UTF-8; save the file as UTF-8 "
                "(characters that could not be read show as \ufffd)",
            ),
        )
        text = data.decode("utf-8", errors="replace")
    try:
        piece = frontmatter.split(text)
        front = frontmatter.parse(piece)
    except frontmatter.FrontMatterError as exc:
        return SourceFile(None, error=(exc.line, exc.message), warnings=warnings)
    data_keys = {key.lower() for key in front.data}
    checked = schema.read(front)
    return SourceFile(
        checked,
        body_line=piece.body_line,
        heading="" if "title" in data_keys else first_heading(piece.body),
        first_paragraph=""
        if data_keys & {"summary", "description"}
        else first_paragraph(piece.body),
        warnings=warnings + checked.problems,
    )


def first_heading(body: str) -> str:
    fenced, previous = False, ""
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            match = _ATX_H1.match(line)
            if match and match.group(1):
                return match.group(1)
            if _SETEXT_H1.match(line) and previous.strip():
                return previous.strip()
        previous = line
    return ""


def first_paragraph(body: str) -> str:
    fenced = False
    for line in body.split("\n"):
        stripped = line.strip()
        if _FENCE.match(line):
            fenced = not fenced
        elif fenced or not stripped or stripped.startswith(("#", "!", "|", "<", "---", "===")):
            continue
        else:
            plain = " ".join(_MARKUP.sub("", _LINK.sub(r"\1", stripped)).split())
            if plain:
                return plain if len(plain) <= SUMMARY_CHARS else plain[: SUMMARY_CHARS - 1] + "…"
    return ""
