"""A service manager's SIGTERM (and Ctrl+C's SIGINT) end the kiosk cleanly.

Python runs signal handlers only when it next gets control, and Qt's event
loop can stay in C++ for as long as nobody touches the screen. So the signal
also writes a byte to a socket (``signal.set_wakeup_fd``), and a socket
notifier on the other end wakes the loop at once: no polling timer.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

_kept: list[object] = []  # the sockets and notifier live as long as the app


def stop_on_signals(stop: Callable[[], None], parent: QObject) -> None:
    """Call ``stop`` when SIGTERM or SIGINT arrives."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def drain() -> None:
        # Back in Python, the signal's handler runs right after this.
        with contextlib.suppress(BlockingIOError):
            reader.recv(64)

    notifier.activated.connect(drain)
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: stop())
    _kept.extend((reader, writer, notifier))
