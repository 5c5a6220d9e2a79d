"""The home screen: who we are, a big language switch, and a card for every page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import languages
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.model import GUIDE, Page
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import PageCard


class CardGrid(QWidget):
    """Cards in as many columns as fit, re-flowed when the width changes.

    Signals:
        activated(str): a card was tapped; carries the page id.
    """

    activated = Signal(str)

    def __init__(self, pages: Sequence[Page], theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = theme
        self.cards = [PageCard(page, theme, theme.sizes.card_width, self) for page in pages]
        for card in self.cards:
            card.activated.connect(self.activated.emit)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.sizes.gap)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._columns = 0
        self._flow(1)

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


class HomeScreen(QScrollArea):
    """Signals:
    open_page(str): a card was tapped; carries the page id.
    language_chosen(str): a language button was tapped; carries its code.
    """

    open_page = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, library: Library, config: Config, lang: str, theme: Theme):
        super().__init__()
        self.setObjectName("Screen")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        make_kinetic(self)
        s = theme.sizes
        content = QWidget()
        content.setObjectName("ScrollContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        column.setSpacing(s.gap)

        title = QLabel(config.name(config.kiosk_name, lang))
        title.setObjectName("HomeTitle")
        title.setWordWrap(True)
        hospital = QLabel(config.name(config.hospital_name, lang))
        hospital.setObjectName("HomeHospital")
        hospital.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(hospital)

        switch = QHBoxLayout()
        switch.setSpacing(s.gap)
        self.language_buttons: dict[str, QPushButton] = {}
        for code in config.languages:
            found = languages.find(code)
            button = QPushButton(found.native_name if found else code)
            button.setProperty("role", "lang")
            button.setCheckable(True)
            button.setChecked(code == lang)
            button.setMinimumWidth(theme.px(220))
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            switch.addWidget(button)
            self.language_buttons[code] = button
        switch.addStretch(1)
        column.addLayout(switch)

        pages = library.in_language(lang)
        self.grids: list[CardGrid] = []
        guides = [p for p in pages if p.type == GUIDE]
        if guides:
            self._section(column, tr("guides", lang), guides, theme)
        sections: dict[str, list[Page]] = {}
        for page in pages:
            if page.type != GUIDE:
                sections.setdefault(page.section, []).append(page)
        for section, members in sections.items():
            heading = library.section_title(section, lang) or tr("sections", lang)
            self._section(column, heading, members, theme)
        column.addStretch(1)
        self.setWidget(content)

    def _section(self, column: QVBoxLayout, heading: str, pages: list[Page], theme: Theme) -> None:
        label = QLabel(heading)
        label.setObjectName("SectionTitle")
        column.addWidget(label)
        grid = CardGrid(pages, theme)
        grid.activated.connect(self.open_page.emit)
        column.addWidget(grid)
        self.grids.append(grid)

    def cards(self) -> list[PageCard]:
        return [card for grid in self.grids for card in grid.cards]
