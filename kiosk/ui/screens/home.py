"""The home screen: who we are, a big language switch, and a card for every page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QWidget,
)

from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.model import GUIDE, Page
from kiosk.ui.screens.scrolling import ScrollingScreen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.widgets.language_switch import LanguageSwitch


class CardGrid(QWidget):
    """Cards in as many columns as fit, re-flowed when the width changes.

    Signals:
        activated(str): a card was tapped; carries the page id.
    """

    activated = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = theme
        self.cards: list[PageCard] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.sizes.gap)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._columns = 1

    def add(self, pages: Sequence[Page]) -> None:
        for page in pages:
            card = PageCard(page, self.theme, self.theme.sizes.card_width, self)
            card.activated.connect(self.activated.emit)
            index = len(self.cards)
            self.cards.append(card)
            self._grid.addWidget(card, index // self._columns, index % self._columns)

    def _flow(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self._grid.addWidget(card, index // columns, index % columns)

    def columns_for(self, width: int) -> int:
        pitch = self.theme.sizes.card_width + self.theme.sizes.gap
        return max(1, (width + self.theme.sizes.gap) // pitch)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._flow(self.columns_for(event.size().width()))


BATCH = 24  # cards built at a time


class HomeScreen(ScrollingScreen):
    """Signals:
    open_page(str): a card was tapped; carries the page id.
    language_chosen(str): a language button was tapped; carries its code.
    """

    open_page = Signal(str)
    language_chosen = Signal(str)

    def __init__(
        self,
        library: Library,
        config: Config,
        lang: str,
        theme: Theme,
        parent: QWidget | None = None,
    ):
        super().__init__(theme, parent)
        s = theme.sizes
        content, column = self.content, self.column

        title = QLabel(config.name(config.kiosk_name, lang))
        title.setObjectName("HomeTitle")
        title.setWordWrap(True)
        hospital = QLabel(config.name(config.hospital_name, lang))
        hospital.setObjectName("HomeHospital")
        hospital.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(hospital)

        self.languages = LanguageSwitch(
            config.languages, lang, min_width=theme.px(220), spacing=s.gap
        )
        self.languages.chosen.connect(self.language_chosen.emit)
        self.language_buttons = self.languages.buttons
        column.addWidget(self.languages, 0, Qt.AlignmentFlag.AlignLeft)

        # Sections in order (guides first), then cards built a batch at a time as the
        # visitor scrolls: a library of thousands of pages starts as fast as a small one.
        pages = library.in_language(lang)
        self._pending: list[tuple[str, Page | None]] = []
        guides = [p for p in pages if p.type == GUIDE]
        if guides:
            self._pending.append((tr("guides", lang), None))
            self._pending.extend(("", p) for p in guides)
        sections: dict[str, list[Page]] = {}
        for page in pages:
            if page.type != GUIDE:
                sections.setdefault(page.section, []).append(page)
        for section, members in sections.items():
            heading = library.section_title(section, lang) or tr("sections", lang)
            self._pending.append((heading, None))
            self._pending.extend(("", p) for p in members)
        self._pending.reverse()  # pop() from the end is cheap
        self._column = column
        self._theme = theme
        self.grids: list[CardGrid] = []
        self._end = QWidget()
        column.addWidget(self._end, 1)
        self.setWidget(content)
        self.build_more(BATCH)
        self.verticalScrollBar().valueChanged.connect(self._near_end)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._near_end())

    def build_more(self, count: int) -> None:
        """Build up to ``count`` more cards (and the headings before them)."""
        batch: list[Page] = []
        while self._pending and count > 0:
            heading, page = self._pending.pop()
            if page is None:
                self._flush(batch)
                batch = []
                self._section(heading)
            else:
                batch.append(page)
                count -= 1
        self._flush(batch)

    def _flush(self, pages: list[Page]) -> None:
        if pages and self.grids:
            self.grids[-1].add(pages)

    def _near_end(self) -> None:
        bar = self.verticalScrollBar()
        if self._pending and bar.value() >= bar.maximum() - self.viewport().height():
            self.build_more(BATCH)

    def _section(self, heading: str) -> None:
        label = QLabel(heading)
        label.setObjectName("SectionTitle")
        grid = CardGrid(self._theme)
        grid.activated.connect(self.open_page.emit)
        index = self._column.indexOf(self._end)
        self._column.insertWidget(index, label)
        self._column.insertWidget(index + 1, grid)
        self.grids.append(grid)

    def cards(self) -> list[PageCard]:
        return [card for grid in self.grids for card in grid.cards]
