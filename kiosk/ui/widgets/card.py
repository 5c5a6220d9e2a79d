"""A touch card for one page: cover, title and one-line summary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.model import GUIDE, Page
from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.tappable import TapTracker, set_pressed


@guarded
class PageCard(QFrame):
    """A tappable card.

    Signals:
        activated(str): the card was tapped; carries the page id.
    """

    activated = Signal(str)

    def __init__(self, page: Page, theme: Theme, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("Card")
        self.setProperty("pressed", False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(width)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(page.title)
        s = theme.sizes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, s.gap)
        layout.setSpacing(theme.px(10))
        cover = Picture(page.cover, self)
        cover.setObjectName("CardCover")
        cover.setFixedHeight(s.cover_height)
        layout.addWidget(cover)
        texts = QVBoxLayout()
        texts.setContentsMargins(s.gap, theme.px(6), s.gap, 0)
        texts.setSpacing(theme.px(8))
        if page.type == GUIDE:
            badge = QLabel(tr("guide", page.lang))
            badge.setObjectName("CardBadge")
            texts.addWidget(badge)
        title = QLabel(page.title)
        title.setObjectName("CardTitle")
        title.setWordWrap(True)
        texts.addWidget(title)
        summary = QLabel(page.summary)
        summary.setObjectName("CardSummary")
        summary.setWordWrap(True)
        texts.addWidget(summary)
        texts.addStretch(1)
        layout.addLayout(texts)
        height = s.cover_height + theme.px(250) + (theme.px(36) if page.type == GUIDE else 0)
        self.setFixedHeight(height)
        self._tap = TapTracker()

    def set_pressed(self, pressed: bool) -> None:
        set_pressed(self, pressed)

    def cancel_press(self) -> None:
        """The finger turned out to be scrolling: this press is no tap."""
        self._tap.release()
        self.set_pressed(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._tap.press(event.position().toPoint(), event.button()):
            self.set_pressed(True)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self._tap.move(event.position().toPoint())
        if self._tap.moved:
            self.set_pressed(False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        tapped = self._tap.release() and self.rect().contains(event.position().toPoint())
        self.set_pressed(False)
        if tapped:
            self.activated.emit(self.page.id)
