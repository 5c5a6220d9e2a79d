"""The kiosk window: top bar over the current screen, plus attract and staff screens.

It owns what one visitor changes (language, text size, history) and forgets all of
it when the kiosk has been idle. Views get what they show through their
constructors; this window connects their signals.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core import share
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.model import GUIDE, Page
from kiosk.core.pin import Lockout
from kiosk.core.stats import Usage
from kiosk.ui.admin_gesture import AdminGesture
from kiosk.ui.guard import guarded
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.kinetic import KineticScrolling
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.screen_cache import ScreenCache
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.scrolling import ScrollingScreen
from kiosk.ui.speech.service import ReadAloud
from kiosk.ui.staff import StaffDesk
from kiosk.ui.strings import tr
from kiosk.ui.theme import HIGH, STANDARD, Theme
from kiosk.ui.topbar import TopBar
from kiosk.ui.widgets.toast import Toast

if TYPE_CHECKING:
    from kiosk.ui.live_reload import LiveReload
    from kiosk.ui.opening_hours import OpeningHoursWatch
    from kiosk.ui.presenter.mode import PresenterMode
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.check import CheckScreen
    from kiosk.ui.screens.guide import GuideScreen

# Only home is imported with the window: the other screens (article, guide, check,
# attract, admin, the PIN pad) are imported where they are first built, so the first
# frame does not wait for modules it does not show.

log = logging.getLogger(__name__)


def give_back_memory() -> bool:
    from kiosk.memory import give_back  # ctypes: not needed for the first frame

    return give_back()


def _is_a(widget: object, module: str, name: str) -> bool:
    """``isinstance(widget, module.name)`` without importing ``module``: while it is
    not imported, no such screen has been built."""
    loaded: Any = sys.modules.get(module)
    return loaded is not None and isinstance(widget, getattr(loaded, name))


def _is_check(widget: object) -> TypeGuard[CheckScreen]:
    return _is_a(widget, "kiosk.ui.screens.check", "CheckScreen")


def _is_guide(widget: object) -> TypeGuard[GuideScreen]:
    return _is_a(widget, "kiosk.ui.screens.guide", "GuideScreen")


# A− and A+ step through these: up to double size, for readers who see poorly.
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


def _single_shot(ms: int) -> QTimer:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setInterval(ms)
    return timer


def _repeating(ms: int) -> QTimer:
    timer = QTimer()
    timer.setInterval(ms)
    return timer


@dataclass
class Timers:
    """Every timer the kiosk runs; tests make their own and fire ``timeout`` by hand.

    Each carousel gets a timer of its own from ``new_carousel_timer``: a shared one
    would be stopped by the carousel that is leaving just as the next one starts it.
    Each PIN pad likewise gets its countdown's tick from ``new_pin_tick``.
    """

    idle: QTimer
    attract_rotate: QTimer
    attract_shift: QTimer
    admin_hold: QTimer
    carousel_ms: int
    pin_tick_ms: int = 1000  # the PIN pad's lockout countdown
    # A kiosk window hidden by the desktop (a keyboard shortcut) comes back after this.
    come_back: QTimer = field(default_factory=lambda: _single_shot(1000))
    # How long a short message ("no English version") stays on screen.
    toast: QTimer = field(default_factory=lambda: _single_shot(4000))
    # Live reload: the content folder must be quiet this long before it is read again.
    content_settle: QTimer = field(default_factory=lambda: _single_shot(2000))
    # The screen-cleaning countdown's tick, and the opening-hours check.
    cleaning_tick: QTimer = field(default_factory=lambda: _repeating(1000))
    hours_check: QTimer = field(default_factory=lambda: _repeating(60_000))
    # Presenter mode: the presenter view's clocks, and its pictures drawn after a move.
    presenter_tick: QTimer = field(default_factory=lambda: _repeating(1000))
    presenter_preview: QTimer = field(default_factory=lambda: _single_shot(250))

    def new_carousel_timer(self) -> QTimer:
        timer = QTimer()
        timer.setInterval(self.carousel_ms)
        return timer

    def new_pin_tick(self) -> QTimer:
        timer = QTimer()
        timer.setInterval(self.pin_tick_ms)
        return timer

    @classmethod
    def from_config(cls, config: Config, parent: QObject | None = None) -> Timers:
        def timer(seconds: float) -> QTimer:
            made = QTimer(parent)
            made.setInterval(round(seconds * 1000))
            return made

        return cls(
            idle=timer(config.idle_timeout),
            attract_rotate=timer(config.attract_interval),
            attract_shift=timer(60),
            admin_hold=timer(config.admin_hold_seconds),
            carousel_ms=round(config.carousel_interval * 1000),
        )


@guarded
class KioskWindow(QWidget):
    """Signals:
    exit_requested(): staff chose "Exit kiosk".
    changing_screen(): the reader (or staff) is about to go to another screen; live
        reload swaps in new content then, never under a reader's finger.
    """

    exit_requested = Signal()
    changing_screen = Signal()

    def __init__(
        self,
        library: Library,
        config: Config,
        theme: Theme,
        *,
        timers: Timers,
        kiosk_mode: bool = True,
        reload: Callable[[], Library] | None = None,
        clock: Callable[[], float] = time.monotonic,
        lang: str | None = None,
        stats: Usage | None = None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAcceptDrops(False)
        self.library, self.config, self.theme, self.timers = library, config, theme, timers
        self.kiosk_mode = kiosk_mode
        self.keep_on_screen = False  # set by whoever shows the window fullscreen as a kiosk
        self._watching = False
        timers.come_back.timeout.connect(self._come_back_if_hidden)
        self._reload = reload
        self._closing = False
        self.lang = lang or config.default_language
        self.text_scale = 1.0
        self.look = config.theme  # "standard" or "high-contrast"
        self._bar_look: tuple[str, str] | None = None  # the top bar's language and look
        self.history: list[str] = []
        self.current_id: str | None = None
        self.runtime_problems: list[str] = []
        self.live: LiveReload | None = None  # set where the content folder is watched
        library.keep_rendered = config.rendered_pages_kept
        self.clock = clock
        self.stats = stats if stats is not None else Usage()  # anonymous counts; default: none

        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.main = QWidget()
        main_layout = QVBoxLayout(self.main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.setSpacing(0)
        self.topbar = TopBar(
            config.languages, theme, TEXT_SCALES, contrast_switch=config.theme == STANDARD
        )
        self.topbar.home.connect(self.go_home)
        self.topbar.back.connect(self.go_back)
        self.topbar.smaller.connect(self.smaller_text)
        self.topbar.larger.connect(self.larger_text)
        self.topbar.contrast.connect(self.toggle_contrast)
        self.topbar.language.connect(self.set_language)
        main_layout.addWidget(self.topbar)
        self.toast = Toast(self.main, timers.toast)
        self.content = QStackedWidget()
        main_layout.addWidget(self.content, 1)
        self.screens = ScreenCache(self.content, config.screens_kept)
        self.read_aloud = ReadAloud(
            config.read_aloud,
            config.speech_engine,
            config.speech_voices,
            self,
            languages=config.languages,
        )
        self.read_aloud.started.connect(
            lambda lang, means: self.stats.read_aloud(self._page_in_front() or "", lang, means)
        )
        self.stack.addWidget(self.main)
        self.attract: AttractScreen | None = None
        self.desk = StaffDesk(self)
        self.presenter: PresenterMode | None = None  # a nurse's session, while one runs

        self.kinetic = KineticScrolling(self)
        self.lockdown = Lockdown(self)
        self.lockdown.enabled = kiosk_mode
        self.idle = IdleWatcher(timers.idle, self)
        timers.idle.timeout.connect(self.reset)
        self.gesture = AdminGesture(
            self._in_corner,
            timers.admin_hold,
            config.admin_taps,
            config.admin_taps_seconds,
            clock,
            self,
        )
        self.gesture.triggered.connect(self.open_staff)
        # Application-wide, from the next turn of the event loop: the first object of a
        # class private to Qt (a scroll area's bar container) that a Python filter sees
        # makes PySide create every enum of its modules (25 ms), which the first frame
        # need not wait for. Nobody can touch a window that is not painted yet.
        QTimer.singleShot(0, self, self._filter_events)
        self.show_home()
        if kiosk_mode:
            timers.idle.start()
        # Outside opening hours the screen sleeps (kiosk/ui/opening_hours.py).
        self.opening_hours: OpeningHoursWatch | None = None
        hours = config.hours
        if kiosk_mode and hours is not None:
            from kiosk.ui.opening_hours import OpeningHoursWatch

            self.opening_hours = OpeningHoursWatch.for_window(self, hours, now)

    # --- what is on screen ------------------------------------------------------

    @property
    def screen_widget(self) -> QWidget:
        """The screen in front: home, an article, attract or a staff screen."""
        front = self.stack.currentWidget()
        if front is self.main:
            front = self.content.currentWidget()
        assert front is not None
        return front

    def _show(self, screen: QWidget, title: str = "") -> None:
        self.read_aloud.stop()  # on every change of screen, language or text size, and reset
        old = self.content.currentWidget()
        if self.content.indexOf(screen) < 0:
            self.content.addWidget(screen)
        self.content.setCurrentWidget(screen)
        if old is not None and old is not screen and not self.screens.holds(old):
            self.content.removeWidget(old)
            old.deleteLater()
        self.stack.setCurrentWidget(self.main)
        self._show_bar(title)

    def _show_bar(self, title: str) -> None:
        bar_theme = self.theme.with_look(self.look).for_language(self.lang)
        if self._bar_look != (self.lang, self.look):
            # The bar's words in the fonts of the visitor's language, in their contrast.
            self._bar_look = (self.lang, self.look)
            self.topbar.setStyleSheet(bar_theme.style_sheet())
        self.topbar.show_state(self.lang, bool(self.history), title, self.text_scale, bar_theme)

    def _content_theme(self, lang: str) -> Theme:
        """The theme a screen in ``lang`` is built with: the visitor's text size and look."""
        return self.theme.with_text_scale(self.text_scale).with_look(self.look).for_language(lang)

    # --- navigation ---------------------------------------------------------------

    def show_home(self, keep_scroll: bool = False) -> None:
        self.changing_screen.emit()
        self.current_id = None
        key = ("home", self.lang, self.text_scale, self.look)
        home = self.screens.get(key)
        if not isinstance(home, HomeScreen):
            home = HomeScreen(
                self.library, self.config, self.lang, self._content_theme(self.lang), self.content
            )
            home.open_page.connect(self.open_page)
            home.language_chosen.connect(self.set_language)
            self.screens.put(key, home)
        elif not keep_scroll:
            home.verticalScrollBar().setValue(0)
        self._show(home)

    def open_page(self, page_id: str, remember: bool = True, keep_scroll: bool = False) -> bool:
        """Show a page in the current language; False if there is no such page.

        A page seen a moment ago is shown again as it was built (at the top, or
        where the reader left it when ``keep_scroll``, as Back does).
        """
        self.changing_screen.emit()
        page = self.library.get(page_id, self.lang)
        if page is None:
            why = self.library.hidden_reason(page_id)  # a draft, or out of its dates
            log.warning("no page '%s'%s", page_id, f": it {why}" if why else "")
            return False
        if remember and self.current_id != page_id:
            self.history.append(self.current_id or "")
        if remember:  # opened, not come back to nor shown again in another language
            self.stats.page_opened(page.id, page.lang)
        self.current_id = page.id
        key = ("page", page.id, page.lang, self.text_scale, self.look)
        screen = self.screens.get(key)
        if screen is None:
            screen = self._build_page(page)
            self.screens.put(key, screen)
        elif _is_a(screen, "kiosk.ui.screens.article", "ArticleScreen") and not keep_scroll:
            assert isinstance(screen, ScrollingScreen)
            screen.verticalScrollBar().setValue(0)
        elif _is_guide(screen) and not keep_scroll:
            screen.go_to(0)
        self._show(screen, page.title)
        screen.setFocus()  # a guide takes the arrow and Page keys of a clicker
        return True

    def _build_page(self, page: Page) -> QWidget:
        from kiosk.ui.screens.article import ArticleScreen
        from kiosk.ui.screens.guide import GuideScreen

        theme, timer = self._content_theme(page.lang), self.timers.new_carousel_timer()
        url = share.address(page, self.config.share_base_url)
        if page.type == GUIDE:
            try:
                guide = GuideScreen(
                    self.library, page, theme, timer, self.content, self.read_aloud, share_url=url
                )
            except Exception as exc:  # fall back to the article view, which says so
                log.exception("guide %s could not be shown as steps", page.id)
                self.runtime_problems.append(f"{page.file}:1: error: guide failed: {exc}")
            else:
                guide.open_page.connect(self.open_page)
                guide.check_requested.connect(lambda: self.open_check(page))
                guide.step_changed.connect(self.read_aloud.stop)
                steps = len(guide.steps)
                guide.step_changed.connect(
                    lambda n: self.stats.guide_step(page.id, page.lang, n, steps)
                )
                return guide
        article = ArticleScreen(
            self.library, page, theme, timer, self.content, self.read_aloud, share_url=url
        )
        article.open_page.connect(self.open_page)
        article.failed.connect(self.runtime_problems.append)
        article.check_requested.connect(lambda: self.open_check(page))
        return article

    def open_check(self, page: Page) -> None:
        """Check your understanding of ``page``; done, the reader returns to it."""
        self.changing_screen.emit()
        now = self.library.get(page.id, page.lang)  # the content may be new by now
        if now is None or not now.questions:
            return
        page = now
        from kiosk.ui.screens.check import CheckScreen

        self.history.append(page.id)
        check = CheckScreen(page, self._content_theme(page.lang), self.content, self.read_aloud)
        check.finished.connect(self.go_back)
        check.answered.connect(
            lambda n, right: self.stats.check_answered(page.id, page.lang, n + 1, right)
        )
        self._show(check, page.title)

    def go_home(self) -> None:
        self.history.clear()
        self.show_home()

    def go_back(self) -> None:
        self.changing_screen.emit()  # first: new content may drop history entries
        if not self.history:
            return
        previous = self.history.pop()
        if previous:
            self.open_page(previous, remember=False, keep_scroll=True)
        else:
            self.show_home(keep_scroll=True)

    def set_language(self, code: str) -> None:
        """Show everything in ``code``, the visitor staying where they are.

        A page with no version in that language stays as it is, and a toast
        says so in the language asked for.
        """
        if code == self.lang or code not in self.config.languages:
            self._show_bar(self.topbar.title.text())
            return
        page_id = self._page_in_front()
        shown = self.library.get(page_id, code) if page_id else None
        if shown is not None and shown.lang != code:  # no translation: get() falls back
            self._show_bar(self.topbar.title.text())
            self.toast.say(tr("no_translation", code))
            return
        self.lang = code
        self._refresh()

    def _page_in_front(self) -> str | None:
        front = self.content.currentWidget()
        if _is_check(front):
            return front.page.id
        return self.current_id

    def smaller_text(self) -> None:
        self._step_text_size(-1)

    def larger_text(self) -> None:
        self._step_text_size(+1)

    def _step_text_size(self, step: int) -> None:
        index = TEXT_SCALES.index(self.text_scale) if self.text_scale in TEXT_SCALES else 0
        index = min(max(index + step, 0), len(TEXT_SCALES) - 1)
        if TEXT_SCALES[index] != self.text_scale:
            self.set_text_scale(TEXT_SCALES[index])

    def toggle_contrast(self) -> None:
        self.set_look(STANDARD if self.look == HIGH else HIGH)

    def set_look(self, look: str) -> None:
        """Show the screen in front, and all after it, in the standard or high-contrast look."""
        self.theme.with_look(look)  # raises for an unknown look
        self.look = look
        self._refresh()

    def set_text_scale(self, scale: float) -> None:
        """Show text at ``scale`` (one of TEXT_SCALES) on the screen in front and after."""
        if scale not in TEXT_SCALES:
            raise ValueError(f"text scale {scale} is not one of {TEXT_SCALES}")
        self.text_scale = scale
        self._refresh()

    def _refresh(self) -> None:
        """Show the screen in front again in the current language and text size,
        with the visitor where they were: on the same guide step, or the same
        question of a check with their answers so far."""
        before = self.content.currentWidget()
        if _is_check(before):
            page = self.library.get(before.page.id, self.lang)
            if page is not None and len(page.questions) == len(before.questions):
                if self.history and self.history[-1] == page.id:
                    self.history.pop()  # open_check remembers the page again
                self.open_check(page)
                check = self.content.currentWidget()
                assert _is_check(check)
                check.replay(before.answers, before.showing_feedback)
                return
        if self.current_id:
            self.open_page(self.current_id, remember=False)
        else:
            self.show_home()
        after = self.content.currentWidget()
        if _is_guide(before) and _is_guide(after):
            after.go_to(before.index, animate=False)
        if isinstance(before, ScrollingScreen) and isinstance(after, ScrollingScreen):
            after.keep_place(before.reading_place)

    # --- idle and attract -------------------------------------------------------------

    def reset(self) -> None:
        """Forget the last visitor entirely and show the attract screen."""
        if not self.showing_attract:  # someone was here (an empty kiosk is not counted)
            self.stats.idle_reset()
        self.end_session()
        self.read_aloud.prepare()  # a speech engine that failed a while ago is tried again
        self.lang = self.config.default_language
        self.text_scale = 1.0
        self.look = self.config.theme
        self.toast.hide()
        self.history.clear()
        self.screens.clear()
        self.show_home()
        self.desk.drop()
        self.show_attract()
        if self.isVisible():
            self.come_back()  # in case a keyboard hid it behind the desktop
        # What the last visitor opened goes once its widgets are deleted; then the
        # memory it used goes back to the system.
        QTimer.singleShot(0, give_back_memory)

    def show_attract(self) -> None:
        if self.attract is None:
            from kiosk.ui.screens.attract import AttractScreen

            # The first pages, each in every language in turn: a card for every reader.
            by_language = [self.library.in_language(code) for code in self.config.languages]
            turns = itertools.zip_longest(*by_language)
            featured = [page for pages in turns for page in pages if page is not None]
            self.attract = AttractScreen(
                featured[:8],
                self.config,
                self.theme,
                self.timers.attract_rotate,
                self.timers.attract_shift,
            )
            self.attract.touched.connect(self.leave_attract)
            self.attract.page_chosen.connect(self._open_from_attract)
            self.stack.addWidget(self.attract)
        self.stack.setCurrentWidget(self.attract)
        self.timers.attract_rotate.start()
        self.timers.attract_shift.start()

    @property
    def showing_attract(self) -> bool:
        return self.attract is not None and self.stack.currentWidget() is self.attract

    def leave_attract(self) -> None:
        self.timers.attract_rotate.stop()
        self.timers.attract_shift.stop()
        self.stack.setCurrentWidget(self.main)
        if self.kiosk_mode:
            self.timers.idle.start()

    def _open_from_attract(self, page_id: str, lang: str) -> None:
        """The featured card was tapped: its page, in its language, with home behind it."""
        self.leave_attract()
        if lang != self.lang:
            self.set_language(lang)
        self.open_page(page_id)

    # --- staff ------------------------------------------------------------------------

    def _in_corner(self, global_pos: QPoint) -> bool:
        local = self.mapFromGlobal(global_pos)
        size = self.theme.sizes.bar_height
        return 0 <= local.x() < size and 0 <= local.y() < size

    def open_staff(self) -> None:
        self.changing_screen.emit()
        self.end_session()  # in kiosk mode the staff gesture is how a session ends
        self.desk.open()

    def show_admin(self, notice: str = "") -> None:
        self.desk.show_menu(notice)

    def close_staff(self) -> None:
        self.desk.close()

    def reload_content(self) -> None:
        self.desk.reload()

    @property
    def staff(self) -> QWidget | None:
        """The PIN pad or the staff menu, while one is open."""
        return self.desk.screen

    @property
    def lockout(self) -> Lockout:
        return self.desk.lockout

    def read_content(self) -> Library | None:
        """The content folder read again, or None where this window cannot reload."""
        if self.live is not None:  # a broken file keeps its page, as live reload does
            return self.live.read_now()
        return self._reload() if self._reload is not None else None

    def use_library(self, library: Library) -> None:
        """Show ``library`` from now on: every screen built from the old one goes."""
        self.library = library
        library.keep_rendered = self.config.rendered_pages_kept
        self.runtime_problems.clear()
        self.screens.clear()
        if self.attract is not None:
            self.stack.removeWidget(self.attract)
            self.attract.deleteLater()
            self.attract = None

    # --- presenter mode (kiosk/ui/presenter) ----------------------------------------------

    def start_session(
        self, session_id: str, lang: str, presenter_screen: int | None = None
    ) -> bool:
        """Present session ``session_id`` in ``lang``; False if there is no such session."""
        from kiosk.ui.presenter import mode

        self.end_session()
        self.presenter = mode.start(self, session_id, lang, presenter_screen)
        if self.presenter is None:
            return False
        self.stats.session_run(session_id, lang)
        return True

    @property
    def presenting(self) -> bool:
        """A nurse's session is on screen (no idle reset, no sleep)."""
        return self.presenter is not None and not self.presenter.over

    def end_session(self) -> None:
        if self.presenter is not None:
            self.presenter.finish()
            self.presenter = None

    def request_exit(self) -> None:
        self._closing = True
        self.exit_requested.emit()
        self.close()

    def _filter_events(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._closing:
            for watcher in (self.lockdown, self.idle, self.gesture):
                app.installEventFilter(watcher)

    def shutdown(self) -> None:
        """Stop timers and the content check, and take the application-wide filters away."""
        self.end_session()
        self.desk.end_check()
        self.read_aloud.close()
        if self.opening_hours is not None:
            self.opening_hours.stop()
        app = QApplication.instance()
        if app is not None:
            for watcher in (self.lockdown, self.idle, self.gesture):
                app.removeEventFilter(watcher)
        for timer in vars(self.timers).values():
            if isinstance(timer, QTimer):
                timer.stop()

    # --- robustness -------------------------------------------------------------------

    def recover(self) -> None:
        """After an unexpected error: back to a known-good home screen."""
        try:
            self.end_session()
            self.desk.drop()
            self.history.clear()
            self.screens.clear()
            self.show_home()
            self.stack.setCurrentWidget(self.main)
        except Exception:
            log.exception("could not return home after an error")

    def come_back(self) -> None:
        """In kiosk mode: fullscreen, on top and active again.

        Under a desktop window manager a keyboard can still minimise the window,
        show the desktop or switch to another workspace (shortcuts the kiosk
        never sees). The window comes back a moment after the desktop hides it,
        and at every idle reset. Under a kiosk compositor such as cage none of
        this can happen.
        """
        if not self.keep_on_screen or self._closing:
            return
        # Mapped afresh: a window manager that hid it (show desktop, another
        # workspace, minimised) must place it again, on the screen in front.
        self.hide()
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._watching:
            handle.installEventFilter(self)  # to see the desktop hide it (Expose, not exposed)
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        handle = self.windowHandle()
        hidden = watched is handle and handle is not None and not handle.isExposed()
        if event.type() == QEvent.Type.Expose and hidden and self.keep_on_screen:
            self.timers.come_back.start()
        return False

    def _come_back_if_hidden(self) -> None:
        handle = self.windowHandle()
        if handle is not None and not handle.isExposed() and self.keep_on_screen:
            log.warning("the desktop hid the kiosk window (a keyboard shortcut?); bringing it back")
            self.come_back()
            self.timers.come_back.start()  # and again, until it is on screen

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.kiosk_mode and not self._closing:
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)
