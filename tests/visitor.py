"""A restless visitor: seeded random taps, swipes, keys and waits on the real window.

Every event goes to the window's ``QWindow``, as the window system would send it:
Qt finds the widget under the finger, the kinetic scroller and the lockdown see
it, and a press on a card that turns into a drag is no tap. Timers that would
fire by themselves (idle reset, carousels, the staff hold) are fired as actions,
so a run takes seconds, not hours.

Used by the soak and storm tests, and by ``benchmarks/soak.py`` for long runs.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import QWheelEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.ui.screens.guide import StepDots
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.window import KioskWindow

Mod = Qt.KeyboardModifier
Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton

# Keys a visitor, a clicker or a curious child might press.
KEYS: list[tuple[Key, Mod]] = [
    (Key.Key_Right, Mod.NoModifier),
    (Key.Key_Left, Mod.NoModifier),
    (Key.Key_Down, Mod.NoModifier),
    (Key.Key_Up, Mod.NoModifier),
    (Key.Key_PageDown, Mod.NoModifier),
    (Key.Key_PageUp, Mod.NoModifier),
    (Key.Key_Space, Mod.NoModifier),
    (Key.Key_Return, Mod.NoModifier),
    (Key.Key_Backspace, Mod.NoModifier),
    (Key.Key_Tab, Mod.NoModifier),
    (Key.Key_Escape, Mod.NoModifier),
    (Key.Key_F11, Mod.NoModifier),
    (Key.Key_F4, Mod.AltModifier),
    (Key.Key_Tab, Mod.AltModifier),
    (Key.Key_Q, Mod.ControlModifier),
    (Key.Key_W, Mod.ControlModifier),
    (Key.Key_A, Mod.ControlModifier),
    (Key.Key_C, Mod.ControlModifier),
    (Key.Key_V, Mod.ControlModifier),
    (Key.Key_Insert, Mod.ControlModifier),
    (Key.Key_Plus, Mod.ControlModifier),
    (Key.Key_B, Mod.NoModifier),
    (Key.Key_G, Mod.NoModifier),
    (Key.Key_Home, Mod.NoModifier),
    (Key.Key_End, Mod.NoModifier),
    (Key.Key_Menu, Mod.NoModifier),
]


class Visitor:
    """Acts on ``window`` with random real events; ``rng`` makes a run repeatable."""

    def __init__(self, window: KioskWindow, rng: random.Random) -> None:
        self.window = window
        self.rng = rng
        self.done: Counter[str] = Counter()  # actions taken, by name
        self.screens: Counter[str] = Counter()  # screens seen after each action, by class
        self.actions: list[tuple[int, Callable[[], None]]] = [
            (24, self.tap_something),
            (14, self.follow_the_page),
            (6, self.tap_anywhere),
            (10, self.swipe_sideways),
            (8, self.scroll),
            (4, self.wheel),
            (8, self.press_key),
            (2, self.long_press),
            (2, self.staff_gesture),
            (2, self.wait_idle),
            (4, self.fire_screen_timer),
            (4, self.text_size),
            (4, self.language),
            (3, self.back_or_home),
            (1, self.turn_screen),
            (2, self.many_taps),
            (1, self.other_button),
        ]
        self._weights = [weight for weight, _ in self.actions]

    def storm(self) -> None:
        """From now on act as a storm: raw clicks, drags, keys and presses, nothing aimed."""
        self.actions = [
            (6, self.tap_anywhere),
            (3, self.many_taps),
            (3, self.swipe_sideways),
            (3, self.scroll),
            (1, self.wheel),
            (6, self.press_key),
            (2, self.long_press),
            (1, self.staff_gesture),
            (2, self.other_button),
        ]
        self._weights = [weight for weight, _ in self.actions]

    # --- what there is -------------------------------------------------------------

    @property
    def qwindow(self) -> QWindow:
        handle = self.window.windowHandle()
        assert handle is not None
        return handle

    def _on_screen(self, widget: QWidget) -> QRect | None:
        """The part of ``widget`` a finger can reach, in window coordinates."""
        if not widget.isVisible() or widget.window() is not self.window:
            return None
        region = widget.visibleRegion().boundingRect()
        if region.isEmpty():
            return None
        top_left = widget.mapTo(self.window, region.topLeft())
        return QRect(top_left, region.size()).intersected(self.window.rect())

    def targets(self) -> list[QRect]:
        """Everything tappable on screen now: buttons, cards, dots, the attract screen."""
        found: list[QRect] = []
        for widget in self.widgets():
            tappable = (isinstance(widget, QPushButton) and widget.isEnabled()) or isinstance(
                widget, PageCard | StepDots
            )
            if tappable:
                rect = self._on_screen(widget)
                if rect is not None and not rect.isEmpty():
                    found.append(rect)
        return found

    def widgets(self) -> list[QWidget]:
        """Every widget of the kiosk window.

        Not ``window.findChildren``: PySide ties the wrappers it returns to the
        window's wrapper, and keeps them after the widgets are deleted, which
        would look like a leak in the kiosk.
        """
        return [w for w in QApplication.allWidgets() if w.window() is self.window]

    def _point_in(self, rect: QRect) -> QPoint:
        return QPoint(
            self.rng.randint(rect.left(), max(rect.left(), rect.right())),
            self.rng.randint(rect.top(), max(rect.top(), rect.bottom())),
        )

    def _anywhere(self) -> QPoint:
        return self._point_in(self.window.rect().adjusted(0, 0, -1, -1))

    # --- events ----------------------------------------------------------------------

    def tap(self, at: QPoint) -> None:
        QTest.mouseClick(self.qwindow, LEFT, Mod.NoModifier, at)

    def drag(self, start: QPoint, end: QPoint, steps: int) -> None:
        QTest.mousePress(self.qwindow, LEFT, Mod.NoModifier, start)
        for step in range(1, steps + 1):
            x = start.x() + (end.x() - start.x()) * step // steps
            y = start.y() + (end.y() - start.y()) * step // steps
            QTest.mouseMove(self.qwindow, QPoint(x, y), 8)
        QTest.mouseRelease(self.qwindow, LEFT, Mod.NoModifier, end, 8)

    def let_animations_end(self) -> None:
        """A person takes longer than a slide or a snap lasts: end what is moving."""
        for screen in {self.window.screen_widget, self.window.content.currentWidget()}:
            if screen is None:
                continue
            for animation in screen.findChildren(QAbstractAnimation):
                if animation.state() == QAbstractAnimation.State.Running:
                    animation.setCurrentTime(animation.totalDuration())

    # --- actions -----------------------------------------------------------------------

    def act(self) -> str:
        """Take one random action; returns its name."""
        _, action = self.rng.choices(self.actions, weights=self._weights)[0]
        action()
        settle()
        self.let_animations_end()
        settle()
        name = action.__name__
        self.done[name] += 1
        self.screens[type(self.window.screen_widget).__name__] += 1
        return name

    def tap_something(self) -> None:
        targets = self.targets()
        self.tap(self._point_in(self.rng.choice(targets)) if targets else self._anywhere())

    def follow_the_page(self) -> None:
        """Do what the screen invites: an answer, Check your understanding, then Next."""
        offered: dict[str, list[QRect]] = {"primary": [], "answer": [], "nav": []}
        for widget in self.widgets():
            role = widget.property("role")
            if (
                isinstance(widget, QPushButton)
                and widget.isEnabled()
                and role in offered
                and not self.window.topbar.isAncestorOf(widget)
                and (rect := self._on_screen(widget)) is not None
                and not rect.isEmpty()
            ):
                offered[role].append(rect)
        choices = offered["primary"] + offered["answer"]
        if choices:
            self.tap(self._point_in(self.rng.choice(choices)))
        elif offered["nav"]:  # Next sits on the right
            self.tap(max(offered["nav"], key=QRect.right).center())
        else:
            self.tap_something()

    def tap_anywhere(self) -> None:
        self.tap(self._anywhere())

    def many_taps(self) -> None:
        """Two or three quick taps on one spot: a double or triple click selects text."""
        at = self._anywhere()
        QTest.mouseDClick(self.qwindow, LEFT, Mod.NoModifier, at)
        if self.rng.random() < 0.5:
            self.tap(at)

    def other_button(self) -> None:
        """A mouse plugged into the kiosk: right and middle clicks."""
        button = self.rng.choice((Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton))
        QTest.mouseClick(self.qwindow, button, Mod.NoModifier, self._anywhere())

    def swipe_sideways(self) -> None:
        start = self._anywhere()
        distance = self.rng.choice((-1, 1)) * self.rng.randint(20, self.window.width() // 2)
        end = QPoint(min(self.window.width() - 1, max(0, start.x() + distance)), start.y())
        self.drag(start, end, self.rng.randint(2, 12))

    def scroll(self) -> None:
        start = self._anywhere()
        distance = self.rng.choice((-1, 1)) * self.rng.randint(30, self.window.height() // 2)
        end = QPoint(start.x(), min(self.window.height() - 1, max(0, start.y() + distance)))
        self.drag(start, end, self.rng.randint(2, 12))

    def wheel(self) -> None:
        """A mouse wheel turned over the screen: it scrolls a page at once.

        (A finger's scroll moves the page on the scroller's own clock, which a
        run that takes no time never lets tick; the wheel reaches the rest of a
        page.) Sent to the widget under the pointer, as Qt would.
        """
        at = self._anywhere()
        target = self.window.childAt(at) or self.window
        steps = self.rng.choice((-3, -1, 1, 3, 6))
        event = QWheelEvent(
            QPointF(target.mapFrom(self.window, at)),
            QPointF(self.window.mapToGlobal(at)),
            QPoint(),
            QPoint(0, -120 * steps),
            Qt.MouseButton.NoButton,
            Mod.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(target, event)

    def press_key(self) -> None:
        key, modifier = self.rng.choice(KEYS)
        QTest.keyClick(self.qwindow, key, modifier)

    def long_press(self) -> None:
        at = self._anywhere()
        QTest.mousePress(self.qwindow, LEFT, Mod.NoModifier, at)
        if self.window.timers.admin_hold.isActive():  # the corner: the hold completes
            self.window.timers.admin_hold.timeout.emit()
        settle()
        QTest.mouseRelease(self.qwindow, LEFT, Mod.NoModifier, at, 900)

    def staff_gesture(self) -> None:
        for _ in range(self.window.config.admin_taps):
            self.tap(QPoint(6, 6))

    def wait_idle(self) -> None:
        self.window.timers.idle.timeout.emit()

    def fire_screen_timer(self) -> None:
        timers: list[QTimer] = [self.window.timers.attract_rotate, self.window.timers.attract_shift]
        if self.window.desk.cleaning is not None:  # the screen-cleaning countdown
            timers.append(self.window.timers.cleaning_tick)
        timers += [
            widget.timer
            for widget in self.widgets()
            if isinstance(widget, Carousel) and widget.timer.isActive()
        ]
        self.rng.choice(timers).timeout.emit()

    def text_size(self) -> None:
        """A−, A+ or the contrast switch: the reading aids in the top bar."""
        bar = self.window.topbar
        sizes = bar.text_size
        aids = [sizes.smaller_button, sizes.larger_button, sizes.larger_button]
        if bar.contrast_button.isVisible():
            aids.append(bar.contrast_button)
        self._tap_widget(self.rng.choice(aids))

    def language(self) -> None:
        self._tap_widget(self.rng.choice(list(self.window.topbar.language_buttons.values())))

    def back_or_home(self) -> None:
        bar = self.window.topbar
        self._tap_widget(self.rng.choice((bar.back_button, bar.home_button)))

    def turn_screen(self) -> None:
        """A portrait mount, or back: the screens lay themselves out again."""
        self.window.resize(self.window.height(), self.window.width())

    def _tap_widget(self, widget: QWidget) -> None:
        rect = self._on_screen(widget)
        self.tap(rect.center() if rect is not None else self._anywhere())


def settle() -> None:
    """Let posted events, layouts and deferred deletions run, as the event loop would."""
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
