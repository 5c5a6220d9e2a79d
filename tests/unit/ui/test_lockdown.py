"""In kiosk mode no key, click or event leaves the app; staff get in with a PIN."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDropEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config
from kiosk.core.pin import hash_pin
from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.unit.ui.conftest import Clock

MakeWindow = Callable[..., KioskWindow]
CORNER = QPoint(8, 8)

ESCAPES = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
]


@pytest.mark.parametrize(("key", "modifier"), ESCAPES)
def test_escape_keys_do_nothing(
    qtbot: QtBot, make_window: MakeWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    window = make_window()
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(modifier.value | key.value), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    qtbot.keyClick(window, key, modifier)
    assert fired == []
    assert window.isVisible()


def test_the_same_keys_work_when_authors_run_it_in_a_window(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(kiosk_mode=False)
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert fired == [True]


def test_closing_the_window_is_refused(make_window: MakeWindow) -> None:
    window = make_window()
    assert window.close() is False
    assert window.isVisible()


def test_context_menus_right_clicks_and_drops_are_swallowed(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    seen: list[str] = []

    class Probe(QWidget):
        def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
            seen.append("menu")

        def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
            seen.append("drop")

        def mousePressEvent(self, event: object) -> None:  # noqa: N802
            seen.append("press")

    probe = Probe(window)
    probe.setAcceptDrops(True)
    probe.setGeometry(300, 300, 100, 100)
    probe.show()
    QApplication.sendEvent(
        probe,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), probe.mapToGlobal(QPoint(5, 5))
        ),
    )
    qtbot.mouseClick(probe, Qt.MouseButton.RightButton)
    qtbot.mouseClick(probe, Qt.MouseButton.MiddleButton)
    mime = QMimeData()
    mime.setText("file:///etc/passwd")
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(probe, drop)
    assert seen == []
    qtbot.mouseClick(probe, Qt.MouseButton.LeftButton)
    assert seen == ["press"]


def _tap_corner(qtbot: QtBot, window: KioskWindow, times: int) -> None:
    for _ in range(times):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=CORNER)


def test_five_taps_in_the_corner_open_the_pin_pad(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(Config(default_language="en", pin_hash=hash_pin("2468")))
    _tap_corner(qtbot, window, 4)
    assert window.staff is None
    _tap_corner(qtbot, window, 1)
    assert isinstance(window.staff, PinPad)


def test_holding_the_corner_opens_the_pin_pad(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(Config(default_language="en", pin_hash=hash_pin("2468")))
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=CORNER)
    assert window.timers.admin_hold.isActive()
    window.timers.admin_hold.timeout.emit()
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=CORNER)
    assert isinstance(window.staff, PinPad)


def _enter(qtbot: QtBot, pad: PinPad, digits: str) -> None:
    for key in [*digits, "OK"]:
        qtbot.mouseClick(pad.buttons[key], Qt.MouseButton.LeftButton)


def test_five_wrong_pins_lock_the_pad_for_a_minute(
    qtbot: QtBot, make_window: MakeWindow, clock: Clock
) -> None:
    window = make_window(Config(default_language="en", pin_hash=hash_pin("2468")))
    window.open_staff()
    pad = window.staff
    assert isinstance(pad, PinPad)
    for _ in range(5):
        _enter(qtbot, pad, "1111")
    _enter(qtbot, pad, "2468")
    assert window.staff is pad and "Try again in 60 s" in pad.message.text()
    clock.now += 59
    pad.tick.timeout.emit()
    _enter(qtbot, pad, "2468")
    assert window.staff is pad
    clock.now += 2
    pad.tick.timeout.emit()  # the pad's countdown ends with the lock
    _enter(qtbot, pad, "2468")
    assert isinstance(window.staff, AdminScreen)


def test_without_a_pin_the_gesture_opens_admin_with_a_warning_and_no_exit(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    _tap_corner(qtbot, window, 5)
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    assert admin.warning is not None and "No admin PIN is set" in admin.warning.text()
    assert "kiosk set-pin" in admin.warning.text()
    assert admin.exit_button is None
    assert not [b for b in admin.findChildren(QPushButton) if "Exit" in b.text()]


def test_behind_a_pin_exit_closes_the_kiosk(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(Config(default_language="en", pin_hash=hash_pin("2468")))
    window.open_staff()
    pad = window.staff
    assert isinstance(pad, PinPad)
    _enter(qtbot, pad, "2468")
    admin = window.staff
    assert isinstance(admin, AdminScreen) and admin.warning is None
    assert admin.exit_button is not None
    with qtbot.waitSignal(window.exit_requested):
        qtbot.mouseClick(admin.exit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_an_authors_window_offers_exit_without_a_pin(make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=False)
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen) and admin.exit_button is not None


def _selected_text(window: KioskWindow) -> list[str]:
    """Any text a visitor has selected, in any text view or label of the kiosk."""
    found = [
        view.textCursor().selectedText()
        for view in window.findChildren(QTextEdit)
        if view.textCursor().hasSelection()
    ]
    found += [label.selectedText() for label in window.findChildren(QLabel)]
    return [text for text in found if text]


def test_a_page_cannot_be_selected_or_copied(qtbot: QtBot, make_window: MakeWindow) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    window = make_window()
    window.open_page("topic/page-0")
    body = window.findChild(RichText)
    assert body is not None
    view = body.viewport()
    middle = QPoint(view.width() // 4, 10)
    for _ in range(3):  # a triple click selects a paragraph in a normal text view
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    qtbot.mouseMove(view, QPoint(view.width() - 2, view.height() - 2))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(view.width() - 2, 2))
    for target in (body, view, window):
        qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(target, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(target, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert _selected_text(window) == []
    assert clipboard.text() == "before"


def test_copy_keys_never_reach_a_widget_in_kiosk_mode(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    seen: list[int] = []

    class Probe(QWidget):
        def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
            if event.key() != Qt.Key.Key_Control:
                seen.append(event.key())

    probe = Probe(window)
    probe.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    probe.show()
    probe.setFocus()
    for key in (Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_X, Qt.Key.Key_V, Qt.Key.Key_Insert):
        qtbot.keyClick(probe, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(probe, Qt.Key.Key_Right)
    assert seen == [Qt.Key.Key_Right]


def test_a_kiosk_hidden_by_the_desktop_comes_back(qtbot: QtBot, make_window: MakeWindow) -> None:
    """A window manager's shortcut (show desktop, another workspace) must not leave a dark
    screen: the kiosk brings itself back, fullscreen."""
    window = make_window()
    window.keep_on_screen = True
    handle = window.windowHandle()
    assert handle is not None
    handle.hide()  # what the desktop does; the kiosk never sees the shortcut
    qtbot.waitUntil(lambda: window.timers.come_back.isActive())
    window.timers.come_back.timeout.emit()
    qtbot.waitUntil(lambda: handle.isExposed())
    assert window.isVisible() and window.isFullScreen()


def test_an_authors_window_stays_hidden_when_hidden(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(kiosk_mode=False)
    handle = window.windowHandle()
    assert handle is not None
    handle.hide()
    assert not window.timers.come_back.isActive()


def test_wrong_pins_and_the_lockout_are_logged_for_staff(
    qtbot: QtBot, make_window: MakeWindow, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window(Config(default_language="en", pin_hash=hash_pin("2468")))
    window.open_staff()
    pad = window.staff
    assert isinstance(pad, PinPad)
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            _enter(qtbot, pad, "1111")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings.count("wrong staff PIN") == 4
    assert warnings[-1] == "wrong staff PIN; the pad is locked"


def test_an_authors_window_without_a_pin_does_not_claim_to_hide_exit(
    make_window: MakeWindow,
) -> None:
    window = make_window(kiosk_mode=False)
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen) and admin.warning is not None
    assert admin.exit_button is not None and "offers no Exit" not in admin.warning.text()
