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

import yaml

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


# --- YAML ---------------------------------------------------------------------
#
# libyaml composes the node tree; we build the values ourselves while recording
# each key's line. Scalars stay text: the schema knows each key's type, so a date
# like 2026-02-30 is a warning for the author rather than a crash in the parser.

_Base: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _Loader(_Base):  # type: ignore[valid-type, misc]
    """No tag resolution at all: every node keeps its default tag (faster, and safe)."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return self.DEFAULT_TAGS[kind]  # type: ignore[no-any-return]


_Loader.DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
MAX_DEPTH = 12
MAX_NODES = 5000  # enough for any page; stops alias bombs ("billion laughs")


def _parse_yaml(raw: str, first_line: int) -> FrontMatter:
    if not raw.strip():
        return FrontMatter({}, LineMap(default=first_line - 1))
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or "cannot be read"
        if exc.context and exc.context_mark and mark and exc.context_mark.line != mark.line:
            problem += f" ({exc.context} at line {first_line + exc.context_mark.line})"
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    except (yaml.YAMLError, ValueError) as exc:
        raise FrontMatterError(first_line, f"front matter is not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    if node is None:
        return FrontMatter({}, LineMap(default=first_line - 1))
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(first_line, "front matter must be a list of 'key: value' lines")
    builder = _Builder(first_line)
    data = builder.value(node, ())
    assert isinstance(data, dict)
    return FrontMatter(data, LineMap(builder.lines, first_line - 1), tuple(builder.duplicates))


class _Builder:
    """Plain values from YAML nodes, with the file line of every key and list item."""

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.lines: dict[KeyPath, int] = {}
        self.duplicates: list[tuple[str, int, int]] = []
        self.nodes = 0

    def value(self, node: yaml.Node, path: KeyPath) -> Any:
        self.nodes += 1
        if len(path) > MAX_DEPTH or self.nodes > MAX_NODES:
            raise FrontMatterError(
                self.first_line + node.start_mark.line, "front matter is nested too deeply"
            )
        if isinstance(node, yaml.MappingNode):
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                line = self.first_line + key_node.start_mark.line
                child = (*path, key)
                if not path and child in self.lines:
                    self.duplicates.append((key, self.lines[child], line))
                self.lines[child] = line
                if type(value_node) is yaml.ScalarNode:  # most values: no need to recurse
                    self.nodes += 1
                    mapping[key] = _scalar(value_node)
                else:
                    mapping[key] = self.value(value_node, child)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                child = (*path, index)
                self.lines[child] = self.first_line + item.start_mark.line
                items.append(self.value(item, child))
            return items
        return _scalar(node)


def _scalar(node: yaml.Node) -> str | None:
    """A scalar as text; an unquoted empty, ``~`` or ``null`` is None."""
    text = str(node.value)
    if getattr(node, "style", None) is None and text in _NULLS:
        return None
    return text


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
