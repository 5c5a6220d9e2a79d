"""Anonymous records of education sessions given, for the nurse's own documentation.

When a session ends the kiosk keeps one row: which session, in which language, when
it started (to the minute), how long it took, how many items were shown and how
many check questions were asked. Nothing else can be stored: no name, no bed, no
free text, nothing anyone typed (``Record.problem`` refuses anything that is not
one of these plain values). Staff list them with ``kiosk sessions`` and export
them with ``kiosk sessions --csv FILE`` to write "weaning education given, 35
minutes, teach-back done" in the hospital's own record system.

The records are a small SQLite database (standard library) in the kiosk's data
folder, in write-ahead-log mode so that listing them never waits for a kiosk
writing one. Unlike the caches, it is never deleted: a damaged file is reported
(``RecordsError``) and left for IT staff.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

FILE_NAME = "sessions.sqlite3"
FORMAT = 1  # PRAGMA user_version of the database
BUSY_MS = 2000  # how long a writer waits for another one

_MINUTE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_SESSION_ID = re.compile(r"^[\w.-]{1,100}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    number INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    started TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    items_shown INTEGER NOT NULL,
    items_total INTEGER NOT NULL,
    questions_asked INTEGER NOT NULL
)
"""


class RecordsError(Exception):
    """The records cannot be read or written; the message says why, for IT staff."""


@dataclass(frozen=True)
class Record:
    """One session given. ``started`` is local time to the minute (``2026-06-01T14:05``)."""

    session_id: str
    lang: str
    started: str
    minutes: int
    items_shown: int
    items_total: int
    questions_asked: int

    def problem(self) -> str:
        """Why this record cannot be kept ("" if it can)."""
        if not _SESSION_ID.match(self.session_id):
            return f"session id {self.session_id!r} is not a session file's name"
        if not _CODE.match(self.lang):
            return f"language {self.lang!r} is not a language code"
        if not _MINUTE.match(self.started):
            return f"start {self.started!r} is not a time like 2026-06-01T14:05"
        numbers = (self.minutes, self.items_shown, self.items_total, self.questions_asked)
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
            return "minutes and counts should be whole numbers, 0 or more"
        return ""


FIELDS = tuple(field.name for field in fields(Record))
"""The CSV columns, in order: exactly the record's fields."""


def started_now(now: dt.datetime | None = None) -> str:
    """The local time now (or ``now``) as a record's ``started``."""
    return (now or dt.datetime.now()).strftime("%Y-%m-%dT%H:%M")


def default_path() -> Path:
    """``sessions.sqlite3`` in the platform's data folder for the kiosk."""
    import platformdirs

    return Path(platformdirs.user_data_dir("kiosk", appauthor=False)) / FILE_NAME


def save(record: Record, path: Path | None = None) -> bool:
    """Keep ``record``. Never raises: a record that cannot be kept is logged, and
    False returned (the session itself went well; the kiosk goes on)."""
    problem = record.problem()
    if problem:
        log.warning("session record not kept: %s", problem)
        return False
    path = path or default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(_connect(path)) as db:
            _prepare(db, path)
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "INSERT INTO records (session_id, lang, started, minutes, items_shown, "
                "items_total, questions_asked) VALUES (?, ?, ?, ?, ?, ?, ?)",
                astuple(record),
            )
            db.execute("COMMIT")
    except (sqlite3.Error, OSError, RecordsError) as exc:
        log.warning("session record not kept in %s: %s", path, exc)
        return False
    return True


def load_all(path: Path | None = None) -> list[Record]:
    """Every record, oldest first ([] when none was ever kept). Raises RecordsError
    when the file exists but cannot be read as records."""
    path = path or default_path()
    if not path.exists():
        return []
    try:
        with contextlib.closing(_connect(path)) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                return []  # made, but no record was ever written
            if version != FORMAT:
                raise RecordsError(f"{path}: records of another kiosk version ({version})")
            rows = db.execute(
                "SELECT session_id, lang, started, minutes, items_shown, items_total, "
                "questions_asked FROM records ORDER BY started, number"
            ).fetchall()
    except sqlite3.Error as exc:
        raise RecordsError(f"{path}: the session records cannot be read: {exc}") from None
    return [Record(*row) for row in rows]


def write_csv(records: Iterable[Record], out: TextIO | Path) -> None:
    """The records as CSV with a header row (``FIELDS``), for a spreadsheet."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as file:
            write_csv(records, file)
        return
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow([_cell(value) for value in astuple(record)])


def _cell(value: object) -> object:
    """A value a spreadsheet shows as itself, never runs as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    return db


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Make the table once, in WAL mode; refuse a file of another format."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == FORMAT:
        return
    if version != 0:
        raise RecordsError(f"{path}: records of another kiosk version ({version})")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            db.execute(_SCHEMA)
            db.execute(f"PRAGMA user_version = {FORMAT}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
