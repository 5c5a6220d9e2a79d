"""The kiosk's messages to systemd reach a real notify socket, and only when asked for."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.sd_notify import READY, Notifier


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[socket.socket]:
    """What systemd listens on: an AF_UNIX datagram socket (NOTIFY_SOCKET)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(tmp_path / "notify"))
        sock.settimeout(10)  # a bound on a hung test, never a measurement
        yield sock


def test_a_message_arrives_as_one_datagram(systemd: socket.socket) -> None:
    notifier = Notifier({"NOTIFY_SOCKET": systemd.getsockname()})
    assert notifier.send(READY)
    assert systemd.recv(4096) == b"READY=1"


def test_an_abstract_socket_name_starts_with_at() -> None:
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(10)
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).send("WATCHDOG=1")
        assert sock.recv(4096) == b"WATCHDOG=1"


def test_without_systemd_nothing_is_sent() -> None:
    notifier = Notifier({})
    assert not notifier.enabled
    assert notifier.watchdog_seconds is None
    assert not notifier.send(READY)


def test_a_socket_that_is_gone_is_no_crash(tmp_path: Path) -> None:
    assert not Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")}).send(READY)


def test_the_watchdog_timeout_is_read_for_this_process_only(systemd: socket.socket) -> None:
    where = systemd.getsockname()
    usec = {"NOTIFY_SOCKET": where, "WATCHDOG_USEC": "30000000"}
    assert Notifier(usec).watchdog_seconds == 30.0
    assert Notifier({**usec, "WATCHDOG_PID": "4242"}, pid=4242).watchdog_seconds == 30.0
    # cage's process id, inherited from systemd by the kiosk under it: not ours.
    other = Notifier({**usec, "WATCHDOG_PID": "4242"}, pid=5151)
    assert other.watchdog_seconds is None
    assert other.watched_elsewhere == "4242"
    assert Notifier({"WATCHDOG_USEC": "30000000"}).watchdog_seconds is None
    assert Notifier({**usec, "WATCHDOG_USEC": "soon"}).watchdog_seconds is None
