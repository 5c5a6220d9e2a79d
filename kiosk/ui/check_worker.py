"""Checking the content for the staff menu, off the UI thread.

Rendering every page of a large library takes many seconds: the menu must not
freeze for them. A ``CheckThread`` runs the Qt-free check (``core.checker``, with
the findings kept between runs in ``core.check_cache``) in a thread of its own and
posts what it finds back by signal, as it goes; the menu fills in its list from
them. ``cancel()`` stops it after the page it is on.
"""

from __future__ import annotations

import atexit
import gc
import logging
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from kiosk.core import checker
from kiosk.core.check_cache import CheckCache
from kiosk.core.diagnostics import Diagnostic
from kiosk.core.library import Library

log = logging.getLogger(__name__)


class CheckThread(QThread):
    """Checks ``library`` once, keeping findings in the cache file ``cache`` (None: none).

    Signals:
        found(CheckThread, tuple[Diagnostic, ...], int, int): new diagnostics, pages
            checked, pages.
        done(CheckThread, tuple[Diagnostic, ...]): every diagnostic, in ``kiosk check``'s
            order (not sent if the check was cancelled or failed).

    A running thread is kept here (``RUNNING``) until it ends, whoever started it: a
    QThread destroyed while it runs takes the process down.
    """

    found = Signal(object, object, int, int)  # this thread first: whose findings they are
    done = Signal(object, object)

    def __init__(self, library: Library, cache: Path | None) -> None:
        super().__init__()
        self.library = library
        self.cache = cache
        self._stop = threading.Event()

    def begin(self) -> None:
        if not RUNNING:
            _share_often(True)
        RUNNING.add(self)
        self.start(QThread.Priority.LowPriority)

    def end(self) -> None:
        """Cancel, and wait for the page being checked to be done (a few milliseconds)."""
        self.cancel()
        self.wait()
        RUNNING.discard(self)
        if not RUNNING:
            _share_often(False)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            cache = CheckCache(self.cache, self.library.roots) if self.cache else None
            result = checker.check(
                self.library,
                cache,
                found=self._found,
                cancelled=self._stop.is_set,
            )
        except Exception:  # a bug in a check must not take the kiosk down
            log.exception("checking the content failed")
            return
        if result is not None and not self._stop.is_set():
            self.done.emit(self, result)

    def _found(self, items: tuple[Diagnostic, ...], checked: int, total: int) -> None:
        if not self._stop.is_set():
            self.found.emit(self, items, checked, total)


RUNNING: set[CheckThread] = set()
SHARE_EVERY = 0.001  # seconds; Python's default is 0.005
_usual_interval: float | None = None


def _share_often(often: bool) -> None:
    """While a check runs, Python hands its lock between threads every millisecond,
    not every five, and the garbage collector leaves alone what existed before. The
    UI thread takes the lock for each Python event filter and slot, often hundreds of
    times for one frame, and would otherwise wait up to 5 ms each time (or a tenth of
    a second while a full collection walks a large library): a menu that takes half a
    second to draw."""
    global _usual_interval
    if often and _usual_interval is None:
        _usual_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(SHARE_EVERY, _usual_interval))
        # A full garbage collection walks every object (a large library's pages too),
        # holding the lock for a tenth of a second or more: it walks only what is new.
        gc.freeze()
    elif not often and _usual_interval is not None:
        sys.setswitchinterval(_usual_interval)
        _usual_interval = None
        gc.unfreeze()


@atexit.register
def end_all() -> None:
    """Stop every check still running (at exit, before Qt's objects go)."""
    for thread in list(RUNNING):
        thread.end()
