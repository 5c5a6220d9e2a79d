"""In kiosk mode, nothing a visitor does leaves the app or opens anything.

Swallows the keys that close or switch windows or reach the clipboard, right- and
middle-clicks, context menus and drag-and-drop, for the whole application. (Text
cannot be selected in the first place: see ``widgets/richtext.py``.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent

from kiosk.ui.guard import guarded

Key = Qt.Key
Mod = Qt.KeyboardModifier

BLOCKED_KEYS = {Key.Key_Escape, Key.Key_F11, Key.Key_Close, Key.Key_Menu}
BLOCKED_CHORDS = {
    (Mod.AltModifier, Key.Key_F4),
    (Mod.ControlModifier, Key.Key_Q),
    (Mod.ControlModifier, Key.Key_W),
    (Mod.ControlModifier, Key.Key_F4),
    (Mod.AltModifier, Key.Key_Tab),
}
# Select all, and whatever the platform binds to the clipboard (Ctrl+C, Ctrl+Insert ...).
CLIPBOARD = (
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
)
MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}
DRAG = {QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}


def is_blocked_key(event: QKeyEvent) -> bool:
    key = Key(event.key())
    if key in BLOCKED_KEYS:
        return True
    modifiers = event.modifiers()
    if any(modifiers & mod and key == chord for mod, chord in BLOCKED_CHORDS):
        return True
    return any(event.matches(standard) for standard in CLIPBOARD)


@guarded
class Lockdown(QObject):
    """An application event filter; ``enabled`` is False for authors' windowed runs."""

    enabled = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self.enabled:
            return False
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            if isinstance(event, QKeyEvent) and is_blocked_key(event):
                # An accepted ShortcutOverride stops the shortcut; the key press that
                # follows is then swallowed here too.
                event.accept()
                return True
            return False
        if kind in MOUSE and isinstance(event, QMouseEvent):
            return event.button() in (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton)
        return kind == QEvent.Type.ContextMenu or kind in DRAG
