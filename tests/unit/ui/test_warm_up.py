"""After the first frame the kiosk prepares what the first tap needs, a step per turn
of the event loop, so the first visitor's page opens as fast as the next one's."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core.library import Library
from kiosk.ui.warm_up import WarmUp, steps


def test_the_first_card_s_page_is_ready_before_anyone_taps(qtbot: QtBot, library: Library) -> None:
    first = library.in_language("en")[0]
    assert first.key not in library._rendered
    warm = WarmUp(steps(library, "en"))
    warm.start(0)
    qtbot.waitUntil(lambda: warm.done)
    assert first.key in library._rendered  # rendered ahead, with the Markdown converter built
    assert library._related is not None  # Read next's index built ahead


def test_a_failing_step_stops_the_warm_up_quietly(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    done: list[str] = []

    def fail() -> None:
        raise OSError("disk gone")

    warm = WarmUp(iter([lambda: done.append("a"), lambda: done.append("b"), fail, done.clear]))
    warm.start(0)
    qtbot.waitUntil(lambda: warm.done)
    assert done == ["a", "b"]  # the step after the failure never ran
    assert [r for r in caplog.records if r.levelno == logging.ERROR and "warming up" in r.message]
