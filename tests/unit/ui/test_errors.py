"""Errors never show a traceback or kill the kiosk: it logs them and goes home."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.model import Page, Rendered
from kiosk.ui.app import ErrorGuard
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
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
