"""Every performance figure of the kiosk, against its budget, in one Markdown table.

    QT_QPA_PLATFORM=offscreen python -m benchmarks [--runs N] [--quick] [--soak-actions A]

Generates content folders of 200, 2,000 and 10,000 pages x 2 languages once (kept
in the system's temporary folder for later runs, see ``benchmarks/library.py``),
then measures, each figure in a fresh process started the way a user starts it
(``kiosk run --windowed``, ``kiosk snapshot``, ``kiosk check``), in N rounds where
each kiosk launch follows a launch of a bare PySide6 window (one label, the same
offscreen platform) so that both see the same load on the machine:

- launch to first paint (``benchmarks/probe.py`` notices the first painted frame),
  on the bundled content and each library, with a warm index cache and with none
  (an empty ``XDG_CACHE_HOME``);
- ``kiosk snapshot`` of home, the whole process, bundled and largest library;
- tap -> article painted: real taps on home's cards, each opening a page for the
  first time, after the kiosk has been left alone a few seconds (p50 and p95);
- ``kiosk check`` on the largest library, cold (empty cache folder) and warm;
- the staff menu on the largest library: from the gesture until the menu is
  painted and the event loop answers again, and the memory it keeps;
- memory at rest over random actions (``benchmarks/soak.py``, bundled content);
- ``kiosk snapshot`` of an article against headless Chromium on the same article
  as ``kiosk export`` writes it: time and peak memory of the largest process
  (and the sum over Chromium's processes, sampled).

Figures are medians over the rounds. A case whose first run takes longer than
20 s runs once. This prints figures; it is not a test, and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import library

TIMES = "\N{MULTIPLICATION SIGN}"
REPO = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "probe.py"
SOAK = Path(__file__).resolve().parent / "soak.py"
CHROMIUM = "/usr/bin/chromium"
ARTICLE = "weaning/engorgement"
SLOW_S = 20.0
SIZES = (200, 2000, 10_000)
QUICK_SIZES = (20, 60, 200)


@dataclass
class Finished:
    seconds: float
    started_at: float  # time.time() just before the process was started
    peak_mb: float  # largest resident set of the process or any child it waited for
    sum_mb: float = 0.0  # largest sum of resident sets over the process tree (sampled)
    largest_mb: float = 0.0  # largest resident set of one process in the tree (sampled)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.runs: int = args.runs
        self.quick: bool = args.quick
        self.sizes: tuple[int, ...] = QUICK_SIZES if args.quick else SIZES
        self.taps: int = 3 if args.quick else 8
        self.idle_s: float = 3.5 if args.quick else 4.0
        self.soak_actions: int = args.soak_actions
        self.soak_every: int = max(1, min(1000, args.soak_actions // 2))
        self.work = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        self.samples: dict[str, list[float]] = defaultdict(list)
        self.extra: dict[str, list[float]] = defaultdict(list)
        self.soak: dict[str, float] = {}
        self.folders: dict[int, Path] = {}
        screen = self.work / "screen.json"
        screen.write_text(
            json.dumps(
                {
                    "windowFrameMargins": False,
                    "screens": [{"name": "b", "x": 0, "y": 0, "width": 1920, "height": 1080}],
                }
            ),
            encoding="utf-8",
        )
        (self.work / "config").mkdir()  # no kiosk.toml: the defaults
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "XDG_CONFIG_HOME": str(self.work / "config"),
            "XDG_STATE_HOME": str(self.work / "state"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }

    # --- processes ---------------------------------------------------------------------

    def cache(self, name: str) -> Path:
        """A cache folder kept for the whole benchmark (a warm cache once primed)."""
        path = self.work / "cache" / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def fresh_cache(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="cold-", dir=self.work))

    def process(
        self, argv: Sequence[str], cache: Path, sample: bool = False, quiet: bool = True
    ) -> Finished:
        env = {**self.env, "XDG_CACHE_HOME": str(cache)}
        started_at = time.time()
        start = time.perf_counter()
        child = subprocess.Popen(
            argv,
            env=env,
            cwd=self.work,
            stdout=subprocess.DEVNULL if quiet else None,
            stderr=subprocess.DEVNULL if quiet else None,
        )
        largest = total = 0.0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG if sample else 0)
            if pid:
                break
            for_tree = list(_tree_rss_mb(child.pid))
            if for_tree:
                largest = max(largest, *for_tree)
                total = max(total, sum(for_tree))
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):  # check exits 1 on errors in content; still timed
            raise RuntimeError(f"{' '.join(argv)} exited with {child.returncode}")
        return Finished(seconds, started_at, usage.ru_maxrss / 1024, total, largest)

    def probe(self, cache: Path, *args: str) -> dict[str, float | list[float]]:
        out = self.work / "probe.json"
        out.unlink(missing_ok=True)
        finished = self.process([sys.executable, str(PROBE), str(out), *args], cache)
        found: dict[str, float | list[float]] = json.loads(out.read_text(encoding="utf-8"))
        found["launch_s"] = number(found["painted_at"]) - finished.started_at
        return found

    def launch(self, cache: Path, content: Path | None = None) -> float:
        where = ["--content", str(content)] if content else []
        return number(self.probe(cache, "run", *where)["launch_s"])

    def bare(self) -> float:
        return number(self.probe(self.work, "bare")["launch_s"])

    def kiosk(self, cache: Path, *args: str, sample: bool = False) -> Finished:
        return self.process([sys.executable, "-m", "kiosk", *args], cache, sample=sample)

    def record(self, key: str, value: float) -> None:
        self.samples[key].append(value)
        say(f"  {key}: {value:.3f}")

    def wanted(self, key: str) -> bool:
        """Run a case again only if it is quick enough to repeat."""
        done = self.samples.get(key, [])
        return not done or done[0] < SLOW_S

    # --- the whole run -----------------------------------------------------------------

    def prepare(self) -> None:
        for size in self.sizes:
            start = time.perf_counter()
            self.folders[size] = library.folder(size)
            say(f"library {size} x 2: {self.folders[size]} ({time.perf_counter() - start:.1f} s)")
        for size, folder in [(0, None), *self.folders.items()]:
            self.launch(self.cache(f"warm-{size}"), folder)  # fills the warm index cache
        self.site = self.work / "site"
        self.kiosk(self.work, "export", "--out", str(self.site))

    def round(self) -> None:
        largest = self.sizes[-1]
        big = self.folders[largest]
        # Launch to first paint, each after a bare window.
        cases: list[tuple[str, Path | None, bool]] = [("bundled", None, True)]
        for size, folder in self.folders.items():
            cases += [(f"{size} warm", folder, True), (f"{size} cold", folder, False)]
        for name, where, warm in cases:
            self.record("bare", self.bare())
            size = 0 if where is None else next(s for s, f in self.folders.items() if f == where)
            cache = self.cache(f"warm-{size}") if warm else self.fresh_cache()
            self.record(f"launch {name}", self.launch(cache, where))
        # Snapshot of home, whole process.
        png = str(self.work / "home.png")
        home_cases: list[tuple[str, int, list[str]]] = [
            ("bundled", 0, []),
            (str(largest), largest, ["--content", str(big)]),
        ]
        for name, size, content in home_cases:
            finished = self.kiosk(self.cache(f"warm-{size}"), "snapshot", "--out", png, *content)
            self.record(f"snapshot {name}", finished.seconds)
        # Taps on cards: every tap opens a page for the first time.
        for size, folder in self.folders.items():
            found = self.probe(
                self.cache(f"warm-{size}"),
                "run",
                "--content",
                str(folder),
                "--idle",
                str(self.idle_s),
                "--taps",
                str(self.taps),
            )
            taps = found["tap_ms"]
            assert isinstance(taps, list)
            self.samples[f"tap {size}"] += taps
            say(f"  tap {size}: {', '.join(f'{t:.0f}' for t in taps)} ms")
        # The article: the kiosk's snapshot, then Chromium on the exported page.
        article = self.kiosk(
            self.cache("warm-0"),
            "snapshot",
            "--page",
            ARTICLE,
            "--lang",
            "en",
            "--size",
            "1920x1080",
            "--out",
            str(self.work / "article.png"),
            sample=True,
        )
        self.record("article kiosk s", article.seconds)
        self.record("article kiosk peak", article.peak_mb)
        if Path(CHROMIUM).exists():
            chromium = self.chromium()
            self.record("article chromium s", chromium.seconds)
            self.record("article chromium peak", max(chromium.peak_mb, chromium.largest_mb))
            self.record("article chromium sum", chromium.sum_mb)
        # kiosk check on the largest library, cold then warm.
        if self.wanted("check cold"):
            cold = self.fresh_cache()
            self.record("check cold", self.kiosk(cold, "check", str(big)).seconds)
            shutil.copytree(cold, self.cache(f"warm-{largest}"), dirs_exist_ok=True)
        if self.wanted("check warm"):
            finished = self.kiosk(self.cache(f"warm-{largest}"), "check", str(big))
            self.record("check warm", finished.seconds)
        # The staff menu on the largest library.
        if self.wanted("staff"):
            found = self.probe(
                self.cache(f"warm-{largest}"),
                "run",
                "--content",
                str(big),
                "--idle",
                str(self.idle_s),
                "--staff",
            )
            self.record("staff", number(found["staff_ms"]) / 1000)
            self.extra["staff kept"].append(number(found["staff_kept_mb"]))

    def chromium(self) -> Finished:
        page = self.site / "en" / ARTICLE / "index.html"
        return self.process(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={self.work / 'chromium-profile'}",
                f"--screenshot={self.work / 'chromium.png'}",
                "--window-size=1920,1080",
                page.as_uri(),
            ],
            self.work,
            sample=True,
        )

    def run_soak(self) -> None:
        say(f"soak: {self.soak_actions} random actions")
        out = subprocess.run(
            [
                sys.executable,
                str(SOAK),
                "--actions",
                str(self.soak_actions),
                "--every",
                str(self.soak_every),
            ],
            env={**self.env, "XDG_CACHE_HOME": str(self.cache("warm-0"))},
            cwd=self.work,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        rows = [line.split() for line in out.splitlines()]
        rows = [row for row in rows if len(row) >= 5 and row[0].isdigit()]
        if rows:
            self.soak = {
                "first": float(rows[0][0]),
                "last": float(rows[-1][0]),
                "anon_first": float(rows[0][2]),
                "anon_last": float(rows[-1][2]),
                "rss_first": float(rows[0][1]),
                "rss_last": float(rows[-1][1]),
            }

    # --- the table ---------------------------------------------------------------------

    def table(self) -> str:
        med = {key: statistics.median(values) for key, values in self.samples.items()}
        bare = med["bare"]
        small, middle, large = self.sizes
        lines = [
            "| what | figure | ratio | budget | met |",
            "| --- | --- | --- | --- | --- |",
        ]

        def row(what: str, figure: str, ratio: str, budget: str, met: str) -> None:
            lines.append(f"| {what} | {figure} | {ratio} | {budget} | {met} |")

        def x(value: float, of: float) -> float:
            return value / of if of else math.nan

        row(
            "launch to first paint, bare PySide6 window (baseline)",
            ms(bare),
            f"1.00 {TIMES}",
            "",
            "",
        )
        r = x(med["launch bundled"], bare)
        row(
            "launch to first paint, bundled content",
            ms(med["launch bundled"]),
            f"{r:.2f} {TIMES} bare",
            f"≤ 1.6 {TIMES}",
            yes(r <= 1.6),
        )
        budgets = {middle: (2.0, 3.0), large: (2.5, None)}
        for size in self.sizes:
            warm, cold = med[f"launch {size} warm"], med[f"launch {size} cold"]
            rw, rc = x(warm, bare), x(cold, bare)
            bw, bc = budgets.get(size, (None, None))
            row(
                f"the same, {pages(size)}, warm index / no index",
                f"{ms(warm)} / {ms(cold)}",
                f"{rw:.2f} {TIMES} / {rc:.2f} {TIMES}",
                f"{limit(bw)} / {limit(bc)}",
                f"{yes(rw <= bw) if bw else '–'} / {yes(rc <= bc) if bc else '–'}",
            )
        snap, snap_big = med["snapshot bundled"], med[f"snapshot {large}"]
        r = x(snap_big, snap)
        row("`kiosk snapshot` home, whole process, bundled", s(snap), "", "", "")
        row(
            f"`kiosk snapshot` home, whole process, {pages(large)}",
            s(snap_big),
            f"{r:.2f} {TIMES} bundled",
            f"≤ 3 {TIMES} bundled",
            yes(r <= 3),
        )
        for size in self.sizes:
            taps = self.samples[f"tap {size}"]
            p95 = percentile(taps, 0.95)
            row(
                f"tap → article painted, first view, {pages(size)} ({len(taps)} taps)",
                f"p50 {statistics.median(taps):.0f} ms, p95 {p95:.0f} ms",
                "",
                "p95 ≤ 40 ms",
                yes(p95 <= 40),
            )
        warm, cold = med["check warm"], med["check cold"]
        row(
            f"`kiosk check`, {pages(large)}, warm / cold",
            f"{s(warm)} / {s(cold)}",
            "",
            "≤ 5 s / ≤ 15 s",
            f"{yes(warm <= 5)} / {yes(cold <= 15)}",
        )
        kept = statistics.median(self.extra["staff kept"])
        row(
            f"opening the staff menu, {pages(large)}, until the UI answers",
            f"{ms(med['staff'])}, {kept:+.0f} MiB kept after closing",
            "",
            "≤ 200 ms",
            yes(med["staff"] <= 0.2),
        )
        if self.soak:
            sk = self.soak
            growth = sk["anon_last"] - sk["anon_first"]
            row(
                f"memory at rest over {self.soak_actions:,} random actions, bundled",
                f"{growth:+.1f} MiB from {sk['first']:,.0f} to {sk['last']:,.0f} actions "
                f"(anonymous; RSS {sk['rss_first']:.0f} → {sk['rss_last']:.0f} MiB)",
                "",
                "≤ 5 MiB from 1k to 10k actions",
                yes(growth <= 5) + ("" if sk["last"] >= 10_000 else " (shorter run)"),
            )
        if "article chromium s" in med:
            t, ct = med["article kiosk s"], med["article chromium s"]
            p, cp, cs = (
                med["article kiosk peak"],
                med["article chromium peak"],
                med["article chromium sum"],
            )
            row(
                "article snapshot vs headless Chromium: time",
                f"{s(t)} vs {s(ct)}",
                f"{x(t, ct):.2f} {TIMES}",
                f"≤ 0.4 {TIMES}",
                yes(x(t, ct) <= 0.4),
            )
            row(
                "article snapshot vs headless Chromium: peak memory",
                f"{p:.0f} MiB vs largest process {cp:.0f} MiB (all processes {cs:.0f} MiB)",
                f"{x(p, cp):.2f} {TIMES} largest ({x(p, cs):.2f} {TIMES} all)",
                f"≤ 0.4 {TIMES}",
                yes(x(p, cp) <= 0.4),
            )
        else:
            row(
                "article snapshot vs headless Chromium", f"no {CHROMIUM}", "", f"≤ 0.4 {TIMES}", "–"
            )
        lines.append("")
        for kind in ("warm", "cold"):
            times = [med[f"launch {size} {kind}"] for size in self.sizes]
            exponent = slope([math.log(2 * n) for n in self.sizes], [math.log(t) for t in times])
            lines.append(
                f"Start-up growth, {pages(small)} to {pages(large)}, "
                f"{'warm index' if kind == 'warm' else 'no index'}: time ∝ pages^{exponent:.2f} "
                f"({' → '.join(ms(t) for t in times)})."
            )
        return "\n".join(lines)


def _tree_rss_mb(root: int) -> Iterator[float]:
    """Resident memory of ``root`` and each of its descendants, in MiB."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    for pid in tree:
        try:
            pages_resident = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        yield pages_resident * os.sysconf("SC_PAGE_SIZE") / 2**20


def number(value: float | list[float]) -> float:
    assert isinstance(value, float | int)
    return float(value)


def slope(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)) / sum(
        (a - mx) ** 2 for a in xs
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def pages(size: int) -> str:
    return f"{size:,} {TIMES} 2 pages"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def limit(value: float | None) -> str:
    return f"≤ {value:.1f} {TIMES}" if value else "–"


def yes(met: bool) -> str:
    return "yes" if met else "**no**"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--runs", type=int, default=3, help="rounds; figures are medians")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: one round, small libraries, short waits",
    )
    parser.add_argument("--soak-actions", type=int, default=None, help="default 4000")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    if args.soak_actions is None:
        args.soak_actions = 200 if args.quick else 4000
    bench = Bench(args)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    try:
        bench.prepare()
        for number in range(args.runs):
            say(f"round {number + 1} of {args.runs}")
            bench.round()
        bench.run_soak()
        table = bench.table()
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)
    minutes = (time.perf_counter() - started) / 60
    print(table)
    print(
        f"\nMedians of {args.runs} interleaved run(s) on {os.cpu_count()} cores, offscreen; "
        f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
        f"{minutes:.1f} minutes. Python {sys.version.split()[0]}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
