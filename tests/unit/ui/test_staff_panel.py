"""The staff panel tells a ward manager how the content is, what is read, and the last update."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.sessions import Item, Session
from kiosk.core.update_state import UpdateResult
from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write

MakeWindow = Callable[..., KioskWindow]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """Three pages in English and Chinese; one is past its review date."""
    root = tmp_path / "content"
    for index in range(3):
        due = "2026-05-01" if index == 0 else "2027-05-01"
        for lang, title in (("en", f"Page {index}"), ("zh-CN", f"第{index}页")):
            write(
                root,
                f"topic/page-{index}.{lang}.md",
                f"---\ntitle: {title}\nsource: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n"
                f"review_due: {due}\n---\n\nBody.\n",
            )
    return loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)


SESSION = Session(
    "class", Path("sessions/class.toml"), {"en": "A class"}, 20, (Item("page", "x", None, 1),)
)
READING = {
    7: [("topic/page-2", 12), ("topic/page-0", 5), ("gone/old-page", 1)],
    30: [("topic/page-0", 40), ("topic/page-2", 31)],
}


def _panel(
    make_window: MakeWindow,
    lang: str,
    *,
    reading: Callable[[int], Sequence[tuple[str, int]]] = lambda days: READING[days],
    update: UpdateResult | None = None,
    sessions: Sequence[Session] = (),
) -> tuple[KioskWindow, AdminScreen]:
    window = make_window(Config(default_language=lang))
    window.desk.most_read = reading
    window.desk.last_update = lambda: update
    window.desk.today = lambda: TODAY
    window.desk.sessions = sessions
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    return window, admin


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Page 2", "Page 0", "Updated", "Version 1a2b3c4d5e6f", "Past review date")),
        ("zh-CN", ("第2页", "第0页", "更新成功", "版本 1a2b3c4d5e6f", "已过审核期")),
    ],
)
def test_the_panel_shows_status_chart_and_last_update(
    qtbot: QtBot, make_window: MakeWindow, lang: str, words: tuple[str, ...]
) -> None:
    update = UpdateResult(
        when="2026-05-31T06:02:11+00:00",
        ok=True,
        revision="1a2b3c4d5e6f7a8b",
        offered="1a2b3c4d5e6f7a8b",
        message="took 1a2b3c4: 3 pages changed",
    )
    window, admin = _panel(make_window, lang, update=update)
    first, second, verdict, version, past = words
    status = admin.status
    assert (status.pages.number.text(), status.languages.number.text()) == ("3", "2")
    assert status.past_review.number.text() == "1" and status.past_review.label.text() == past
    qtbot.waitUntil(lambda: not admin.checking)
    # The check's findings: the overdue review is a warning in each language; no errors.
    assert status.errors.number.text() == "0"
    assert int(status.warnings.number.text()) == admin.problems >= 2
    # The chart: titles in the panel's language, most read first; a page gone shows its id.
    chart = admin.most_read.chart
    assert chart.isVisible()
    assert chart.rows == ((first, 12), (second, 5), ("gone/old-page", 1))
    qtbot.mouseClick(admin.most_read.period_buttons[30], LEFT)
    assert chart.rows == ((second, 40), (first, 31))
    assert admin.most_read.period_buttons[30].isChecked()
    card = admin.update_card
    local = dt.datetime(2026, 5, 31, 6, 2, tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert card.result.text() == f"{local} · {verdict}"
    assert "took 1a2b3c4: 3 pages changed" in card.message.text()
    assert version in card.message.text()
    assert window.screen_widget is admin


def test_a_refused_update_and_no_reading_yet(make_window: MakeWindow) -> None:
    update = UpdateResult(
        when="2026-05-31T06:02:11+00:00",
        ok=False,
        revision="0123456789ab",
        offered="fedcba987654",
        message="fedcba9 has 2 errors; kept 0123456",
    )
    _, admin = _panel(make_window, "en", reading=lambda days: [], update=update)
    assert "Refused: the previous content is kept" in admin.update_card.result.text()
    assert "fedcba9 has 2 errors; kept 0123456" in admin.update_card.message.text()
    most_read = admin.most_read
    assert not most_read.chart.isVisible()
    assert most_read.empty.isVisible() and most_read.empty.text() == "No reading counted yet."


def test_never_updated_in_chinese(make_window: MakeWindow) -> None:
    _, admin = _panel(make_window, "zh-CN", reading=lambda days: [])
    assert admin.update_card.result.text() == "从未更新"
    assert admin.most_read.empty.text() == "还没有阅读记录。"


def test_counts_that_cannot_be_read_are_said_and_logged(
    make_window: MakeWindow, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(days: int) -> list[tuple[str, int]]:
        raise OSError("database is locked")

    _, admin = _panel(make_window, "en", reading=broken)
    assert admin.most_read.empty.text().startswith("The reading counts could not be read")
    assert "could not read the reading counts" in caplog.text


def test_errors_found_while_showing_pages_are_counted(make_window: MakeWindow) -> None:
    window = make_window(Config(default_language="en"))
    window.runtime_problems.append("topic/page-1.en.md:1: error: guide failed: boom")
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    assert admin.status.errors.number.text() == "1"
    assert admin.status.errors.number.property("alert") is True


def test_staff_can_switch_the_panel_language(qtbot: QtBot, make_window: MakeWindow) -> None:
    window, admin = _panel(make_window, "en")
    assert admin.back_button.text() == "Back to kiosk"
    qtbot.mouseClick(admin.language_buttons["zh-CN"], LEFT)
    chinese = window.staff
    assert isinstance(chinese, AdminScreen) and chinese is not admin
    assert chinese.back_button.text() == "返回展示"
    assert chinese.most_read.chart.rows[0] == ("第2页", 12)
    assert window.lang == "en"  # the reader's language is not the panel's
    window.reload_content()  # the panel stays in the language staff chose
    reloaded = window.staff
    assert isinstance(reloaded, AdminScreen) and reloaded.notice is not None
    assert reloaded.notice.text() == "已重新载入：3 页，2 种语言"
    window.close_staff()
    window.show_admin()  # next time: the reader's language again
    again = window.staff
    assert isinstance(again, AdminScreen) and again.lang == "en"


def test_start_a_session_only_where_sessions_exist(qtbot: QtBot, make_window: MakeWindow) -> None:
    _, admin = _panel(make_window, "en")
    assert admin.session_button is None
    window, admin = _panel(make_window, "en", sessions=(SESSION,))
    assert admin.session_button is not None and admin.session_button.text() == "Start a session"
    qtbot.mouseClick(admin.session_button, LEFT)
    assert type(window.staff).__name__ == "SessionPicker"  # the list to start one from


@pytest.mark.parametrize(("size", "landscape"), [((1280, 800), True), ((1080, 1600), False)])
def test_the_panel_fits_landscape_and_portrait(
    make_window: MakeWindow, size: tuple[int, int], landscape: bool
) -> None:
    window, _ = _panel(make_window, "en")
    window.close_staff()
    window.resize(*size)
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    assert (window.width(), window.height()) == size
    status, chart = admin.status.geometry(), admin.most_read.geometry()
    beside = chart.left() >= status.right()
    assert beside is landscape
