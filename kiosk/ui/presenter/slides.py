"""The screen for each item of a session: the reader's own screens, reused.

An article is the reader's ``ArticleScreen``, a guide (or one of its steps) the
reader's ``GuideScreen`` on that step, a check the reader's ``CheckScreen`` asked
to the room (``group_check``). Only the take-home item and the end card are
drawn here. Links and "Read next" cards lead nowhere in a session: the nurse
moves through her list, not the library.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.core import share
from kiosk.core.config import Config
from kiosk.core.model import GUIDE, Page
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.presenter import group_check
from kiosk.ui.presenter.controller import CHECK, PAGE, STEP, TAKE_HOME, Presentation
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.share import SharePanel

log = logging.getLogger(__name__)

Key = tuple[str, str, str]  # what a screen shows: (kind, page id, language)


def key_of(show: Presentation, index: int) -> Key:
    """Items with the same key share one screen: the steps of one guide, one after another."""
    if index >= show.total:
        return ("end", "", show.lang)
    item, page = show.items[index], show.page(index)
    if item.kind == TAKE_HOME:
        return (TAKE_HOME, "", show.lang)
    if page is None:
        return ("missing", item.page_id, show.lang)
    if item.kind == CHECK:
        return (CHECK, page.id, page.lang)
    return ("guide" if page.type == GUIDE else "article", page.id, page.lang)


def build(show: Presentation, index: int, theme: Theme, config: Config) -> QWidget:
    """A new screen for item ``index`` (``show.total``: the end card)."""
    from kiosk.ui.screens.article import ArticleScreen
    from kiosk.ui.screens.guide import GuideScreen

    kind, _page_id, lang = key_of(show, index)
    theme = theme.for_language(lang)
    page = show.page(index)
    if kind == "end":
        return Card(show.session.title(lang), tr("session_over", lang), theme)
    if kind == TAKE_HOME:
        return TakeHomeScreen(show, config, theme)
    if page is None:
        item = show.items[index]
        return Card(item.page_id, tr("session_item_missing", show.lang), theme)
    if kind == CHECK:
        return group_check.make(page, theme)
    url = share.address(page, config.share_base_url)
    if kind == "guide":
        return GuideScreen(show.library, page, theme, None, None, None, share_url=url)
    return ArticleScreen(
        show.library, page, theme, None, None, None, share_url=url, for_session=True
    )


def apply(
    screen: QWidget, show: Presentation, index: int | None = None, part: int | None = None
) -> None:
    """Show part ``part`` of item ``index`` (default: where ``show`` is) on ``screen``,
    which ``build`` made for that item."""
    from kiosk.ui.screens.check import CheckScreen
    from kiosk.ui.screens.guide import GuideScreen

    index = show.index if index is None else index
    part = show.part if part is None else part
    if index >= show.total:
        return
    item = show.items[index]
    if isinstance(screen, GuideScreen):
        step = item.step if item.kind == STEP and item.step is not None else part
        if screen.index != step:
            screen.go_to(step, animate=False)
    elif isinstance(screen, CheckScreen) and item.kind == CHECK:
        group_check.show(screen, part // 2, part % 2 == 1)


def part_shown(screen: QWidget, show: Presentation) -> tuple[int, int] | None:
    """Where ``screen`` is now, as a place, when touch moved it (None: where it was put)."""
    from kiosk.ui.screens.check import CheckScreen
    from kiosk.ui.screens.guide import GuideScreen

    item = show.item
    if item is None:
        return None
    if isinstance(screen, GuideScreen) and item.kind == PAGE:
        return show.index, screen.index
    if isinstance(screen, CheckScreen):
        return show.index, 2 * screen.index + int(screen.showing_feedback)
    return None


def page_ids(show: Presentation) -> list[str]:
    """The session's pages, each once, in order."""
    return list(dict.fromkeys(item.page_id for item in show.items if item.page_id))


class Card(QWidget):
    """A quiet screen with a title and a line: the end card, or an item gone missing."""

    def __init__(self, title: str, line: str, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(theme.style_sheet())
        box = QVBoxLayout(self)
        box.setContentsMargins(theme.sizes.margin * 2, 0, theme.sizes.margin * 2, 0)
        box.addStretch(1)
        for text, name in ((title, "ArticleTitle"), (line, "SummaryLine")):
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(label)
        box.addStretch(1)


class TakeHomeScreen(QScrollArea):
    """The last item: every page of the session by its title and summary, with its
    QR code when the kiosk has an address for it, so parents can read it again."""

    def __init__(self, show: Presentation, config: Config, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.setStyleSheet(theme.style_sheet())
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        make_kinetic(self)
        s, lang = theme.sizes, show.lang
        inner = QWidget()
        inner.setObjectName("ScrollContent")
        column = QVBoxLayout(inner)
        column.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        column.setSpacing(s.gap)
        heading = QLabel(tr("take_home", lang))
        heading.setObjectName("ArticleTitle")
        heading.setWordWrap(True)
        column.addWidget(heading)
        pages = [show.library.get(page_id, lang) for page_id in page_ids(show)]
        self.pages: list[Page] = [page for page in pages if page is not None]
        with_codes = bool(config.share_base_url)
        hint = QLabel(tr("take_home_scan" if with_codes else "take_home_kiosk", lang))
        hint.setObjectName("SummaryLine")
        hint.setWordWrap(True)
        column.addWidget(hint)
        grid = QGridLayout()
        grid.setSpacing(s.gap)
        columns = 2 if len(self.pages) > 3 else 1
        for number, page in enumerate(self.pages):
            grid.addWidget(_entry(page, config, theme), number // columns, number % columns)
        column.addLayout(grid)
        column.addStretch(1)
        self.setWidget(inner)


def _entry(page: Page, config: Config, theme: Theme) -> QWidget:
    entry = QWidget()
    entry.setObjectName("Card")
    entry.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    row = QGridLayout(entry)
    pad = theme.sizes.gap
    row.setContentsMargins(pad, pad, pad, pad)
    row.setHorizontalSpacing(pad)
    title = QLabel(page.title)
    title.setObjectName("CardTitle")
    title.setWordWrap(True)
    row.addWidget(title, 0, 0)
    summary = QLabel(page.summary)
    summary.setObjectName("CardSummary")
    summary.setWordWrap(True)
    row.addWidget(summary, 1, 0)
    row.setRowStretch(2, 1)
    url = share.address(page, config.share_base_url)
    if url:
        row.addWidget(SharePanel(url, page.lang, theme, band=False), 0, 1, 3, 1)
    row.setColumnStretch(0, 1)
    return entry
