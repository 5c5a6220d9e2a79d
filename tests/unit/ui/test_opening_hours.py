"""Outside opening hours the screen sleeps; a touch wakes it for a while; opening wakes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.screen_power import ScreenPower
from kiosk.ui.opening_hours import OpeningHoursWatch
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from tests.unit.ui.conftest import SIZE, Clock, manual_timers

WEEK = {"mon": "07:30-18:00", "tue": "07:30-18:00", "wed": "07:30-18:00",
        "thu": "07:30-18:00", "fri": "07:30-18:00", "sat": "", "sun": ""}  # fmt: skip
LEFT = Qt.MouseButton.LeftButton


class WallClock:
    """Local time that moves only when a test says so; Monday 1 June 2026 to start."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 6, 1, 17, 50)

    def __call__(self) -> dt.datetime:
        return self.now

    def at(self, day: int, hhmm: str) -> None:
        h, m = (int(x) for x in hhmm.split(":"))
        self.now = dt.datetime(2026, 6, 1 + day, h, m)


class Power(ScreenPower):
    def __init__(self) -> None:
        self.said: list[str] = []

    def off(self) -> None:
        self.said.append("off")

    def on(self) -> None:
        self.said.append("on")


Kiosk = Callable[..., tuple[KioskWindow, OpeningHoursWatch, WallClock, Power]]


@pytest.fixture
def kiosk(qtbot: QtBot, library: Library, clock: Clock) -> Iterator[Kiosk]:
    made: list[KioskWindow] = []

    def make(
        config: Config | None = None,
    ) -> tuple[KioskWindow, OpeningHoursWatch, WallClock, Power]:
        config = config or Config(default_language="en", opening_hours=WEEK, wake_minutes=5)
        theme = Theme.for_screen(*SIZE, "Sans Serif")
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(theme.style_sheet())
        wall = WallClock()
        window = KioskWindow(library, config, theme, timers=manual_timers(), clock=clock, now=wall)
        made.append(window)
        window.resize(*SIZE)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        watch = window.opening_hours
        assert watch is not None
        power = Power()
        watch.power = power
        return window, watch, wall, power

    yield make
    for window in made:
        window.request_exit()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.instance().setStyleSheet("")  # type: ignore[union-attr]


def _minute(window: KioskWindow) -> None:
    window.timers.hours_check.timeout.emit()


def test_at_closing_the_screen_sleeps_and_the_visitor_is_forgotten(kiosk: Kiosk) -> None:
    window, watch, wall, power = kiosk()
    assert window.timers.hours_check.isActive()
    window.set_language("zh-CN")
    window.open_page("topic/page-0")
    _minute(window)
    assert not watch.asleep
    wall.at(0, "18:00")
    _minute(window)
    assert watch.asleep and watch.cover.isVisible() and watch.cover.geometry() == window.rect()
    assert power.said == ["off"]
    assert window.lang == "en" and window.history == [] and window.showing_attract
    assert not window.timers.attract_rotate.isActive() and not window.timers.idle.isActive()


def test_a_touch_wakes_it_to_attract_then_it_sleeps_again(
    qtbot: QtBot,
    kiosk: Kiosk,
) -> None:
    window, watch, wall, power = kiosk()
    wall.at(0, "22:00")
    _minute(window)
    assert watch.asleep
    with qtbot.assertNotEmitted(window.gesture.triggered):
        qtbot.mouseClick(window, LEFT, pos=QPoint(300, 300))
    assert not watch.asleep and not watch.cover.isVisible()
    assert window.showing_attract and window.timers.attract_rotate.isActive()
    assert power.said == ["off", "on"]
    wall.at(0, "22:04")
    _minute(window)
    assert not watch.asleep  # awake for wake_minutes ...
    wall.at(0, "22:05")
    _minute(window)
    assert watch.asleep  # ... then asleep again, the place closed still
    assert power.said == ["off", "on", "off"]


def test_a_reader_at_closing_time_is_not_cut_off(
    qtbot: QtBot,
    kiosk: Kiosk,
) -> None:
    window, watch, wall, _ = kiosk()
    wall.at(0, "17:58")
    qtbot.mouseClick(window, LEFT, pos=QPoint(300, 300))  # someone reading
    wall.at(0, "18:02")
    _minute(window)
    assert not watch.asleep
    wall.at(0, "18:03")  # five minutes since the last touch
    _minute(window)
    assert watch.asleep


def test_it_wakes_by_itself_at_opening_time(kiosk: Kiosk) -> None:
    window, watch, wall, power = kiosk()
    wall.at(5, "12:00")  # Saturday: closed all day
    _minute(window)
    assert watch.asleep
    wall.at(6, "23:59")  # Sunday night, still asleep
    _minute(window)
    assert watch.asleep
    wall.at(7, "07:30")  # Monday, opening
    _minute(window)
    assert not watch.asleep and not watch.cover.isVisible()
    assert window.showing_attract and power.said == ["off", "on"]


def test_the_staff_panel_and_cleaning_are_never_put_to_sleep(
    qtbot: QtBot,
    kiosk: Kiosk,
) -> None:
    window, watch, wall, _ = kiosk()
    wall.at(0, "17:00")
    window.show_admin()
    window.desk.start_cleaning()
    wall.at(0, "20:00")
    _minute(window)
    assert not watch.asleep and window.desk.cleaning is not None
    window.close_staff()
    _minute(window)
    assert watch.asleep


def test_no_hours_or_an_authors_window_never_sleeps(
    make_window: Callable[..., KioskWindow],
) -> None:
    assert make_window().opening_hours is None
    author = make_window(Config(default_language="en", opening_hours=WEEK), kiosk_mode=False)
    assert author.opening_hours is None
