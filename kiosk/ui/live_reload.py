"""Live reload: the kiosk shows what authors (or ``kiosk update``) change in its content
folder, without a restart and without pulling a page from under a reader.

- A ``QFileSystemWatcher`` watches every folder of the content (and a Hugo ``static/``
  folder beside it) for files that come and go, and every page file for changes in
  place. Folders made later are watched from the next reload on.
- When the folder has been quiet for a moment (``content_settle`` in the window's
  timers: 2 s), the content is read again in a thread of its own, through the index
  cache, so only the changed files are parsed. A page whose file is broken now is
  kept at its last good version (``core.last_good``); its error is listed in the
  staff menu.
- The new library is swapped in when the reader next changes screen, or at once on
  the home and attract screens, where nothing is being read. A reader whose page was
  deleted is taken home, with a short message, if they would otherwise stay on it.
  Built screens, rendered pages and history entries of deleted pages go with the old
  library; the check cache is keyed by each file's size and time, so it follows by
  itself.
- A kiosk that started from the first screen's record (core/start_index.py) reads
  its content the same way once it has painted (``catch_up``), watched or not.

The watcher was tried on Linux (inotify) with edits in place, saves that write a new
file and rename it over the old one (as most editors and git do), deletions, new
folders and ``git reset --hard``: each was seen (tests/unit/ui/test_live_reload.py).
One inotify watch is used per folder and per page file: the system's limit
(``fs.inotify.max_user_watches``) must be above that; the log says so if it is not.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QThread, QTimer, Signal

from kiosk.core import last_good, paths
from kiosk.core.last_good import LastGood
from kiosk.core.library import Library
from kiosk.core.model import Page
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.strings import tr
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

WATCH_AT_ONCE = 100  # paths added to the watcher in one turn of the event loop


@dataclass(frozen=True)
class Built:
    """What a reading of the content folder gave: the new library (None when only the
    paths were looked for), the pages held at their last good version, and the paths
    to watch from now on."""

    library: Library | None
    held: tuple[Page, ...]
    watch: tuple[str, ...]


def watched_paths(roots: paths.Roots) -> tuple[str, ...]:
    """Every folder of the content (and of ``static/``) and every page file in it;
    folders starting with "." (``.git``) are left out: nothing there is content."""
    found: list[str] = []
    for top in (roots.content, roots.static):
        if top is None or not top.is_dir():
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.append(folder)
            if top == roots.content:
                found.extend(f"{folder}{os.sep}{name}" for name in files if name.endswith(".md"))
    return tuple(found)


class BuildThread(QThread):
    """Runs ``task`` once off the UI thread; ``result`` holds what it made (None if it
    failed: the log says why). Watch ``finished``."""

    def __init__(self, task: Callable[[], Built]) -> None:
        super().__init__()
        self.task = task
        self.result: Built | None = None

    def run(self) -> None:
        try:
            self.result = self.task()
        except Exception:  # a bug must not take the kiosk down, nor stop later reloads
            log.exception("reading the changed content failed; the kiosk shows what it had")


class LiveReload(QObject):
    """Watches ``window``'s content folder and swaps in what ``load`` reads after a change.

    ``load`` reads the content folder (the same function staff's Reload uses);
    ``store`` keeps the last good copy of each page file; ``settle`` is the debounce
    timer (tests fire its ``timeout`` by hand).

    Signals:
        built(Library): a new library is ready; it waits for the next screen change.
        applied(Library): the window shows it now.
    """

    built = Signal(object)
    applied = Signal(object)

    def __init__(
        self,
        window: KioskWindow,
        load: Callable[[], Library],
        store: LastGood,
        settle: QTimer,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.load = load
        self.store = store
        self.settle = settle
        self.pending: Library | None = None
        # What ``pending`` may replace: the library shown when it was started, and the
        # one it was compared with (a pending one, shown meanwhile).
        self._replaces: tuple[Library, ...] = ()
        self._to_watch: list[str] = []  # added a few at a time: Qt takes long for many
        self._unwatchable: list[str] = []
        self._thread: BuildThread | None = None
        self._again = False  # the folder changed again while it was being read
        self._gone: str | None = None  # the page a reader was on, deleted by the last swap
        self.watching = True  # False: only ``catch_up``, no watcher (watch_content off)
        self._catching_up: BuildThread | None = None  # reading past a provisional start
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        settle.setSingleShot(True)
        settle.timeout.connect(self._settled)
        window.changing_screen.connect(self.apply_pending)
        window.live = self

    def read_now(self) -> Library:
        """The content folder read at once, on this thread, broken pages held as live
        reload holds them (for staff's "Reload content")."""
        self.pending = None
        new, _ = last_good.hold_broken(self.window.library, self.load(), self.store)
        return new

    # --- watching -----------------------------------------------------------------

    def start(self) -> None:
        """Make the last good copies of the library shown and start watching (off the UI
        thread; a large library has many files to look at)."""
        library, store = self.window.library, self.store

        def prepare() -> Built:
            store.refresh(library)
            return Built(None, (), watched_paths(library.roots))

        self._run(prepare)

    def catch_up(self) -> None:
        """Read the content folder now, off the UI thread, as a change would: for a
        window that started from the first screen as it was (``Library.provisional``,
        see core/start_index.py). What it reads is shown at once on home; a reader who
        taps or changes language before then waits for it (``apply_pending``)."""
        if self._thread is not None:
            self._again = True
            return
        self._settled(first=True)
        self._catching_up = self._thread

    def stop(self) -> None:
        """Stop watching, and wait for a reading under way (at exit)."""
        self.settle.stop()
        self._again = False
        self._to_watch.clear()
        paths_now = self.watcher.files() + self.watcher.directories()
        if paths_now:
            self.watcher.removePaths(paths_now)
        if self._thread is not None:
            self._thread.wait()

    def _changed(self, _path: str) -> None:
        self.settle.start()  # again: the folder must be quiet for the whole interval

    def _settled(self, first: bool = False) -> None:
        if self._thread is not None:
            self._again = True
            return
        base = self.window.library
        old, load, store = self.pending or base, self.load, self.store

        def build() -> Built:
            read = load()
            if first:  # what 'kiosk run' would have logged before showing anything
                for item in read.diagnostics:
                    log.warning("%s", item)
            new, held = last_good.hold_broken(old, read, store)
            store.refresh(new)
            new.related_index()  # here, not on the reader's first tap
            return Built(new, held, watched_paths(new.roots) if self.watching else ())

        self._replaces = (base, old)
        self._run(build)

    def _run(self, task: Callable[[], Built]) -> None:
        thread = BuildThread(task)
        thread.finished.connect(lambda: self._done(thread))
        self._thread = thread
        thread.start(QThread.Priority.LowPriority)

    def _done(self, thread: BuildThread) -> None:
        if thread is not self._thread:
            return
        self._thread = None
        if thread is self._catching_up:
            self._catching_up = None
        thread.wait()
        thread.deleteLater()
        result = thread.result
        if result is not None:
            self._watch(result.watch)
            if result.library is not None:
                self._ready(result.library, result.held)
        if self._again:
            self._again = False
            self._settled()

    def _watch(self, wanted: tuple[str, ...]) -> None:
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        keep = set(wanted)
        gone = [path for path in watched if path not in keep]
        if gone:
            self.watcher.removePaths(gone)
        adding = not self._to_watch
        self._to_watch = [path for path in wanted if path not in watched]
        if adding and self._to_watch:
            self._watch_some()

    def _watch_some(self) -> None:
        """Watch the next few paths, then let the event loop run: adding 20,000 paths
        at once keeps the UI thread for seconds (Qt's list of watched paths grows)."""
        some, self._to_watch = self._to_watch[:WATCH_AT_ONCE], self._to_watch[WATCH_AT_ONCE:]
        if some:
            self._unwatchable += [p for p in self.watcher.addPaths(some) if Path(p).exists()]
        if self._to_watch:
            QTimer.singleShot(0, self, self._watch_some)
            return
        failed, self._unwatchable = self._unwatchable, []
        if failed:
            log.warning(
                "live reload cannot watch %d content paths (first: %s); changes there "
                "show after 'Reload content' in the staff menu. Raise the system's limit: "
                "sysctl fs.inotify.max_user_watches=524288",
                len(failed),
                failed[0],
            )

    # --- swapping -----------------------------------------------------------------

    def _ready(self, library: Library, held: tuple[Page, ...]) -> None:
        self.pending = library
        for page in held:
            log.warning(
                "%s is broken: the kiosk shows its last good version until it is fixed",
                page.file,
            )
        self.built.emit(library)
        if self._nothing_read():
            self.apply_pending()

    def _nothing_read(self) -> bool:
        """On the attract screen, or on home with no staff screen open."""
        window = self.window
        if window.desk.is_open:
            return False
        if window.showing_attract:
            return True
        return window.current_id is None and isinstance(window.screen_widget, HomeScreen)

    def apply_pending(self) -> None:
        """Show the library read last, if any (the window calls this on every change of
        screen, before it builds the next one). Over a provisional start, the reading
        under way is waited for: no page is opened from the first screen's record."""
        catching_up = self._catching_up
        if (
            catching_up is not None
            and catching_up is self._thread
            and self.window.library.provisional
        ):
            catching_up.wait()
            self._done(catching_up)
        library, self.pending = self.pending, None
        window = self.window
        if library is None:
            return
        if not any(window.library is shown for shown in self._replaces):
            self.settle.start()  # staff reloaded meanwhile: read the folder again
            return
        attract = window.showing_attract
        front = window.screen_widget
        home = isinstance(front, HomeScreen) and self._nothing_read() and not attract
        scroll = front.verticalScrollBar().value() if isinstance(front, HomeScreen) else 0
        reading = window.current_id
        shown = getattr(front, "page", None)  # the version on screen, in its language
        shown_lang = shown.lang if isinstance(shown, Page) else None
        window.use_library(library)
        window.history[:] = [
            entry for entry in window.history if not entry or library.resolve(entry) is not None
        ]
        log.info(
            "content changed: now %d pages in %d languages",
            len(library.ids),
            len(library.languages),
        )
        if attract:
            window.show_home()
            window.show_attract()
        elif home:
            window.show_home()
            front = window.screen_widget
            if isinstance(front, HomeScreen):
                front.verticalScrollBar().setValue(scroll)  # as far down as it still goes
        elif reading is not None and not _still_there(library, reading, shown_lang):
            # After the screen change under way: where it leaves the reader decides.
            self._gone = reading
            QTimer.singleShot(0, self, self._leave_if_gone)
        self.applied.emit(library)

    def _leave_if_gone(self) -> None:
        """The reader is still on a page that was deleted: home, saying why."""
        gone, self._gone = self._gone, None
        window = self.window
        if gone is None or window.current_id != gone:
            return
        window.history.clear()
        staff = window.desk.screen
        window.show_home()
        if staff is not None:  # staff opened their menu over it: keep it in front
            window.stack.setCurrentWidget(staff)
        else:
            window.toast.say(tr("page_removed", window.lang))


def _still_there(library: Library, page_id: str, lang: str | None) -> bool:
    """Whether the page read, in the language it was read in, is still in ``library``.

    Another language's version is not the page the reader had: the library would
    show it in place of the deleted one, under a top bar in the reader's language.
    """
    found = library.resolve(page_id)
    if found is None or lang is None:
        return found is not None
    page = library.get(found, lang)
    return page is not None and page.lang == lang


def watch(window: KioskWindow, load: Callable[[], Library]) -> LiveReload:
    """Live reload for ``window``, with last good copies in the platform's cache folder."""
    content = window.library.roots.content
    store = LastGood(last_good.default_path(content), content)
    return LiveReload(window, load, store, window.timers.content_settle)
