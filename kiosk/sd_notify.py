"""Telling systemd how the kiosk is: ready, still alive, stopping (``sd_notify(3)``).

The protocol is one datagram of ``KEY=value`` lines sent to the AF_UNIX socket
named in ``NOTIFY_SOCKET`` (a name starting with ``@`` is in the abstract
namespace). It is a few lines, so no library is needed for it. With no
``NOTIFY_SOCKET`` (not started by systemd, or by a unit that is not
``Type=notify``), nothing is sent. No Qt here: ``kiosk/ui/watchdog.py`` sends
from the event loop.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)

READY = "READY=1"
WATCHDOG = "WATCHDOG=1"
STOPPING = "STOPPING=1"


class Notifier:
    """Sends to the socket systemd named in ``environ`` (read once, here)."""

    def __init__(self, environ: Mapping[str, str] | None = None, pid: int | None = None) -> None:
        env = os.environ if environ is None else environ
        self.socket_path = env.get("NOTIFY_SOCKET", "")
        self.pid = os.getpid() if pid is None else pid
        self.watchdog_seconds = _watchdog_seconds(env, self.pid)
        # The process systemd's watchdog watches instead of this one ("" if none other).
        watched = env.get("WATCHDOG_PID", "")
        other = env.get("WATCHDOG_USEC") and watched and watched != str(self.pid)
        self.watched_elsewhere = watched if other else ""
        self._failed = False

    @property
    def enabled(self) -> bool:
        return bool(self.socket_path)

    def send(self, message: str) -> bool:
        """Send ``message``; False (and one log line) if it could not be sent."""
        if not self.socket_path:
            return False
        path = self.socket_path
        address = "\0" + path[1:] if path.startswith("@") else path
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(address)
                sock.sendall(message.encode("utf-8"))
        except OSError as exc:
            if not self._failed:  # once: a watchdog ping a minute would flood the log
                log.warning("could not tell systemd %r through %s: %s", message, path, exc)
                self._failed = True
            return False
        return True


def _watchdog_seconds(env: Mapping[str, str], pid: int) -> float | None:
    """systemd's watchdog timeout for this process, or None if it watches none.

    ``WATCHDOG_PID``, when set, names the process systemd expects pings from: a
    variable inherited from a parent (cage, under a system unit) is not for us.
    """
    if not env.get("NOTIFY_SOCKET"):
        return None
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    watched = env.get("WATCHDOG_PID", "")
    if watched and watched != str(pid):
        return None
    return usec / 1_000_000 if usec > 0 else None
