"""Speaker notes are never on a reader's screen, nor read aloud to one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.speech.service import IDLE
from kiosk.ui.widgets.read_aloud import ReadAloudButton
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

TRUST = "source: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n"
SECRET = "Secretnote"


def _shown_text(root: QWidget) -> str:
    """Every word on the screen: labels, buttons and rich text."""
    parts = [label.text() for label in root.findChildren(QLabel)]
    parts += [button.text() for button in root.findChildren(QAbstractButton)]
    parts += [body.toPlainText() for body in root.findChildren(RichText)]
    return "\n".join(parts)


def _read_aloud(qtbot: QtBot, window: KioskWindow) -> list[str]:
    screen = window.screen_widget
    reader = window.read_aloud
    heard: list[str] = []
    reader.sentence.connect(lambda index: heard.append(reader.sentences[index].text))
    buttons = [b for b in screen.findChildren(ReadAloudButton) if b.isVisible()]
    qtbot.mouseClick(buttons[0].toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.state == IDLE and bool(heard), timeout=10_000)
    return heard


def test_notes_are_not_shown_nor_read_aloud(
    qtbot: QtBot, make_window: Callable[..., KioskWindow], tmp_path: Path
) -> None:
    root = tmp_path / "content"
    write(
        root,
        "talk/say.en.md",
        f"---\ntitle: Say\n{TRUST}---\n\n::: notes\n{SECRET} one. Ask them.\n:::\n\n"
        "Readers read this.\n",
    )
    write(
        root,
        "talk/steps.en.md",
        f"---\ntitle: Steps\ntype: guide\n{TRUST}---\n\nIntro words.\n\n::: notes\n"
        f"{SECRET} intro.\n:::\n\n## Wash\n\nWash hands.\n\n::: notes\n{SECRET} two.\n:::\n",
    )
    library = loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)
    assert library.notes("talk/say", "en").page  # the notes are there, for the presenter
    window = make_window()
    use_library(window, library)

    window.open_page("talk/say")
    assert "Readers read this." in _shown_text(window)
    assert SECRET not in _shown_text(window)
    heard = _read_aloud(qtbot, window)
    assert "Readers read this." in heard and not any(SECRET in s for s in heard)

    window.open_page("talk/steps")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    for step in range(2):
        guide.go_to(step, animate=False)
        assert SECRET not in _shown_text(window)
    heard = _read_aloud(qtbot, window)
    assert heard and not any(SECRET in s for s in heard)
