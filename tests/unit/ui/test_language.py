"""Every language button on screen shows exactly the language the kiosk speaks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]


def _switches(window: KioskWindow) -> list[dict[str, QPushButton]]:
    """The language buttons a visitor sees: the top bar's, and home's big switch."""
    shown = [window.topbar.language_buttons]
    screen = window.screen_widget
    if isinstance(screen, HomeScreen):
        shown.append(screen.language_buttons)
    return shown


def _checked(window: KioskWindow) -> list[list[str]]:
    return [[code for code, b in buttons.items() if b.isChecked()] for buttons in _switches(window)]


def _tap(qtbot: QtBot, window: KioskWindow, where: str, code: str) -> None:
    buttons = _switches(window)[0 if where == "top" else 1]
    qtbot.mouseClick(buttons[code], Qt.MouseButton.LeftButton)


def test_home_shows_both_switches_on_the_start_language(make_window: MakeWindow) -> None:
    window = make_window()
    assert _checked(window) == [["en"], ["en"]]


@pytest.mark.parametrize("where", ["top", "home"])
def test_tapping_the_current_language_again_keeps_it_checked(
    qtbot: QtBot, make_window: MakeWindow, where: str
) -> None:
    window = make_window()
    for _ in range(3):
        _tap(qtbot, window, where, "en")
        assert window.lang == "en"
        assert _checked(window) == [["en"], ["en"]]


@pytest.mark.parametrize(
    "taps",
    [
        [("home", "zh-CN"), ("top", "en")],  # back to the cached English home
        [("top", "zh-CN"), ("home", "en"), ("home", "en"), ("top", "zh-CN"), ("top", "zh-CN")],
        [("home", "zh-CN"), ("home", "zh-CN"), ("top", "en"), ("home", "zh-CN"), ("top", "en")],
    ],
)
def test_every_tap_leaves_exactly_the_shown_language_checked(
    qtbot: QtBot, make_window: MakeWindow, taps: list[tuple[str, str]]
) -> None:
    window = make_window()
    for where, code in taps:
        _tap(qtbot, window, where, code)
        assert window.lang == code
        assert isinstance(window.screen_widget, HomeScreen)
        assert _checked(window) == [[code], [code]]


def test_the_top_bar_follows_the_language_on_a_page_and_back_home(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.open_page("topic/page-0")
    _tap(qtbot, window, "top", "zh-CN")
    _tap(qtbot, window, "top", "zh-CN")
    assert _checked(window) == [["zh-CN"]]
    qtbot.mouseClick(window.topbar.home_button, Qt.MouseButton.LeftButton)
    assert _checked(window) == [["zh-CN"], ["zh-CN"]]


def test_a_page_with_no_translation_stays_and_a_toast_says_so(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.open_page("topic/page-1")  # English only
    page = window.screen_widget
    _tap(qtbot, window, "top", "zh-CN")
    assert window.screen_widget is page and window.lang == "en"
    assert _checked(window) == [["en"]]
    assert window.toast.isVisible() and window.toast.text() == "这一页还没有中文版。"
    window.timers.toast.timeout.emit()
    assert not window.toast.isVisible()
    window.open_page("topic/page-0")  # this one has a Chinese version
    _tap(qtbot, window, "top", "zh-CN")
    assert window.lang == "zh-CN" and not window.toast.isVisible()


def test_english_is_set_in_a_latin_font_and_chinese_in_a_cjk_one(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    from kiosk.ui.screens.article import ArticleScreen
    from kiosk.ui.theme import Fonts

    window = make_window()
    window.theme = replace(window.theme, fonts=Fonts(latin="Latin Face", cjk="CJK Face"))
    window.screens.clear()
    firsts = {}
    for lang in ("zh-CN", "en"):  # the window starts in English, with the old fonts
        window.set_language(lang)
        window.open_page("topic/page-0")
        article = window.screen_widget
        assert isinstance(article, ArticleScreen) and article.body is not None
        article.body.ensurePolished()
        window.topbar.home_button.ensurePolished()
        firsts[lang] = (
            article.body.font().families()[0],
            window.topbar.home_button.font().families()[0],
        )
    assert firsts == {"en": ("Latin Face", "Latin Face"), "zh-CN": ("CJK Face", "CJK Face")}


def test_a_title_with_no_room_for_a_word_shows_nothing_not_a_lone_ellipsis(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QLabel

    from kiosk.ui.topbar import ElidedLabel

    title = ElidedLabel()
    qtbot.addWidget(title)
    title.setText("Full, sore breasts while weaning")
    title.show()
    title.resize(120, 40)
    assert QLabel.text(title).startswith("Full") and QLabel.text(title).endswith("…")
    title.resize(6, 40)
    assert QLabel.text(title) == "" and title.text() == "Full, sore breasts while weaning"
