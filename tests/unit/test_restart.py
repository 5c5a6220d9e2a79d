"""A crash leaves a trace, and the kiosk a supervisor starts again comes back clean.

These run the real ``kiosk run`` in processes of their own (offscreen), kill one
the hard way, and start the next as systemd's ``Restart=always`` would.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kiosk import logs
from tests.conftest import REPO

WAIT = 60  # seconds: a generous bound on a slow CI machine, never a measurement


class Kiosk:
    """``kiosk run`` in kiosk mode; its standard error read line by line."""

    def __init__(self, home: Path) -> None:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--content", str(REPO / "content")],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> str:
        """The first line holding ``text``; fails if the process ends first."""
        while True:
            try:
                line = self.lines.get(timeout=WAIT)
            except queue.Empty:
                pytest.fail(f"no line with {text!r} within {WAIT} s; seen: {self.seen}")
            self.seen.append(line)
            if text in line:
                return line

    def end(self, number: int) -> int:
        """Send signal ``number``; returns the exit status once the process is gone."""
        self.process.send_signal(number)
        status = self.process.wait(timeout=WAIT)
        self._reader.join(timeout=WAIT)  # it has read up to the end of the pipe
        assert self.process.stderr is not None
        self.process.stderr.close()
        return status


def test_a_segfault_is_traced_and_the_restarted_kiosk_shows_attract(tmp_path: Path) -> None:
    first = Kiosk(tmp_path)
    first.wait_for("ready: the attract screen is shown")
    assert first.end(signal.SIGSEGV) == -signal.SIGSEGV

    fatal = (tmp_path / "state" / "kiosk" / "log" / logs.FATAL_LOG).read_text()
    assert "Fatal Python error: Segmentation fault" in fatal
    assert 'File "' in fatal  # the Python stack at the moment of the crash

    second = Kiosk(tmp_path)  # what the service manager does next
    warning = second.wait_for("the previous run")
    assert "ended with 'Fatal Python error: Segmentation fault'" in warning
    second.wait_for("ready: the attract screen is shown")
    assert second.end(signal.SIGTERM) == 0  # systemctl stop: a clean end
    second.wait_for("stopped (exit status 0)")  # read before the pipe closed
    fatal = (tmp_path / "state" / "kiosk" / "log" / logs.FATAL_LOG).read_text()
    assert fatal.rstrip().splitlines()[-1].startswith(logs.STOPPED)
