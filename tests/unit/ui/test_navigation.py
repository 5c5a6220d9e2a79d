"""A visitor opens pages from home, follows links and cards, goes back and home."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QMouseEvent, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScroller
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]


def _article(window: KioskWindow) -> ArticleScreen:
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen)
    return screen


def test_tapping_a_card_on_home_opens_its_page(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    card = home.cards()[2]
    home.ensureWidgetVisible(card)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    article = _article(window)
    assert article.page.id == "topic/page-2"
    assert window.topbar.title.text() == "Page 2"
    assert window.topbar.back_button.isEnabled()


def test_back_and_home_buttons(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.open_page("topic/page-1")
    window.open_page("topic/page-4")
    qtbot.mouseClick(window.topbar.back_button, Qt.MouseButton.LeftButton)
    assert _article(window).page.id == "topic/page-1"
    qtbot.mouseClick(window.topbar.home_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.screen_widget, HomeScreen)
    assert not window.topbar.back_button.isEnabled()


def _link_point(body: RichText, text: str) -> QPoint:
    """The middle of ``text`` in the body's viewport."""
    cursor = body.document().find(text)
    start = body.cursorRect(body.document().find(text[0], cursor.selectionStart() - 1))
    end = body.cursorRect(cursor)
    return QPoint((start.left() + end.left()) // 2, start.center().y())


def test_tapping_an_internal_link_opens_the_linked_page(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    body = _article(window).body
    assert body is not None
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=_link_point(body, "next one"))
    assert _article(window).page.id == "topic/page-1"


def test_a_drag_that_starts_on_a_link_does_not_follow_it(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    body = _article(window).body
    assert body is not None
    start = _link_point(body, "next one")
    qtbot.mousePress(body.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(body.viewport(), start + QPoint(0, 60))
    qtbot.mouseRelease(body.viewport(), Qt.MouseButton.LeftButton, pos=start)
    assert _article(window).page.id == "topic/page-0"


def test_switching_language_shows_the_same_page_translated(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    qtbot.mouseClick(window.topbar.language_buttons["zh-CN"], Qt.MouseButton.LeftButton)
    assert _article(window).page.title == "第零页"
    assert window.topbar.home_button.text() == "首页"


def test_targets_are_big_enough_for_a_finger(make_window: MakeWindow) -> None:
    window = make_window()  # 1280 x 800: the theme scales down, but not these
    assert window.theme.scale < 1
    for button in (window.topbar.home_button, window.topbar.back_button):
        assert button.height() >= 64
    for button in window.topbar.language_buttons.values():
        assert button.height() >= 48 and button.width() >= 48


def test_a_card_that_starts_a_scroll_is_not_opened(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    card = home.cards()[0]
    centre = card.rect().center()
    qtbot.mousePress(card, Qt.MouseButton.LeftButton, pos=centre)
    assert card.property("pressed") is True  # feedback the moment a finger lands
    # The window's kinetic scroller decides the finger is scrolling, and takes over.
    assert window.kinetic.area is home
    window.kinetic.scroller.stateChanged.emit(QScroller.State.Dragging)
    assert card.property("pressed") is False
    qtbot.mouseRelease(card, Qt.MouseButton.LeftButton, pos=centre)
    assert isinstance(window.screen_widget, HomeScreen)


def test_a_finger_that_wanders_off_a_card_does_not_open_it(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(kiosk_mode=False)
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    card = home.cards()[0]
    centre = card.rect().center()
    card.mousePressEvent(_mouse(QEvent.Type.MouseButtonPress, centre))
    card.mouseMoveEvent(_mouse(QEvent.Type.MouseMove, centre + QPoint(40, 0)))
    card.mouseReleaseEvent(_mouse(QEvent.Type.MouseButtonRelease, centre + QPoint(40, 0)))
    assert isinstance(window.screen_widget, HomeScreen)


def _mouse(kind: QEvent.Type, pos: QPoint) -> QMouseEvent:
    return QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(pos),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_a_large_library_builds_home_cards_as_the_visitor_scrolls(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    for index in range(60):
        write(tmp_path / "big", f"s/p{index:02d}.en.md", f"# Page {index}\n")
    window = make_window()
    big = loader.load(tmp_path / "big", resources.assets_dir(), default_lang="en", today=TODAY)
    use_library(window, big)  # what staff get with "Reload content"
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    assert len(home.cards()) == 24
    bar = home.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert len(home.cards()) == 48


def test_back_returns_to_where_the_reader_was(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    first = _article(window)
    bar = first.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    window.open_page("topic/page-1")
    qtbot.mouseClick(window.topbar.back_button, Qt.MouseButton.LeftButton)
    assert window.screen_widget is first
    assert first.verticalScrollBar().value() == place


def test_a_new_visitor_starts_fresh_after_an_idle_reset(make_window: MakeWindow) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    before = window.screen_widget
    before.verticalScrollBar().setValue(50)  # type: ignore[attr-defined]
    window.timers.idle.timeout.emit()
    window.leave_attract()
    window.open_page("topic/page-0")
    after = _article(window)
    assert after is not before
    assert after.verticalScrollBar().value() == 0


def test_a_drag_on_a_page_scrolls_it(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    bar = home.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    handle = window.windowHandle()
    start = home.viewport().mapTo(window, home.viewport().rect().center())
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 9):
        QTest.mouseMove(handle, start - QPoint(0, step * 30), 16)
    qtbot.waitUntil(lambda: bar.value() > 0)  # the scroller moves the page on its own clock
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start - QPoint(0, 240)
    )
    assert isinstance(window.screen_widget, HomeScreen)  # a drag is no tap


def test_one_scroller_serves_every_page(make_window: MakeWindow) -> None:
    """Qt and PySide keep a little of every scroller made: the window makes one, once."""
    window = make_window()
    for index in range(6):
        window.open_page(f"topic/page-{index}")
        assert not QScroller.hasScroller(_article(window).viewport())
    assert QScroller.hasScroller(window)


def test_a_picture_in_the_text_is_drawn_no_wider_than_it_can_be_shown(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    """A 1600-pixel drawing for a 900-pixel column costs three times the memory, per page kept."""
    write(
        tmp_path / "p",
        "pic.svg",
        "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='600'/>",
    )
    write(tmp_path / "p", "a.en.md", "# A\n\n![A picture](pic.svg)\n")
    window = make_window()
    library = loader.load(tmp_path / "p", resources.assets_dir(), default_lang="en", today=TODAY)
    use_library(window, library)
    window.open_page("a")
    body = _article(window).body
    assert body is not None
    url = body.document().find("\ufffc").charFormat().toImageFormat().name()
    image = body.document().resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
    assert 0 < image.width() <= window.theme.sizes.reading_width
