"""A step-by-step guide: one step per screen, then a summary that leads on.

Each step shows its illustration beside (landscape) or above (portrait) a short
title and text. Next/Previous buttons, tappable dots, a swipe that follows the
finger and snaps, and the arrow and Page keys of a presentation clicker move
between steps. The last screen sums up and leads to the check and to Read next.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.library import Library
from kiosk.core.model import Page, Step
from kiosk.ui.layout import QWIDGETSIZE_MAX, follow_orientation, is_stacked
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.widgets.tappable import TapTracker

log = logging.getLogger(__name__)

SLIDE_MS = 320
SWIPE_SHARE = 0.15  # of the width: a drag this long turns the page
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up}


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


class StepView(QWidget):
    """One step: illustration and text, side by side (landscape) or stacked (portrait).

    Stacked, the picture keeps its own shape and the pair sits in the middle of
    the height, so a short step leaves no empty lower half.
    """

    # Portrait: the picture never takes more than this share of the height.
    PORTRAIT_PICTURE_SHARE = 0.6

    def __init__(self, step: Step, theme: Theme) -> None:
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
        # A swipe may start on the text: let it through to the guide.
        body.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.text.addWidget(body)
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
        # Side by side in landscape (steps | Read next), stacked in portrait.
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setSpacing(theme.sizes.gap * 2)
        layout = QVBoxLayout()
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
        self.check_button: QPushButton | None = None
        if page.questions:
            self.check_button = QPushButton(tr("check", lang))
            self.check_button.setProperty("role", "primary")
            self.check_button.clicked.connect(self.check_requested.emit)
            layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
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
        follow_orientation(self.box, event.size())


class GuidePage(QScrollArea):
    """One screen of a guide; it scrolls up and down if large text makes it taller.

    It takes no touches itself: the guide tells sideways drags (turn the page)
    from up-and-down ones (scroll this page) and calls ``scroll_by``.
    """

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.view = view
        self.setWidget(view)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a clicker's keys stay with the guide

    def scroll_by(self, pixels: int) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + pixels)


class GuideScreen(QWidget):
    """Signals:
    open_page(str): a Read next card was tapped.
    check_requested(): the reader wants to check their understanding.
    step_changed(int): a new step is on screen (the summary is ``len(steps)``).
    failed(str): the guide could not be rendered; carries a diagnostic line.
    """

    open_page = Signal(str)
    check_requested = Signal()
    step_changed = Signal(int)
    failed = Signal(str)

    def __init__(
        self, library: Library, page: Page, theme: Theme, carousel_timer: QTimer | None = None
    ) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("Screen")
        self.setStyleSheet(theme.style_sheet())  # the visitor's text size
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        s = theme.sizes
        lang = page.lang
        rendered = library.render(page)
        self.steps = rendered.steps
        outer = QVBoxLayout(self)
        outer.setContentsMargins(s.margin, s.gap, s.margin, s.gap)
        outer.setSpacing(s.gap)

        top = QHBoxLayout()
        self.progress = QLabel("")
        self.progress.setObjectName("StepProgress")
        top.addWidget(self.progress)
        top.addStretch(1)
        self.dots = StepDots(len(self.steps) + 1, theme)
        self.dots.chosen.connect(self.go_to)
        top.addWidget(self.dots)
        outer.addLayout(top)

        self.track = QWidget()  # the views side by side; it slides under a fixed frame
        self.frame = QWidget()
        self.frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.track.setParent(self.frame)
        self.views: list[QWidget] = [StepView(step, theme) for step in self.steps]
        self.summary = SummaryView(library, page, self.steps, theme, carousel_timer)
        self.summary.check_requested.connect(self.check_requested.emit)
        self.summary.open_page.connect(self.open_page.emit)
        self.views.append(self.summary)
        self.pages = [GuidePage(view) for view in self.views]
        for guide_page in self.pages:
            guide_page.setParent(self.track)
        self.summary.scroll_page.connect(self.pages[-1].scroll_by)
        outer.addWidget(self.frame, 1)

        buttons = QHBoxLayout()
        self.previous_button = QPushButton(tr("previous", lang))
        self.previous_button.setProperty("role", "nav")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(tr("next", lang))
        self.next_button.setProperty("role", "nav")
        self.next_button.clicked.connect(self.next)
        for button in (self.previous_button, self.next_button):
            button.setMinimumWidth(theme.px(240))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        outer.addLayout(buttons)

        self.index = 0
        self.position = 0.0  # in screens; fractional while sliding or dragging
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.setDuration(SLIDE_MS)
        self._animation.valueChanged.connect(self._set_position)
        self._tap = TapTracker()
        self._drag_from = 0.0
        self._axis = ""  # "x" (turn the page) or "y" (scroll it) once a drag shows which
        self._last_y = 0.0
        self.frame.installEventFilter(self)
        self._update_labels()

    # --- moving -------------------------------------------------------------------

    @property
    def last(self) -> int:
        return len(self.views) - 1

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def go_to(self, index: int, animate: bool = True) -> None:
        index = max(0, min(self.last, index))
        changed = index != self.index
        self.index = index
        self._animation.stop()
        if animate:
            self._animation.setStartValue(float(self.position))
            self._animation.setEndValue(float(index))
            self._animation.start()
        else:
            self._set_position(float(index))
        self._update_labels()
        if changed:
            self.step_changed.emit(index)

    def _set_position(self, value: object) -> None:
        self.position = float(value)  # type: ignore[arg-type]
        self.track.move(round(-self.position * self.frame.width()), 0)

    def _update_labels(self) -> None:
        lang = self.page.lang
        total = len(self.steps)
        if self.index < total:
            self.progress.setText(tr("step_of", lang).format(n=self.index + 1, total=total))
        else:
            self.progress.setText("")  # the summary has its own heading; the dots say where
        self.dots.set_current(self.index)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < self.last)

    # --- layout -----------------------------------------------------------------------

    def _place_views(self) -> None:
        width, height = self.frame.width(), self.frame.height()
        self.track.setGeometry(round(-self.position * width), 0, width * len(self.pages), height)
        for number, guide_page in enumerate(self.pages):
            if isinstance(guide_page.view, StepView):
                guide_page.view.shown_height = height
            guide_page.setGeometry(number * width, 0, width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_views()

    # --- swipe and keys -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.frame and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._place_views)
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._tap.press(event.position().toPoint(), event.button()):
            self._animation.stop()
            self._drag_from = self.position
            self._axis = ""
            self._last_y = event.position().y()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._tap.start is None:
            return
        self._tap.move(event.position().toPoint())
        if not self._tap.moved or not self.frame.width():
            return
        delta = event.position().toPoint() - self._tap.start
        if not self._axis:
            self._axis = "x" if abs(delta.x()) >= abs(delta.y()) else "y"
        if self._axis == "y":
            self.pages[self.index].scroll_by(round(self._last_y - event.position().y()))
            self._last_y = event.position().y()
            return
        limit = max(-0.25, min(self.last + 0.25, self._drag_from - delta.x() / self.frame.width()))
        self._set_position(limit)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        start = self._tap.start
        self._tap.release()
        if start is None or not self.frame.width() or self._axis == "y":
            return
        dx = event.position().x() - start.x()
        if abs(dx) > self.frame.width() * SWIPE_SHARE:
            self.go_to(self.index + (1 if dx < 0 else -1))
        else:
            self.go_to(self.index)  # snap back

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = Qt.Key(event.key())
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        else:
            super().keyPressEvent(event)
