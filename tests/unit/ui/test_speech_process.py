"""The speech engine runs in a process of its own, so its slow start never freezes the
screen: PySide holds Python's lock through every Qt call, and speech-dispatcher's
engine takes seconds to construct, so in the kiosk's process (even in a thread) the
screen stood still that long. Here the real process runs Qt's mock engine."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.library import Library
from kiosk.ui.speech.service import IDLE, ReadAloud
from kiosk.ui.widgets.read_aloud import ReadAloudButton
from kiosk.ui.window import KioskWindow
from tests.conftest import run_python
from tests.unit.ui.conftest import use_library
from tests.unit.ui.test_read_aloud import reading, speech_library  # noqa: F401 (a fixture)


@pytest.fixture
def separate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ReadAloud, "separate_process", True)


@pytest.mark.usefixtures("separate")
def test_a_page_opened_while_the_engine_starts_gets_its_button_once_it_is_up(
    qtbot: QtBot,
    make_window: Callable[..., KioskWindow],
    speech_library: Library,  # noqa: F811
) -> None:
    window = make_window()
    use_library(window, speech_library)
    reader = window.read_aloud
    window.open_page("talk/listen")  # the engine is asked for, and starts elsewhere
    button = next(b for b in window.screen_widget.findChildren(ReadAloudButton))
    assert not reader.engine_ready and not button.isVisibleTo(window)
    with qtbot.waitSignal(reader.ready, timeout=20000):
        pass
    assert button.isVisibleTo(window)

    heard: list[int] = []
    reader.sentence.connect(heard.append)
    qtbot.mouseClick(button.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reading(window) == "One two.", timeout=5000)
    qtbot.waitUntil(lambda: reader.state == IDLE, timeout=10000)  # read to the end
    assert heard == [0, 1, 2, 3, 4] and reading(window) == ""
    process = reader._speech.process  # type: ignore[union-attr]
    window.shutdown()  # closes the engine's input: it ends
    assert process.state() == process.ProcessState.NotRunning
    reader.close()  # and again, as the application quits: nothing more (no warning)


@pytest.mark.usefixtures("separate")
def test_an_engine_that_cannot_start_means_no_button_and_one_log_line(
    qtbot: QtBot,
    make_window: Callable[..., KioskWindow],
    speech_library: Library,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(ReadAloud, "default_engine", "no-such-engine")
    window = make_window()
    use_library(window, speech_library)
    window.read_aloud.prepare()
    with qtbot.waitSignal(window.read_aloud.ready, timeout=20000):
        pass
    window.open_page("talk/listen")
    assert not [b for b in window.screen_widget.findChildren(ReadAloudButton) if b.isVisible()]
    assert [r for r in caplog.records if "no speech engine" in r.getMessage()]
    window.shutdown()


def test_the_kiosk_process_never_loads_a_speech_engine_itself() -> None:
    """Asked to prepare read-aloud, the kiosk starts the engine's process and goes on;
    QtTextToSpeech is never imported into the kiosk."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kiosk.ui.speech.service import ReadAloud\n"
        "app = QApplication([])\n"
        "ReadAloud.default_engine = 'mock'\n"
        "reader = ReadAloud(True, languages=('en',))\n"
        "reader.prepare()\n"
        "reader.ready.connect(app.quit)\n"
        "app.exec()\n"
        "print(reader.can_say('en'), 'QtTextToSpeech' in str(sorted(sys.modules)))\n"
        "reader.close()\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


def test_an_engine_that_failed_is_tried_again_later(
    make_window: Callable[..., KioskWindow],
    speech_library: Library,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """speech-dispatcher still starting at boot, or restarting: a kiosk that runs for
    months must not stay silent until its next restart."""
    monkeypatch.setattr(ReadAloud, "default_engine", "no-such-engine")
    window = make_window()
    use_library(window, speech_library)
    now = [1000.0]
    reader = window.read_aloud
    reader._clock = lambda: now[0]

    def listen_buttons() -> list[ReadAloudButton]:
        found = window.screen_widget.findChildren(ReadAloudButton)
        return [b for b in found if b.isVisibleTo(window)]

    window.open_page("talk/listen")
    assert listen_buttons() == []  # no engine
    reader.engine = "mock"  # the engine works again
    now[0] += ReadAloud.retry_seconds - 1
    window.go_home()
    window.open_page("talk/listen")
    assert listen_buttons() == []  # not tried again yet
    now[0] += 1
    window.timers.idle.timeout.emit()  # the visitor left: the kiosk tries the engine again
    window.leave_attract()
    window.open_page("talk/listen")
    assert len(listen_buttons()) == 1
