"""The staff PIN pad: a clear title, and a lockout that counts down without moving anything."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config
from kiosk.core.pin import hash_pin
from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.window import KioskWindow
from tests.unit.ui.conftest import Clock

MakeWindow = Callable[..., KioskWindow]


@pytest.fixture
def window(make_window: MakeWindow) -> KioskWindow:
    # Two wrong PINs lock it (each check runs scrypt, which is slow on purpose).
    config = Config(default_language="en", pin_hash=hash_pin("2468"), pin_attempts=2)
    return make_window(config)


def _pad(window: KioskWindow) -> PinPad:
    window.open_staff()
    pad = window.staff
    assert isinstance(pad, PinPad)
    return pad


def _enter(qtbot: QtBot, pad: PinPad, digits: str) -> None:
    for key in [*digits, "OK"]:
        qtbot.mouseClick(pad.buttons[key], Qt.MouseButton.LeftButton)


def _lock(qtbot: QtBot, pad: PinPad) -> None:
    for _ in range(pad.lockout.attempts):
        _enter(qtbot, pad, "1111")


def _tick(pad: PinPad, clock: Clock, seconds: float) -> None:
    clock.now += seconds
    pad.tick.timeout.emit()


def _where(pad: PinPad) -> list[QRect]:
    """Where the keys and the PIN field are on screen."""
    shown = [pad.display, *pad.buttons.values()]
    return [QRect(w.mapTo(pad.window(), QPoint(0, 0)), w.size()) for w in shown]


def test_the_pad_says_what_it_is_for_in_both_languages(window: KioskWindow) -> None:
    pad = _pad(window)
    titles = [label.text() for label in pad.findChildren(type(pad.display), "AdminTitle")]
    assert titles == ["Staff PIN · 管理密码"]


def test_a_lockout_counts_down_every_second_in_both_languages(
    qtbot: QtBot, window: KioskWindow, clock: Clock
) -> None:
    pad = _pad(window)
    _lock(qtbot, pad)
    assert "60 s" in pad.message.text() and "60 秒" in pad.message.text()
    assert pad.tick.isActive()
    _tick(pad, clock, 1)
    assert "59 s" in pad.message.text() and "59 秒" in pad.message.text()
    _tick(pad, clock, 2.5)
    assert "57 s" in pad.message.text() and "57 秒" in pad.message.text()


def test_the_keys_are_off_while_locked_and_back_when_the_lock_ends(
    qtbot: QtBot, window: KioskWindow, clock: Clock
) -> None:
    pad = _pad(window)
    _lock(qtbot, pad)
    assert not any(button.isEnabled() for button in pad.buttons.values())
    qtbot.mouseClick(pad.buttons["2"], Qt.MouseButton.LeftButton)
    assert pad.display.text() == ""
    _tick(pad, clock, 59)
    assert "1 s" in pad.message.text()
    _tick(pad, clock, 1)
    assert pad.message.text() == ""
    assert all(button.isEnabled() for button in pad.buttons.values())
    assert not pad.tick.isActive()
    _enter(qtbot, pad, "2468")
    assert isinstance(window.staff, AdminScreen)


def test_nothing_moves_when_a_message_comes_changes_or_goes(
    qtbot: QtBot, window: KioskWindow, clock: Clock
) -> None:
    pad = _pad(window)
    qtbot.waitUntil(lambda: pad.buttons["OK"].isVisible())
    before = _where(pad)
    _enter(qtbot, pad, "1111")
    assert "Wrong PIN" in pad.message.text() and "密码不对" in pad.message.text()
    assert _where(pad) == before
    _enter(qtbot, pad, "1111")  # the second wrong PIN locks the pad
    assert "60 s" in pad.message.text()
    assert _where(pad) == before
    _tick(pad, clock, 60)
    assert _where(pad) == before


def test_a_pad_opened_again_during_a_lockout_still_counts_down(
    qtbot: QtBot, window: KioskWindow, clock: Clock
) -> None:
    pad = _pad(window)
    _lock(qtbot, pad)
    window.close_staff()
    clock.now += 20
    again = _pad(window)
    assert "40 s" in again.message.text() and "40 秒" in again.message.text()
    assert not again.buttons["1"].isEnabled()
    assert again.tick.isActive()
