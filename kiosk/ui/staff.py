"""The staff side of the kiosk: the PIN pad, the staff menu and its content check.

The window owns the screens a reader sees; this desk owns the ones staff see,
in front of them on the window's outer stack, and what they start: the check
that fills the menu's problem list off the UI thread, a reload of the content,
leaving the kiosk. The window opens the desk when the corner gesture asks for it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import QObject, QTimer

from kiosk.core import check_cache, review, update_state
from kiosk.core.diagnostics import Diagnostic, sort_key
from kiosk.core.pin import Lockout
from kiosk.core.session_records import Record
from kiosk.core.sessions import Session
from kiosk.ui.strings import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.check_worker import CheckThread
    from kiosk.ui.cleaning import CleaningMode
    from kiosk.ui.screens.admin import AdminScreen
    from kiosk.ui.window import KioskWindow

# The pages read most in the last N days: (page id, views), most first.
MostRead = Callable[[int], Sequence[tuple[str, int]]]

log = logging.getLogger(__name__)


def _is_admin(widget: object) -> TypeGuard[AdminScreen]:
    # By name: the admin module is imported only when the menu is first opened.
    kind = type(widget)
    return kind.__name__ == "AdminScreen" and kind.__module__ == "kiosk.ui.screens.admin"


def counted_reading(days: int) -> Sequence[tuple[str, int]]:
    """The most-read pages from the kiosk's usage statistics (``kiosk.core.stats``),
    or none while this kiosk has no statistics to read them from."""
    try:
        stats: Any = importlib.import_module("kiosk.core.stats")
    except ImportError:
        return []
    most_read = getattr(stats, "most_read", None)
    return list(most_read(days)) if most_read is not None else []


def _load_records() -> list[Record]:
    from kiosk.core import session_records

    return session_records.load_all()


class StaffDesk(QObject):
    """The PIN pad and the staff panel of one window, and the cleaning mode.

    What the panel shows comes from attributes a test (or the app) may replace:
    ``most_read(days)``, ``last_update()``, ``today()``, and ``sessions``, the
    nurses' sessions that can be started (None: the library's; with none, the
    panel offers no "Start a session"). "Start a session" lists them, each with a
    button per language; the one chosen starts at once.
    """

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.most_read: MostRead = counted_reading
        self.last_update: Callable[[], update_state.UpdateResult | None] = update_state.load
        self.today: Callable[[], dt.date] = dt.date.today
        self.sessions: Sequence[Session] | None = None
        self.records: Callable[[], list[Record]] = _load_records
        self.lang: str | None = None  # the panel's language while open; else the reader's
        self.cleaning: CleaningMode | None = None
        config = window.config
        self.lockout = Lockout(
            config.pin_hash, config.pin_attempts, config.pin_lockout_seconds, window.clock
        )
        self.screen: QWidget | None = None  # the PIN pad or the menu, while one is open
        # Where the menu's check keeps its findings between runs (None: nowhere).
        self.check_cache: Path | None = check_cache.default_path(window.library.roots.content)
        self.check: CheckThread | None = None
        self._log_check = False

    @property
    def is_open(self) -> bool:
        return self.screen is not None

    def open(self) -> None:
        """The PIN pad if a PIN is set, else the menu at once."""
        window = self.window
        if window.config.pin_hash:
            from kiosk.ui.widgets.pinpad import PinPad

            pad = PinPad(self.lockout, window.theme, window.timers.new_pin_tick())
            pad.setObjectName("Screen")
            pad.accepted.connect(self.show_menu)
            pad.cancelled.connect(self.close)
            self._put(pad)
        else:
            self.show_menu()

    def show_menu(self, notice: str = "", lang: str | None = None) -> None:
        """The staff panel, at once, with the problems known so far; a check off the UI
        thread fills in the rest (``check_cache`` keeps its findings between runs).

        In ``lang``, else in the language it was in, else in the reader's."""
        from kiosk.ui.screens.admin import AdminScreen
        from kiosk.ui.screens.panel_status import ContentFacts

        window = self.window
        lang = lang or self.lang or window.lang
        library = window.library
        pin_set = bool(window.config.pin_hash)
        checking = not library.checked
        facts = ContentFacts(
            pages=len(library.ids),
            languages=len(library.languages),
            past_review=len(review.overdue(library.pages, self.today())),
        )
        admin = AdminScreen(
            window.runtime_problems,
            pin_set,
            window.theme,
            can_exit=pin_set or not window.kiosk_mode,
            notice=notice,
            checking=checking,
            lang=lang,
            languages=window.config.languages,
            facts=facts,
            last_update=self.last_update(),
            reading=lambda days: self._reading(days, lang),
            sessions=bool(self._sessions()),
            landscape=window.width() >= window.height(),
        )
        admin.add_problems(self._keyed(library.known()))
        admin.closed.connect(self.close)
        admin.reload_requested.connect(self.reload)
        admin.exit_requested.connect(window.request_exit)
        admin.cleaning_requested.connect(self.start_cleaning)
        admin.session_requested.connect(self.show_sessions)
        admin.language_chosen.connect(lambda code: self.show_menu(lang=code))
        self._put(admin)
        self.lang = lang
        if checking:
            self._start_check()

    def _sessions(self) -> Sequence[Session]:
        return self.window.library.sessions if self.sessions is None else self.sessions

    def show_sessions(self) -> None:
        """Every session, to start one in the language the room will hear."""
        from kiosk.ui.screens.session_picker import SessionPicker

        window = self.window
        lang = self.lang or window.lang
        picker = SessionPicker(
            self._sessions(), window.config.languages, window.theme, lang, self._records()
        )
        picker.closed.connect(lambda: self.show_menu(lang=lang))
        picker.chosen.connect(self._start_session)
        self._put(picker)
        self.lang = lang

    def _records(self) -> list[Record] | None:
        """The sessions held here (None: their file cannot be read; the log says why)."""
        from kiosk.core import session_records

        try:
            return self.records()
        except session_records.RecordsError as exc:
            log.warning("the session records cannot be read: %s", exc)
            return None

    def _start_session(self, session_id: str, lang: str) -> None:
        self.close()
        if not self.window.start_session(session_id, lang):
            self.show_menu(lang=self.lang)

    def close(self) -> None:
        """Back to what the reader saw."""
        self.drop()
        self.window.stack.setCurrentWidget(self.window.main)

    def drop(self) -> None:
        """Take the staff screen away, if any, and stop its check and any cleaning."""
        self.end_check()
        if self.cleaning is not None:
            self.cleaning.stop()
        self.lang = None
        if self.screen is not None:
            self.window.stack.removeWidget(self.screen)
            self.screen.deleteLater()
            self.screen = None

    def reload(self) -> None:
        """Read the content folder again, then the menu again with what it found."""
        window = self.window
        library = window.read_content()
        if library is not None:
            self.end_check()
            window.use_library(library)
            log.info(
                "content reloaded by staff: %d pages in %d languages",
                len(library.ids),
                len(library.languages),
            )
            self._log_check = True  # every problem, once the menu's check has found them
        window.history.clear()
        window.show_home()
        pages, langs = len(window.library.ids), len(window.library.languages)
        lang = self.lang or window.lang
        self.show_menu(tr("panel_reloaded", lang).format(pages=pages, langs=langs), lang)

    # --- what the panel shows and starts ------------------------------------------

    def _reading(self, days: int, lang: str) -> list[tuple[str, int]] | None:
        """The most-read pages by title in ``lang``; None if they could not be read."""
        try:
            counted = self.most_read(days)
        except Exception:
            log.exception("the staff panel could not read the reading counts")
            return None
        library = self.window.library
        rows = []
        for page_id, views in counted:
            page = library.get(page_id, lang)
            rows.append((page.title if page is not None else page_id, views))
        return rows

    def start_cleaning(self) -> None:
        """Ignore every touch for ``cleaning_seconds`` while staff wipe the screen."""
        from kiosk.ui.cleaning import CleaningMode

        window = self.window
        if self.cleaning is not None:
            return
        seconds = round(window.config.cleaning_seconds)
        self.cleaning = CleaningMode(window, seconds, window.timers.cleaning_tick, window.theme)
        self.cleaning.finished.connect(self._cleaning_done)
        window.timers.idle.stop()  # an idle reset must not end it early
        log.info("screen cleaning: touches ignored for %d s", self.cleaning.seconds)
        self.cleaning.start()

    def _cleaning_done(self) -> None:
        self.cleaning = None
        if self.window.kiosk_mode:
            self.window.timers.idle.start()  # the panel's idle time, from now

    # --- the check that fills the menu ----------------------------------------------

    def _keyed(self, found: Iterable[Diagnostic]) -> list[tuple[Any, str]]:
        root = self.window.library.roots.content  # "weaning/x.en.md:12: ...", not /home/...
        return [(sort_key(d), d.within(root)) for d in found]

    def _start_check(self) -> None:
        from kiosk.ui.check_worker import CheckThread  # the checker: only once the menu opens

        self.end_check()
        thread = CheckThread(self.window.library, self.check_cache)
        thread.found.connect(self._check_found)
        thread.done.connect(self._check_done)
        self.check = thread
        # Once the menu is on screen: the check's first moments must not delay it.
        QTimer.singleShot(0, self, lambda: self._begin_check(thread))

    def _begin_check(self, thread: CheckThread) -> None:
        if thread is self.check and not thread.isRunning():
            thread.begin()

    def end_check(self) -> None:
        """Stop the check under way, if any (the menu closed, or the content changed)."""
        if self.check is not None:
            self.check.end()
            self.check = None

    def _check_found(
        self, thread: CheckThread, found: tuple[Diagnostic, ...], checked: int, total: int
    ) -> None:
        if thread is self.check and _is_admin(self.screen):
            self.screen.add_problems(self._keyed(found))
            self.screen.show_progress(checked, total)

    def _check_done(self, thread: CheckThread, found: tuple[Diagnostic, ...]) -> None:
        if thread is not self.check:
            return
        if _is_admin(self.screen):
            self.screen.add_problems(self._keyed(found))
            self.screen.check_done()
        if self._log_check:
            self._log_check = False
            log.info("content checked: %d problems", len(found))
            for item in found:
                log.warning("%s", item)
        self.end_check()

    def _put(self, screen: QWidget) -> None:
        window = self.window
        window.read_aloud.stop()
        self.drop()
        self.screen = screen
        window.stack.addWidget(screen)
        window.stack.setCurrentWidget(screen)
