"""Where ``kiosk run`` leaves its traces: a rotating log, the journal, and fatal errors.

Messages go to ``kiosk.log`` in the platform's log folder and to standard error,
which a service manager (systemd) keeps in its journal. A crash that Python
cannot catch (a segmentation fault, an abort in Qt) is written by
``faulthandler`` into ``fatal.log`` in the same folder. Each run marks its start
and its clean end there, so the next start can say that the one before died.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TextIO

import platformdirs

APP = "kiosk"
FATAL_LOG = "fatal.log"
STARTED = "=== kiosk started"
STOPPED = "=== kiosk stopped cleanly"
KEEP_BYTES = 256_000  # of fatal.log, when it has grown past four times that

_fatal_stream: TextIO | None = None


def folder() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def setup() -> Path:
    """Log to the rotating file and to standard error; returns the log file's path."""
    where = folder()
    where.mkdir(parents=True, exist_ok=True)
    path = where / "kiosk.log"
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    stream_handler = logging.StreamHandler(sys.stderr)
    stream_handler.setFormatter(logging.Formatter("kiosk: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(file_handler)
    root.addHandler(stream_handler)
    root.setLevel(logging.INFO)
    return path


def trace_fatal_errors() -> str | None:
    """Send fatal errors to ``fatal.log``; returns how the previous run ended, if badly.

    The answer is a one-line description of the previous run when it did not
    stop cleanly (a fatal error, or killed), else None.
    """
    global _fatal_stream
    path = folder() / FATAL_LOG
    previous = _previous_run(path)
    _trim(path)
    stream = path.open("a", encoding="utf-8")
    now = dt.datetime.now().isoformat(timespec="seconds")
    stream.write(f"{STARTED} (pid {os.getpid()}) at {now} ===\n")
    stream.flush()
    faulthandler.enable(file=stream, all_threads=True)
    _fatal_stream = stream
    return previous


def mark_clean_stop() -> None:
    """The run ends as it should; the next start has nothing to report."""
    if _fatal_stream is None:
        return
    faulthandler.disable()
    now = dt.datetime.now().isoformat(timespec="seconds")
    _fatal_stream.write(f"{STOPPED} at {now} ===\n")
    _fatal_stream.flush()


def _previous_run(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            stream.seek(max(0, path.stat().st_size - 64_000))
            tail = stream.read().decode("utf-8", "replace")
    except OSError:
        return None
    start = tail.rfind(STARTED)
    if start < 0:
        return None
    last = tail[start:]
    if STOPPED in last:
        return None
    header, *rest = last.splitlines()
    # "(pid 5781) at 2026-11-25T09:29:13" → "(pid 5781, started 2026-11-25T09:29:13)"
    began = header.removeprefix(STARTED).strip(" =").replace(") at ", ", started ", 1) + ")"
    fatal = next((line for line in rest if line.startswith("Fatal Python error")), None)
    if fatal:
        return f"the previous run {began} ended with '{fatal}'; its trace is in {path}"
    return f"the previous run {began} did not stop cleanly (killed, or the power went off)"


def _trim(path: Path) -> None:
    """Keep the newest part of a fatal log that has grown large."""
    try:
        if path.stat().st_size <= 4 * KEEP_BYTES:
            return
        with path.open("rb") as stream:
            stream.seek(-KEEP_BYTES, os.SEEK_END)
            kept = stream.read()
        path.write_bytes(kept[kept.find(b"\n") + 1 :])
    except OSError:
        return
