"""Sleep outside opening hours: a black screen (off, where the system allows),
woken by a touch for a few minutes, and by itself at opening time.

Checked once a minute (a timer from ``Timers``, so tests fire it) against a
clock given as a callable returning the local time, so tests set the hour. The
rule, in full: outside opening hours the screen sleeps once nobody has touched
it for ``wake_minutes``, unless ``keep_awake`` says otherwise (the staff panel
is open, or later a presenter's session). So a reader at closing time is not
cut off mid-page, and a touch at night gives ``wake_minutes`` from the last touch.
Going to sleep resets the kiosk: nothing of the last visitor is left.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import screen_power
from kiosk.core.hours import OpeningHours
from kiosk.ui.guard import guarded
from kiosk.ui.widgets.cover import PRESSES, Cover

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

Now = Callable[[], dt.datetime]


@guarded
class OpeningHoursWatch(QObject):
    """Puts ``window`` to sleep outside ``hours`` and wakes it.

    ``power`` turns the display itself off and on (``kiosk.screen_power``); a test
    may replace it before the first sleep.
    """

    def __init__(
        self,
        window: KioskWindow,
        hours: OpeningHours,
        check: QTimer,
        now: Now,
        wake_minutes: float,
        power: screen_power.ScreenPower,
        keep_awake: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self.window, self.hours, self.timer, self.now = window, hours, check, now
        self.wake_for = dt.timedelta(minutes=wake_minutes)
        self.power = power
        self.keep_awake = keep_awake
        self.asleep = False
        self.last_touch: dt.datetime | None = None
        self.cover = Cover(window, "SleepCover")
        self.cover.touched.connect(self.wake_by_touch)
        check.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # to know when the screen was last touched
        check.start()

    @classmethod
    def for_window(cls, window: KioskWindow, hours: OpeningHours, now: Now) -> OpeningHoursWatch:
        """The watch for a kiosk window, with the display's own power switch."""
        power = screen_power.for_platform(QGuiApplication.platformName())
        log.info("opening hours set: outside them the screen sleeps (display off: %s)", power.name)
        return cls(
            window,
            hours,
            window.timers.hours_check,
            now,
            window.config.wake_minutes,
            power,
            keep_awake=lambda: window.desk.is_open,
        )

    def check(self) -> None:
        """Sleep or wake, as the time says (every minute)."""
        now = self.now()
        if self.hours.is_open(now):
            if self.asleep:
                log.info("opening time: the screen wakes")
                self._wake()
            return
        if self.asleep or self.keep_awake():
            return
        if self.last_touch is not None and now - self.last_touch < self.wake_for:
            return
        self.sleep()

    def sleep(self) -> None:
        log.info("outside opening hours: the screen sleeps")
        window = self.window
        window.reset()  # nothing of the last visitor is left
        for timer in (
            window.timers.idle,
            window.timers.attract_rotate,
            window.timers.attract_shift,
        ):
            timer.stop()  # nothing moves behind the black
        self.asleep = True
        self.cover.cover()
        self.power.off()

    def wake_by_touch(self) -> None:
        """A touch on the sleeping screen: the attract screen, for ``wake_minutes``."""
        if not self.asleep:
            return
        self.last_touch = self.now()
        log.info("touched while closed: awake for %s", self.wake_for)
        self._wake()

    def _wake(self) -> None:
        self.asleep = False
        self.power.on()
        self.cover.uncover()
        self.window.show_attract()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.cover.covering:
            self.cover.uncover()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in PRESSES:
            self.last_touch = self.now()
        return False
