"""Drive the real kiosk window through many random actions; print memory and errors.

    python benchmarks/soak.py [--actions 10000] [--seed 1] [--every 1000] [--size 1920x1080]

The kiosk as it ships (bundled content, default config, kiosk mode) on Qt's
offscreen platform, driven by the restless visitor of ``tests/visitor.py``:
taps on cards and buttons, swipes, scrolls, keys, guide steps, check answers,
language and text-size changes, Back and Home, idle resets and the staff
gesture, in a seeded random order. Every ``--every`` actions the kiosk is left
idle until it resets (as between two visitors), and the script prints the
resident memory at that rest, the peak so far, the number of live widgets and
of Python objects, and the references to ``None`` (which a leaking Qt binding
loses on Python 3.11). Memory at rest is the figure that shows a leak: at an
arbitrary moment it swings with whatever pages happen to be open. At the end:
growth at rest after warm-up (the first block), the actions taken, the screens
seen, and every warning or error logged. Exits 1 if anything was logged at
warning level or above, or memory at rest grew more than 10 MB after warm-up.
This prints figures; it is not a test (``tests/unit/ui/test_soak.py`` is).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import platform
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={REPO / 'tests/data/offscreen-screen.json'}"
)

from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk import memory, resources  # noqa: E402
from kiosk.core import loader  # noqa: E402
from kiosk.core.config import Config  # noqa: E402
from kiosk.ui.app import ErrorGuard, application, styled  # noqa: E402
from kiosk.ui.window import KioskWindow, Timers  # noqa: E402
from tests.visitor import Visitor, settle  # noqa: E402

GROWTH_LIMIT_MB = 10.0


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's warnings count as problems too; the offscreen platform's one notice does not."""
    if message != OFFSCREEN_NOISE:
        level = logging.DEBUG if kind == QtMsgType.QtDebugMsg else logging.WARNING
        logging.getLogger("qt").log(level, "%s", message)


class Recorder(logging.Handler):
    """Keeps every record at warning level or above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def memory_mb(field: str) -> float:
    """A line of /proc/self/status in MB: VmRSS, RssAnon, RssFile or VmHWM (the peak)."""
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))

    recorder = Recorder()
    logging.getLogger().addHandler(recorder)
    qInstallMessageHandler(log_qt_message)
    app = application()
    config = Config()
    theme = styled(app, config, (width, height))
    library = loader.load(resources.content_dir(), resources.assets_dir())
    timers = Timers.from_config(config)  # real intervals; the visitor fires them itself
    window = KioskWindow(library, config, theme, timers=timers, kiosk_mode=True)
    sys.excepthook = ErrorGuard(window)  # as in 'kiosk run': log, and go home
    window.resize(width, height)
    window.show()
    settle()

    visitor = Visitor(window, random.Random(args.seed))
    python = platform.python_version()
    print(f"Python {python}, PySide6 {pyside_version}, {args.actions} actions, seed {args.seed}")
    print(
        f"{'actions':>8} {'rest MB':>8} {'anon MB':>8} {'file MB':>8} {'peak MB':>8} "
        f"{'widgets':>8} {'objects':>9} {'None refs':>10} {'s':>6}"
    )
    start = time.perf_counter()
    marks: list[float] = []
    for done in range(1, args.actions + 1):
        visitor.act()
        if done % args.every == 0:
            visitor.wait_idle()  # the visitor walks away; the kiosk forgets them
            settle()
            gc.collect()
            memory.give_back()  # as the kiosk does after a reset, once the screens are gone
            marks.append(memory_mb("RssAnon"))
            print(
                f"{done:>8} {memory_mb('VmRSS'):>8.1f} {marks[-1]:>8.1f} "
                f"{memory_mb('RssFile'):>8.1f} {memory_mb('VmHWM'):>8.1f} "
                f"{len(QApplication.allWidgets()):>8} {len(gc.get_objects()):>9} "
                f"{sys.getrefcount(None):>10} {time.perf_counter() - start:>6.0f}",
                flush=True,
            )
    growth = marks[-1] - marks[0] if marks else 0.0
    half = marks[-1] - marks[len(marks) // 2 - 1] if len(marks) >= 2 else 0.0
    print(
        f"anonymous memory at rest, growth after the first {args.every} actions: {growth:+.1f} MB"
    )
    print(f"anonymous memory at rest, growth over the second half: {half:+.1f} MB")
    print("actions:", ", ".join(f"{k} {v}" for k, v in visitor.done.most_common()))
    print("screens:", ", ".join(f"{k} {v}" for k, v in visitor.screens.most_common()))
    print(f"logged at warning or above: {len(recorder.records)}")
    for record in recorder.records[:20]:
        print(f"  {record.levelname} {record.name}: {record.getMessage()}")
    window.kiosk_mode = False
    window.request_exit()
    return 1 if recorder.records or growth > GROWTH_LIMIT_MB else 0


if __name__ == "__main__":
    sys.exit(main())
