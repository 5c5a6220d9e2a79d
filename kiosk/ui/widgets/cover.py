"""A cover over the whole window that, while shown, takes every touch, click and key.

The screen-cleaning mode and the sleep outside opening hours both use one: what
is under it gets no input at all, not even the kiosk's own gestures (the staff
corner, the idle timer's restart), because the cover filters the application's
events and is put in front of every other filter each time it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.guard import guarded

# Everything a person can do to a touchscreen, a mouse or a keyboard.
INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.ContextMenu,
        QEvent.Type.Gesture,
        QEvent.Type.NativeGesture,
        QEvent.Type.InputMethod,
    }
)
# The start of a touch, click or key: what ``touched`` reports.
PRESSES = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.KeyPress,
    }
)


@guarded
class Cover(QWidget):
    """Fills its parent (the kiosk window) and follows its size; ``cover`` shows it
    in front of everything and swallows all input until ``uncover``.

    Signals:
        touched(): a touch, click or key arrived while covered (and went no further).
    """

    touched = Signal()

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.covering = False
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.covering = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # (again): in front of every filter installed since
        self.show()
        self.raise_()
        self.setFocus()

    def uncover(self) -> None:
        self.covering = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        parent = self.parentWidget()
        if kind == QEvent.Type.Resize and parent is not None and watched is parent:
            self.setGeometry(parent.rect())
            return False
        if not self.covering or kind not in INPUT:
            return False
        if kind in PRESSES:
            self.touched.emit()
        event.accept()  # a ShortcutOverride accepted: no shortcut fires either
        return True
