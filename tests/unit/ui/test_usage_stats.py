"""What a visitor does on the real window is counted, anonymously, per page and language:
pages opened, how far they got in a guide, their check answers, read-aloud started
and the idle reset after they left. Coming back to a page, or seeing it again in
another language or text size, is not counted twice."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader, stats
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.stats import Recorder, Usage
from kiosk.ui.app import usage_stats
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.read_aloud import ReadAloudButton
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write

LEFT = Qt.MouseButton.LeftButton
TRUST = "source: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n"
QUESTIONS = (
    "questions:\n  - q: {q1}\n    answer: true\n    explain: {e}\n"
    "  - q: {q2}\n    answer: false\n    explain: {e}\n"
)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """An article with two questions and a guide of three steps, in English and Chinese."""
    root = tmp_path / "content"
    for lang, title, words in (("en", "Rest", "Rest well."), ("zh-CN", "休息", "好好休息。")):
        questions = QUESTIONS.format(q1="Q1?", q2="Q2?", e="Because." if lang == "en" else "因为。")
        write(
            root, f"care/rest.{lang}.md", f"---\ntitle: {title}\n{TRUST}{questions}---\n\n{words}\n"
        )
        steps = "".join(f"## Step {n}\n\n{words}\n\n" for n in (1, 2, 3))
        write(
            root,
            f"care/steps.{lang}.md",
            f"---\ntitle: {title} steps\ntype: guide\n{TRUST}---\n\n{words}\n\n{steps}",
        )
    write(root, "sessions/class.toml", 'items = ["care/rest"]\n[title]\nen = "A"\nzh-CN = "甲"\n')
    return loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)


@pytest.fixture
def counted(tmp_path: Path) -> Iterator[tuple[Usage, Callable[[], dict[tuple[str, ...], int]]]]:
    """The window's usage counter, writing to a database of the test's own, and a
    function that waits for what was recorded to be written and reads the counts
    back as {(event, page, language, detail): count}."""
    path = tmp_path / stats.FILE_NAME
    recorder = Recorder(path, kiosk="test")

    def counts() -> dict[tuple[str, ...], int]:
        assert recorder.flush()
        if not path.exists():
            return {}
        with contextlib.closing(sqlite3.connect(path)) as db:
            found = db.execute("SELECT event, page_id, lang, detail, count FROM counts")
            return {tuple(row[:4]): row[4] for row in found}

    usage = Usage(recorder)
    yield usage, counts
    assert usage.close()


Counted = tuple[Usage, Callable[[], dict[tuple[str, ...], int]]]
MakeWindow = Callable[..., KioskWindow]


def test_pages_opened_are_counted_by_page_and_language(
    qtbot: QtBot, make_window: MakeWindow, counted: Counted
) -> None:
    usage, counts = counted
    window = make_window(stats=usage)
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    [card] = [card for card in home.cards() if card.page.id == "care/rest"]
    home.ensureWidgetVisible(card)
    qtbot.mouseClick(card, LEFT)  # a view
    assert window.current_id == "care/rest"
    qtbot.mouseClick(window.topbar.language_buttons["zh-CN"], LEFT)  # the same view, in Chinese
    window.larger_text()  # the same view, larger
    qtbot.mouseClick(window.topbar.back_button, LEFT)
    window.open_page("care/steps")  # a view, in Chinese now
    qtbot.mouseClick(window.topbar.back_button, LEFT)  # back home: nothing more
    window.open_page("care/rest")  # another view
    assert counts() == {
        ("page_view", "care/rest", "en", ""): 1,
        ("page_view", "care/rest", "zh-CN", ""): 1,
        ("page_view", "care/steps", "zh-CN", ""): 1,
    }


def test_how_far_a_reader_gets_in_a_guide(
    qtbot: QtBot, make_window: MakeWindow, counted: Counted
) -> None:
    usage, counts = counted
    window = make_window(stats=usage)
    window.open_page("care/steps")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    for button in ("next", "next", "previous", "next"):  # the introduction, steps 1, 2, 1, 2
        qtbot.mouseClick(getattr(guide, f"{button}_button"), LEFT)
    qtbot.mouseClick(window.topbar.language_buttons["zh-CN"], LEFT)  # still on step 2
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen) and guide.index == 2
    guide.go_to(guide.last)  # a dot: straight to the summary
    window.go_home()
    window.open_page("care/steps")  # a second view, in Chinese, that stops at step 1
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    qtbot.mouseClick(guide.next_button, LEFT)
    assert {key: n for key, n in counts().items() if key[0] == stats.GUIDE_STEP} == {
        ("guide_step", "care/steps", "en", "1/3"): 1,
        ("guide_step", "care/steps", "en", "2/3"): 1,
        ("guide_step", "care/steps", "zh-CN", "end/3"): 1,
        ("guide_step", "care/steps", "zh-CN", "1/3"): 1,
    }


def test_check_answers_are_counted_right_and_wrong_once(
    qtbot: QtBot, make_window: MakeWindow, counted: Counted
) -> None:
    usage, counts = counted
    window = make_window(stats=usage)
    window.open_page("care/rest")
    page = window.library.get("care/rest", "en")
    assert page is not None
    window.open_check(page)
    check = window.screen_widget
    assert isinstance(check, CheckScreen)
    qtbot.mouseClick(check.answer_buttons[0], LEFT)  # "true": right
    qtbot.mouseClick(check.next_button, LEFT)
    qtbot.mouseClick(check.answer_buttons[0], LEFT)  # "true": wrong
    window.set_language("zh-CN")  # the answers so far shown again, not given again
    assert isinstance(window.screen_widget, CheckScreen)
    assert window.screen_widget.answers == [0, 0]
    assert {key: n for key, n in counts().items() if key[0].startswith("check")} == {
        ("check_right", "care/rest", "en", "1"): 1,
        ("check_wrong", "care/rest", "en", "2"): 1,
    }


def test_read_aloud_started_is_counted(
    qtbot: QtBot, make_window: MakeWindow, counted: Counted
) -> None:
    usage, counts = counted
    window = make_window(stats=usage)
    window.open_page("care/rest")
    [button] = [b for b in window.screen_widget.findChildren(ReadAloudButton) if b.isVisible()]
    qtbot.mouseClick(button.toggle, LEFT)  # read
    qtbot.mouseClick(button.toggle, LEFT)  # pause: not another start
    window.read_aloud.stop()
    assert counts()[("read_aloud", "care/rest", "en", "speech")] == 1


def test_an_idle_reset_is_counted_when_someone_was_there(
    qtbot: QtBot, make_window: MakeWindow, counted: Counted
) -> None:
    usage, counts = counted
    window = make_window(stats=usage)
    window.open_page("care/rest")
    window.timers.idle.timeout.emit()  # the visitor walked away
    assert window.showing_attract
    window.timers.idle.timeout.emit()  # nobody came: not counted
    assert counts()[("idle_reset", "", "", "")] == 1


def test_a_session_started_is_counted(make_window: MakeWindow, counted: Counted) -> None:
    usage, counts = counted
    window = make_window(stats=usage)
    assert window.start_session("class", "zh-CN")
    window.end_session()
    assert not window.start_session("no-such-class", "en")
    assert counts() == {("session_run", "class", "zh-CN", ""): 1}


def test_a_window_without_stats_counts_nothing(make_window: MakeWindow) -> None:
    window = make_window()
    window.open_page("care/steps")
    assert window.stats.recorder is None


def test_kiosk_run_counts_unless_the_config_says_not() -> None:
    usage = usage_stats(Config(kiosk_id="ward-3"))
    assert usage.recorder is not None and usage.recorder.kiosk_id == "ward-3"
    assert usage.close()
    assert usage_stats(Config(usage_stats=False)).recorder is None
