"""The staff menu lists the content's problems in the form staff can act on."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.config import Config
from kiosk.ui import check_worker
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


def _listed(admin: AdminScreen) -> str:
    return "\n".join(admin.diagnostics.item(n).text() for n in range(admin.diagnostics.count()))


def test_the_menu_shows_what_is_known_at_once_and_fills_in_the_rest(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen) and admin.checking
    # At once: what loading found (no page rendered yet) ...
    assert "no zh-CN translation of 'topic/page-1'" in _listed(admin)
    assert "no 'When to see a doctor' box" not in _listed(admin)
    thread = window.desk.check
    assert thread is not None
    with qtbot.waitSignal(thread.done):
        pass
    # ... then what rendering every page found, in file and line order.
    qtbot.waitUntil(lambda: not admin.checking)
    listed = _listed(admin).splitlines()
    assert "topic/page-1.en.md:10: warning: no 'When to see a doctor' box" in _listed(admin)
    assert listed == [d.within(window.library.roots.content) for d in window.library.check_all()]
    assert admin.count.text().startswith(f"Content problems: {len(listed)}")
    assert not admin.progress.isVisible() and window.desk.check is None


def test_a_second_visit_lists_everything_at_once(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.show_admin()
    qtbot.waitUntil(lambda: window.desk.check is None)
    window.close_staff()
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen) and not admin.checking and window.desk.check is None
    assert "no 'When to see a doctor' box" in _listed(admin)


def _slow_check(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A check that reports once, then runs until it is cancelled."""
    said: list[str] = []

    def check(library: object, cache: object, *, found: Any, cancelled: Any) -> None:
        found((), 1, 6)
        stop = threading.Event()
        while not cancelled():
            stop.wait(0.005)  # in the worker thread, waiting to be cancelled
        said.append("cancelled")

    monkeypatch.setattr(check_worker.checker, "check", check)
    return said


def test_closing_the_menu_stops_the_check(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _slow_check(monkeypatch)
    window = make_window()
    window.show_admin()
    thread = window.desk.check
    admin = window.staff
    assert thread is not None and isinstance(admin, AdminScreen)
    qtbot.waitUntil(lambda: admin.progress.text().startswith("Checking pages: 1 of 6"))
    window.close_staff()
    assert said == ["cancelled"] and not thread.isRunning() and window.desk.check is None
    assert thread not in check_worker.RUNNING


def test_a_reload_starts_the_check_again_for_the_new_content(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _slow_check(monkeypatch)
    window = make_window()
    window.show_admin()
    first = window.desk.check
    assert first is not None
    qtbot.waitUntil(first.isRunning)
    window.reload_content()
    assert said == ["cancelled"] and not first.isRunning()
    second = window.desk.check
    assert second is not None and second is not first
    qtbot.waitUntil(second.isRunning)
    window.close_staff()
    assert said == ["cancelled", "cancelled"] and not check_worker.RUNNING


def test_built_screens_are_kept_only_up_to_the_configured_number(
    make_window: MakeWindow,
) -> None:
    window = make_window(Config(default_language="en", screens_kept=2))
    for index in range(4):
        window.open_page(f"topic/page-{index}")
    # the screen in front and the one before it; the older ones are gone
    assert window.content.count() == 2
