"""The home screen: who we are, a big language switch, and a card for every page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import languages
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.model import Page
from kiosk.core.start_index import home_order
from kiosk.ui.guard import guarded
from kiosk.ui.layout import QWIDGETSIZE_MAX
from kiosk.ui.screens.scrolling import ScrollingScreen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.widgets.card_grid import CardGrid, grid_columns
from kiosk.ui.widgets.language_switch import LanguageSwitch

BATCH = 24  # cards built at a time


def _native(code: str) -> str:
    found = languages.find(code)
    return found.native_name if found else code


@guarded
class Masthead(QWidget):
    """Who we are and the language switch, with the step-by-step guides beside them.

    On a landscape screen with room for two columns of cards the header takes the
    first column and the guides the rest, so the first screen shows what the
    kiosk offers instead of a title over empty width. Otherwise they stack.
    """

    def __init__(self, header: QWidget, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self.header = header
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(theme.sizes.gap)
        self.box.addWidget(header)
        self.featured = QVBoxLayout()  # the guides' heading and cards go here
        self.featured.setContentsMargins(0, 0, 0, 0)
        self.featured.setSpacing(theme.sizes.gap)
        self.box.addLayout(self.featured, 1)

    @property
    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        columns, card_width = grid_columns(self.theme, event.size().width())
        screen = self.window().size()
        side = columns >= 2 and screen.width() > screen.height() and self.featured.count() > 0
        if side:
            self.header.setFixedWidth(card_width)  # one column of the grids below
        else:
            self.header.setMinimumWidth(0)
            self.header.setMaximumWidth(QWIDGETSIZE_MAX)
        if side != self.side_by_side:
            self.box.setDirection(
                QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom
            )


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

        header = QWidget()
        header_column = QVBoxLayout(header)
        header_column.setContentsMargins(0, 0, 0, 0)
        header_column.setSpacing(s.gap)
        title = QLabel(config.name(config.kiosk_name, lang))
        title.setObjectName("HomeTitle")
        title.setWordWrap(True)
        hospital = QLabel(config.name(config.hospital_name, lang))
        hospital.setObjectName("HomeHospital")
        hospital.setWordWrap(True)
        header_column.addWidget(title)
        header_column.addWidget(hospital)
        self.languages = LanguageSwitch(
            config.languages, lang, min_width=theme.px(220), spacing=s.gap
        )
        self.languages.chosen.connect(self.language_chosen.emit)
        self.language_buttons = self.languages.buttons
        header_column.addWidget(self.languages, 0, Qt.AlignmentFlag.AlignLeft)
        header_column.addStretch(1)
        self.masthead = Masthead(header, theme)
        column.addWidget(self.masthead)

        # Sections in order (guides first), then cards built a batch at a time as the
        # visitor scrolls: a library of thousands of pages starts as fast as a small one.
        # (The same order as the first screen's record: core/start_index.py.)
        pages = library.in_language(lang)
        self._pending: list[tuple[str, Page | None]] = []
        groups = home_order(pages)
        self._guides_first = bool(groups) and groups[0][0] is None
        for section, members in groups:
            if section is None:
                heading = tr("guides", lang)
            else:
                heading = library.section_title(section, lang) or tr("sections", lang)
            self._pending.append((heading, None))
            self._pending.extend(("", p) for p in members)
        self.empty: QLabel | None = None
        if not pages:  # say so, rather than show a blank screen
            others = [code for code in library.languages if code != lang]
            names = "、".join if lang.startswith("zh") else ", ".join
            text = (
                tr("only_in", lang).format(languages=names(_native(c) for c in others))
                if others
                else tr("no_content", lang)
            )
            self.empty = QLabel(text)
            self.empty.setObjectName("HomeEmpty")
            self.empty.setWordWrap(True)
            column.addWidget(self.empty)
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
        featured = not self.grids and self._guides_first
        grid = CardGrid(self._theme, fill=featured)
        grid.activated.connect(self.open_page.emit)
        if featured:  # the guides go in the masthead, as wide as there is room
            self.masthead.featured.addWidget(label)
            self.masthead.featured.addWidget(grid)
            self.masthead.featured.addStretch(1)
        else:
            index = self._column.indexOf(self._end)
            self._column.insertWidget(index, label)
            self._column.insertWidget(index + 1, grid)
        self.grids.append(grid)

    def cards(self) -> list[PageCard]:
        return [card for grid in self.grids for card in grid.cards]
