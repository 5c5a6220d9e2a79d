"""Press feedback and tap-versus-drag for touch, shared by cards and other tiles."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

DRAG_THRESHOLD = 14  # px a finger may wander and still count as a tap


def set_pressed(widget: QWidget, pressed: bool) -> None:
    """Show or clear the pressed look (the ``pressed`` property in the style sheet)."""
    if widget.property("pressed") == pressed:
        return
    widget.setProperty("pressed", pressed)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a property it selects on has changed.

    Qt matches property selectors only when a widget is polished, and children
    matched through the parent (``[verdict="right"] QLabel``) need it too.
    """
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)
    widget.update()


class TapTracker:
    """Tells a tap from a drag: a press that moved more than a few pixels is no tap."""

    def __init__(self) -> None:
        self.start: QPoint | None = None
        self.moved = False

    def press(self, pos: QPoint, button: Qt.MouseButton) -> bool:
        if button != Qt.MouseButton.LeftButton:
            return False
        self.start, self.moved = pos, False
        return True

    def move(self, pos: QPoint) -> None:
        if self.start is not None and (pos - self.start).manhattanLength() > DRAG_THRESHOLD:
            self.moved = True

    def release(self) -> bool:
        """True if the press that just ended was a tap."""
        tapped = self.start is not None and not self.moved
        self.start, self.moved = None, False
        return tapped
