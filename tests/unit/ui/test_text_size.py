"""The A button makes text bigger on every screen a visitor reaches, headings stay headings."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import TEXT_SCALES, KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]

ARTICLE = """---
title: Caring for yourself after weaning, one day at a time
tags: [care]
questions:
  - q: Is rest important?
    answer: true
    explain: Your body is working hard.
---
A short introduction in plain words.

## What to expect

Some fullness for a few days.

### When to call

If you have a fever.
"""

GUIDE = """---
title: Wean gently
type: guide
tags: [care]
---
## Drop one feed at a time

Start with the feed your baby misses least.

## Wait a few days

Give your body time.
"""


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> KioskWindow:
    root = tmp_path / "sized"
    write(root, "care/after.en.md", ARTICLE)
    write(root, "care/after.zh-CN.md", ARTICLE.replace("title: Caring", "title: 断奶后"))
    write(root, "care/gentle.en.md", GUIDE)
    made = make_window()
    library = loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)
    use_library(made, library)
    return made


def _tap_size(qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.mouseClick(window.topbar.text_size.larger_button, Qt.MouseButton.LeftButton)


def _tap_smaller(qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.mouseClick(window.topbar.text_size.smaller_button, Qt.MouseButton.LeftButton)


def _px(widget: QWidget) -> int:
    widget.ensurePolished()
    return widget.font().pixelSize()


def _named(screen: QWidget, name: str) -> QLabel:
    found = [label for label in screen.findChildren(QLabel, name) if label.isVisibleTo(screen)]
    assert found, name
    return found[0]


def _heading_px(body: RichText, level: int) -> int:
    block = body.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == level:
            return block.begin().fragment().charFormat().font().pixelSize()
        block = block.next()
    raise AssertionError(f"no h{level}")


def _body_px(body: RichText) -> int:
    return body.document().defaultFont().pixelSize()


def test_a_minus_and_a_plus_step_from_100_to_200_percent_and_stop_at_the_ends(
    qtbot: QtBot, window: KioskWindow
) -> None:
    buttons = window.topbar.text_size
    assert len(TEXT_SCALES) >= 5 and TEXT_SCALES[0] == 1.0 and TEXT_SCALES[-1] == 2.0

    def shown() -> tuple[str, bool, bool]:
        return (
            buttons.level.text(),
            buttons.smaller_button.isEnabled(),
            buttons.larger_button.isEnabled(),
        )

    seen = [shown()]
    for _ in range(len(TEXT_SCALES)):  # one tap more than there are steps
        _tap_size(qtbot, window)
        seen.append(shown())
    assert seen == [
        ("100%", False, True),
        ("125%", True, True),
        ("150%", True, True),
        ("175%", True, True),
        ("200%", True, False),
        ("200%", True, False),
    ]
    assert window.text_scale == 2.0
    _tap_smaller(qtbot, window)
    assert shown() == ("175%", True, True) and window.text_scale == 1.75
    qtbot.mouseClick(window.topbar.language_buttons["zh-CN"], Qt.MouseButton.LeftButton)
    assert buttons.larger_button.accessibleName() == "字大一点"
    assert buttons.level.accessibleName() == "字号 175%"


def test_a_plus_is_drawn_bigger_than_a_minus_and_both_are_big_targets(
    window: KioskWindow,
) -> None:
    buttons = window.topbar.text_size
    small, big = _px(buttons.smaller_button), _px(buttons.larger_button)
    assert big > small
    for button in (buttons.smaller_button, buttons.larger_button):
        assert button.height() >= 64 and button.width() >= 64


def test_text_grows_on_home(qtbot: QtBot, window: KioskWindow) -> None:
    seen = []
    for _ in TEXT_SCALES:
        home = window.screen_widget
        assert isinstance(home, HomeScreen)
        seen.append(
            tuple(
                _px(w)
                for w in (
                    _named(home, "HomeTitle"),
                    _named(home, "SectionTitle"),
                    _named(home.cards()[0], "CardTitle"),
                    _named(home.cards()[0], "CardSummary"),
                    home.language_buttons["en"],
                )
            )
        )
        _tap_size(qtbot, window)
    for smaller, bigger in itertools.pairwise(seen):
        assert all(b > s for s, b in zip(smaller, bigger, strict=True)), seen


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_an_article_keeps_its_heading_order_at_every_size(
    window: KioskWindow, scale: float
) -> None:
    window.set_text_scale(scale)
    window.open_page("care/after")
    article = window.screen_widget
    assert isinstance(article, ArticleScreen) and article.body is not None
    title = _px(_named(article, "ArticleTitle"))
    h2, h3 = _heading_px(article.body, 2), _heading_px(article.body, 3)
    body = _body_px(article.body)
    assert title > h2 > h3 > body, (title, h2, h3, body)
    assert body == window._content_theme(window.lang).sizes.body


def test_article_text_grows_with_each_step(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_page("care/after")
    seen = []
    for _ in TEXT_SCALES:
        article = window.screen_widget
        assert isinstance(article, ArticleScreen) and article.body is not None
        seen.append((_px(_named(article, "ArticleTitle")), _body_px(article.body)))
        _tap_size(qtbot, window)
    for smaller, bigger in itertools.pairwise(seen):
        assert all(b > s for s, b in zip(smaller, bigger, strict=True)), seen
    assert isinstance(window.screen_widget, ArticleScreen)  # still the same page


def test_guide_steps_summary_and_check_grow_with_the_text(
    qtbot: QtBot, window: KioskWindow
) -> None:
    def sizes() -> list[int]:
        window.open_page("care/gentle")
        guide = window.screen_widget
        assert isinstance(guide, GuideScreen)
        step = guide.views[0]
        body = step.findChild(RichText)
        assert body is not None
        found = [_px(_named(step, "StepTitle")), _body_px(body), _px(guide.next_button)]
        found += [_px(_named(guide.summary, "SummaryLine"))]
        window.open_page("care/after")
        window.open_check(window.library.get("care/after", "en"))  # type: ignore[arg-type]
        check = window.screen_widget
        assert isinstance(check, CheckScreen)
        found += [_px(check.prompt), _px(check.answer_buttons[0].label)]
        return found

    small = sizes()
    window.set_text_scale(TEXT_SCALES[-1])
    big = sizes()
    assert all(b > s for s, b in zip(small, big, strict=True)), (small, big)


def test_idle_reset_puts_the_text_size_back(qtbot: QtBot, window: KioskWindow) -> None:
    home = window.screen_widget
    standard = _px(_named(home, "HomeTitle"))
    _tap_size(qtbot, window)
    _tap_size(qtbot, window)
    window.timers.idle.timeout.emit()
    attract = window.stack.currentWidget()
    qtbot.mouseClick(attract, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    home = window.screen_widget
    assert isinstance(home, HomeScreen)
    assert _px(_named(home, "HomeTitle")) == standard
    assert window.topbar.text_size.current == 0
    assert window.topbar.text_size.level.text() == "100%"


def test_at_the_largest_size_a_long_guide_summary_scrolls_instead_of_clipping(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    root = tmp_path / "long"
    steps = "".join(f"## Step number {n} of a long guide\n\nDo this.\n\n" for n in range(1, 11))
    questions = "questions:\n  - q: Ready?\n    answer: true\n    explain: Yes.\n"
    write(root, "g/long.en.md", f"---\ntitle: Long\ntype: guide\n{questions}---\n{steps}")
    window = make_window()
    library = loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)
    use_library(window, library)
    window.set_text_scale(TEXT_SCALES[-1])
    window.open_page("g/long")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    guide.go_to(guide.last, animate=False)
    check = guide.summary.check_button
    assert check is not None
    qtbot.waitUntil(lambda: guide.summary.isVisible() and check.height() > 0)

    def check_in_view() -> bool:
        return check.visibleRegion().boundingRect() == check.rect()

    assert not check_in_view()  # ten steps at 200 % are taller than the screen
    # A finger drags the summary up, starting on the text under it: the page
    # scrolls, the guide stays on the summary.
    start = guide.frame.mapTo(guide, guide.frame.rect().center())
    under = guide.childAt(start)
    assert under is not None and under is not guide

    def at(dy: int) -> QPoint:
        return under.mapFrom(guide, start - QPoint(0, dy))

    drag = guide.frame.height() // 2
    for _ in range(10):  # at double size it takes a few drags
        qtbot.mousePress(under, Qt.MouseButton.LeftButton, pos=at(0))
        for step in range(1, 6):
            qtbot.mouseMove(under, at(step * drag // 5))
        qtbot.mouseRelease(under, Qt.MouseButton.LeftButton, pos=at(drag))
        assert guide.index == guide.last
        if check_in_view():
            break
    assert check_in_view()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert isinstance(window.screen_widget, CheckScreen)


def test_a_bigger_text_keeps_the_reader_on_their_guide_step(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.open_page("care/gentle")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    guide.go_to(2, animate=False)
    small = _px(_named(guide.views[2], "StepTitle"))
    _tap_size(qtbot, window)
    bigger = window.screen_widget
    assert isinstance(bigger, GuideScreen) and bigger is not guide
    assert bigger.index == 2 and bigger.progress.text() == "Step 2 of 2"
    assert _px(_named(bigger.views[2], "StepTitle")) > small


def test_bigger_text_or_another_language_keeps_the_reader_in_their_check(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.open_page("care/after")
    window.open_check(window.library.get("care/after", "en"))  # type: ignore[arg-type]
    check = window.screen_widget
    assert isinstance(check, CheckScreen)
    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)  # "No": wrong
    small = _px(check.prompt)
    _tap_size(qtbot, window)
    bigger = window.screen_widget
    assert isinstance(bigger, CheckScreen) and bigger is not check
    assert bigger.verdict.text() == "Not quite, and that's fine." and bigger.showing_feedback
    assert _px(bigger.prompt) > small
    qtbot.mouseClick(window.topbar.language_buttons["zh-CN"], Qt.MouseButton.LeftButton)
    chinese = window.screen_widget
    assert isinstance(chinese, CheckScreen) and chinese.page.lang == "zh-CN"
    assert chinese.verdict.text() == "不太对，没关系。"
    qtbot.mouseClick(chinese.next_button, Qt.MouseButton.LeftButton)
    assert chinese.prompt.text() == "1 题里答对了 0 题。"
    qtbot.mouseClick(chinese.back_button, Qt.MouseButton.LeftButton)
    article = window.screen_widget
    assert isinstance(article, ArticleScreen) and article.page.lang == "zh-CN"


LONG = "---\ntitle: Long\n---\n" + "\n\n".join(
    f"## Part {n}\n\nA paragraph of plain words about weaning, number {n}." for n in range(40)
)
# The same sections in Chinese, but the early ones much longer: halfway down the
# English page is not halfway down the Chinese one.
LONG_ZH = "---\ntitle: 很长\n---\n" + "\n\n".join(
    f"## Part {n}\n\n" + "关于断奶的一段简单的话。" * (1 + (40 - n) // 2) for n in range(40)
)


@pytest.mark.parametrize("change", ["text size", "language", "contrast"])
def test_bigger_text_another_language_or_contrast_keeps_the_reader_in_their_section(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, change: str
) -> None:
    write(tmp_path / "long", "care/long.en.md", LONG)
    write(tmp_path / "long", "care/long.zh-CN.md", LONG_ZH)
    window = make_window()
    library = loader.load(tmp_path / "long", resources.assets_dir(), default_lang="en", today=TODAY)
    use_library(window, library)
    window.open_page("care/long")
    before = window.screen_widget
    assert isinstance(before, ArticleScreen)
    bar = before.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2000)
    bar.setValue(bar.maximum() // 2)
    section, _ = before.reading_place
    assert 10 < section < 30
    if change == "text size":
        _tap_size(qtbot, window)
    elif change == "language":
        qtbot.mouseClick(window.topbar.language_buttons["zh-CN"], Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(window.topbar.contrast_button, Qt.MouseButton.LeftButton)
    after = window.screen_widget
    assert isinstance(after, ArticleScreen) and after is not before
    qtbot.waitUntil(lambda: after.verticalScrollBar().maximum() > 2000)
    qtbot.waitUntil(lambda: after.reading_place[0] == section)
    # The heading of that section is on screen, near the top.
    top = after.section_tops()[section - 1] - after.verticalScrollBar().value()
    assert -after.viewport().height() < top <= 0
