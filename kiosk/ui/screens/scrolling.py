"""A screen that scrolls kinetically: the frame shared by home and article screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.guard import guarded
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.theme import Theme

# Where a reader is: the section they are in (0 is the top of the page, before any
# heading) and how far through it, from 0 to 1.
Place = tuple[int, float]


@guarded
class ScrollingScreen(QScrollArea):
    """Content in ``self.column`` (a vertical layout with the theme's margins) scrolls."""

    _keep: Place | None = None  # where to stay while the page lays itself out

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

    def section_tops(self) -> list[int]:
        """Where each section of the page starts, in pixels from the top of its content.

        A screen with headings says where they are; then another language of the
        page, or bigger text, keeps the reader in the same section.
        """
        return []

    def _anchors(self) -> list[int]:
        return [0, *self.section_tops(), max(self.content.height(), 1)]

    @property
    def reading_place(self) -> Place:
        """The section at the top of the screen, and how far into it the reader is."""
        top = self.verticalScrollBar().value()
        anchors = self._anchors()
        index = max(i for i in range(len(anchors) - 1) if anchors[i] <= top or i == 0)
        start, end = anchors[index], anchors[index + 1]
        return index, (top - start) / (end - start) if end > start else 0.0

    def keep_place(self, place: Place) -> None:
        """Stay at ``place`` while the page lays itself out (text grows line by
        line), until the reader touches it: bigger text, or another language,
        must not send them back to the top, nor to another section."""
        self._keep = place
        self._hold_place()

    def _hold_place(self) -> None:
        if self._keep is not None:
            anchors = self._anchors()
            index, share = self._keep
            index = min(index, len(anchors) - 2)
            start, end = anchors[index], anchors[index + 1]
            self.verticalScrollBar().setValue(round(start + share * (end - start)))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self._keep = None  # the reader moves on from here
        return super().viewportEvent(event)
