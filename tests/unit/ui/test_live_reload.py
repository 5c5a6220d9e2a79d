"""Live reload: what an author saves shows on the kiosk between two screens; a broken
save keeps the last good page; a deleted page sends its reader home.

The content folder is watched for real (inotify on Linux); only the debounce timer
is fired by hand, once the watcher has started it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.core.last_good import LastGood
from kiosk.core.library import Library
from kiosk.ui.live_reload import LiveReload
from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write

MakeWindow = Callable[..., KioskWindow]
PAGE = (
    "---\ntitle: Page {n}\nsummary: Summary {n}.\ntags: [shared]\nweight: {w}\n"
    "source: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n---\n\n{body}\n"
)


class Live:
    """A kiosk window whose content folder is watched, and the hand on its timer."""

    def __init__(self, qtbot: QtBot, window: KioskWindow, root: Path, tmp_path: Path) -> None:
        self.qtbot, self.window, self.root = qtbot, window, root
        self.settle = QTimer()
        self.settle.setInterval(3_600_000)  # never on its own: the test fires it

        def load() -> Library:
            return loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)

        self.reload = LiveReload(window, load, LastGood(tmp_path / "last-good", root), self.settle)
        self.reload.start()
        qtbot.waitUntil(lambda: bool(self.reload.watcher.files()) and self.quiet())

    def quiet(self) -> bool:
        """Nothing being read, and every path watched."""
        return self.reload._thread is None and not self.reload._to_watch

    def page_file(self, n: int) -> Path:
        return self.root / f"topic/page-{n}.en.md"

    def save(self, n: int, body: str) -> None:
        """An author saves page ``n`` as most editors do: a new file renamed over the old."""
        temporary = self.root / "topic" / f".page-{n}.en.md.swp"
        temporary.write_text(PAGE.format(n=n, w=n + 1, body=body), encoding="utf-8")
        temporary.replace(self.page_file(n))

    def settled(self) -> None:
        """The watcher saw the change; the folder has been quiet long enough: read it."""
        self.qtbot.waitUntil(self.settle.isActive)
        self.settle.stop()
        with self.qtbot.waitSignal(self.reload.built, timeout=20_000):
            self.settle.timeout.emit()
        self.qtbot.waitUntil(self.quiet)


@pytest.fixture
def live(qtbot: QtBot, make_window: MakeWindow, library: Library, tmp_path: Path) -> Iterator[Live]:
    window = make_window()
    made = Live(qtbot, window, library.roots.content, tmp_path)
    yield made
    made.reload.stop()


def _article(window: KioskWindow) -> ArticleScreen:
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen)
    return screen


def _words(window: KioskWindow) -> str:
    body = _article(window).body
    assert body is not None
    return body.toPlainText()


def test_a_good_edit_shows_on_the_home_screen_at_once(live: Live) -> None:
    window = live.window
    live.save(1, "Wash your hands before each feed.")
    live.settled()

    assert isinstance(window.screen_widget, HomeScreen)  # nothing read here: swapped at once
    assert window.library.get("topic/page-1", "en") is not None
    window.open_page("topic/page-1")
    assert "Wash your hands before each feed." in _words(window)


def test_no_swap_under_a_reader_in_the_middle_of_a_page(live: Live) -> None:
    window = live.window
    window.open_page("topic/page-1")
    reading, before = window.screen_widget, window.library
    live.save(1, "New words for page one.")
    live.settled()

    assert window.screen_widget is reading and window.library is before
    assert "Body of page 1." in _words(window)

    window.go_home()  # the next screen change takes the new content
    assert window.library is not before
    window.open_page("topic/page-1")
    assert "New words for page one." in _words(window)


def test_a_broken_save_keeps_the_last_good_page_and_lists_the_error(
    qtbot: QtBot, live: Live
) -> None:
    window = live.window
    live.page_file(2).write_text("---\ntitle: [Page 2\n---\n\nHalf wri", encoding="utf-8")
    live.settled()

    window.open_page("topic/page-2")
    assert window.topbar.title.text() == "Page 2"
    assert "Body of page 2." in _words(window)
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    qtbot.waitUntil(lambda: not admin.checking)
    listed = "\n".join(admin.diagnostics.item(n).text() for n in range(admin.diagnostics.count()))
    assert "topic/page-2.en.md:3: error: front matter is not valid YAML" in listed
    assert "shows this page as it was before this error" in listed
    window.close_staff()

    live.save(2, "Fixed at last.")  # and once it is fixed, the fix shows
    live.settled()
    window.go_home()
    window.open_page("topic/page-2")
    assert "Fixed at last." in _words(window)


def test_an_empty_file_half_written_is_broken_too(live: Live) -> None:
    window = live.window
    live.page_file(3).write_text("", encoding="utf-8")
    live.settled()

    window.open_page("topic/page-3")
    assert "Body of page 3." in _words(window)


def test_a_deleted_page_sends_its_reader_home_with_a_message(qtbot: QtBot, live: Live) -> None:
    window = live.window
    window.open_page("topic/page-0")
    window.open_page("topic/page-4")
    live.page_file(4).unlink()
    live.page_file(0).unlink()
    live.settled()
    assert window.current_id == "topic/page-4"  # read on, until the next screen change

    window.larger_text()  # would show the same page again: it is gone
    qtbot.waitUntil(lambda: isinstance(window.screen_widget, HomeScreen))
    assert window.toast.isVisible()
    assert window.toast.text() == "That page is no longer here, so you are back on the home page."
    assert not window.history
    assert window.library.get("topic/page-4", "en") is None


def test_a_reader_whose_language_version_is_deleted_goes_home_too(qtbot: QtBot, live: Live) -> None:
    """Page 0 has a Chinese version as well: an English reader must not find it put in
    place of the English one, under an English top bar."""
    window = live.window
    window.open_page("topic/page-0")
    live.page_file(0).unlink()  # the English file
    live.settled()
    window.larger_text()
    qtbot.waitUntil(lambda: isinstance(window.screen_widget, HomeScreen))
    assert window.toast.text() == "That page is no longer here, so you are back on the home page."
    assert window.library.get("topic/page-0", "en").lang == "zh-CN"  # type: ignore[union-attr]


def test_history_forgets_deleted_pages(live: Live) -> None:
    window = live.window
    for n in (0, 2, 5):
        window.open_page(f"topic/page-{n}")
    live.page_file(2).unlink()
    live.settled()

    window.go_back()  # page 2 is gone: Back goes to the page before it
    assert window.current_id == "topic/page-0"


def test_staff_reload_keeps_a_broken_page_too(live: Live) -> None:
    window = live.window
    live.page_file(2).write_text("---\ntitle: [Page 2\n---\n", encoding="utf-8")
    window.reload_content()
    window.close_staff()

    window.open_page("topic/page-2")
    assert "Body of page 2." in _words(window)


def test_a_new_folder_is_watched_and_its_pages_show(live: Live) -> None:
    window = live.window
    (live.root / "more").mkdir()
    live.settled()
    write(live.root, "more/extra.en.md", PAGE.format(n=9, w=9, body="Extra words."))
    live.settled()

    window.open_page("more/extra")
    assert "Extra words." in _words(window)


def test_git_moving_the_files_is_seen(live: Live) -> None:
    """What kiosk update does to the folder: git rewrites the changed files."""
    env = {
        **os.environ,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        **{
            f"GIT_{r}_{k}": v
            for r in ("AUTHOR", "COMMITTER")
            for k, v in (("NAME", "T"), ("EMAIL", "t@x"))
        },
    }

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-C", str(live.root), *args], check=True, env=env, capture_output=True
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "first")
    live.page_file(5).write_text(PAGE.format(n=5, w=6, body="From git."), encoding="utf-8")
    git("commit", "-q", "-am", "second")
    live.settled()
    git("reset", "-q", "--hard", "HEAD~1")  # only git touches the files from here on
    live.settled()
    live.window.open_page("topic/page-5")
    assert "Body of page 5." in _words(live.window)

    git("reset", "-q", "--hard", "HEAD@{1}")
    live.settled()
    live.window.go_home()
    live.window.open_page("topic/page-5")
    assert "From git." in _words(live.window)


def test_on_the_attract_screen_the_new_content_shows_at_once(live: Live) -> None:
    window = live.window
    window.show_attract()
    live.page_file(5).unlink()
    live.settled()

    assert window.showing_attract
    assert window.library.get("topic/page-5", "en") is None
    attract = window.attract
    assert attract is not None
    featured = [attract.cards.widget(n).page.id for n in range(attract.cards.count())]  # type: ignore[attr-defined]
    assert featured and "topic/page-5" not in featured
