"""The parts of a guide's screen: each step, the summary, the page they scroll in, the dots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.library import Library
from kiosk.core.model import Page, Step
from kiosk.ui.guard import guarded
from kiosk.ui.layout import QWIDGETSIZE_MAX, follow_orientation, is_stacked
from kiosk.ui.speech.service import ReadAloud
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.read_aloud import ReadAloudButton
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.widgets.trust import SourceLine, TrustFooter


@guarded
class StepDots(QWidget):
    """One dot per screen; tapping a dot jumps there.

    Signals:
        chosen(int): a dot was tapped; carries its index.
    """

    chosen = Signal(int)

    def __init__(self, count: int, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count, self.current = count, 0
        self._on, self._off = QColor(theme.palette.primary), QColor(theme.palette.dot_off)
        self._dot = theme.px(18)
        self._cell = theme.sizes.target  # each dot is a finger-sized target
        self.setFixedSize(count * self._cell, self._cell)

    def set_current(self, index: int) -> None:
        self.current = index
        self.update()

    def centre_of(self, index: int) -> tuple[int, int]:
        return index * self._cell + self._cell // 2, self._cell // 2

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        index = int(event.position().x() // self._cell)
        if 0 <= index < self.count:
            self.chosen.emit(index)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for index in range(self.count):
            x, y = self.centre_of(index)
            size = self._dot if index == self.current else self._dot * 0.66
            painter.setBrush(self._on if index == self.current else self._off)
            painter.drawEllipse(QRectF(x - size / 2, y - size / 2, size, size))
        painter.end()


@guarded
class StepView(QWidget):
    """One step: illustration and text, side by side (landscape) or stacked (portrait).

    Stacked, the picture keeps its own shape and the pair sits in the middle of
    the height, so a short step leaves no empty lower half.
    """

    # Portrait: the picture never takes more than this share of the height.
    PORTRAIT_PICTURE_SHARE = 0.6

    def __init__(
        self,
        step: Step,
        theme: Theme,
        source: Page | None = None,
        read_aloud: ReadAloud | None = None,
        recording: Path | None = None,
    ) -> None:
        super().__init__()
        self.step = step
        # The height the guide has for a step; the view grows past it (and its
        # page scrolls) only when large text needs more.
        self.shown_height = 0
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setSpacing(theme.sizes.gap * 2)
        self.box.addStretch(0)
        self.picture = Picture(step.image, bleed=True, radius=theme.sizes.radius)
        self.picture.setObjectName("StepPicture")
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.box.addWidget(self.picture, 5)
        self.text = QVBoxLayout()
        self.text.setSpacing(theme.sizes.gap)
        title = QLabel(step.title)
        title.setObjectName("StepTitle")
        title.setWordWrap(True)
        self.text.addWidget(title)
        body = RichText(step.html, theme.rich_text_css(), theme.sizes.h3, theme.sizes.reading_width)
        lang = source.lang if source is not None else ""
        self.listen = ReadAloudButton(read_aloud, lang, theme, lambda: [title, body], recording)
        self.text.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignLeft)
        # A swipe may start on the text: let it through to the guide.
        body.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.text.addWidget(body)
        if source is not None:  # where this step's facts come from, on every step
            self.text.addWidget(SourceLine(source))
        self.text.addStretch(1)
        self.box.addLayout(self.text, 4)
        self.box.addStretch(0)

    @property
    def stacked(self) -> bool:
        return is_stacked(self.box)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        size = event.size()
        if follow_orientation(self.box, size):
            # Items: [space, picture, text, space].
            for index, stretch in enumerate((1, 0, 0, 1) if self.stacked else (0, 5, 4, 0)):
                self.box.setStretch(index, stretch)
            self.text.setStretch(self.text.count() - 1, 0 if self.stacked else 1)
        if self.stacked:
            natural = self.picture.natural_size()
            margins = self.box.contentsMargins()
            width = size.width() - margins.left() - margins.right()
            shape = natural.height() / natural.width() if not natural.isEmpty() else 0.75
            cap = (self.shown_height or size.height()) * self.PORTRAIT_PICTURE_SHARE
            self.picture.setFixedHeight(round(min(width * shape, cap)))
        else:
            self.picture.setMinimumHeight(0)
            self.picture.setMaximumHeight(QWIDGETSIZE_MAX)


@guarded
class SummaryView(QWidget):
    """The last screen: the steps at a glance, the check, and what to read next.

    Signals:
        check_requested(): "Check your understanding" was tapped.
        open_page(str): a Read next card was tapped.
        scroll_page(int): a mostly vertical drag on Read next; carries pixels to scroll by.
    """

    check_requested = Signal()
    open_page = Signal(str)
    scroll_page = Signal(int)

    def __init__(
        self,
        library: Library,
        page: Page,
        steps: tuple[Step, ...],
        theme: Theme,
        carousel_timer: QTimer | None,
    ) -> None:
        super().__init__()
        lang = page.lang
        # The height the guide has for it: its own grows with its content, and a long
        # summary must not look like a portrait screen.
        self.shown_height = 0
        # Side by side in landscape (steps | Read next), stacked in portrait.
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setSpacing(theme.sizes.gap * 2)
        self.text = layout = QVBoxLayout()
        layout.setSpacing(theme.sizes.gap)
        self.box.addLayout(layout, 1)
        heading = QLabel(tr("summary", lang))
        heading.setObjectName("StepTitle")
        layout.addWidget(heading)
        for number, step in enumerate(steps, start=1):
            line = QLabel(f"{number}.  {step.title}")
            line.setObjectName("SummaryLine")
            line.setWordWrap(True)
            layout.addWidget(line)
        self.doctor: RichText | None = None
        doctor_html = library.render(page).doctor_html
        if doctor_html:  # every guide's summary says when to see a doctor
            self.doctor = RichText(
                doctor_html, theme.rich_text_css(), theme.sizes.body, theme.sizes.reading_width
            )
            layout.addWidget(self.doctor)
        self.check_button: QPushButton | None = None
        if page.questions:
            self.check_button = QPushButton(tr("check", lang))
            self.check_button.setProperty("role", "primary")
            self.check_button.clicked.connect(self.check_requested.emit)
            layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.trust = TrustFooter(page, theme)
        layout.addWidget(self.trust)
        layout.addStretch(1)
        related = library.related(page)
        if related:
            reads = QVBoxLayout()
            reads.setSpacing(theme.sizes.gap)
            title = QLabel(tr("read_next", lang))
            title.setObjectName("ReadNextTitle")
            reads.addWidget(title)
            carousel = Carousel(related, theme, carousel_timer)
            carousel.activated.connect(self.open_page.emit)
            carousel.scroll_page.connect(self.scroll_page.emit)
            reads.addWidget(carousel)
            reads.addStretch(1)
            self.box.addLayout(reads, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        size = event.size()
        follow_orientation(self.box, QSize(size.width(), self.shown_height or size.height()))


class GuidePage(QScrollArea):
    """One screen of a guide; it scrolls up and down if large text makes it taller.

    It takes no touches itself: the guide tells sideways drags (turn the page)
    from up-and-down ones (scroll this page) and calls ``scroll_by``.
    """

    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setWidget(view)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a clicker's keys stay with the guide

    def scroll_by(self, pixels: int) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + pixels)
