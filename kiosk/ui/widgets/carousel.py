"""A looping, swipeable row of page cards with dots, that advances by itself.

Drag moves the row with the finger; on release it snaps to a card, carrying on
with the flick's speed (inertia) through an eased animation. Tapping a card opens
it; a press that travelled more than a few pixels is a swipe, never a tap.
Auto-advance pauses while a finger is down and resumes on release.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEasingCurve, QPoint, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.model import Page
from kiosk.ui.guard import guarded
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.widgets.tappable import TapTracker

SNAP_MS = 380
FLICK_MS = 260  # how far a flick carries: its speed times this
MAX_FLICK_CARDS = 3
MIN_SPEED_MS = 10


@guarded
class Dots(QWidget):
    """Position dots: one per card, the current one filled."""

    def __init__(self, count: int, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Dots")
        self.count, self.current = count, 0
        self._on = QColor(theme.palette.primary)
        self._off = QColor(theme.palette.dot_off)
        self._size = theme.px(14)
        self.setFixedHeight(theme.sizes.target)

    def set_current(self, index: int) -> None:
        self.current = index
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        gap = self._size
        total = self.count * self._size + (self.count - 1) * gap
        x = (self.width() - total) / 2
        y = (self.height() - self._size) / 2
        for index in range(self.count):
            painter.setBrush(self._on if index == self.current else self._off)
            painter.drawEllipse(QRectF(x, y, self._size, self._size))
            x += self._size + gap
        painter.end()


class _Strip(QWidget):
    """The area the cards move in; the carousel handles its touches."""


@guarded
class Carousel(QWidget):
    """Related-reads carousel.

    Signals:
        activated(str): a card was tapped; carries the page id.
        current_changed(int): the card at the left edge changed.
        scroll_page(int): a mostly vertical drag; carries pixels to scroll the page by.
    """

    activated = Signal(str)
    current_changed = Signal(int)
    scroll_page = Signal(int)

    def __init__(
        self,
        pages: Sequence[Page],
        theme: Theme,
        timer: QTimer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.pitch = theme.sizes.card_width + theme.sizes.gap
        self.strip = _Strip(self)
        self.cards = [PageCard(page, theme, theme.sizes.card_width, self.strip) for page in pages]
        for card in self.cards:
            card.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        card_height = max((card.height() for card in self.cards), default=0)
        self.strip.setFixedHeight(card_height)
        self.dots = Dots(len(self.cards), theme, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(8))
        layout.addWidget(self.strip)
        layout.addWidget(self.dots)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.offset = 0.0  # position in cards; card i sits at (i - offset) pitches
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._set_offset)
        self._animation.finished.connect(self._settle)
        self.timer = timer if timer is not None else QTimer()
        self.timer.setParent(self)
        self.timer.timeout.connect(self.next)
        self._tap = TapTracker()
        self._axis = ""  # "x" or "y" once a drag has shown its direction
        self._last_y = 0.0
        self._drag_from = 0.0
        self._last: list[tuple[float, int]] = []  # (x, timestamp ms) of recent moves
        self._pressed_card: PageCard | None = None

    # --- state --------------------------------------------------------------

    @property
    def current(self) -> int:
        return round(self.offset) % len(self.cards) if self.cards else 0

    @property
    def scrolls(self) -> bool:
        """Whether there are more cards than fit, so the row moves and loops."""
        return len(self.cards) * self.pitch > self.strip.width() + self.theme.sizes.gap

    def next(self) -> None:
        if self.scrolls and self._tap.start is None:
            self._animate_to(round(self.offset) + 1)

    def previous(self) -> None:
        if self.scrolls and self._tap.start is None:
            self._animate_to(round(self.offset) - 1)

    # --- touch ----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        pos = event.position().toPoint()
        if not self._tap.press(pos, event.button()):
            return
        self.timer.stop()
        # A finger that lands on a moving row stops it; it did not aim at the card
        # that happens to slide under it, so this press is no tap.
        moving = self._animation.state() == QVariantAnimation.State.Running
        self._animation.stop()
        self._drag_from = self.offset
        self._axis = ""
        self._last_y = event.position().y()
        self._last = [(event.position().x(), event.timestamp())]
        self._pressed_card = None if moving else self._card_at(pos)
        if self._pressed_card is not None:
            self._pressed_card.set_pressed(True)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._tap.start is None:
            return
        self._tap.move(event.position().toPoint())
        if not self._tap.moved:
            return
        if self._pressed_card is not None:
            self._pressed_card.set_pressed(False)
            self._pressed_card = None
        delta = event.position().toPoint() - self._tap.start
        if not self._axis:
            self._axis = "x" if abs(delta.x()) >= abs(delta.y()) else "y"
        if self._axis == "y":
            self.scroll_page.emit(round(self._last_y - event.position().y()))
            self._last_y = event.position().y()
            return
        if self.scrolls:
            self._set_offset(self._drag_from - delta.x() / self.pitch)
        self._last = [*self._last[-3:], (event.position().x(), event.timestamp())]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._tap.start is None:
            return
        start = self._tap.start
        tapped = self._tap.release()
        card = self._pressed_card
        self._pressed_card = None
        if card is not None:
            card.set_pressed(False)
        if self.scrolls and self._axis == "x":
            dx = event.position().x() - start.x()
            self._animate_to(self._snap_target(dx, event))
        elif self.offset != round(self.offset):  # stopped between two cards: settle
            self._animate_to(round(self.offset))
        if tapped and card is not None:
            self.activated.emit(card.page.id)
        self._restart_timer()

    def _snap_target(self, dx: float, event: QMouseEvent) -> int:
        """The card to rest on: where the drag ended, carried on by the flick's speed."""
        (x0, t0), (x1, t1) = self._last[0], (event.position().x(), event.timestamp())
        # px per ms, positive = to the right. Touch screens report every 8-16 ms, so
        # a speed measured over less than MIN_SPEED_MS is noise, not a flick.
        speed = (x1 - x0) / (t1 - t0) if t1 - t0 >= MIN_SPEED_MS else 0.0
        # A flick carries a few cards on, but never half the loop or more: on a row
        # of five, moving three on looks like moving two back.
        most = max(1, min(MAX_FLICK_CARDS, (len(self.cards) - 1) // 2))
        carry = max(-most, min(most, -speed * FLICK_MS / self.pitch))
        target = self.offset + carry
        # A deliberate drag of a fifth of a card always moves at least one card.
        if abs(dx) > self.pitch / 5:
            base = math.floor(self._drag_from + 0.5)
            step = -1 if dx > 0 else 1
            if round(target) == base:
                return base + step
        return round(target)

    # --- layout and motion ------------------------------------------------------

    def _animate_to(self, target: int) -> None:
        self._animation.stop()
        distance = abs(target - self.offset)
        self._animation.setDuration(int(SNAP_MS * min(2.0, max(0.6, distance))))
        self._animation.setStartValue(float(self.offset))
        self._animation.setEndValue(float(target))
        self._animation.start()

    def _settle(self) -> None:
        if self.cards:
            self._set_offset(float(round(self.offset) % len(self.cards)))
        self.current_changed.emit(self.current)

    def _set_offset(self, value: object) -> None:
        self.offset = float(value)  # type: ignore[arg-type]
        self._place_cards()
        self.dots.set_current(self.current)

    def _place_cards(self) -> None:
        count = len(self.cards)
        if not count:
            return
        if not self.scrolls:  # all cards fit: a still row from the left, under the heading
            for index, card in enumerate(self.cards):
                card.move(index * self.pitch, 0)
            return
        for index, card in enumerate(self.cards):
            where = (index - self.offset + 1) % count - 1  # wrap: one card may sit left
            card.move(round(where * self.pitch), 0)

    def _card_at(self, pos: QPoint) -> PageCard | None:
        point = self.strip.mapFrom(self, pos)
        for card in self.cards:
            if card.geometry().contains(point):
                return card
        return None

    def _restart_timer(self) -> None:
        if self.scrolls and self.isVisible():
            self.timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_cards()
        self.dots.setVisible(self.scrolls)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self._place_cards()
        self._restart_timer()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)  # type: ignore[arg-type]
        self.timer.stop()
