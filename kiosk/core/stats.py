"""Anonymous usage counts: what is read on each kiosk, per day.

What is stored is one row per day, kiosk, event, page, language and detail, with a
count, and nothing else: no time finer than the day, nothing that links one page
to the next a visitor read, nothing typed or chosen beyond right or wrong. The
events (the ``event`` column):

- ``page_view``: a page opened from a card, a link or Read next (going Back to it,
  or changing language, text size or contrast on it, is not another view).
- ``guide_step``: how far readers get in a guide. Per guide view, every time the
  reader reaches a step further than any before in that view, that step is counted
  once, with detail ``"N/S"`` (step N of S) or ``"end/S"`` (the summary). Readers
  who go step by step count at 1, 2, ... up to where they stopped, so the counts
  read as "how many got at least this far"; a jump by the dots counts only the step
  landed on.
- ``check_right`` and ``check_wrong``: an answer a reader tapped in "Check your
  understanding"; detail is the question's number (1 is the first).
- ``read_aloud``: the speaker button started reading; detail ``speech`` (a voice)
  or ``recording`` (the page's own audio).
- ``idle_reset``: the kiosk went back to its attract screen after someone used it.
- ``session_run``: reserved for nurses' sessions (the page column: the session).

The take-home QR codes are not counted: a phone reads the code from the screen and
the kiosk never learns of it.

Writing: ``Recorder.record`` puts the event on a queue and returns at once; a plain
worker thread writes each event in a transaction of its own to an SQLite database in
write-ahead-log mode (``PRAGMA synchronous=FULL``), so a kill or a power cut loses at
most the event being written. A damaged database, or one locked by another process
for longer than a short wait, is renamed aside (``stats.sqlite3.broken-YYYYmmdd-
HHMMSS``, with its ``-wal`` and ``-shm``), a new one is started, and the log says so
once. Nothing here ever raises into the kiosk.

Reading: ``most_read`` and ``views_on`` (for the staff panel and the health metrics)
and ``rows`` (for ``kiosk stats``) only read the database, never make one, and give
empty answers when there is none or it cannot be read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import queue
import socket
import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "stats.sqlite3"

PAGE_VIEW = "page_view"
GUIDE_STEP = "guide_step"
CHECK_RIGHT = "check_right"
CHECK_WRONG = "check_wrong"
READ_ALOUD = "read_aloud"
IDLE_RESET = "idle_reset"
SESSION_RUN = "session_run"
EVENTS = (PAGE_VIEW, GUIDE_STEP, CHECK_RIGHT, CHECK_WRONG, READ_ALOUD, IDLE_RESET, SESSION_RUN)

# How long a write waits for another process that holds the database, before the
# database is taken to be stuck and moved aside.
BUSY_SECONDS = 2.0
# Events waiting to be written; beyond this (a disk that stopped answering) new ones
# are dropped rather than held in memory.
QUEUE_SIZE = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    event TEXT NOT NULL,
    page_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    detail TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, kiosk_id, event, page_id, lang, detail)
) WITHOUT ROWID
"""
_UPSERT = """
INSERT INTO counts (day, kiosk_id, event, page_id, lang, detail, count)
VALUES (?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (day, kiosk_id, event, page_id, lang, detail) DO UPDATE SET count = count + 1
"""
# SQLite's errors that say nothing about the file itself (a full disk, no permission):
# moving the database aside would not help.
_NOT_THE_FILE = {
    "SQLITE_FULL",
    "SQLITE_CANTOPEN",
    "SQLITE_READONLY",
    "SQLITE_IOERR",
    "SQLITE_PERM",
    "SQLITE_NOMEM",
    "SQLITE_AUTH",
}
_LOCKED = {"SQLITE_BUSY", "SQLITE_LOCKED"}


@dataclass(frozen=True)
class Row:
    """One count: ``count`` times ``event`` on ``day`` (YYYY-MM-DD) at ``kiosk_id``."""

    kiosk_id: str
    day: str
    event: str
    page_id: str
    lang: str
    detail: str
    count: int


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("kiosk", appauthor=False)) / FILE_NAME


def kiosk_id(configured: str = "") -> str:
    """The config's ``kiosk_id``, else the machine's host name (a machine, not a person)."""
    return configured.strip() or socket.gethostname() or "kiosk"


def step_detail(step: int, steps: int) -> str:
    """A guide position as stored: ``"3/7"`` for step 3 of 7, ``"end/7"`` for the summary."""
    return f"end/{steps}" if step > steps else f"{step}/{steps}"


def _error_kind(exc: BaseException) -> str:
    """SQLite's primary error name (``SQLITE_CORRUPT``), or "" if it gave none."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    return "_".join(name.split("_")[:2])


class Recorder:
    """Counts events in the database at ``path``, written by a worker thread of its own.

    ``record`` never blocks and never raises. ``flush`` waits until everything
    recorded so far is written; ``close`` flushes (for at most ``timeout`` seconds)
    and stops the worker. ``committed`` counts the events written.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        kiosk: str = "",
        today: Callable[[], dt.date] = dt.date.today,
        busy_seconds: float = BUSY_SECONDS,
        queue_size: int = QUEUE_SIZE,
    ) -> None:
        self.path = path or default_path()
        self.kiosk_id = kiosk_id(kiosk)
        self.committed = 0
        self._today = today
        self._busy = busy_seconds
        self._queue: queue.Queue[tuple[str, ...] | None] = queue.Queue(queue_size)
        self._pending = 0  # recorded and not yet written (or given up)
        self._settled = threading.Condition()
        self._closed = False
        self._dropped = 0
        self._trouble = ""  # the last write failure, logged once until a write works
        self._db: sqlite3.Connection | None = None
        self._worker = threading.Thread(target=self._work, name="usage-stats", daemon=True)
        self._worker.start()

    # --- the kiosk's side ---------------------------------------------------------------

    def record(self, event: str, page_id: str = "", lang: str = "", detail: str = "") -> None:
        """Count ``event`` today. Returns at once; a problem is logged, never raised."""
        try:
            if self._closed:
                return
            row = (self._today().isoformat(), self.kiosk_id, event, page_id, lang, detail)
            with self._settled:
                self._pending += 1
            try:
                self._queue.put_nowait(row)
            except queue.Full:
                self._finished()
                if not self._dropped:
                    log.warning("usage statistics: the disk is not keeping up; events dropped")
                self._dropped += 1
        except Exception:
            log.exception("usage statistics: could not count %s", event)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every event recorded so far is written; False if ``timeout`` ran out."""
        with self._settled:
            return self._settled.wait_for(lambda: self._pending == 0, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is queued, then stop. False if the worker did not finish in time."""
        if self._closed:
            return not self._worker.is_alive()
        self._closed = True
        try:
            self._queue.put(None, timeout=timeout)
        except queue.Full:
            log.warning("usage statistics: could not finish writing; some counts are lost")
            return False
        self._worker.join(timeout)
        if self._worker.is_alive():
            log.warning("usage statistics: could not finish writing; some counts are lost")
            return False
        return True

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- the worker's side ------------------------------------------------------------

    def _finished(self) -> None:
        with self._settled:
            self._pending -= 1
            self._settled.notify_all()

    def _work(self) -> None:
        while True:
            row = self._queue.get()
            if row is None:
                break
            try:
                self._write(row)
            except Exception:  # never let the worker die: the next event may work
                log.exception("usage statistics: could not write a count")
            finally:
                self._finished()
        self._close_db()

    def _write(self, row: tuple[str, ...]) -> None:
        try:
            self._upsert(row)
            return
        except sqlite3.DatabaseError as exc:
            first: Exception = exc
        except OSError as exc:
            first = exc
        self._close_db()
        if isinstance(first, sqlite3.DatabaseError) and _error_kind(first) not in _NOT_THE_FILE:
            self._move_aside(first)
        try:  # once more: on a new database, or after the file came back
            self._upsert(row)
        except (sqlite3.DatabaseError, OSError) as exc:
            self._close_db()
            if not self._trouble:
                log.warning("usage statistics: cannot write to %s: %s", self.path, exc)
            self._trouble = str(exc)

    def _upsert(self, row: tuple[str, ...]) -> None:
        if self._db is None:
            self._db = _open(self.path, self._busy)
        self._db.execute(_UPSERT, row)  # autocommit: one transaction per event
        self.committed += 1
        if self._trouble:
            log.info("usage statistics: writing to %s again", self.path)
            self._trouble = ""

    def _close_db(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _move_aside(self, why: sqlite3.DatabaseError) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        number = 2
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.broken-{stamp}-{number}")
            number += 1
        try:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{self.path}{suffix}").rename(f"{target}{suffix}")
        except OSError as exc:
            log.warning(
                "usage statistics: %s cannot be used (%s) nor moved: %s", self.path, why, exc
            )
            return
        state = "locked by another process" if _error_kind(why) in _LOCKED else "damaged"
        log.warning(
            "usage statistics: %s was %s (%s); moved it to %s and started a new one",
            self.path,
            state,
            why,
            target.name,
        )


def _open(path: Path, busy_seconds: float) -> sqlite3.Connection:
    """The database for writing, made if missing; raises sqlite3.DatabaseError if damaged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=busy_seconds, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")  # reads the header: a foreign file fails here
        db.execute("PRAGMA synchronous=FULL")  # each event on disk before the next
        db.execute(_SCHEMA)
        found = db.execute("PRAGMA quick_check").fetchone()
        if found != ("ok",):
            raise sqlite3.DatabaseError(f"quick_check found: {found[0] if found else 'nothing'}")
    except BaseException:
        db.close()
        raise
    return db


class Usage:
    """What the kiosk's screens report, counted through ``recorder`` (None: nothing).

    It keeps one thing in memory, and only until the next idle reset: how far the
    reader got in each guide they have open, so a step is counted once per view.
    """

    def __init__(self, recorder: Recorder | None = None) -> None:
        self.recorder = recorder
        self._furthest: dict[str, int] = {}  # guide id -> furthest step in this view

    def _count(self, event: str, page_id: str = "", lang: str = "", detail: str = "") -> None:
        if self.recorder is not None:
            self.recorder.record(event, page_id, lang, detail)

    def page_opened(self, page_id: str, lang: str) -> None:
        self._furthest[page_id] = 0
        self._count(PAGE_VIEW, page_id, lang)

    def guide_step(self, page_id: str, lang: str, step: int, steps: int) -> None:
        """Step ``step`` of a guide with ``steps`` steps is shown (0: its introduction,
        ``steps + 1``: its summary)."""
        if step <= self._furthest.get(page_id, 0):
            return
        self._furthest[page_id] = step
        self._count(GUIDE_STEP, page_id, lang, step_detail(step, steps))

    def check_answered(self, page_id: str, lang: str, question: int, right: bool) -> None:
        """A reader answered question number ``question`` (1 is the first)."""
        self._count(CHECK_RIGHT if right else CHECK_WRONG, page_id, lang, str(question))

    def read_aloud(self, page_id: str, lang: str, means: str = "") -> None:
        self._count(READ_ALOUD, page_id, lang, means)

    def idle_reset(self) -> None:
        self._furthest.clear()
        self._count(IDLE_RESET)

    def session_run(self, session_id: str, lang: str = "") -> None:
        self._count(SESSION_RUN, session_id, lang)

    def close(self, timeout: float = 5.0) -> bool:
        return self.recorder.close(timeout) if self.recorder is not None else True


# --- reading ------------------------------------------------------------------------------


@contextlib.contextmanager
def _reading(path: Path | None) -> Iterator[sqlite3.Connection | None]:
    """The database for reading, or None when there is none or it cannot be opened.

    Opened read-write but never made (``mode=rw``), and only read: a read-only
    connection would leave its ``-wal`` and ``-shm`` behind, and those, made by
    another user (``sudo kiosk stats --db``), could stop the kiosk writing.
    """
    path = path or default_path()
    if not path.is_file():
        yield None
        return
    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=rw"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS)
    except sqlite3.Error as exc:
        log.warning("usage statistics: cannot read %s: %s", path, exc)
        yield None
        return
    try:
        yield db
    finally:
        db.close()


def _days(days: int, today: dt.date | None) -> tuple[str, str]:
    last = today or dt.date.today()
    return (last - dt.timedelta(days=days - 1)).isoformat(), last.isoformat()


def most_read(
    days: int, *, today: dt.date | None = None, limit: int = 10, path: Path | None = None
) -> list[tuple[str, int]]:
    """Page ids and their views over the last ``days`` days (today included, every
    language), most read first; ties by page id."""
    if days < 1 or limit < 1:
        return []
    first, last = _days(days, today)
    query = (
        "SELECT page_id, SUM(count) AS views FROM counts WHERE event = ? AND day BETWEEN ? AND ? "
        "GROUP BY page_id ORDER BY views DESC, page_id LIMIT ?"
    )
    with _reading(path) as db:
        if db is None:
            return []
        try:
            return [(str(p), int(n)) for p, n in db.execute(query, (PAGE_VIEW, first, last, limit))]
        except sqlite3.Error as exc:
            log.warning("usage statistics: cannot read %s: %s", path or default_path(), exc)
            return []


def views_on(day: dt.date, path: Path | None = None) -> int:
    """Page views on ``day``, every page and language."""
    query = "SELECT COALESCE(SUM(count), 0) FROM counts WHERE event = ? AND day = ?"
    with _reading(path) as db:
        if db is None:
            return 0
        try:
            return int(db.execute(query, (PAGE_VIEW, day.isoformat())).fetchone()[0])
        except sqlite3.Error as exc:
            log.warning("usage statistics: cannot read %s: %s", path or default_path(), exc)
            return 0


def rows(days: int, *, today: dt.date | None = None, path: Path | None = None) -> list[Row]:
    """Every count of the last ``days`` days (today included), by day, kiosk and event.

    Raises sqlite3.DatabaseError for a database that cannot be read, so that
    ``kiosk stats`` can say so.
    """
    if days < 1:
        return []
    first, last = _days(days, today)
    query = (
        "SELECT kiosk_id, day, event, page_id, lang, detail, count FROM counts "
        "WHERE day BETWEEN ? AND ? ORDER BY day, kiosk_id, event, page_id, lang, detail"
    )
    with _reading(path) as db:
        if db is None:
            return []
        return [Row(*found) for found in db.execute(query, (first, last))]
