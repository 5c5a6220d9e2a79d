"""One content file read from disk, its front matter parsed and checked: worth caching.

What is here depends only on the file's own bytes, so a cached copy is right as long
as the file's size and modification time are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.core import frontmatter, notes, schema

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_H1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_SETEXT_H1 = re.compile(r"^=+\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>|\{\{[<%].*?[>%]\}\}|\[\^[^\]]*\]")
_ATTR_LIST = re.compile(r"\s*\{:?\s*[#.][^}]*\}\s*$")
_EMPHASIS = re.compile(r"\*\*|__|~~|[*`]|(?<!\w)_|_(?!\w)")
# Lines that start something other than a paragraph: headings, lists, quotes, tables,
# boxes, tabs, HTML, shortcodes, footnotes and link definitions.
_NOT_PARAGRAPH = re.compile(
    r"^(?:#|[-*+]\s|\d+[.)]\s|>|\||!!!|\?\?\?|===|<|\{\{|\[\^|\[[^\]]+\]:\s|---|\*\*\*|\[TOC\])"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
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
    has_body: bool = False  # any text after the front matter (an _index.md's intro)
    has_cjk: bool = False  # any Chinese character in the body


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
    body = notes.reader_text(piece.body)  # speaker notes are never a title or a summary
    return SourceFile(
        checked,
        body_line=piece.body_line,
        heading="" if "title" in data_keys else first_heading(body),
        first_paragraph="" if data_keys & {"summary", "description"} else first_paragraph(body),
        warnings=warnings + checked.problems,
        has_body=_has_text_beyond_title(body),
        has_cjk=bool(_CJK.search(body)),
    )


def first_heading(body: str) -> str:
    """The first level-one heading, as plain text (no Markdown, no HTML)."""
    fenced, previous = False, ""
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            match = _ATX_H1.match(line)
            if match and match.group(1):
                return plain(match.group(1))
            if _SETEXT_H1.match(line) and previous.strip():
                return plain(previous.strip())
        previous = line
    return ""


def first_paragraph(body: str) -> str:
    """The first real paragraph as plain text: never a heading, a list, a table, a box,
    or a line of nothing but links and pictures."""
    fenced, in_box = False, False
    paragraph: list[str] = []
    for line in [*body.split("\n"), ""]:
        stripped = line.strip()
        if _FENCE.match(line):
            fenced = not fenced
            paragraph = []
            continue
        if fenced:
            continue
        if in_box and (not stripped or line[:1] in " \t"):
            continue
        in_box = False
        if (
            stripped
            and not paragraph
            and (_NOT_PARAGRAPH.match(stripped) or line.startswith(("    ", "\t")))
        ):
            in_box = stripped.startswith(("!!!", "???", "==="))
            continue
        if stripped and not _SETEXT_H1.match(stripped) and not re.match(r"^-+$", stripped):
            paragraph.append(stripped)
            continue
        if stripped:  # a setext underline: the lines above were a heading
            paragraph = []
            continue
        raw = " ".join(paragraph)
        paragraph = []
        text = plain(raw)
        words = _TAG.sub("", _LINK.sub("", _IMAGE.sub("", raw)))
        if len(re.findall(r"\w", words)) >= 3:
            return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1] + "…"
    return ""


def _has_text_beyond_title(body: str) -> bool:
    """Whether the body says more than its ``# title``."""
    lines = [line for line in body.split("\n") if line.strip()]
    if lines and _ATX_H1.match(lines[0]):
        lines = lines[1:]
    elif len(lines) > 1 and _SETEXT_H1.match(lines[1].strip()):
        lines = lines[2:]
    return bool(lines)


def plain(text: str) -> str:
    """Inline Markdown and HTML as the words a reader sees."""
    text = _ATTR_LIST.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())
