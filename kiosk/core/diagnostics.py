"""Problems found in content, reported as data in compiler style.

Every problem names a file and a line, so an author can jump straight to it:
``content/weaning/residual-milk.en.md:4: warning: unknown front-matter key 'titel'``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    """How bad a problem is: an error keeps a page off the screen, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one line of one file (lines count from 1)."""

    path: Path
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return self.shown(self.path)

    def shown(self, path: Path) -> str:
        return f"{path}:{self.line}: {self.severity.value}: {self.message}"

    def within(self, root: Path) -> str:
        """The diagnostic with its path relative to ``root`` (a content folder), if inside it."""
        try:
            return self.shown(self.path.relative_to(root))
        except ValueError:
            return str(self)


class Report:
    """Collects diagnostics while content is loaded or rendered."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def error(self, path: Path, line: int, message: str) -> None:
        self._items.append(Diagnostic(path, max(line, 1), Severity.ERROR, message))

    def warning(self, path: Path, line: int, message: str) -> None:
        self._items.append(Diagnostic(path, max(line, 1), Severity.WARNING, message))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        return tuple(self._items)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, str, str]:
    """Order by file, then line, so output reads top to bottom like a compiler's."""
    return (str(diagnostic.path), diagnostic.line, diagnostic.severity.value, diagnostic.message)


def count(items: Iterable[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in items if d.severity is severity)
