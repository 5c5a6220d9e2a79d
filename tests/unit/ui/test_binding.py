"""The Qt binding the project installs does not lose references to None.

On PySide6 6.12.0 with CPython 3.11 every void Qt call drops a reference to
None, and the kiosk aborts after minutes of tapping. This test fails on that
pair (and on any later one with the same fault).
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui import binding


@pytest.mark.skipif(
    not binding.NONE_IS_MORTAL,
    reason="None is immortal from Python 3.12 (PEP 683): lost references cannot free it",
)
def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    assert binding.none_references_lost(rounds=200) == 0
    assert binding.leak_message() is None


def test_the_probe_sees_a_leak_when_there_is_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up check names versions and the way out when the probe finds a leak."""
    monkeypatch.setattr(binding, "NONE_IS_MORTAL", True)
    monkeypatch.setattr(binding, "none_references_lost", lambda rounds: 5 * rounds)
    message = binding.leak_message()
    assert message is not None
    assert "loses a reference to None" in message and "Python 3.12" in message
