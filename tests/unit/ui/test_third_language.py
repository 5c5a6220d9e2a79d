"""A hospital adds French with files only: a .po file, a page, and a line of config."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import config as config_file
from kiosk.core import loader
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY
from tests.french import french_content, french_locale
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]


def _french_kiosk(tmp_path: Path, make_window: MakeWindow) -> KioskWindow:
    locale = french_locale(tmp_path / "locale")
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'locale_dir = "{locale}"\nlanguages = ["zh-CN", "en", "fr"]\n', encoding="utf-8"
    )
    config, warnings = config_file.load(path)
    assert warnings == []
    library = loader.load(french_content(tmp_path / "content"), resources.assets_dir(), today=TODAY)
    window = make_window(config)
    use_library(window, library)
    return window


def test_the_language_switch_offers_french_by_its_own_name(
    tmp_path: Path, make_window: MakeWindow
) -> None:
    window = _french_kiosk(tmp_path, make_window)
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    for buttons in (home.language_buttons, window.topbar.language_buttons):
        assert [b.text() for b in buttons.values()] == ["中文", "English", "Français"]


def test_a_visitor_who_taps_francais_reads_the_kiosk_and_the_page_in_french(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    window = _french_kiosk(tmp_path, make_window)
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    assert window.topbar.home_button.text() == "首页"
    qtbot.mouseClick(home.language_buttons["fr"], Qt.MouseButton.LeftButton)

    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    assert window.topbar.home_button.text() == "Accueil"
    assert window.topbar.back_button.text() == "Retour"
    (card,) = home.cards()
    assert card.title.text() == "Bien se reposer"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)

    article = window.screen_widget
    assert isinstance(article, ArticleScreen)
    assert window.topbar.title.text() == "Bien se reposer"
    assert "Faites une sieste." in article.body.toPlainText()
    lines = [line.text() for line in article.trust.lines]
    assert lines[0] == "Source : Hôpital"  # French spacing, from fr.po
    # fr.po has no word for these: English shows, never an empty label or a key.
    assert lines[1] == "Reviewed by : Nurse"
    assert "This information does not replace advice" in article.trust.disclaimer.text()


def test_switching_back_from_french_shows_the_bundled_words_again(
    qtbot: QtBot, tmp_path: Path, make_window: MakeWindow
) -> None:
    window = _french_kiosk(tmp_path, make_window)
    window.set_language("fr")
    window.open_page("care/rest")
    qtbot.mouseClick(window.topbar.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert window.topbar.home_button.text() == "Home"
    assert window.topbar.title.text() == "Rest well"


def test_the_attract_screen_says_touch_to_start_once_in_each_wording(
    tmp_path: Path, make_window: MakeWindow
) -> None:
    window = _french_kiosk(tmp_path, make_window)
    window.show_attract()
    assert window.attract is not None
    # fr.po has no words for it: English says it for French readers too, once.
    assert window.attract.hint.text() == "轻触屏幕开始   ·   Touch to start"
