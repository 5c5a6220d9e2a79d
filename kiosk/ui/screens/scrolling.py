"""A screen that scrolls kinetically: the frame shared by home and article screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.theme import Theme


class ScrollingScreen(QScrollArea):
    """Content in ``self.column`` (a vertical layout with the theme's margins) scrolls."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        # The app's sheet is at the standard text size; this screen's own one, from
        # the theme it was built with, sizes its text as the visitor chose. (Give
        # the screen its parent when building it: moving a styled widget to another
        # parent styles all its children again.)
        self.setStyleSheet(theme.style_sheet())
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        make_kinetic(self)
        s = theme.sizes
        self.content = QWidget()
        self.content.setObjectName("ScrollContent")
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        self.column.setSpacing(s.gap)
