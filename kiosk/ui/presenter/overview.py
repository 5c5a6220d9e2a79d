"""The overview: every item of the session as a numbered tile; tap one, or move
with the arrow keys and press Enter, to jump there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.presenter.controller import CHECK, OVERVIEW_COLUMNS, STEP, TAKE_HOME, Presentation
from kiosk.ui.screens.check import AnswerButton
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tappable import repolish


def item_title(show: Presentation, index: int) -> str:
    """A short name for item ``index``: its page's title, and what part of it."""
    if index >= show.total:
        return tr("session_end", show.lang)
    item, page = show.items[index], show.page(index)
    if item.kind == TAKE_HOME:
        return tr("take_home", show.lang)
    title = page.title if page is not None else item.page_id
    if item.kind == STEP and item.step is not None:
        return f"{title} · {tr('session_step', show.lang).format(n=item.step)}"
    if item.kind == CHECK:
        return f"{title} · {tr('check', show.lang)}"
    return title


def part_title(show: Presentation, index: int, part: int) -> str:
    """What place ``part`` of item ``index`` is: a guide's step, a question or its answer."""
    title = item_title(show, index)
    if index >= show.total or (part == 0 and show.items[index].kind != CHECK):
        return title
    if show.items[index].kind == CHECK:
        number = part // 2 + 1
        answer = tr("presenter_answer", show.lang) if part % 2 else ""
        which = answer or tr("presenter_question", show.lang)
        return f"{title} · {which.format(n=number)}"
    return f"{title} · {tr('session_step', show.lang).format(n=part)}"


class OverviewGrid(QWidget):
    """Signals:
    chosen(int): a tile was tapped (the item's index, from 0).
    """

    chosen = Signal(int)

    def __init__(self, show: Presentation, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Overview")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.show_ = show
        self.theme = theme
        s = theme.sizes
        box = QVBoxLayout(self)
        box.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        box.setSpacing(s.gap)
        self.heading = QLabel("")
        self.heading.setObjectName("OverviewTitle")
        box.addWidget(self.heading)
        self.grid = QGridLayout()
        self.grid.setSpacing(s.gap)
        box.addLayout(self.grid)
        box.addStretch(1)
        self.tiles: list[AnswerButton] = []
        self._lang = ""

    def refresh(self) -> None:
        """Tiles in the session's language, the chosen one and the one on screen marked."""
        show = self.show_
        if self._lang != show.lang:
            self._lang = show.lang
            self.heading.setText(show.session.title(show.lang))
            for tile in self.tiles:
                self.grid.removeWidget(tile)
                tile.deleteLater()
            self.tiles = []
            for index in range(show.total):
                # A big button whose words wrap, as the check's answers are.
                tile = AnswerButton(
                    f"{index + 1}.  {item_title(show, index)}", self.theme.sizes.gap
                )
                tile.setProperty("role", "tile")
                tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                tile.clicked.connect(lambda _=False, n=index: self.chosen.emit(n))
                self.grid.addWidget(tile, index // OVERVIEW_COLUMNS, index % OVERVIEW_COLUMNS)
                self.tiles.append(tile)
        for index, tile in enumerate(self.tiles):
            tile.setProperty("chosen", index == show.cursor)
            tile.setProperty("current", index == show.index)
            repolish(tile)
