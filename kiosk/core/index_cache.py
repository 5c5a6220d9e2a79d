"""A cache of parsed content files, so a large library starts fast the second time.

It is a small SQLite database (from the standard library): one row per content file,
keyed by its path under the content folder, with the file's size and modification
time (``mtime_ns``) and what ``sourcefile.read`` made of it, packed with ``marshal``
into plain data. On every load each file is checked by one ``stat``: an unchanged
file is taken from its row and never read; a changed or new one is read and its row
replaced; rows of files that are gone are dropped. Anything else that decides what a
page looks like (covers, links, translations, review dates) is worked out again on
every load. A table of its own keeps the record of home's first screen
(``start_index``), which ``kiosk run`` paints from before it reads any file.

The kiosk, ``kiosk snapshot`` and ``kiosk check`` share one database per content
folder (the kiosk keeps it in the platform's cache folder). Several kiosk processes
may use it at once: SQLite's write-ahead log keeps readers and a writer apart, and a
writer that finds the database busy gives up its write (it only costs speed). A
damaged, foreign or old-format database is deleted and built again; nothing about
the cache can stop the kiosk from starting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import marshal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kiosk.core import schema
from kiosk.core.frontmatter import LineMap
from kiosk.core.sourcefile import SourceFile
from kiosk.core.teachback import Question

log = logging.getLogger(__name__)

# Bump when SourceFile or what it holds changes shape. The Python version is part of
# the stamp too, as marshal's format belongs to it.
FORMAT = 8  # 8: the first screen's record (start_index) in a table of its own
_STAMP = FORMAT * 10_000 + sys.version_info[0] * 100 + sys.version_info[1]

# How long to wait for another kiosk process that is writing, before going on without
# the cache (reading) or without saving (writing).
BUSY_MS = 200

Key = tuple[int, int]  # (size, mtime_ns)
Row = tuple[int, int, bytes]  # size, mtime_ns, packed SourceFile

_UNREADABLE = "the file cannot be read"  # sourcefile.read's message when open() fails

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    data BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS start (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL
)
"""


class IndexCache:
    """Parsed files by relative path; ``save()`` writes back what changed.

    The API is the same as ever: ``read`` gives a file's SourceFile, from its row if
    the file is unchanged; ``save`` stores the new rows and drops the gone ones.
    ``reads`` counts the files that had to be read (for tests and benchmarks).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reads = 0
        self._rows: dict[str, Row] = {}
        self._new: dict[str, Row] = {}
        self._seen: set[str] = set()
        self._start: bytes | None = None  # the first screen's record, as stored
        self._usable = True  # False: another process holds it; neither read nor write
        try:
            self._rows = self._load()
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                log.info("content index cache %s is busy; reading every file", self.path)
                self._usable = False
            else:
                self._discard(exc)
        except (sqlite3.DatabaseError, ValueError, OSError) as exc:
            self._discard(exc)

    # --- reading ------------------------------------------------------------------

    def read(self, file: Path, relative: str, read: Callable[[Path], SourceFile]) -> SourceFile:
        """The parsed file, from the cache if the file is unchanged, else from ``read``."""
        self._seen.add(relative)
        try:
            stat = file.stat()
        except OSError:
            self.reads += 1
            return read(file)
        row = self._rows.get(relative)
        if row is not None and row[0] == stat.st_size and row[1] == stat.st_mtime_ns:
            with contextlib.suppress(ValueError, TypeError, EOFError, IndexError, KeyError):
                return unpack(row[2])
        self.reads += 1
        parsed = read(file)
        if parsed.checked is None and parsed.error and _UNREADABLE in parsed.error[1]:
            return parsed  # not the file's bytes but its permissions: ask again next time
        with contextlib.suppress(ValueError, TypeError):  # a value marshal cannot hold
            self._new[relative] = (stat.st_size, stat.st_mtime_ns, pack(parsed))
        return parsed

    # --- writing ------------------------------------------------------------------

    def save(self, start: bytes | None = None) -> None:
        """Store new and changed rows, dropping files that are gone, and ``start``, the
        record of the first screen (see start_index), if it changed. Failure only costs
        speed."""
        gone = [relative for relative in self._rows if relative not in self._seen]
        if start is not None and start == self._start:
            start = None
        if not self._usable or not (self._new or gone or start is not None):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.closing(self._connect()) as db:
                _prepare(db)
                with _transaction(db):  # other processes see all of it or none of it
                    if start is not None:
                        db.execute(
                            "INSERT OR REPLACE INTO start (id, data) VALUES (1, ?)", (start,)
                        )
                    db.executemany(
                        "INSERT OR REPLACE INTO files (path, size, mtime_ns, data) "
                        "VALUES (?, ?, ?, ?)",
                        [(relative, *row) for relative, row in self._new.items()],
                    )
                    db.executemany("DELETE FROM files WHERE path = ?", [(g,) for g in gone])
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                self._discard(exc)
            return
        except (sqlite3.DatabaseError, OSError) as exc:
            self._discard(exc)
            return
        if start is not None:
            self._start = start
        for relative in gone:
            del self._rows[relative]
        self._rows.update(self._new)
        self._new.clear()

    # --- the database -----------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        return db

    def _load(self) -> dict[str, Row]:
        if not self.path.exists():
            return {}
        with contextlib.closing(self._connect()) as db:
            stamp = db.execute("PRAGMA user_version").fetchone()[0]
            if stamp != _STAMP:
                if stamp != 0:
                    log.info("content index cache %s is of another version; rebuilt", self.path)
                raise ValueError("another format")
            rows = db.execute("SELECT path, size, mtime_ns, data FROM files").fetchall()
            start = db.execute("SELECT data FROM start WHERE id = 1").fetchone()
        self._start = bytes(start[0]) if start else None
        return {path: (size, mtime, data) for path, size, mtime, data in rows}

    def _discard(self, error: Exception) -> None:
        """Delete a database that cannot be used; the next save builds a new one."""
        if not isinstance(error, ValueError):
            log.info("content index cache %s is damaged (%s); rebuilt", self.path, error)
        self._rows = {}
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").unlink()


def _prepare(db: sqlite3.Connection) -> None:
    """Make the table and stamp the format, once; WAL so readers never wait for a writer."""
    if db.execute("PRAGMA user_version").fetchone()[0] == _STAMP:
        return
    db.execute("PRAGMA journal_mode = WAL")
    with _transaction(db):
        if db.execute("PRAGMA user_version").fetchone()[0] == _STAMP:
            return  # another kiosk process made it just now
        db.execute("DROP TABLE IF EXISTS files")  # another format: start again
        db.execute("DROP TABLE IF EXISTS start")
        for statement in _SCHEMA.split(";"):
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {_STAMP}")


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (IMMEDIATE) so that two writers wait in
    turn instead of failing halfway."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


# --- SourceFile <-> plain data ----------------------------------------------------------

_DATE, _QUESTIONS = 1, 2


def pack(parsed: SourceFile) -> bytes:
    """A SourceFile as bytes of plain data (no pickle: nothing in it can run code)."""
    checked: tuple[Any, ...] | None = None
    if parsed.checked is not None:
        meta: list[tuple[str, int, Any]] = []
        for key, value in parsed.checked.meta.items():
            if isinstance(value, dt.date):
                meta.append((key, _DATE, value.toordinal()))
            elif key == "questions":
                meta.append((key, _QUESTIONS, tuple(_question(q) for q in value)))
            else:
                meta.append((key, 0, value))
        lines = parsed.checked.lines
        checked = (tuple(meta), lines.lines, lines.default, parsed.checked.problems)
    return marshal.dumps(
        (
            checked,
            parsed.body_line,
            parsed.heading,
            parsed.first_paragraph,
            parsed.error,
            parsed.warnings,
            parsed.has_body,
            parsed.has_cjk,
        )
    )


def unpack(data: bytes) -> SourceFile:
    checked, body_line, heading, first_paragraph, error, warnings, has_body, has_cjk = (
        marshal.loads(data)
    )
    read: schema.Checked | None = None
    if checked is not None:
        packed_meta, lines, default, problems = checked
        meta: dict[str, Any] = {}
        for key, kind, value in packed_meta:
            if kind == _DATE:
                meta[key] = dt.date.fromordinal(value)
            elif kind == _QUESTIONS:
                meta[key] = tuple(Question(*q) for q in value)
            else:
                meta[key] = value
        read = schema.Checked(meta, LineMap(lines, default), problems)
    return SourceFile(
        read,
        body_line=body_line,
        heading=heading,
        first_paragraph=first_paragraph,
        error=error,
        warnings=warnings,
        has_body=has_body,
        has_cjk=has_cjk,
    )


def _question(question: Question) -> tuple[Any, ...]:
    return (
        question.prompt,
        question.choices,
        question.answer,
        question.explanation,
        question.line,
    )
