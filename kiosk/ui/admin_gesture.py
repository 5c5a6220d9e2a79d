"""The hidden way in for staff: hold the top-left corner, or tap it several times."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QMouseEvent

from kiosk.ui.guard import guarded


@guarded
class AdminGesture(QObject):
    """Watches presses in a corner of the window.

    Holding the corner until ``hold_timer`` fires, or ``taps`` taps within
    ``tap_seconds`` (by ``clock``), emits ``triggered``.

    Signals:
        triggered(): staff asked for the admin menu.
    """

    triggered = Signal()

    def __init__(
        self,
        in_corner: Callable[[QPoint], bool],
        hold_timer: QTimer,
        taps: int = 5,
        tap_seconds: float = 3.0,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.in_corner = in_corner
        self.hold_timer = hold_timer
        self.hold_timer.setSingleShot(True)
        self.hold_timer.timeout.connect(self._fire)
        self.taps, self.tap_seconds, self.clock = taps, tap_seconds, clock
        self._tap_times: list[float] = []
        self._last: tuple[object, ...] = ()

    def _fire(self) -> None:
        self._tap_times.clear()
        self.triggered.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        # An application filter sees one press several times (window, then each widget
        # it propagates to); count it once.
        seen = (kind, event.timestamp(), event.globalPosition().toPoint().toTuple())
        if seen == self._last:
            return False
        self._last = seen
        if kind == QEvent.Type.MouseButtonPress:
            if self.in_corner(event.globalPosition().toPoint()):
                self.hold_timer.start()
                now = self.clock()
                self._tap_times = [t for t in self._tap_times if now - t <= self.tap_seconds]
                self._tap_times.append(now)
                if len(self._tap_times) >= self.taps:
                    self._fire()
            else:
                self._tap_times.clear()
        elif kind == QEvent.Type.MouseButtonRelease or (
            kind == QEvent.Type.MouseMove and not self.in_corner(event.globalPosition().toPoint())
        ):
            self.hold_timer.stop()
        return False
