"""Print launch-to-first-frame time and peak memory: the kiosk against a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 5] [--pages 2000]

Each case is a fresh Python process started the same way. The time is from just
before the process is started to the first paint of its window; peak memory is the
process's maximum resident set size. Cases: a bare QWidget; the kiosk on the bundled
content; the kiosk on a generated library (PAGES pages x 2 languages), cold (no index
cache) and warm. This prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
case, content, cache = sys.argv[1], sys.argv[2], sys.argv[3]
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class FirstFrame(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.time()
            QTimer.singleShot(0, QApplication.instance().quit)
        return False

if case == "bare":
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1920, 1080)
else:
    from kiosk import resources
    from kiosk.core import loader
    from kiosk.core.config import Config
    from kiosk.core.index_cache import IndexCache
    config = Config()
    library = loader.load(
        Path(content) if content else resources.content_dir(), resources.assets_dir(),
        cache=IndexCache(Path(cache)) if cache else None,
    )
    from kiosk.ui import app as kiosk_app
    app = kiosk_app.application(sys.argv[:1])
    window = kiosk_app.build_window(app, library, config, (1920, 1080), kiosk_mode=False)
    window.resize(1920, 1080)
watcher = FirstFrame()
window.installEventFilter(watcher)
window.show()
app.exec()
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"frame_at": watcher.at, "peak_mb": peak_kb / 1024}))
"""


def run_case(case: str, content: str = "", cache: str = "") -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, case, content, cache],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return result["frame_at"] - start, result["peak_mb"]


def measure(label: str, runs: int, **kwargs: str) -> tuple[float, float]:
    times, peaks = zip(*(run_case(**kwargs) for _ in range(runs)), strict=True)
    t, m = statistics.median(times), statistics.median(peaks)
    print(f"{label:<40} {t * 1000:7.0f} ms   {m:6.0f} MB")
    return t, m


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from load_library import generate

    print(f"{'case (median of ' + str(args.runs) + ' runs)':<40} {'first frame':>10}   {'peak':>6}")
    bare_t, bare_m = measure("bare PySide6 window", args.runs, case="bare")
    kiosk_t, kiosk_m = measure("kiosk, bundled content", args.runs, case="kiosk")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        root.mkdir()
        generate(root, args.pages)
        cache = str(Path(folder) / "index.pickle")
        big_t, big_m = measure(
            f"kiosk, {args.pages} x 2 pages, no cache", args.runs, case="kiosk", content=str(root)
        )
        run_case("kiosk", str(root), cache)  # fill the cache
        warm_t, warm_m = measure(
            f"kiosk, {args.pages} x 2 pages, warm cache",
            args.runs,
            case="kiosk",
            content=str(root),
            cache=cache,
        )
    print()
    print(
        f"bundled:        {kiosk_t / bare_t:.2f} x bare time, {kiosk_m / bare_m:.2f} x bare memory"
    )
    print(f"large, cold:    {big_t / bare_t:.2f} x bare time, {big_m / bare_m:.2f} x bare memory")
    print(f"large, warm:    {warm_t / bare_t:.2f} x bare time, {warm_m / bare_m:.2f} x bare memory")


if __name__ == "__main__":
    main()
