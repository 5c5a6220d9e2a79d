"""A thousand random actions on the bundled content: no error, no leak, no way out.

The long run (10,000 actions and more, with memory figures) is
``benchmarks/soak.py``; these short runs are what every test run repeats.
"""

from __future__ import annotations

import logging
import random
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QWidget

from kiosk.ui import binding
from kiosk.ui.window import KioskWindow
from tests.visitor import Visitor, settle

SEED = 20261125
ACTIONS = 1000


def _forgotten(window: KioskWindow) -> None:
    """After an idle reset: the attract screen, and nothing of the last visitor."""
    window.timers.idle.timeout.emit()
    settle()
    assert window.showing_attract
    assert (window.lang, window.text_scale, window.history) == (
        window.config.default_language,
        1.0,
        [],
    )


def test_a_thousand_random_actions_leave_the_kiosk_as_it_was(
    shipped_kiosk: KioskWindow, caplog: pytest.LogCaptureFixture
) -> None:
    visitor = Visitor(shipped_kiosk, random.Random(SEED))
    caplog.set_level(logging.WARNING)
    none_refs = sys.getrefcount(None)
    for _ in range(ACTIONS // 2):
        visitor.act()
    _forgotten(shipped_kiosk)
    widgets_at_half = len(QApplication.allWidgets())
    for _ in range(ACTIONS // 2):
        visitor.act()
    _forgotten(shipped_kiosk)

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    if binding.NONE_IS_MORTAL:  # a binding that loses references to None aborts in the end
        assert sys.getrefcount(None) >= none_refs
    reached = set(visitor.screens)
    # The check is reached in most runs, but a finger's scroll depends on the clock,
    # so a run is not exactly repeatable: ask only for what every run reaches.
    every = {"HomeScreen", "ArticleScreen", "GuideScreen", "AttractScreen", "AdminScreen"}
    assert every <= reached
    # Screens are dropped as the visitor moves on: nothing piles up between resets.
    assert len(QApplication.allWidgets()) <= widgets_at_half


def _selected(visitor: Visitor) -> list[str]:
    found: list[str] = []
    for widget in visitor.widgets():
        if isinstance(widget, QTextEdit) and widget.textCursor().hasSelection():
            found.append(widget.textCursor().selectedText())
        elif isinstance(widget, QLabel) and widget.hasSelectedText():
            found.append(widget.selectedText())
    return found


def test_a_storm_of_a_thousand_events_never_gets_out_of_the_kiosk(
    shipped_kiosk: KioskWindow,
) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setText("nothing copied")
    visitor = Visitor(shipped_kiosk, random.Random(SEED + 1))
    visitor.storm()
    for number in range(ACTIONS):
        action = visitor.act()
        where = f"after event {number} ({action})"
        assert shipped_kiosk.isVisible() and shipped_kiosk.kiosk_mode, where
        shown: list[QWidget] = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert shown == [shipped_kiosk], where
        assert QApplication.activePopupWidget() is None, where
        assert _selected(visitor) == [], where
        assert clipboard.text() == "nothing copied", where
    assert visitor.done["staff_gesture"] > 0 and visitor.done["press_key"] > 0
