"""A touch card for one page: cover, title and a short summary."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.model import GUIDE, Page
from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.clamped import ClampedLabel, lines_height
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.tappable import TapTracker, set_pressed

TITLE_LINES = 3
SUMMARY_LINES = 3


# The card's spacing, in one place for laying it out and for working out its height.
def _card_margins(theme: Theme) -> tuple[int, int, int, int]:
    return 0, 0, 0, theme.sizes.gap


def _cover_gap(theme: Theme) -> int:
    return theme.px(10)


def _text_margins(theme: Theme) -> tuple[int, int, int, int]:
    return theme.sizes.gap, theme.px(12), theme.sizes.gap, 0


def _text_gap(theme: Theme) -> int:
    return theme.px(8)


@guarded
class PageCard(QFrame):
    """A tappable card.

    Every card made with one theme has the same height, whatever its page and
    however wide it is: room for a three-line title and a three-line summary,
    a longer text ends in "…". So cards side by side, in a carousel or one
    after another on the attract screen always line up. A guide says so on a
    badge over its picture, which costs no height.

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
        self.setFixedSize(width, self.height_for(theme))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(page.title)
        s = theme.sizes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*_card_margins(theme))
        layout.setSpacing(_cover_gap(theme))
        cover = Picture(page.cover, self)
        cover.setObjectName("CardCover")
        cover.setFixedHeight(s.cover_height)
        layout.addWidget(cover)
        self.badge: QLabel | None = None
        if page.type == GUIDE:
            self.badge = QLabel(tr("guide", page.lang))
            self.badge.setObjectName("CardBadge")
            over = QVBoxLayout(cover)
            over.setContentsMargins(s.gap // 2, s.gap // 2, s.gap // 2, s.gap // 2)
            over.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setContentsMargins(*_text_margins(theme))
        texts.setSpacing(_text_gap(theme))
        self.title = ClampedLabel(page.title, TITLE_LINES)
        self.title.setObjectName("CardTitle")
        texts.addWidget(self.title)
        self.summary = ClampedLabel(page.summary, SUMMARY_LINES)
        self.summary.setObjectName("CardSummary")
        texts.addWidget(self.summary)
        texts.addStretch(1)
        layout.addLayout(texts)
        self._tap = TapTracker()

    @staticmethod
    @functools.lru_cache(maxsize=8)
    def height_for(theme: Theme) -> int:
        """The height of every card in ``theme``: cover, then room for the longest texts."""
        title = QFont(theme.font_family)
        title.setPixelSize(theme.sizes.card_title)
        title.setWeight(QFont.Weight.Bold)
        summary = QFont(theme.font_family)
        summary.setPixelSize(theme.sizes.small)
        _, top, _, bottom = _card_margins(theme)
        _, text_top, _, text_bottom = _text_margins(theme)
        return (
            top
            + theme.sizes.cover_height
            + _cover_gap(theme)
            + text_top
            + lines_height(title, TITLE_LINES)
            + _text_gap(theme)
            + lines_height(summary, SUMMARY_LINES)
            + text_bottom
            + bottom
        )

    def set_width(self, width: int) -> None:
        self.setFixedWidth(width)

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
