"""Cards line up: one height in a carousel and on the attract screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.core.library import Library
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write

MakeWindow = Callable[..., KioskWindow]

LONG_TITLE = "A very long title " * 8
LONG_SUMMARY = "A summary that goes on and on about many things. " * 8


@pytest.fixture
def mixed(tmp_path: Path) -> Library:
    """Seven pages and a guide in one section, all sharing a tag; one says far too much."""
    root = tmp_path / "mixed"
    for index in range(7):
        title = LONG_TITLE if index == 3 else f"Page {index}"
        summary = LONG_SUMMARY if index == 3 else "Short."
        write(
            root,
            f"topic/p{index}.en.md",
            f"---\ntitle: {title}\nsummary: {summary}\ntags: [shared]\nweight: {index + 1}\n"
            "---\n\nBody.\n",
        )
    write(
        root,
        "topic/guide.en.md",
        "---\ntitle: A guide\nsummary: Steps.\ntype: guide\ntags: [shared]\n---\n\n"
        "## One\n\nDo this.\n\n## Two\n\nThen this.\n",
    )
    return loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)


def _window(make_window: MakeWindow, library: Library, size: tuple[int, int]) -> KioskWindow:
    window = make_window()
    window._reload = lambda: library
    window.reload_content()
    window.close_staff()
    window.resize(*size)
    return window


def _on(screen: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())


def _texts_fit(card: PageCard) -> bool:
    inside = card.rect()
    return all(inside.contains(_on(card, label)) for label in (card.title, card.summary))


def test_a_guide_in_a_carousel_is_as_tall_as_its_neighbours(
    qtbot: QtBot, make_window: MakeWindow, mixed: Library
) -> None:
    window = _window(make_window, mixed, (1280, 800))
    window.open_page("topic/p0")
    article = window.screen_widget
    assert isinstance(article, ArticleScreen) and article.carousel is not None
    cards = article.carousel.cards
    assert any(card.page.type == "guide" for card in cards)
    assert len({card.height() for card in cards}) == 1
    assert article.carousel.strip.height() == cards[0].height()


def test_the_attract_screen_keeps_one_card_height_from_slide_to_slide(
    make_window: MakeWindow, mixed: Library
) -> None:
    window = _window(make_window, mixed, (1280, 800))
    window.timers.idle.timeout.emit()
    attract = window.attract
    assert attract is not None
    seen = set()
    for _ in range(attract.cards.count()):
        card = attract.cards.currentWidget()
        assert isinstance(card, PageCard)
        seen.add((card.height(), attract.cards.height()))
        assert _texts_fit(card)
        window.timers.attract_rotate.timeout.emit()
    assert len(seen) == 1
    (card_height, stack_height) = seen.pop()
    assert card_height == stack_height  # no empty band under a shorter card
