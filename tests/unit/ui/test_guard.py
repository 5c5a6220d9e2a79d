"""An exception in one of our Qt handlers never crosses back into Qt.

Without the guard, a ``resizeEvent`` that fails while a page is being opened
left PySide with a pending exception that every other handler then tripped
over, and the kiosk ended in a segmentation fault.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import pkgutil
import sys

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import kiosk.ui
from kiosk.ui import guard
from kiosk.ui.app import ErrorGuard
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.window import KioskWindow


def _our_qt_classes() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(kiosk.ui.__path__, "kiosk.ui."):
        loaded = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if cls.__module__ == loaded.__name__ and issubclass(cls, QObject):
                found.append(cls)
    return found


def test_every_class_that_handles_qt_events_is_guarded() -> None:
    classes = _our_qt_classes()
    assert len(classes) > 15
    unguarded = [
        c.__qualname__ for c in classes if guard.overridden_handlers(c) and not guard.is_guarded(c)
    ]
    assert unguarded == []


def _tap_from_the_event_loop(widget: QWidget) -> None:
    """Posted, so the event loop delivers the tap as it delivers a real one."""
    at = QPointF(widget.rect().center())
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, at, at, Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.postEvent(widget, event)


@pytest.mark.qt_no_exception_capture
def test_a_handler_failing_while_a_page_opens_sends_the_reader_home(
    qtbot: QtBot,
    shipped_kiosk: KioskWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = shipped_kiosk
    monkeypatch.setattr(sys, "excepthook", ErrorGuard(window))

    def broken(self: Carousel) -> None:
        raise RuntimeError("carousel layout failed")

    monkeypatch.setattr(Carousel, "_place_cards", broken)  # called from resizeEvent
    with caplog.at_level(logging.ERROR):
        for attempt in range(1, 4):  # the crash came on a later tap, not always the first
            home = window.screen_widget
            assert isinstance(home, HomeScreen)
            card = next(c for c in home.cards() if c.page.type != "guide")
            _tap_from_the_event_loop(card)
            qtbot.waitUntil(lambda n=attempt: caplog.text.count("layout failed") >= n)
            qtbot.waitUntil(lambda: isinstance(window.screen_widget, HomeScreen))
    assert "returning home" in caplog.text
    assert "returned a result with an exception set" not in caplog.text
    monkeypatch.undo()  # and with the fault gone, the same page opens
    window.open_page(card.page.id)
    assert isinstance(window.screen_widget, ArticleScreen)
