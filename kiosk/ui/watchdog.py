"""The kiosk's heartbeat for systemd, sent from the event loop.

``READY=1`` once the first frame is painted, ``WATCHDOG=1`` every half of the
unit's ``WatchdogSec=`` from a timer on the UI thread, ``STOPPING=1`` on a clean
exit. The pings come from the same thread that draws and answers touches: when
the UI freezes, they stop, and systemd kills the kiosk and starts it again
(``Restart=always``). Outside systemd this does nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.sd_notify import READY, STOPPING, WATCHDOG, Notifier

log = logging.getLogger(__name__)


class Watchdog(QObject):
    """Tells ``notifier``'s systemd how the kiosk is; ``timer`` paces the pings
    (tests fire its ``timeout`` by hand)."""

    def __init__(
        self,
        notifier: Notifier | None = None,
        timer: QTimer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.notifier = notifier or Notifier()
        self.timer = timer or QTimer(self)
        self.timer.timeout.connect(self.ping)
        self.is_ready = False
        seconds = self.notifier.watchdog_seconds
        if seconds is not None:
            self.timer.setInterval(max(1, round(seconds * 1000 / 2)))
        elif self.notifier.enabled and self.notifier.watched_elsewhere:
            log.warning(
                "systemd's watchdog watches process %s, not the kiosk (%d), so the kiosk "
                "sends it no pings. Under cage, start the kiosk with 'env -u WATCHDOG_PID' "
                "(see docs/deploy.md)",
                self.notifier.watched_elsewhere,
                self.notifier.pid,
            )

    @property
    def watching(self) -> bool:
        """Whether systemd expects pings from this process."""
        return self.notifier.watchdog_seconds is not None

    def ready(self) -> None:
        """The first frame is on screen: systemd may call the service started.

        The kiosk also names itself the service's main process: under cage, systemd
        started cage, but the kiosk is what ``systemctl stop`` (with ``KillMode=mixed``)
        and the watchdog's SIGABRT should reach. cage 0.1.4 aborts on SIGTERM itself;
        it leaves cleanly once the kiosk, its only client, has stopped.
        """
        if self.is_ready:
            return
        self.is_ready = True
        self.notifier.send(f"{READY}\nMAINPID={self.notifier.pid}")
        if self.watching:
            self.ping()
            self.timer.start()

    def ping(self) -> None:
        self.notifier.send(WATCHDOG)

    def stopping(self) -> None:
        """A clean exit: no restart is a surprise to systemd."""
        self.timer.stop()
        self.notifier.send(STOPPING)
