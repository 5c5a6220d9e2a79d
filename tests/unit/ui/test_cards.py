"""Cards line up (one height in a carousel, on home, when attracting); home fills the width."""

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
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.widgets.clamped import ClampedLabel, lines_height
from kiosk.ui.window import TEXT_SCALES, KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]

LONG_TITLE = "A very long title " * 14  # more than fits even on a wide card at 200 %
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
    use_library(window, library)
    window.resize(*size)
    return window


def _home(qtbot: QtBot, window: KioskWindow) -> HomeScreen:
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    theme = window._content_theme(window.lang)

    def settled() -> bool:  # every grid has re-flowed, and laid out, for its width
        for grid in home.grids:
            columns, width = grid.columns_for(grid.width())
            pitch = width + theme.sizes.gap
            for index, card in enumerate(grid.cards):
                if (card.width(), card.x()) != (width, index % columns * pitch):
                    return False
        return _right_edge(home) < home.viewport().width()

    qtbot.waitUntil(settled)
    return home


def _on(screen: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())


def _right_edge(home: HomeScreen) -> int:
    return max(_on(home.viewport(), card).right() for card in home.cards())


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


@pytest.mark.parametrize("scale", [TEXT_SCALES[0], TEXT_SCALES[-1]])
def test_home_cards_share_one_height_and_long_texts_end_in_an_ellipsis(
    qtbot: QtBot, make_window: MakeWindow, mixed: Library, scale: float
) -> None:
    window = _window(make_window, mixed, (1280, 800))
    window.set_text_scale(scale)
    home = _home(qtbot, window)
    cards = home.cards()
    assert len({card.height() for card in cards}) == 1
    wordy = next(card for card in cards if card.page.id == "topic/p3")
    assert wordy.title.shown.endswith("…") and wordy.summary.shown.endswith("…")
    assert wordy.title.text() == wordy.page.title  # the whole title is still its name
    assert all(_texts_fit(card) for card in cards)


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


def test_home_fills_a_landscape_screen_with_the_guides_beside_the_header(
    qtbot: QtBot, make_window: MakeWindow, mixed: Library
) -> None:
    window = _window(make_window, mixed, (1920, 1080))
    home = _home(qtbot, window)
    viewport = home.viewport()
    margin = window.theme.sizes.margin
    topics = home.grids[-1]
    first_row = [
        c for c in topics.cards if _on(viewport, c).top() == _on(viewport, topics.cards[0]).top()
    ]
    assert len(first_row) >= 3
    assert _on(viewport, first_row[0]).left() == margin
    space_right = viewport.width() - 1 - _on(viewport, first_row[-1]).right()
    assert abs(space_right - margin) <= len(first_row)  # filled, to a pixel a column
    guide = home.grids[0].cards[0]
    assert guide.page.type == "guide"
    header = home.masthead.header
    assert _on(viewport, guide).left() > _on(viewport, header).right()
    assert _on(viewport, guide).top() < _on(viewport, header).bottom()
    # A lone guide takes the rest of the row, its picture beside its text.
    assert _on(viewport, guide).left() == _on(viewport, first_row[1]).left()
    rest_right = _on(viewport, first_row[-1]).right()
    assert abs(_on(viewport, guide).right() - rest_right) <= len(first_row)  # a pixel a column
    assert guide.wide and guide.cover.height() == guide.height()
    assert _on(guide, guide.title).left() > _on(guide, guide.cover).right()


def test_home_is_centred_on_a_portrait_screen_and_reflows_when_the_screen_turns(
    qtbot: QtBot, make_window: MakeWindow, mixed: Library
) -> None:
    window = _window(make_window, mixed, (1920, 1080))
    _home(qtbot, window)
    window.resize(900, 1500)
    home = _home(qtbot, window)
    viewport = home.viewport()
    lefts = [_on(viewport, c).left() for c in home.cards()]
    rights = [_on(viewport, c).right() for c in home.cards()]
    space_left, space_right = min(lefts), viewport.width() - 1 - max(rights)
    assert space_left == window.theme.sizes.margin
    assert abs(space_left - space_right) <= 2
    header = home.masthead.header
    assert _on(viewport, home.grids[0].cards[0]).top() > _on(viewport, header).bottom()


@pytest.mark.parametrize(
    "text", ["断奶后不排残奶会致癌吗" * 12, "Weaning gently, one feed at a time. " * 12]
)
def test_a_clamped_label_shows_at_most_its_lines_in_either_language(
    qtbot: QtBot, text: str
) -> None:
    label = ClampedLabel(text, 3)
    qtbot.addWidget(label)
    label.resize(300, 400)
    label.show()
    assert label.shown.endswith("…") and label.text() == text
    assert label.heightForWidth(300) <= lines_height(label.font(), 3)
    label.setText("Short")
    assert label.shown == "Short"
