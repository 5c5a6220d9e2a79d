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
    """One problem at one line of one file (lines count from 1).

    ``column`` (from 1) is given where it helps, as for a second bad link on one
    line; 0 means none. ``line`` 0 is a problem with a whole folder, not a line.
    """

    path: Path
    line: int
    severity: Severity
    message: str
    column: int = 0

    def __str__(self) -> str:
        return self.shown(self.path)

    def shown(self, path: Path) -> str:
        if self.line <= 0:
            return f"{path}: {self.severity.value}: {self.message}"
        where = f"{self.line}:{self.column}" if self.column > 0 else f"{self.line}"
        return f"{path}:{where}: {self.severity.value}: {self.message}"

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

    def error(self, path: Path, line: int, message: str, column: int = 0) -> None:
        self._items.append(Diagnostic(path, max(line, 1), Severity.ERROR, message, column))

    def warning(self, path: Path, line: int, message: str, column: int = 0) -> None:
        self._items.append(Diagnostic(path, max(line, 1), Severity.WARNING, message, column))

    def folder(self, path: Path, severity: Severity, message: str) -> None:
        """A problem with a whole folder (shown as ``PATH: severity: message``)."""
        self._items.append(Diagnostic(path, 0, severity, message))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        return tuple(self._items)


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    """Order by file, then line, so output reads top to bottom like a compiler's."""
    d = diagnostic
    return (str(d.path), d.line, d.column, d.severity.value, d.message)


def count(items: Iterable[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in items if d.severity is severity)
