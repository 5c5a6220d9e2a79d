"""The keys of presenter mode, as clickers and keyboards send them, from any window.

An application event filter, like the lockdown: a key works whatever widget has
the focus (a focused button must not take Space or Enter for itself), in the
audience window and in the presenter view alike. Installed after the lockdown,
it sees keys first; the lockdown still swallows what it blocks. In kiosk mode Esc
does not end the session (a clicker's start/stop button sends it, and so can
anyone's keyboard): there, the staff gesture does, as it opens the staff desk.

| key | what it does |
| --- | --- |
| Right, PageDown | next (part of the item, or the next item) |
| Down | next (the next row in the overview) |
| Space, Enter | next (jump to the chosen tile in the overview) |
| Left, PageUp, Backspace | previous |
| Up | previous (the row before in the overview) |
| B or . | black screen, on and off |
| W or , | white screen, on and off |
| Home, End | first, last item |
| G | the overview of every item |
| L | the audience's next language, on the same item |
| N | the notes over the screen (one screen only) |
| Esc | close the overview or the blank screen, else leave (not in kiosk mode) |
| F5 | nothing (a clicker's start button) |
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from kiosk.ui.guard import guarded
from kiosk.ui.presenter.controller import Presentation

Key = Qt.Key
# Shift alone is allowed: some keyboards send it with "." or ",".
CHORDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def actions(show: Presentation) -> dict[Key, Callable[[], None]]:
    return {
        Key.Key_Right: show.next,
        Key.Key_PageDown: show.next,
        Key.Key_Down: show.down,
        Key.Key_Space: show.enter,
        Key.Key_Return: show.enter,
        Key.Key_Enter: show.enter,
        Key.Key_Left: show.previous,
        Key.Key_PageUp: show.previous,
        Key.Key_Backspace: show.previous,
        Key.Key_Up: show.up,
        Key.Key_B: show.toggle_black,
        Key.Key_Period: show.toggle_black,
        Key.Key_W: show.toggle_white,
        Key.Key_Comma: show.toggle_white,
        Key.Key_Home: show.first,
        Key.Key_End: show.last,
        Key.Key_G: show.toggle_overview,
        Key.Key_L: show.switch_language,
        Key.Key_N: show.toggle_notes,
        Key.Key_F5: lambda: None,
    }


@guarded
class PresenterKeys(QObject):
    """Drives ``show`` from the keyboard; ``escape_leaves``: Esc may end the session."""

    def __init__(self, show: Presentation, escape_leaves: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.show = show
        self.escape_leaves = escape_leaves
        self.actions = actions(show)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        # A key reaches the window first, then the widget with the focus: act once.
        if not watched.isWidgetType() or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & CHORDS:
            return False  # Alt+F4 and the like: the lockdown's
        key = Key(event.key())
        if key != Key.Key_Escape and key not in self.actions:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut takes it: the key press comes here
            return True
        if key == Key.Key_Escape:
            self._escape()
        else:
            self.actions[key]()
        return True

    def _escape(self) -> None:
        show = self.show
        if show.overview:
            show.toggle_overview()
        elif show.blank:
            show.toggle_black() if show.blank == "black" else show.toggle_white()
        elif self.escape_leaves:
            show.finish()
