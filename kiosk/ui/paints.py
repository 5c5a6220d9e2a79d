"""When the kiosk's window last really painted: what the watchdog and the metrics need.

An event filter on the window (only on it: every event of every widget through
Python would cost) sees each repaint request the window's backing store takes in,
and the paint that follows in the same step. Both come from the UI thread's event
loop, so a frozen UI leaves the time where it was. ``nudge`` asks for a one-pixel
repaint, so a screen nobody touches still shows that the loop is drawing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.guard import guarded

_PAINTING = (QEvent.Type.UpdateRequest, QEvent.Type.Paint)


@guarded
class PaintWatch(QObject):
    """Signals:
    first_paint(): the window's first frame has been painted (sent from the event
        loop once that paint is done).
    """

    first_paint = Signal()

    def __init__(self, window: QWidget, clock: Callable[[], float] = time.time) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.last: float | None = None  # Unix time of the last paint; None before the first
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.window and event.type() in _PAINTING:
            first = self.last is None
            self.last = self.clock()
            if first:  # once this paint is done
                QTimer.singleShot(0, self, self.first_paint.emit)
        return False

    def nudge(self) -> None:
        """Repaint one pixel: cheap, and proof that the event loop still draws."""
        self.window.update(QRect(0, 0, 1, 1))
