"""Fixtures for driving the real kiosk window offscreen, with timers we fire by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.stats import Usage
from kiosk.ui.app import styled
from kiosk.ui.speech.service import ReadAloud
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow, Timers
from tests.conftest import TODAY, write

SIZE = (1280, 800)


class Clock:
    """A clock that only moves when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def manual_timers() -> Timers:
    """Timers with long intervals: they never fire on their own during a test."""

    def timer() -> QTimer:
        made = QTimer()
        made.setInterval(3_600_000)
        return made

    return Timers(
        timer(),
        timer(),
        timer(),
        timer(),
        carousel_ms=3_600_000,
        pin_tick_ms=3_600_000,
        cleaning_tick=timer(),
        hours_check=timer(),
    )


def use_library(window: KioskWindow, library: Library) -> None:
    """Show ``library`` in ``window``, as staff would with "Reload content"."""
    window._reload = lambda: library
    window.reload_content()
    window.close_staff()


@pytest.fixture(autouse=True)
def mock_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's default speech engine would speak aloud, or fail, as the machine allows:
    every test gets Qt's silent mock engine instead (English voices only)."""
    monkeypatch.setattr(ReadAloud, "default_engine", "mock")
    monkeypatch.setattr(ReadAloud, "separate_process", False)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """Six English pages that share a tag, so every page has a full carousel."""
    root = tmp_path / "content"
    for index in range(6):
        write(
            root,
            f"topic/page-{index}.en.md",
            f"---\ntitle: Page {index}\nsummary: Summary {index}.\ntags: [shared]\n"
            f"weight: {index + 1}\nsource: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n---\n\n"
            f"Body of page {index}. See [the next one](page-{(index + 1) % 6}.en.md).\n",
        )
    write(root, "topic/page-0.zh-CN.md", "---\ntitle: 第零页\ntags: [shared]\n---\n\n正文。\n")
    return loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)


@pytest.fixture
def shipped_kiosk(qtbot: QtBot) -> Iterator[KioskWindow]:
    """The kiosk as it ships: bundled content, default config (no PIN), kiosk mode, 1080p."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = styled(app, Config(), (1920, 1080))
    library = loader.load(resources.content_dir(), resources.assets_dir())
    window = KioskWindow(library, Config(), theme, timers=manual_timers(), kiosk_mode=True)
    window.resize(1920, 1080)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield window
    window.kiosk_mode = False
    window.request_exit()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.setStyleSheet("")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_window(qtbot: QtBot, library: Library, clock: Clock) -> Callable[..., KioskWindow]:
    made: list[KioskWindow] = []

    def make(
        config: Config | None = None, kiosk_mode: bool = True, stats: Usage | None = None
    ) -> KioskWindow:
        config = config or Config(default_language="en")
        theme = Theme.for_screen(*SIZE, "Sans Serif")
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(theme.style_sheet())
        window = KioskWindow(
            library,
            config,
            theme,
            timers=manual_timers(),
            kiosk_mode=kiosk_mode,
            clock=clock,
            reload=lambda: library,
            stats=stats,
        )
        made.append(window)
        window.resize(*SIZE)
        with qtbot.waitActive(window):  # shortcuts only reach an active window
            window.show()
            window.activateWindow()
        return window

    yield make
    for window in made:
        window.request_exit()
        window.deleteLater()
    # Gone before the style sheet changes: restyling a live window, whose screens
    # carry style sheets of their own, costs more than building it did.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.instance().setStyleSheet("")  # type: ignore[union-attr]
