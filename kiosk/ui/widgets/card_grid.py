"""Page cards in a grid as wide as its place: as many columns as fit, cards filling the width."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QSizePolicy, QWidget

from kiosk.core.model import Page
from kiosk.ui.guard import guarded
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import PageCard


def grid_columns(theme: Theme, width: int) -> tuple[int, int]:
    """How many columns of cards fit in ``width``, and how wide each card is to fill it.

    A card is at least the theme's card width (unless even one column is narrower).
    """
    gap, least = theme.sizes.gap, theme.sizes.card_width
    columns = max(1, (width + gap) // (least + gap))
    return columns, max(least // 2, (width - (columns - 1) * gap) // columns)


@guarded
class CardGrid(QWidget):
    """Cards in as many columns as fit, as wide as fills the width; re-flowed on resize.

    Every grid on home has the width of the page, so all of them have the same
    columns and card width and their cards line up from one section to the next;
    the cards fill the width to within a pixel a column.

    Signals:
        activated(str): a card was tapped; carries the page id.
    """

    activated = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None, *, fill: bool = False):
        super().__init__(parent)
        self.theme = theme
        self.fill = fill  # fewer cards than columns share the whole width
        self.cards: list[PageCard] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.sizes.gap)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The cards' fixed widths must not hold the grid wide: it could then never
        # get the narrower width (a scroll bar appearing, a turned screen) to re-flow to.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._columns = 1
        self.card_width = theme.sizes.card_width

    def add(self, pages: Sequence[Page]) -> None:
        for page in pages:
            card = PageCard(page, self.theme, self.card_width, self)
            card.activated.connect(self.activated.emit)
            index = len(self.cards)
            self.cards.append(card)
            self._grid.addWidget(card, index // self._columns, index % self._columns)
        if self.fill and self.width() > 0:  # how many share the row has changed
            self._flow(self.width())

    def columns_for(self, width: int) -> tuple[int, int]:
        """The columns and card width this grid takes in ``width``."""
        columns, card_width = grid_columns(self.theme, width)
        if self.fill and 0 < len(self.cards) < columns:
            columns = len(self.cards)
            card_width = (width - (columns - 1) * self.theme.sizes.gap) // columns
        return columns, card_width

    def _flow(self, width: int) -> None:
        columns, card_width = self.columns_for(width)
        if (columns, card_width) == (self._columns, self.card_width):
            return
        if card_width != self.card_width:
            self.card_width = card_width
            for card in self.cards:
                card.set_width(card_width)
        if columns != self._columns:
            self._columns = columns
            for card in self.cards:
                self._grid.removeWidget(card)
            for index, card in enumerate(self.cards):
                self._grid.addWidget(card, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._flow(event.size().width())
