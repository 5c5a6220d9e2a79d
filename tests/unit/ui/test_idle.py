"""After the idle timeout the kiosk forgets the last visitor and shows the attract screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]


def test_idle_reset_restores_the_start_state(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    window.open_page("topic/page-3")
    window.set_language("zh-CN")
    window.larger_text()
    window.toggle_contrast()
    window.timers.idle.timeout.emit()
    assert isinstance(window.stack.currentWidget(), AttractScreen)
    assert (window.lang, window.text_scale, window.look, window.history) == (
        "en",
        1.0,
        "standard",
        [],
    )
    assert isinstance(window.content.currentWidget(), HomeScreen)
    attract = window.stack.currentWidget()
    qtbot.mouseClick(attract, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert window.screen_widget is window.content.currentWidget()
    assert isinstance(window.screen_widget, HomeScreen)
    assert window.topbar.language_buttons["en"].isChecked()
    assert not window.topbar.contrast_button.isChecked()


def test_any_touch_restarts_the_idle_timer(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    window.timers.idle.stop()
    qtbot.mouseClick(window.topbar.title, Qt.MouseButton.LeftButton)
    assert window.timers.idle.isActive()


def test_the_attract_screen_rotates_and_shifts_against_burn_in(make_window: MakeWindow) -> None:
    window = make_window()
    window.timers.idle.timeout.emit()
    attract = window.attract
    assert attract is not None
    first = attract.cards.currentIndex()
    margins = attract.layout().contentsMargins()
    window.timers.attract_rotate.timeout.emit()
    window.timers.attract_shift.timeout.emit()
    assert attract.cards.currentIndex() != first
    assert attract.layout().contentsMargins() != margins


def test_tapping_the_featured_card_opens_its_page_in_its_language(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.timers.idle.timeout.emit()
    attract = window.attract
    assert attract is not None
    shown = [attract.cards.widget(n).page for n in range(attract.cards.count())]  # type: ignore[union-attr]
    assert {page.lang for page in shown} == {"en", "zh-CN"}  # a card for every reader
    window.timers.attract_rotate.timeout.emit()  # the second card: another language
    card = attract.cards.currentWidget()
    assert isinstance(card, PageCard)
    centre = card.mapTo(attract, card.rect().center())
    qtbot.mouseClick(attract, Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_id == card.page.id and window.lang == card.page.lang
    qtbot.mouseClick(window.topbar.back_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.screen_widget, HomeScreen)


def test_between_two_visitors_the_kiosk_gives_memory_back(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.ui import window as window_module

    calls: list[bool] = []
    monkeypatch.setattr(window_module, "give_back_memory", lambda: calls.append(True) or True)
    window = make_window()
    window.open_page("topic/page-0")
    window.timers.idle.timeout.emit()
    qtbot.waitUntil(lambda: calls == [True])
