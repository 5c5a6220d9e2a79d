"""Idle reset: after a while with no touch or key, the kiosk starts over."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from kiosk.ui.guard import guarded

ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


@guarded
class IdleWatcher(QObject):
    """Restarts ``timer`` on every touch, click or key anywhere in the app.

    The timer is given, not made here, so tests fire its ``timeout`` themselves.
    """

    def __init__(self, timer: QTimer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = timer
        self.timer.setSingleShot(True)
        self.paused = False

    def pause(self) -> None:
        """No reset until ``resume`` (a nurse's session: the room may watch for minutes)."""
        self.paused = True
        self.timer.stop()

    def resume(self, start: bool = True) -> None:
        self.paused = False
        if start:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in ACTIVITY and not self.paused:
            self.timer.start()
        return False
