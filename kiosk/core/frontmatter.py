"""Split a Markdown file into front matter and body, and parse the front matter.

YAML (``---``) and TOML (``+++``) are both accepted, as in Hugo. Parsing keeps the
line of every key so diagnostics can point at it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KeyPath = tuple[str | int, ...]

_FENCES = {"---": "yaml", "+++": "toml"}


class FrontMatterError(Exception):
    """Front matter that cannot be read at all; ``line`` is 1-based in the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class LineMap:
    """The file line of each key path, e.g. ``("title",)`` or ``("questions", 0, "answer")``."""

    lines: dict[KeyPath, int] = field(default_factory=dict)
    default: int = 1

    def line(self, *path: str | int) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        for end in range(len(path), 0, -1):
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return self.default


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any]
    lines: LineMap
    duplicates: tuple[tuple[str, int, int], ...] = ()  # (key, first line, repeated line)


@dataclass(frozen=True)
class Split:
    """A file cut in two. ``body_line`` is the file line where the body starts."""

    kind: str | None  # "yaml", "toml" or None when the file has no front matter
    raw: str
    body: str
    body_line: int


def split(text: str) -> Split:
    """Separate front matter from body. Raises FrontMatterError if a fence is never closed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first_end = text.find("\n")
    first = (text if first_end < 0 else text[:first_end]).rstrip()
    kind = _FENCES.get(first)
    if kind is None:
        return Split(None, "", text, 1)
    fence = first
    closers = {fence, "..."} if kind == "yaml" else {fence}
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            raw = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return Split(kind, raw, body, index + 2)
    raise FrontMatterError(1, f"front matter starting with '{fence}' is never closed")


def read_body(file: Path) -> str:
    """The Markdown body of a file, read again (the Library keeps no bodies in memory)."""
    text = file.read_bytes().decode("utf-8", errors="replace")
    try:
        return split(text).body
    except FrontMatterError:
        return ""


def parse(piece: Split) -> FrontMatter:
    """Parse the front matter of a split file. Raises FrontMatterError on bad syntax."""
    if piece.kind == "yaml":
        return _parse_yaml(piece.raw, first_line=2)
    if piece.kind == "toml":
        return _parse_toml(piece.raw, first_line=2)
    return FrontMatter({}, LineMap())


def _parse_yaml(raw: str, first_line: int) -> FrontMatter:
    # PyYAML is imported only when a file's front matter is read: a start with an
    # up-to-date index cache reads none.
    from kiosk.core import frontmatter_yaml

    return frontmatter_yaml.parse(raw, first_line)


# --- TOML -------------------------------------------------------------------

_TOML_KEY = re.compile(r'^\s*["\']?([A-Za-z0-9_-]+)["\']?\s*=')
_TOML_TABLE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]")
_TOML_LINE = re.compile(r"at line (\d+)")


def _parse_toml(raw: str, first_line: int) -> FrontMatter:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = getattr(exc, "lineno", None)
        if found is None:
            match = _TOML_LINE.search(str(exc))
            # No line number means "at end of document": the last line.
            found = int(match.group(1)) if match else raw.rstrip("\n").count("\n") + 1
        message = str(exc).split(" (at ")[0]
        raise FrontMatterError(
            first_line + int(found) - 1, f"front matter is not valid TOML: {message}"
        ) from None
    return FrontMatter(data, LineMap(_toml_lines(raw, first_line), first_line - 1))


def _toml_lines(raw: str, first_line: int) -> dict[KeyPath, int]:
    """Lines of top-level keys and of ``[[table]]`` entries; TOML keeps none itself."""
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    counts: dict[str, int] = {}
    for offset, text in enumerate(raw.split("\n")):
        line = first_line + offset
        header = _TOML_TABLE.match(text)
        if header:
            name = header.group(2)
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (name, index)
                lines.setdefault((name,), line)
            else:
                table = (name,)
            lines[table] = line
            continue
        key = _TOML_KEY.match(text)
        if key:
            lines.setdefault((*table, key.group(1)), line)
    return lines
