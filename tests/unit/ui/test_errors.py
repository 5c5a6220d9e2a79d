"""Errors never show a traceback or kill the kiosk: it logs them and goes home."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config
from kiosk.core.model import Page, Rendered
from kiosk.core.pin import hash_pin
from kiosk.ui.app import ErrorGuard
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.pinpad import PinPad
from kiosk.ui.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_the_kiosk_goes_home(
    qtbot: QtBot,
    make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = make_window()
    window.open_page("topic/page-1")
    window.open_page("topic/page-2")  # so Back has to look up page 1 again
    monkeypatch.setattr(sys, "excepthook", ErrorGuard(window))

    def broken(page_id: str, lang: str) -> Page:
        raise RuntimeError("boom")

    monkeypatch.setattr(window.library, "get", broken)
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(window.topbar.back_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(window.screen_widget, HomeScreen))
    assert "returning home" in caplog.text and "boom" in caplog.text
    assert window.isVisible()


def test_a_page_that_fails_to_render_says_so_and_admin_lists_it(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    real_render = window.library.render

    def render(page: Page) -> Rendered:
        if page.id == "topic/page-2":
            raise ValueError("table too deep")
        return real_render(page)

    monkeypatch.setattr(window.library, "render", render)
    window.open_page("topic/page-2")
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.body is None
    assert screen.findChild(object, "Unavailable") is not None
    qtbot.waitUntil(lambda: bool(window.runtime_problems))
    assert (
        "page-2.en.md:1: error: the page failed to render: table too deep"
        in (window.runtime_problems[0])
    )


class Broken(QObject):
    """An event filter that fails on the first press: a bug in a screen's handler."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.MouseButtonPress:
            raise RuntimeError("boom in a handler")
        return False


def _left(kind: QEvent.Type, at: QPoint) -> QMouseEvent:
    pressed = (
        Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress
        else Qt.MouseButton.NoButton
    )
    return QMouseEvent(
        kind,
        QPointF(at),
        QPointF(at),
        Qt.MouseButton.LeftButton,
        pressed,
        Qt.KeyboardModifier.NoModifier,
    )


def _guide(window: KioskWindow) -> QWidget:
    window.open_page("weaning/gentle-weaning")
    return window.screen_widget


def _check(window: KioskWindow) -> QWidget:
    page = window.library.get("weaning/residual-milk", window.lang)
    assert page is not None
    window.open_check(page)
    return window.screen_widget


def _article(window: KioskWindow) -> QWidget:
    window.open_page("weaning/residual-milk")
    return window.screen_widget


def _attract(window: KioskWindow) -> QWidget:
    window.show_attract()
    assert window.attract is not None
    return window.attract


def _admin(window: KioskWindow) -> QWidget:
    window.show_admin()
    assert window.staff is not None
    return window.staff


def _pin_pad(window: KioskWindow) -> QWidget:
    window.config = Config(pin_hash=hash_pin("2468"))
    window.open_staff()
    assert isinstance(window.staff, PinPad)
    return window.staff


SCREENS: dict[str, Callable[[KioskWindow], QWidget]] = {
    "home": lambda window: window.screen_widget,
    "article": _article,
    "guide": _guide,
    "check": _check,
    "attract": _attract,
    "admin": _admin,
    "pin pad": _pin_pad,
}


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("name", SCREENS)
def test_an_error_on_any_screen_is_logged_and_the_kiosk_goes_home(
    qtbot: QtBot,
    shipped_kiosk: KioskWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    name: str,
) -> None:
    window = shipped_kiosk
    monkeypatch.setattr(sys, "excepthook", ErrorGuard(window))
    screen = SCREENS[name](window)
    assert screen.isVisible()
    middle = screen.mapTo(window, screen.rect().center())
    touched = window.childAt(middle)  # the widget a finger in the middle lands on
    assert touched is not None and (touched is screen or screen.isAncestorOf(touched))
    broken = Broken()
    touched.installEventFilter(broken)
    with caplog.at_level(logging.ERROR):
        # Posted, so the event loop delivers it as it delivers a real touch.
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.postEvent(touched, _left(kind, touched.mapFrom(window, middle)))
        qtbot.waitUntil(lambda: "boom in a handler" in caplog.text)
        qtbot.waitUntil(lambda: isinstance(window.screen_widget, HomeScreen))
    assert "unexpected error; returning home" in caplog.text and "boom in a handler" in caplog.text
    assert window.isVisible() and window.staff is None and not window.showing_attract
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    card = home.cards()[0]  # and the kiosk still works
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_id == card.page.id
