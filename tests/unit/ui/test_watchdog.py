"""systemd hears READY=1 after the first paint, WATCHDOG=1 on every tick, STOPPING=1 at exit."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.sd_notify import Notifier
from kiosk.ui.paints import PaintWatch
from kiosk.ui.watchdog import Watchdog


@pytest.fixture
def systemd(tmp_path: Path, qapp: QApplication) -> Iterator[socket.socket]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        sock.settimeout(10)  # a bound on a hung test, never a measurement
        yield sock


def received(sock: socket.socket) -> list[str]:
    """Every datagram waiting on ``sock``."""
    sock.setblocking(False)
    found: list[str] = []
    try:
        while True:
            found.append(sock.recv(4096).decode())
    except BlockingIOError:
        return found
    finally:
        sock.settimeout(10)


def watched(sock: socket.socket) -> dict[str, str]:
    return {"NOTIFY_SOCKET": sock.getsockname(), "WATCHDOG_USEC": "30000000"}


def test_ready_then_a_ping_on_every_tick_then_stopping(systemd: socket.socket) -> None:
    timer = QTimer()
    dog = Watchdog(Notifier(watched(systemd), pid=4242), timer)
    assert timer.interval() == 15_000  # half of WatchdogSec=30
    dog.ready()
    assert received(systemd) == ["READY=1\nMAINPID=4242", "WATCHDOG=1"]
    assert timer.isActive()
    timer.timeout.emit()
    timer.timeout.emit()
    assert received(systemd) == ["WATCHDOG=1", "WATCHDOG=1"]
    dog.ready()  # only once
    assert received(systemd) == []
    dog.stopping()
    assert received(systemd) == ["STOPPING=1"]
    assert not timer.isActive()


def test_no_pings_where_systemd_set_no_watchdog(systemd: socket.socket) -> None:
    timer = QTimer()
    dog = Watchdog(Notifier({"NOTIFY_SOCKET": systemd.getsockname()}, pid=4242), timer)
    dog.ready()
    assert received(systemd) == ["READY=1\nMAINPID=4242"]
    assert not timer.isActive()


def test_nothing_at_all_outside_systemd(systemd: socket.socket) -> None:
    timer = QTimer()
    dog = Watchdog(Notifier({}), timer)
    dog.ready()
    timer.timeout.emit()
    dog.stopping()
    assert received(systemd) == []
    assert not timer.isActive()


def test_a_watchdog_meant_for_cage_is_named_in_the_log(
    systemd: socket.socket, caplog: pytest.LogCaptureFixture
) -> None:
    notifier = Notifier({**watched(systemd), "WATCHDOG_PID": "4242"}, pid=5151)
    timer = QTimer()
    dog = Watchdog(notifier, timer)
    dog.ready()
    assert received(systemd) == ["READY=1\nMAINPID=5151"]
    assert not timer.isActive()
    assert "env -u WATCHDOG_PID" in caplog.text


def test_the_first_paint_makes_the_kiosk_ready(qtbot: QtBot, systemd: socket.socket) -> None:
    window = QLabel("kiosk")
    qtbot.addWidget(window)
    paints = PaintWatch(window, clock=lambda: 1234.5)
    dog = Watchdog(Notifier(watched(systemd)), QTimer())
    paints.first_paint.connect(dog.ready)
    assert paints.last is None
    with qtbot.waitSignal(paints.first_paint):
        window.show()
    assert paints.last == 1234.5
    assert received(systemd)[0].startswith("READY=1\n")
