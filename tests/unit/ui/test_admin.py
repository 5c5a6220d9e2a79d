"""The staff menu lists the content's problems in the form staff can act on."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]


def test_problems_name_files_inside_the_content_folder(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    qtbot.waitUntil(lambda: not admin.checking)
    shown = [admin.diagnostics.item(n).text() for n in range(admin.diagnostics.count())]
    # The test pages have no doctor box: one warning each, named as staff would find it.
    assert "topic/page-1.en.md:10: warning: no 'When to see a doctor' box" in "\n".join(shown)
    assert not any(line.startswith("/") for line in shown)


def test_reload_says_what_it_loaded_and_logs_it(
    qtbot: QtBot, make_window: MakeWindow, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window()
    window.show_admin()
    with caplog.at_level(logging.INFO):
        window.reload_content()
        admin = window.staff
        assert isinstance(admin, AdminScreen) and admin.notice is not None
        assert admin.notice.text().startswith("Reloaded: 6 pages in 2 languages")
        qtbot.waitUntil(lambda: not admin.checking)
    assert "content reloaded by staff: 6 pages in 2 languages" in caplog.text
    # 14, and the folder 'topic' that has no _index.md to name its section
    assert "content checked: 15 problems" in caplog.text
    assert "page-3.en.md:10: warning: no 'When to see a doctor' box" in caplog.text


def test_the_problem_list_cannot_be_selected(make_window: MakeWindow) -> None:
    window = make_window()
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    assert admin.diagnostics.selectionMode() == admin.diagnostics.SelectionMode.NoSelection
