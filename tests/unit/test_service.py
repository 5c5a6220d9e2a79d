"""The real ``kiosk run`` under a service manager: it says when it is ready, pings the
watchdog from its event loop, writes its health figures, and says when it stops."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import REPO

WAIT = 60  # seconds: a bound on a slow CI machine, never a measurement


def test_kiosk_run_talks_to_systemd_and_writes_its_metrics(tmp_path: Path) -> None:
    metrics = tmp_path / "textfile" / "kiosk.prom"
    config = tmp_path / "kiosk.toml"
    config.write_text(f'metrics_file = "{metrics}"\n', encoding="utf-8")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(tmp_path / "notify"))
        systemd.settimeout(WAIT)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "NOTIFY_SOCKET": str(tmp_path / "notify"),
            "WATCHDOG_USEC": "2000000",  # WatchdogSec=2: a ping every second
        }
        env.pop("WATCHDOG_PID", None)
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--config", str(config)],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ready = f"READY=1\nMAINPID={kiosk.pid}".encode()
            assert systemd.recv(64) == ready  # the kiosk, not a wrapper, is the service
            assert systemd.recv(64) == b"WATCHDOG=1"
            assert systemd.recv(64) == b"WATCHDOG=1"  # the timer's, a second later
            kiosk.send_signal(signal.SIGTERM)  # systemctl stop
            while (message := systemd.recv(64)) == b"WATCHDOG=1":
                pass
            assert message == b"STOPPING=1"
            assert kiosk.wait(timeout=WAIT) == 0
        finally:
            if kiosk.poll() is None:
                kiosk.kill()
                kiosk.wait()
    values = {
        sample.name: sample.value
        for family in text_string_to_metric_families(metrics.read_text(encoding="utf-8"))
        for sample in family.samples
    }
    assert values["kiosk_up"] == 1
    assert values["kiosk_content_pages"] > 0
    assert values["kiosk_last_paint_timestamp_seconds"] > 1_700_000_000
    assert values["kiosk_views_today"] == 0  # from the usage counts: nobody read anything
