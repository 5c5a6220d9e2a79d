"""Print how long building a Library takes for a large generated content folder.

    python benchmarks/load_library.py [--pages 2000] [--repeat 5]

Makes PAGES pages in two languages (about 300 words each) in a temporary folder,
then times ``loader.load`` (front matter only) with no cache and with a warm index
cache, and, for comparison, rendering every page once. This prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from kiosk import resources
from kiosk.core import loader
from kiosk.core.index_cache import IndexCache

BODY = ("Plain words for a waiting room. " * 10 + "\n\n") * 6 + "## A step\n\n1. One.\n2. Two.\n"


def generate(root: Path, pages: int) -> None:
    for index in range(pages):
        section = root / f"section-{index % 40:02d}"
        section.mkdir(exist_ok=True)
        for lang in ("en", "zh-CN"):
            (section / f"page-{index:05d}.{lang}.md").write_text(
                f"---\ntitle: Page {index} ({lang})\nsummary: A generated page.\n"
                f"tags: [tag-{index % 17}, tag-{index % 5}]\nkeywords: [kw-{index % 31}]\n"
                f"date: 2026-01-{1 + index % 28:02d}\nsource: Generator\nreviewed_by: Nobody\n"
                f"reviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n\n{BODY}",
                encoding="utf-8",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, args.pages)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            library = loader.load(root, resources.assets_dir())
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for page in library.pages:
            library.render(page)
        render_all = time.perf_counter() - start
        cache_file = root / ".cache" / "index.pickle"
        loader.load(root, resources.assets_dir(), cache=IndexCache(cache_file))
        warm = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            loader.load(root, resources.assets_dir(), cache=IndexCache(cache_file))
            warm.append(time.perf_counter() - start)
    print(f"pages loaded:               {len(library.pages)} ({args.pages} x 2 languages)")
    print(f"library build, median:      {statistics.median(times) * 1000:.0f} ms")
    print(f"library build, best:        {min(times) * 1000:.0f} ms")
    print(f"with a warm index cache:    {statistics.median(warm) * 1000:.0f} ms median")
    print(f"render every page once:     {render_all * 1000:.0f} ms (what start-up does NOT pay)")


if __name__ == "__main__":
    main()
