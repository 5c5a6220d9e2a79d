"""Layout helpers shared by screens that turn with the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout

# Qt's largest widget size (QWIDGETSIZE_MAX, which PySide6 does not export):
# setting a maximum to it lifts an earlier limit.
QWIDGETSIZE_MAX = (1 << 24) - 1


def is_stacked(box: QBoxLayout) -> bool:
    """True if ``box`` lays its items out top to bottom."""
    return box.direction() == QBoxLayout.Direction.TopToBottom


def follow_orientation(box: QBoxLayout, size: QSize) -> bool:
    """Side by side on a landscape ``size``, stacked on a portrait one.

    Returns True if the direction changed, so callers can redo their stretches.
    """
    portrait = size.width() < size.height()
    if portrait == is_stacked(box):
        return False
    box.setDirection(
        QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
    )
    return True
