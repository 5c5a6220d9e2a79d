"""The check screen: answers a reader can read and tap, feedback where they look."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]

LONG = (
    "Say no and thank them kindly, because hard pressing on a breast can hurt "
    "the milk ducts inside it and may even start an infection"
)
PAGE = f"""---
title: Pressing
cover: /assets/covers/granulomatous-mastitis.svg
cover_alt: A woman holds up her hand to say no.
questions:
  - q: Do your breasts need emptying after weaning?
    answer: false
    explain: The milk left behind is taken back by the body.
  - q: Someone offers to press out your milk. What is best?
    choices:
      - Let them
      - {LONG}
    answer: 2
    explain: Hard pressing can hurt.
---
Body.
"""


@pytest.fixture
def check(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> CheckScreen:
    write(tmp_path / "c", "wean/press.en.md", PAGE)
    library = loader.load(tmp_path / "c", resources.assets_dir(), default_lang="en", today=TODAY)
    window = make_window()
    use_library(window, library)
    page = library.get("wean/press", "en")
    assert page is not None
    window.open_check(page)
    screen = window.screen_widget
    assert isinstance(screen, CheckScreen)
    qtbot.waitUntil(lambda: screen.answer_buttons[0].width() > 0)
    return screen


def test_yes_and_no_sit_side_by_side_as_big_buttons(check: CheckScreen) -> None:
    yes, no = check.answer_buttons
    assert (yes.text(), no.text()) == ("Yes", "No")
    assert yes.geometry().top() == no.geometry().top() and yes.x() < no.x()
    assert yes.height() >= check.theme.sizes.big_button


def test_a_long_choice_wraps_and_is_shown_whole(qtbot: QtBot, check: CheckScreen) -> None:
    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    long_one = check.answer_buttons[1]
    assert long_one.text() == LONG
    short_one, label = check.answer_buttons[0], long_one.label
    # Laid out, the long choice is taller than the short one: it got more lines ...
    qtbot.waitUntil(lambda: long_one.height() > short_one.height() > 0)
    assert label.fontMetrics().horizontalAdvance(LONG) > label.width()
    # ... and all of them fit.
    assert label.height() >= label.heightForWidth(label.width())


def test_feedback_appears_beside_the_answers_in_landscape_and_below_in_portrait(
    qtbot: QtBot, check: CheckScreen
) -> None:
    window = check.window()
    assert check.cover.isVisible()  # the page's picture, until there is feedback
    qtbot.mouseClick(check.answer_buttons[0], Qt.MouseButton.LeftButton)
    answers = check.answer_buttons[0].geometry()
    feedback = check.feedback.geometry()
    assert check.feedback.isVisible() and not check.cover.isVisible()
    assert feedback.left() > answers.right()
    window.resize(800, 1300)
    qtbot.waitUntil(lambda: check.stacked)
    qtbot.waitUntil(lambda: check.feedback.geometry().top() > check.answers_box.geometry().bottom())
    assert check.cover.isVisible()  # portrait has room for both


def test_try_again_starts_over_with_a_clean_score(qtbot: QtBot, check: CheckScreen) -> None:
    for _ in check.questions:
        qtbot.mouseClick(check.answer_buttons[0], Qt.MouseButton.LeftButton)  # both wrong
        qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    assert check.prompt.text() == "You got 0 of 2 right."
    assert check.again_button.isVisible()
    qtbot.mouseClick(check.again_button, Qt.MouseButton.LeftButton)
    assert check.progress.text() == "Question 1 of 2"
    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    assert check.prompt.text() == "You got 2 of 2 right."


def _files_under(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_answers_leave_no_trace_on_disk_or_for_the_next_reader(
    qtbot: QtBot, check: CheckScreen
) -> None:
    homes = [Path(os.environ[name]) for name in ("XDG_DATA_HOME", "XDG_STATE_HOME")]
    before = [_files_under(home) for home in homes]
    for _ in check.questions:
        qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.back_button, Qt.MouseButton.LeftButton)
    assert [_files_under(home) for home in homes] == before
    window = check.window()
    assert isinstance(window, KioskWindow)
    window.open_check(check.page)  # the next reader starts afresh
    again = window.screen_widget
    assert isinstance(again, CheckScreen)
    assert (again.index, again.right) == (0, 0)
    assert again.progress.text() == "Question 1 of 2"


def test_the_feedback_colour_follows_each_answer(qtbot: QtBot, check: CheckScreen) -> None:
    palette = check.theme.palette

    def feedback_colour() -> str:
        inside = check.feedback.rect().center()
        return str(check.feedback.grab().toImage().pixelColor(inside).name()).upper()

    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)  # right: it is false
    assert feedback_colour() == palette.tip_back
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check.answer_buttons[0], Qt.MouseButton.LeftButton)  # wrong
    assert feedback_colour() == palette.note_back


def test_the_check_names_its_page_and_leads_back_to_it(qtbot: QtBot, check: CheckScreen) -> None:
    assert check.about.text() == "These questions are about: Pressing"
    assert check.about.height() >= 48  # a finger's target
    with qtbot.waitSignal(check.finished):
        qtbot.mouseClick(check.about, Qt.MouseButton.LeftButton)


def test_right_and_wrong_are_marked_not_only_coloured(qtbot: QtBot, check: CheckScreen) -> None:
    qtbot.mouseClick(check.answer_buttons[0], Qt.MouseButton.LeftButton)  # "Yes": wrong
    yes, no = check.answer_buttons
    assert yes.label.text() == "✗  Yes" and no.label.text() == "✓  No"
    assert (yes.text(), no.text()) == ("Yes", "No")
