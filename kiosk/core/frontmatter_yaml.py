"""YAML front matter with the line of every key (see ``frontmatter``).

Its own module so that PyYAML is imported only when some front matter is read.
"""

from __future__ import annotations

from typing import Any

import yaml

from kiosk.core.frontmatter import FrontMatter, FrontMatterError, KeyPath, LineMap

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


def parse(raw: str, first_line: int) -> FrontMatter:
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
