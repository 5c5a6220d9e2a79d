"""A touch card for one page: cover, title and a short summary."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.model import GUIDE, Page
from kiosk.ui.guard import guarded
from kiosk.ui.layout import QWIDGETSIZE_MAX
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.clamped import ClampedLabel, lines_height
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.tappable import TapTracker, repolish, set_pressed

TITLE_LINES = 3
SUMMARY_LINES = 3
WIDE_COVER_SHARE = 0.55  # of a wide card's width, for its picture


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
    badge over its picture, which costs no height. A card given room for two
    (a lone guide beside the home screen's header) puts its picture beside its
    text, at the card's full height, instead of stretching a short banner.

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
        self.setAccessibleName(page.card_title)
        s = theme.sizes
        self.theme = theme
        self.box = layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.setContentsMargins(*_card_margins(theme))
        layout.setSpacing(_cover_gap(theme))
        self.cover = cover = Picture(page.cover, self, bleed=True, radius=s.radius)
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
        self.title = ClampedLabel(page.card_title, TITLE_LINES)
        self.title.setObjectName("CardTitle")
        texts.addWidget(self.title)
        self.summary = ClampedLabel(page.summary, SUMMARY_LINES)
        self.summary.setObjectName("CardSummary")
        texts.addWidget(self.summary)
        texts.addStretch(1)
        layout.addLayout(texts, 1)
        self._tap = TapTracker()
        self._lay_out(width)

    @staticmethod
    @functools.lru_cache(maxsize=8)
    def height_for(theme: Theme) -> int:
        """The height of every card in ``theme``: cover, then room for the longest texts."""
        title = QFont(list(theme.families))
        title.setPixelSize(theme.sizes.card_title)
        title.setWeight(QFont.Weight.Bold)
        summary = QFont(list(theme.families))
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

    @property
    def wide(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def set_width(self, width: int) -> None:
        self.setFixedWidth(width)
        self._lay_out(width)

    def _lay_out(self, width: int) -> None:
        """Picture above the text; or, given room for two cards, beside it."""
        wide = width >= 2 * self.theme.sizes.card_width
        if wide:
            self.cover.setFixedSize(round(width * WIDE_COVER_SHARE), self.height())
        if wide == self.wide:
            return
        if wide:
            self.box.setDirection(QBoxLayout.Direction.LeftToRight)
            self.box.setContentsMargins(0, 0, 0, 0)
        else:
            self.box.setDirection(QBoxLayout.Direction.TopToBottom)
            self.box.setContentsMargins(*_card_margins(self.theme))
            self.cover.setMinimumWidth(0)
            self.cover.setMaximumWidth(QWIDGETSIZE_MAX)
            self.cover.setFixedHeight(self.theme.sizes.cover_height)
        self.setProperty("wide", wide)
        repolish(self)

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
