"""A screen that scrolls kinetically: the frame shared by home and article screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.guard import guarded
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.theme import Theme


@guarded
class ScrollingScreen(QScrollArea):
    """Content in ``self.column`` (a vertical layout with the theme's margins) scrolls."""

    _keep: float | None = None  # a share of the page to stay at while it lays out

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
        self.verticalScrollBar().rangeChanged.connect(self._hold_place)

    @property
    def scrolled_share(self) -> float:
        """How far down the page the reader is, from 0 (top) to 1 (end)."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def keep_place(self, share: float) -> None:
        """Stay ``share`` of the way down while the page lays itself out (text grows
        line by line), until the reader touches it: bigger text, or another
        language, must not send them back to the top."""
        self._keep = share
        self._hold_place()

    def _hold_place(self) -> None:
        if self._keep is not None:
            bar = self.verticalScrollBar()
            bar.setValue(round(self._keep * bar.maximum()))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self._keep = None  # the reader moves on from here
        return super().viewportEvent(event)
