"""Screen-cleaning mode: 30 s in which no touch, click or key does anything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config
from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]
LEFT = Qt.MouseButton.LeftButton


def _cleaning(qtbot: QtBot, make_window: MakeWindow) -> tuple[KioskWindow, AdminScreen]:
    window = make_window(Config(default_language="en", cleaning_seconds=30))
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    qtbot.mouseClick(admin.cleaning_button, LEFT)
    return window, admin


def test_touches_and_keys_do_nothing_while_the_countdown_runs(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, admin = _cleaning(qtbot, make_window)
    cleaning = window.desk.cleaning
    assert cleaning is not None and cleaning.active
    cover = cleaning.cover
    assert cover.isVisible() and cover.geometry() == window.rect()
    assert cleaning.count.text() == "30"
    assert "正在清洁屏幕" in cleaning.line.text() and "Cleaning the screen" in cleaning.line.text()
    # A wipe across the buttons, a key, the staff corner: nothing happens.
    with qtbot.assertNotEmitted(window.gesture.triggered):
        qtbot.mouseClick(admin.back_button, LEFT)
        qtbot.mouseClick(admin.reload_button, LEFT)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        for _ in range(window.config.admin_taps + 1):
            qtbot.mouseClick(window, LEFT, pos=QPoint(5, 5))
    assert not window.timers.admin_hold.isActive()  # no press reached the corner's hold
    assert window.staff is admin and admin.notice is None  # not closed, not reloaded
    # The idle reset cannot take the cover away early: it is not running.
    assert not window.timers.idle.isActive()
    for _ in range(20):
        window.timers.cleaning_tick.timeout.emit()
    assert cleaning.count.text() == "10" and cover.isVisible()


def test_after_the_countdown_the_panel_is_back_and_works(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, admin = _cleaning(qtbot, make_window)
    cleaning = window.desk.cleaning
    assert cleaning is not None
    for _ in range(29):
        window.timers.cleaning_tick.timeout.emit()
    assert cleaning.count.text() == "1" and cleaning.active
    window.timers.cleaning_tick.timeout.emit()
    assert window.desk.cleaning is None and not cleaning.cover.isVisible()
    assert window.staff is admin and admin.isVisible()
    assert window.timers.idle.isActive()  # the panel's idle time runs again, from now
    qtbot.mouseClick(admin.back_button, LEFT)
    assert window.staff is None


def test_an_idle_reset_during_cleaning_would_end_it_cleanly(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window, _ = _cleaning(qtbot, make_window)
    cleaning = window.desk.cleaning
    assert cleaning is not None
    window.timers.idle.timeout.emit()  # cannot happen (stopped), but if it did:
    assert window.desk.cleaning is None and not cleaning.cover.isVisible()
    assert window.showing_attract and window.staff is None
