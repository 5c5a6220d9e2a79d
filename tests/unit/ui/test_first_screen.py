"""'kiosk run' paints home from the first screen's record, then reads the content: what
changed since shows a moment later, and no visitor ever opens a page from the record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.core.config import Config
from kiosk.core.index_cache import IndexCache
from kiosk.core.last_good import LastGood
from kiosk.core.library import Library
from kiosk.ui.live_reload import LiveReload
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import SIZE, manual_timers


class Started:
    """A window started from the record, as 'kiosk run' starts it, and its live reload."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.root = tmp_path / "content"
        database = tmp_path / "index.sqlite3"
        for n in range(3):
            self.write(n, f"Page {n}")
        self.load: Callable[[], Library] = lambda: loader.load(
            self.root, resources.assets_dir(), today=TODAY, cache=IndexCache(database)
        )
        self.load()  # the last run: it left the record behind
        self.write(1, "Page 1, renamed since")
        start = loader.load_start(self.root, resources.assets_dir(), database, today=TODAY)
        assert start is not None and start.provisional
        theme = Theme.for_screen(*SIZE, "Sans Serif")
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(theme.style_sheet())
        self.window = KioskWindow(
            start, Config(default_language="en"), theme, timers=manual_timers(), kiosk_mode=False
        )
        self.window.resize(*SIZE)
        self.window.show()
        settle = QTimer()
        settle.setInterval(3_600_000)
        self.live = LiveReload(self.window, self.load, LastGood(tmp_path / "lg", self.root), settle)
        self.live.watching = False

    def write(self, n: int, title: str) -> None:
        write(
            self.root,
            f"topic/page-{n}.en.md",
            f"---\ntitle: {title}\nweight: {n + 1}\n---\n\nBody.\n",
        )

    def titles(self) -> list[str]:
        home = self.window.screen_widget
        assert isinstance(home, HomeScreen)
        return [card.page.title for card in home.cards()]


def test_home_shows_the_content_as_it_is_a_moment_after_the_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    started = Started(qtbot, tmp_path)
    assert started.titles() == ["Page 0", "Page 1", "Page 2"]  # as the last run left it

    with qtbot.waitSignal(started.live.applied, timeout=20_000):
        started.live.catch_up()

    assert not started.window.library.provisional
    assert started.titles() == ["Page 0", "Page 1, renamed since", "Page 2"]
    assert not started.live.watcher.files()  # watch_content off: read once, not watched
    started.window.request_exit()


def test_a_tap_before_the_content_is_read_waits_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    started = Started(qtbot, tmp_path)
    started.live.catch_up()
    started.window.open_page("topic/page-1")  # at once: the reading is still under way

    assert not started.window.library.provisional
    screen = started.window.screen_widget
    assert isinstance(screen, ArticleScreen)
    assert screen.page.title == "Page 1, renamed since"
    qtbot.waitUntil(lambda: started.live._thread is None)
    started.window.request_exit()
