"""The running kiosk's health figures, written for node_exporter every minute.

The file (``metrics_file`` in the config) is replaced atomically, so the textfile
collector never reads half of it. The timer runs on the UI thread: if the UI
freezes, the file stops changing, and node_exporter's
``node_textfile_mtime_seconds`` shows it, as does
``kiosk_last_paint_timestamp_seconds`` falling behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.core import health, update_state
from kiosk.core.files import write_atomic
from kiosk.core.health import Health, prometheus_text
from kiosk.core.library import Library
from kiosk.core.update_state import UpdateResult
from kiosk.ui.paints import PaintWatch

log = logging.getLogger(__name__)

EVERY_MS = 60_000


class MetricsWriter(QObject):
    """Writes ``sample()`` to ``path`` now and on each of ``timer``'s ticks (a minute
    by default; tests fire ``timeout`` by hand), then calls ``after`` (the window's
    one-pixel repaint, so the next sample has a fresh paint time)."""

    def __init__(
        self,
        path: Path,
        sample: Callable[[], Health],
        timer: QTimer | None = None,
        after: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.sample = sample
        self.after = after
        self.timer = timer or QTimer(self)
        if timer is None:
            self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.write)
        self._failing = False

    def start(self) -> None:
        self.write()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def write(self) -> bool:
        """Write the figures now; False (logged once until it works again) on failure."""
        try:
            write_atomic(self.path, prometheus_text(self.sample()).encode("utf-8"))
        except OSError as exc:
            if not self._failing:
                log.warning("could not write the metrics file %s: %s", self.path, exc)
                self._failing = True
            return False
        finally:
            if self.after is not None:
                self.after()
        if self._failing:
            log.info("the metrics file %s is written again", self.path)
            self._failing = False
        return True


def for_kiosk(
    path: Path,
    library: Callable[[], Library],
    paints: PaintWatch,
    views_today: Callable[[], int] | None = None,
    parent: QObject | None = None,
    *,
    timer: QTimer | None = None,
    last_update: Callable[[], UpdateResult | None] = update_state.load,
) -> MetricsWriter:
    """The writer of the running kiosk: the library it shows now (``library()``: it
    changes on reload), when it last painted, the last update, views today."""

    def views() -> int | None:
        if views_today is None:
            return None
        try:
            return views_today()
        except Exception:  # the figures must not stop for one that fails
            log.exception("counting today's views failed")
            return None

    def sample() -> Health:
        return health.of_library(
            library(),
            last_paint=paints.last,
            last_update=last_update(),
            views_today=views(),
        )

    return MetricsWriter(path, sample, timer, after=paints.nudge, parent=parent)
