"""A guide moves step by step by button, swipe, dot and clicker key, then leads to a check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.guide import GuideScreen, StepView
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]

GUIDE = """---
title: Wean gently
type: guide
cover: pic.svg
source: The test hospital
questions:
  - q: Should you stop all feeds at once?
    answer: false
    explain: Stopping slowly is kinder to you and your baby.
  - q: How much milk should you express when full?
    choices: [All of it, Just a little]
    answer: 2
    explain: A little eases the ache without making more milk.
---
A short introduction.

## Drop one feed at a time

![A mother and toddler](pic.svg)

Start with the feed your baby misses least.

## Wait a few days

Give your body time.

## Express only a little

If you feel full, express a little.
"""


@pytest.fixture
def guide(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> tuple[KioskWindow, GuideScreen]:
    root = tmp_path / "g"
    write(root, "wean/gentle.en.md", GUIDE)
    write(
        root,
        "wean/pic.svg",
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 2 1'>"
        "<rect width='2' height='1' fill='#4a8'/></svg>",
    )
    write(root, "wean/other.en.md", "# Another page\n")
    window = make_window()
    library = loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)
    use_library(window, library)
    window.open_page("wean/gentle")
    screen = window.screen_widget
    assert isinstance(screen, GuideScreen)
    qtbot.waitUntil(lambda: screen.frame.width() > 0)
    return window, screen


def test_a_guide_opens_on_its_introduction_then_shows_one_step_at_a_time(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]
) -> None:
    _, screen = guide
    assert [s.title for s in screen.steps] == [
        "Drop one feed at a time",
        "Wait a few days",
        "Express only a little",
    ]
    assert screen.progress.text() == "Before you start"
    intro = screen.intro
    assert _label(intro, "StepTitle") == "Wean gently"
    assert "A short introduction." in intro.findChild(RichText).toPlainText()  # type: ignore[union-attr]
    assert intro.picture.natural_size().width() > 0  # the guide's cover
    assert screen.next_button.text() == "Start" and not screen.previous_button.isEnabled()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.progress.text() == "Step 1 of 3" and screen.next_button.text() == "Next"
    assert screen.steps[0].image is not None and screen.steps[0].image.alt == "A mother and toddler"


def test_every_step_and_the_summary_say_where_the_facts_come_from(
    guide: tuple[KioskWindow, GuideScreen],
) -> None:
    _, screen = guide
    for view in screen.views[:-1]:
        assert _label(view, "TrustLine") == "Source: The test hospital"
    footer = screen.summary.trust
    shown = [label.text() for label in footer.lines]
    assert shown == ["Source: The test hospital", "Not yet reviewed by a clinician."]


def _label(view: QWidget, name: str) -> str:
    label = view.findChild(QLabel, name)
    assert label is not None
    return label.text()


def test_next_and_previous_buttons_move_between_steps(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]
) -> None:
    _, screen = guide
    for _ in range(3):
        qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.progress.text() == "Step 3 of 3"
    qtbot.mouseClick(screen.previous_button, Qt.MouseButton.LeftButton)
    assert screen.progress.text() == "Step 2 of 3"


def test_a_swipe_turns_the_page_and_a_short_drag_snaps_back(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]
) -> None:
    _, screen = guide
    centre = screen.rect().center()
    width = screen.frame.width()
    for dx, expected in ((-width // 3, 1), (-width // 20, 1), (width // 3, 0)):
        qtbot.mousePress(screen, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseMove(screen, centre + QPoint(dx, 0))
        qtbot.mouseRelease(screen, Qt.MouseButton.LeftButton, pos=centre + QPoint(dx, 0))
        assert screen.index == expected
        qtbot.waitUntil(lambda: screen.position == float(screen.index))


@pytest.mark.parametrize(
    ("key", "step"),
    [(Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Down, 1), (Qt.Key.Key_Left, 0)],
)
def test_clicker_keys_move_between_steps(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen], key: Qt.Key, step: int
) -> None:
    _, screen = guide
    qtbot.keyClick(screen, key)
    assert screen.index == step


def test_a_dot_jumps_to_its_step(qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]) -> None:
    _, screen = guide
    x, y = screen.dots.centre_of(3)
    qtbot.mouseClick(screen.dots, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert screen.progress.text() == "Step 3 of 3"


def test_the_last_step_leads_to_a_summary_and_the_check(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]
) -> None:
    window, screen = guide
    screen.go_to(screen.last)
    assert screen.progress.text() == ""
    assert screen.summary.isVisible()
    assert screen.summary.check_button is not None
    qtbot.mouseClick(screen.summary.check_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.screen_widget, CheckScreen)


def test_a_wrong_answer_shows_the_explanation_kindly(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]
) -> None:
    window, screen = guide
    window.open_check(screen.page)
    check = window.screen_widget
    assert isinstance(check, CheckScreen)
    assert [b.text() for b in check.answer_buttons] == ["Yes", "No"]
    qtbot.mouseClick(check.answer_buttons[0], Qt.MouseButton.LeftButton)  # wrong: it is false
    assert check.verdict.text() == "Not quite, and that's fine."
    assert check.explanation.text() == "Stopping slowly is kinder to you and your baby."
    assert check.explanation.isVisible()
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    assert [b.text() for b in check.answer_buttons] == ["All of it", "Just a little"]
    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)
    assert check.verdict.text() == "That's right!"
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    assert check.prompt.text() == "You got 1 of 2 right."
    assert check.back_button.isVisible() and check.again_button.isVisible()
    qtbot.mouseClick(check.back_button, Qt.MouseButton.LeftButton)
    assert window.screen_widget is screen  # back to the guide, where the reader was


def test_on_a_portrait_screen_the_picture_stands_above_the_text_in_its_own_shape(
    qtbot: QtBot, guide: tuple[KioskWindow, GuideScreen]
) -> None:
    window, screen = guide
    window.resize(800, 1300)
    view = screen.views[1]
    assert isinstance(view, StepView)
    qtbot.waitUntil(lambda: view.stacked and view.picture.width() > view.width() * 0.9)
    picture = view.picture.geometry()
    assert picture.width() == pytest.approx(2 * picture.height(), abs=2)  # pic.svg is 2:1
    title = view.findChild(QLabel, "StepTitle")
    assert title is not None and title.geometry().top() > picture.bottom()
    # The pair sits mid-screen rather than leaving an empty lower half.
    space_above = picture.top()
    space_below = view.height() - view.text.geometry().bottom()
    assert space_above > view.height() // 8
    assert space_above == pytest.approx(space_below, abs=view.height() // 10)
