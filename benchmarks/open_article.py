"""Print how long a tap takes to show a 3,000-word article: first view and again.

    QT_QPA_PLATFORM=offscreen python benchmarks/open_article.py [--runs 20]

"First view" renders the Markdown (a fresh Library each run); "again" uses the cached
HTML. Time runs from open_page() to the window having painted. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk import resources
from kiosk.core import loader
from kiosk.core.config import Config
from kiosk.ui import app as kiosk_app

SECTION = (
    "## A section\n\n"
    + ("Plain words for people who read little, in short sentences. " * 12)
    + "\n\n1. A step to take.\n2. Another step.\n3. A last step.\n\n"
)


def article(words: int) -> str:
    per = len(SECTION.split())
    return "---\ntitle: Long page\nsource: Test\nreviewed_by: Test\n---\n\n" + SECTION * (
        words // per + 1
    )


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "long.en.md").write_text(article(3000), encoding="utf-8")
        (root / "home.en.md").write_text("# Home page\n", encoding="utf-8")
        app = kiosk_app.application()
        first: list[float] = []
        again: list[float] = []
        for _ in range(args.runs):
            library = loader.load(root, resources.assets_dir(), default_lang="en")
            window = kiosk_app.build_window(
                app, library, Config(default_language="en"), (1920, 1080), kiosk_mode=False
            )
            window.resize(1920, 1080)
            window.show()
            kiosk_app.settle(app)
            for times in (first, again):
                start = time.perf_counter()
                window.open_page("long")
                window.repaint()
                times.append((time.perf_counter() - start) * 1000)
                window.show_home()
                kiosk_app.settle(app)
            window.request_exit()
            window.deleteLater()
            kiosk_app.settle(app)
    words = len(article(3000).split())
    print(f"article of {words} words, {args.runs} runs")
    print(f"first view: median {statistics.median(first):5.1f} ms, p95 {p95(first):5.1f} ms")
    print(f"again:      median {statistics.median(again):5.1f} ms, p95 {p95(again):5.1f} ms")


if __name__ == "__main__":
    main()
