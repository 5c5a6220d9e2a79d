"""An article: title, cover, body, a trust footer, and what to read next."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.library import Library
from kiosk.core.model import Page
from kiosk.ui.guard import guarded
from kiosk.ui.screens.scrolling import ScrollingScreen
from kiosk.ui.speech.service import ReadAloud
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.read_aloud import ReadAloudButton, recording
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.widgets.share import take_home
from kiosk.ui.widgets.trust import TrustFooter

log = logging.getLogger(__name__)


@guarded
class ArticleScreen(ScrollingScreen):
    """Signals:
    open_page(str): an internal link or a "Read next" card was tapped.
    failed(str): the page could not be rendered; carries a diagnostic line.
    check_requested(): "Check your understanding" was tapped.
    """

    open_page = Signal(str)
    failed = Signal(str)
    check_requested = Signal()

    # Set before __init__ runs: Qt filters the scroll bars' events through
    # eventFilter while the base class is still being set up.
    _slot: QWidget | None = None

    def __init__(
        self,
        library: Library,
        page: Page,
        theme: Theme,
        carousel_timer: QTimer | None = None,
        parent: QWidget | None = None,
        read_aloud: ReadAloud | None = None,
        share_url: str = "",
        for_session: bool = False,
    ):
        """``for_session``: shown to a room in a nurse's session, which has its own
        order and its own check, so no "Read next" and no check button."""
        super().__init__(theme, parent)
        self.page = page
        s = theme.sizes
        content, outer = self.content, self.column
        column = QVBoxLayout()
        column.setSpacing(s.gap)
        holder = QWidget()
        holder.setMaximumWidth(s.reading_width)
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        holder.setLayout(column)
        # Centred by stretches, not by alignment: an aligned widget gets its size
        # hint, and wrapped text has no sensible width hint.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 100)
        row.addStretch(1)
        outer.addLayout(row)

        title = QLabel(page.title)
        title.setObjectName("ArticleTitle")
        title.setWordWrap(True)
        column.addWidget(title)
        self.listen = ReadAloudButton(
            read_aloud, page.lang, theme, lambda: [title, self.body, self.doctor], recording(page)
        )
        column.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignLeft)
        self.share = take_home(share_url, page.lang, theme, self)
        if self.share is not None:  # beside the text in landscape, under the title in portrait
            column.addWidget(self.share.band)
            row.insertWidget(2, self.share.side, 0, Qt.AlignmentFlag.AlignTop)
            row.setSpacing(s.gap * 2)
        if page.cover is not None:
            cover = Picture(page.cover, bleed=True, radius=s.radius)
            cover.setObjectName("ArticleCover")
            cover.setFixedHeight(s.article_cover)
            column.addWidget(cover)

        self.body: RichText | None = None
        self.doctor: RichText | None = None
        try:
            rendered = library.render(page)
        except Exception as exc:  # a broken page must not take the kiosk down
            log.exception("page %s (%s) failed to render", page.id, page.lang)
            self._unavailable(column, page, theme)
            self._failure = f"{page.file}:1: error: the page failed to render: {exc}"
            QTimer.singleShot(0, lambda: self.failed.emit(self._failure))
        else:
            self.body = RichText(rendered.html, theme.rich_text_css(), s.body, s.reading_width)
            self.body.page_link.connect(self.open_page.emit)
            column.addWidget(self.body)
            if rendered.doctor_html:  # in the same place on every page: after the text
                self.doctor = RichText(
                    rendered.doctor_html, theme.rich_text_css(), s.body, s.reading_width
                )
                column.addWidget(self.doctor)
            if page.questions and not for_session:
                check = QPushButton(tr("check", page.lang))
                check.setProperty("role", "primary")
                check.clicked.connect(self.check_requested.emit)
                column.addWidget(check, 0, Qt.AlignmentFlag.AlignLeft)
            self.trust = TrustFooter(page, theme)
            column.addWidget(self.trust)

        related = library.related(page) if not for_session else ()
        self.carousel: Carousel | None = None
        if related:
            # (made only here: a widget left out of every layout lives on, with no
            # parent, for as long as Python keeps this screen's wrapper)
            self._slot = slot = QWidget()
            heading = QLabel(tr("read_next", page.lang))
            heading.setObjectName("ReadNextTitle")
            outer.addWidget(heading)
            # The carousel swipes sideways, which the page's kinetic scroller would
            # swallow; so it lives above the scroll area, kept over this slot.
            self.carousel = Carousel(related, theme, carousel_timer, self)
            self.carousel.activated.connect(self.open_page.emit)
            self.carousel.scroll_page.connect(self._scroll_by)
            slot.setFixedHeight(self.carousel.sizeHint().height())
            slot.installEventFilter(self)
            outer.addWidget(slot)
            self.verticalScrollBar().valueChanged.connect(self._place_carousel)
        outer.addStretch(1)
        self.setWidget(content)

    def section_tops(self) -> list[int]:
        """The tops of the body's main headings, then of the "see a doctor" box."""
        tops: list[int] = []
        if self.body is not None:
            offset = self.body.mapTo(self.content, QPoint(0, 0)).y()
            tops += [offset + y for y in self.body.heading_tops(2)]
        if self.doctor is not None:
            tops.append(self.doctor.mapTo(self.content, QPoint(0, 0)).y())
        return tops

    def _unavailable(self, column: QVBoxLayout, page: Page, theme: Theme) -> None:
        label = QLabel(tr("unavailable", page.lang))
        label.setObjectName("Unavailable")
        label.setWordWrap(True)
        label.setMinimumHeight(theme.px(200))
        column.addWidget(label)

    def _scroll_by(self, pixels: int) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + pixels)

    def _place_carousel(self) -> None:
        if self.carousel is None or self._slot is None:
            return
        top_left = self._slot.mapTo(self, QPoint(0, 0))
        self.carousel.setGeometry(QRect(top_left, self._slot.size()))
        self.carousel.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._slot and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._place_carousel()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_carousel()

    def scroll_to_end(self) -> None:
        for _ in range(3):  # let text heights and layouts settle first
            QCoreApplication.processEvents()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
