"""The related-reads carousel: swipe, snap, loop, auto-advance, tap to open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.widgets.carousel import Carousel
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]


@pytest.fixture
def carousel(qtbot: QtBot, make_window: MakeWindow) -> tuple[KioskWindow, Carousel]:
    window = make_window()
    window.open_page("topic/page-0")
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.carousel is not None
    screen.ensureWidgetVisible(screen.carousel)
    qtbot.waitUntil(lambda: screen.carousel is not None and screen.carousel.scrolls)
    return window, screen.carousel


def _swipe(qtbot: QtBot, widget: Carousel, dx: int) -> None:
    start = QPoint(widget.width() // 2, widget.strip.height() // 2)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(widget, start + QPoint(dx * step // 5, 0))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=start + QPoint(dx, 0))


def test_it_shows_related_pages_in_the_readers_language(
    carousel: tuple[KioskWindow, Carousel],
) -> None:
    _, widget = carousel
    titles = [card.page.title for card in widget.cards]
    assert len(titles) == 5 and "Page 0" not in titles


def test_swiping_left_moves_to_the_next_card_and_snaps(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    _, widget = carousel
    with qtbot.waitSignal(widget.current_changed) as changed:
        _swipe(qtbot, widget, -widget.pitch // 2)
    assert changed.args == [1]
    assert widget.offset == 1.0
    assert widget.dots.current == 1


def test_swiping_right_from_the_first_card_loops_to_the_last(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    _, widget = carousel
    with qtbot.waitSignal(widget.current_changed) as changed:
        _swipe(qtbot, widget, widget.pitch // 2)
    assert changed.args == [len(widget.cards) - 1]


def test_tapping_a_card_opens_its_page(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    window, widget = carousel
    card = widget.cards[0]
    centre = widget.strip.mapTo(widget, card.geometry().center())
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_id == card.page.id


def test_a_swipe_that_ends_on_a_card_does_not_open_it(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    window, widget = carousel
    with qtbot.waitSignal(widget.current_changed):
        _swipe(qtbot, widget, -widget.pitch // 2)
    assert window.current_id == "topic/page-0"


def test_it_advances_by_itself_and_pauses_while_touched(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    _, widget = carousel
    timer = widget.timer
    assert timer.isActive()
    with qtbot.waitSignal(widget.current_changed) as changed:
        timer.timeout.emit()
    assert changed.args == [1]
    below_cards = QPoint(widget.width() // 2, widget.strip.height() + 4)  # on the dots
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=below_cards)
    assert not timer.isActive()
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=below_cards)
    assert timer.isActive()


def test_the_next_pages_carousel_advances_too(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    window, widget = carousel
    card = widget.cards[0]
    qtbot.mouseClick(
        widget, Qt.MouseButton.LeftButton, pos=widget.strip.mapTo(widget, card.geometry().center())
    )
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.page.id == card.page.id
    assert screen.carousel is not None
    qtbot.waitUntil(lambda: screen.carousel is not None and screen.carousel.timer.isActive())


def test_a_tap_on_a_moving_row_stops_it_and_opens_nothing(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    window, widget = carousel
    widget.next()  # the row starts sliding by itself
    assert widget._animation.state() == widget._animation.State.Running
    centre = QPoint(widget.width() // 3, widget.strip.height() // 2)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_id == "topic/page-0"  # nothing opened under the finger
    qtbot.waitUntil(lambda: widget.offset == round(widget.offset))  # and it rests on a card


def test_a_hard_flick_never_moves_half_the_loop(
    qtbot: QtBot, carousel: tuple[KioskWindow, Carousel]
) -> None:
    _, widget = carousel
    start = QPoint(widget.width() // 2, widget.strip.height() // 2)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, start + QPoint(-100, 0))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=start + QPoint(-200, 0), delay=12)
    with qtbot.waitSignal(widget.current_changed) as changed:
        pass
    assert changed.args[0] in (1, 2)  # five cards: at most two on, never "three" (two back)


def test_a_page_with_nothing_to_read_next_leaves_no_widget_behind(
    tmp_path: Path, make_window: Callable[..., KioskWindow]
) -> None:
    """Every widget an article makes is part of it: built and thrown away again and
    again (the soak), one left out of its layouts piled up as a parentless widget."""
    root = tmp_path / "alone"
    write(root, "one/only.en.md", "---\ntitle: Only\nsource: T\n---\n\nNo other page.\n")
    window = make_window()
    use_library(window, loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY))
    before = {id(w) for w in QApplication.topLevelWidgets()}
    window.open_page("one/only")
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.carousel is None
    new = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    assert [w for w in new if type(w) is QWidget] == []  # parentless plain widgets
