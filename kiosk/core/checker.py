"""Check every page of a library: render each one and gather what it found.

``kiosk check`` and the staff menu use this. Rendering is most of the cost, so:

- each page's findings are kept between runs (``check_cache``): only pages whose
  file changed, or whose links or pictures now get other answers, are rendered;
- what is left is rendered on every core when there is a lot of it (processes
  forked from this one, which already holds the library; only where forking is
  safe: a process with one thread, on a system that forks);
- the checks across pages (translations of the same shape, guide recordings)
  are then done in one pass over the findings (``Library.conclude``).

The result does not depend on any of this: it is sorted as ``kiosk check`` prints it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kiosk.core.check_cache import CheckCache, Facts, Recorder, Shape, shape
from kiosk.core.diagnostics import Diagnostic
from kiosk.core.library import Library
from kiosk.core.model import Page

PARALLEL_FROM = 200
"""Pages to render before it pays to start processes for them."""
CHUNK = 32  # pages per task sent to a process
REPORT_EVERY = 0.1  # seconds between two reports of progress

Found = Callable[[tuple[Diagnostic, ...], int, int], None]
"""Told, as a check goes, the new diagnostics, the pages checked so far and how many there are."""


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check(
    library: Library,
    cache: CheckCache | None = None,
    *,
    jobs: int = 1,
    found: Found | None = None,
    cancelled: Callable[[], bool] | None = None,
    parallel_from: int = PARALLEL_FROM,
) -> tuple[Diagnostic, ...] | None:
    """Every diagnostic of ``library`` (as ``Library.check_all``), or None if
    ``cancelled`` said so before the end. ``jobs`` processes render what the cache
    does not hold, if there are at least ``parallel_from`` such pages; ``found``
    hears of each page's diagnostics as they come (in no promised order)."""
    stop = cancelled or (lambda: False)
    pages = library.pages
    total = len(pages)
    facts: dict[tuple[str, str], Facts] = {}
    keys: dict[tuple[str, str], tuple[str, Shape]] = {}
    todo: list[Page] = []
    news: list[Diagnostic] = []
    last = time.monotonic()

    def tell(force: bool = False) -> None:
        nonlocal last
        if found is not None and (force or time.monotonic() - last >= REPORT_EVERY):
            found(tuple(news), len(facts), total)
            news.clear()
            last = time.monotonic()

    for page in pages:
        if stop():
            _stopped(cache)
            return None
        known = library.facts(page)
        if known is None and cache is not None:
            name, key = _key(page, library)
            if key is not None:
                keys[page.key] = (name, key)
                known = cache.get(name, key, library.site)
        if known is None:
            todo.append(page)
            continue
        facts[page.key] = known
        news.extend(known.diagnostics)
        tell()
    tell(force=True)
    for page, page_facts in _render(library, todo, jobs, parallel_from, stop):
        facts[page.key] = page_facts
        kept = keys.get(page.key)
        if cache is not None and kept is not None:
            cache.put(*kept, page_facts)
        news.extend(page_facts.diagnostics)
        tell()
    if stop():
        _stopped(cache)
        return None
    tell(force=True)
    if cache is not None:
        cache.save()
    library.remember(facts)
    return library.conclude(facts)


def _stopped(cache: CheckCache | None) -> None:
    """A check cut short: what it found so far still saves the next one time."""
    if cache is not None:
        cache.save(complete=False)


def _key(page: Page, library: Library) -> tuple[str, Shape | None]:
    """The page's name in the cache and what its findings are kept by (None: the file
    cannot be looked at, so its findings are not kept)."""
    try:
        name = page.file.relative_to(library.roots.content).as_posix()
    except ValueError:
        name = str(page.file)
    try:
        return name, shape(page, page.file.stat())
    except OSError:
        return name, None


def facts_of(library: Library, page: Page) -> Facts:
    """Render ``page`` now, noting what it asked of the library."""
    recorder = Recorder(library.site)
    rendered = library.render_fresh(page, recorder.site)
    return Facts(rendered.diagnostics, rendered.outline, len(rendered.steps), recorder.asked)


def _render(
    library: Library,
    pages: Sequence[Page],
    jobs: int,
    parallel_from: int,
    stop: Callable[[], bool],
) -> Iterator[tuple[Page, Facts]]:
    if jobs > 1 and len(pages) >= parallel_from and _can_fork():
        yield from _in_processes(library, pages, jobs, stop)
        return
    for page in pages:
        if stop():
            return
        yield page, facts_of(library, page)


def _can_fork() -> bool:
    """Forking copies only the calling thread: safe in a process with no other thread."""
    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform != "linux":
        return False
    if threading.active_count() > 1:
        return False
    try:  # threads Python does not know of, such as Qt's
        return sum(1 for _ in Path("/proc/self/task").iterdir()) == 1
    except OSError:
        return False


_library: Library | None = None  # what forked workers render from
_pages: Sequence[Page] = ()


def _work(indices: list[int]) -> list[tuple[int, Facts]]:
    assert _library is not None
    return [(index, facts_of(_library, _pages[index])) for index in indices]


def _in_processes(
    library: Library, pages: Sequence[Page], jobs: int, stop: Callable[[], bool]
) -> Iterator[tuple[Page, Facts]]:
    global _library, _pages
    _library, _pages = library, pages
    chunks = [list(range(i, min(i + CHUNK, len(pages)))) for i in range(0, len(pages), CHUNK)]
    gc.freeze()  # the workers share the library's pages, unless collection touches them
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        for results in pool.map(_work, chunks):
            for index, page_facts in results:
                yield pages[index], page_facts
            if stop():
                break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
        _library, _pages = None, ()
