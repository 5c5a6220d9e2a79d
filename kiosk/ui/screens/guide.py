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
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.library import Library
from kiosk.core.model import Page, Step
from kiosk.ui.guard import guarded
from kiosk.ui.screens.guide_views import GuidePage, StepDots, StepView, SummaryView
from kiosk.ui.speech.service import ReadAloud
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.read_aloud import recording
from kiosk.ui.widgets.share import band
from kiosk.ui.widgets.tappable import TapTracker

log = logging.getLogger(__name__)

SLIDE_MS = 320
SWIPE_SHARE = 0.15  # of the width: a drag this long turns the page
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up}


@guarded
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
        self,
        library: Library,
        page: Page,
        theme: Theme,
        carousel_timer: QTimer | None = None,
        parent: QWidget | None = None,
        read_aloud: ReadAloud | None = None,
        share_url: str = "",
    ) -> None:
        super().__init__(parent)
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
        self.dots = StepDots(len(self.steps) + 2, theme)
        self.dots.chosen.connect(self.go_to)
        top.addWidget(self.dots)
        outer.addLayout(top)

        # The views side by side on a track that slides under a fixed frame. Made
        # inside this (styled) screen, so nothing is styled twice on moving in.
        self.frame = QWidget(self)
        self.track = QWidget(self.frame)
        self.frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # First the introduction (what the guide is for, with its cover), then the steps.
        intro = Step(page.title, rendered.intro_html, page.cover, page.body_line)
        self.intro = StepView(intro, theme, page, read_aloud, recording(page, 0))
        self.views: list[QWidget] = [self.intro]
        self.views += [
            StepView(step, theme, page, read_aloud, recording(page, number))
            for number, step in enumerate(self.steps, start=1)
        ]
        self.summary = SummaryView(library, page, self.steps, theme, carousel_timer)
        # The take-home code: after the introduction's text, and under the summary's heading.
        self.shares = [band(share_url, lang, theme) for _ in range(2)]
        for view, spot, panel in (
            (self.intro, 2, self.shares[0]),
            (self.summary, 1, self.shares[1]),
        ):
            if panel is not None:
                view.text.insertWidget(spot, panel)
        self.summary.check_requested.connect(self.check_requested.emit)
        self.summary.open_page.connect(self.open_page.emit)
        self.views.append(self.summary)
        self.pages = [GuidePage(view, self.track) for view in self.views]
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
        if self.index == 0:
            self.progress.setText(tr("intro", lang))
        elif self.index <= total:
            self.progress.setText(tr("step_of", lang).format(n=self.index, total=total))
        else:
            self.progress.setText("")  # the summary has its own heading; the dots say where
        self.next_button.setText(tr("start" if self.index == 0 else "next", lang))
        self.dots.set_current(self.index)
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < self.last)

    # --- layout -----------------------------------------------------------------------

    def _place_views(self) -> None:
        width, height = self.frame.width(), self.frame.height()
        self.track.setGeometry(round(-self.position * width), 0, width * len(self.pages), height)
        for number, guide_page in enumerate(self.pages):
            if isinstance(guide_page.view, StepView | SummaryView):
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
