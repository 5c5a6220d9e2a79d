"""Starting the Qt side: application, fonts, theme, window, and the error guard.

The order is fixed: config and content are loaded before this module is imported
(no Qt needed for them); then the QApplication, fonts and theme; then the window.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core import pin
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.stats import Recorder, Usage
from kiosk.ui import binding, fonts
from kiosk.ui.theme import STANDARD, Theme
from kiosk.ui.unix_signals import stop_on_signals
from kiosk.ui.window import TEXT_SCALES, KioskWindow, Timers

if TYPE_CHECKING:
    from kiosk.ui.paints import PaintWatch

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("kiosk")
    return app


# Qt's offscreen platform says this for every top-level window; it means nothing
# for a snapshot and would bury real messages.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


@contextlib.contextmanager
def _without_offscreen_noise() -> Iterator[None]:
    """Drop that one message; pass every other one on to the handler before us."""
    previous: Callable[..., None] | None = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message == _OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def styled(app: QApplication, config: Config, size: tuple[int, int]) -> Theme:
    """The theme for a screen of ``size``, its font and style sheet applied to ``app``."""
    theme = Theme.for_screen(size[0], size[1], fonts.choose()).for_language(config.default_language)
    if config.theme != STANDARD:
        theme = theme.with_look(config.theme)
    app.setFont(QFont(list(theme.families)))
    app.setStyleSheet(theme.style_sheet())
    return theme


def build_window(
    app: QApplication,
    library: Library,
    config: Config,
    size: tuple[int, int],
    *,
    kiosk_mode: bool,
    reload: Callable[[], Library] | None = None,
    lang: str | None = None,
    stats: Usage | None = None,
) -> KioskWindow:
    fonts.use_emoji_font()
    theme = styled(app, config, size)
    timers = Timers.from_config(config)
    return KioskWindow(
        library,
        config,
        theme,
        timers=timers,
        kiosk_mode=kiosk_mode,
        reload=reload,
        lang=lang,
        stats=stats,
    )


def usage_stats(config: Config) -> Usage:
    """The counter of anonymous usage for ``kiosk run``: counting unless the config says not."""
    return Usage(Recorder(kiosk=config.kiosk_id) if config.usage_stats else None)


class ErrorGuard:
    """An exception in any handler is logged, and the kiosk goes back home.

    Installed as ``sys.excepthook``, which PySide6 calls for exceptions raised in
    slots and event handlers. No traceback ever reaches the screen.
    """

    def __init__(self, window: KioskWindow) -> None:
        self.window = window

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        log.error("unexpected error; returning home", exc_info=(kind, error, trace))
        QTimer.singleShot(0, self.window.recover)


def run(
    library: Library,
    config: Config,
    *,
    windowed: bool,
    screen: int,
    lang: str | None,
    reload: Callable[[], Library],
    views_today: Callable[[], int] | None = None,
    present: str | None = None,
    presenter_screen: int | None = None,
) -> int:
    app = application()
    leak = binding.leak_message()
    if leak is not None:
        log.critical("%s", leak)
        return 2
    qInstallMessageHandler(_log_qt_message)
    screens = QGuiApplication.screens()
    if not 0 <= screen < len(screens):
        last = len(screens) - 1
        log.warning("there is no screen %d (screens: 0 to %d); using the main one", screen, last)
        screen = screens.index(QGuiApplication.primaryScreen())
    chosen = screens[screen]
    geometry = chosen.geometry()
    size = (1280, 800) if windowed else (geometry.width(), geometry.height())
    usage = usage_stats(config)
    window = build_window(
        app, library, config, size, kiosk_mode=not windowed, reload=reload, lang=lang, stats=usage
    )
    window.exit_requested.connect(app.quit)
    live = None
    if config.watch_content or library.provisional:
        from kiosk.ui import live_reload

        live = live_reload.watch(window, reload)
        live.watching = config.watch_content
        app.aboutToQuit.connect(live.stop)
        if not library.provisional:
            QTimer.singleShot(1000, live.start)  # after the first frame
    sys.excepthook = ErrorGuard(window)
    stop_on_signals(window.request_exit, app)
    if views_today is None and usage.recorder is not None:
        views_today = _views_today(usage.recorder.path)
    paints = _watch_health(app, window, config, views_today)
    if live is not None and library.provisional:
        # Started from the first screen as it was: read the content once it is painted.
        paints.first_paint.connect(live.catch_up)
    if windowed:
        window.resize(*size)
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setGeometry(geometry)
        window.show_attract()  # a kiosk starts, and comes back after a crash, inviting a touch
        window.keep_on_screen = True
        window.showFullScreen()
    if present is not None:  # a nurse's session, from the command line
        window.start_session(present, lang or window.lang, presenter_screen)
    # The speech engine starts in a process of its own, after the first frame has
    # been drawn (it costs that process a second or two, and this one nothing).
    QTimer.singleShot(3000, window.read_aloud.prepare)
    from kiosk.ui.warm_up import WarmUp, steps

    if live is not None and library.provisional:
        # Warm up the library read after the first frame, not the first screen's record.
        def warm(read: Library) -> None:
            live.applied.disconnect(warm)
            WarmUp(steps(read, window.lang), window).start(1000)

        live.applied.connect(warm)
    else:
        WarmUp(steps(library, window.lang), window).start(1000)
    shown = "presenter" if window.presenting else "attract" if window.showing_attract else "home"
    QTimer.singleShot(
        0, lambda: log.info("ready: the %s screen is shown on screen %d", shown, screen)
    )
    try:
        return app.exec()
    finally:
        usage.close()  # what is still queued is written (waiting a few seconds at most)


def _views_today(path: Path) -> Callable[[], int]:
    """Page views counted today, for the health figures (read from the counts' file)."""
    from kiosk.core import stats

    return lambda: stats.views_on(dt.date.today(), path=path)


def _watch_health(
    app: QApplication,
    window: KioskWindow,
    config: Config,
    views_today: Callable[[], int] | None,
) -> PaintWatch:
    """systemd's watchdog and the metrics file, both fed from the window's paints."""
    from kiosk.ui import metrics
    from kiosk.ui.paints import PaintWatch
    from kiosk.ui.watchdog import Watchdog

    paints = PaintWatch(window)
    watchdog = Watchdog(parent=app)
    paints.first_paint.connect(watchdog.ready)
    app.aboutToQuit.connect(watchdog.stopping)
    if config.metrics_file:
        path = Path(config.metrics_file).expanduser()
        writer = metrics.for_kiosk(path, lambda: window.library, paints, views_today, app)
        paints.first_paint.connect(writer.start)
        app.aboutToQuit.connect(writer.stop)
        log.info("health figures for monitoring go to %s every minute", path)
    return paints


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the kiosk's log, where staff look."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def settle(app: QApplication, rounds: int = 4) -> None:
    """Let posted layout and resize work finish (text heights depend on widths)."""
    for _ in range(rounds):
        app.processEvents()


def snapshot(
    library: Library,
    config: Config,
    out: Path,
    *,
    size: tuple[int, int],
    lang: str | None,
    page_id: str | None,
    scroll: str,
    view: str,
    step: int | None = None,
    answer: int | None = None,
    text_scale: float | None = None,
    look: str | None = None,
    locked: bool = False,
    demo_stats: bool = False,
    session: str | None = None,
    item: int | None = None,
    presenter: bool = False,
) -> str | None:
    """Render one screen to a PNG with no display. Returns an error message or None.

    With ``session`` and ``item``: that item of a nurse's session as the room sees it,
    or (``presenter``) the nurse's presenter view of it."""
    if text_scale is not None and text_scale not in TEXT_SCALES:
        return f"--text-scale must be one of {', '.join(str(s) for s in TEXT_SCALES)}"
    if locked and view != "pin":
        return "--locked goes with --view pin"
    if demo_stats and view not in ("admin", "cleaning"):
        return "--demo-stats goes with --view admin"
    if view == "pin":  # a PIN of the picture's own: the real one is never needed
        config = dataclasses.replace(config, pin_hash=pin.hash_pin(SNAPSHOT_PIN))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with _without_offscreen_noise():
        app = application()
        window = build_window(app, library, config, size, kiosk_mode=False, lang=lang)
        try:
            window.resize(*size)
            window.show()
            if text_scale is not None:
                window.set_text_scale(text_scale)
            if look is not None:
                window.set_look(look)
            if demo_stats:
                from kiosk.ui.screens.panel_reading import DEMO_NOTICE, demo_counts

                window.desk.most_read = demo_counts(library)
            if page_id is not None:
                window.read_aloud.prepare()  # starts beside the page being built
            drawn: QWidget = window
            if session is not None:
                from kiosk.ui.presenter.snapshot import show_item

                shown = show_item(
                    window,
                    session,
                    item or 1,
                    lang=window.lang,
                    step=step,
                    answer=answer,
                    presenter=presenter,
                    settle=lambda: settle(app),
                )
                if isinstance(shown, str):
                    return shown
                drawn = shown
                problem = None
            else:
                problem = _show(app, window, library, page_id, view, step, answer)
            if page_id is not None:
                _wait_for_speech(window)  # so the picture shows a Listen button as the kiosk would
            if view in ("admin", "cleaning"):
                window.show_admin(DEMO_NOTICE if demo_stats else "")
            if view == "cleaning":
                window.desk.start_cleaning()
            if view == "pin":
                _show_pin(window, locked)
            if problem is not None:
                return problem
            settle(app)
            screen = window.screen_widget
            if scroll == "bottom" and hasattr(screen, "scroll_to_end"):
                screen.scroll_to_end()
            settle(app)
            image = drawn.grab()
            if (image.width(), image.height()) != size:
                least = window.minimumSizeHint()
                return (
                    f"--size {size[0]}x{size[1]} is too small: the screens need at least "
                    f"{least.width()}x{least.height()}"
                )
            out.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(out)):
                return f"could not write {out}"
            return None
        finally:
            window.request_exit()
            window.deleteLater()


SNAPSHOT_PIN = "2468"


def _wait_for_speech(window: KioskWindow, most_ms: int = 15000) -> None:
    reader = window.read_aloud
    if not reader.enabled or reader.engine_ready:
        return
    loop = QEventLoop()
    reader.ready.connect(loop.quit)
    QTimer.singleShot(most_ms, loop.quit)
    loop.exec()
    reader.ready.disconnect(loop.quit)


def _show_pin(window: KioskWindow, locked: bool) -> None:
    """The staff PIN pad; ``locked``: after wrong PINs, counting down."""
    from kiosk.ui.widgets.pinpad import PinPad

    if locked:
        window.lockout.lock_now()
    window.open_staff()
    assert isinstance(window.staff, PinPad)


def _show(
    app: QApplication,
    window: KioskWindow,
    library: Library,
    page_id: str | None,
    view: str,
    step: int | None,
    answer: int | None,
) -> str | None:
    """Go to the screen a snapshot asks for. Returns an error message or None."""
    if page_id is not None:
        if library.get(page_id, window.lang) is None:  # (open_page would log it, too)
            why = library.hidden_reason(page_id)
            if why:
                return f"page '{page_id}' {why}: the kiosk does not show it"
            known = ", ".join(sorted(library.ids)) or "none"
            return f"no page '{page_id}' (pages: {known})"
        window.open_page(page_id)
    if step is not None and view != "check":
        from kiosk.ui.screens.guide import GuideScreen  # imported only when asked for

        screen = window.screen_widget
        if not isinstance(screen, GuideScreen):
            return f"--step needs a guide page (type: guide), not '{page_id}'"
        if not 0 <= step <= screen.last:
            steps = len(screen.steps)
            return (
                f"'{page_id}' has steps 1 to {steps} (and 0: its introduction, "
                f"{steps + 1}: its summary)"
            )
        settle(app)
        screen.go_to(step, animate=False)
    if view == "attract":
        window.show_attract()
    elif view in ("admin", "cleaning"):
        library.check_all()  # a picture of the whole list, not of a check under way
    elif view == "check":
        page = library.get(page_id or "", window.lang)
        if page is None or not page.questions:
            return f"--view check needs a page with questions, not '{page_id}'"
        from kiosk.ui.screens.check import CheckScreen

        window.open_check(page)
        check = window.screen_widget
        assert isinstance(check, CheckScreen)
        if step is not None:
            if not 1 <= step <= len(page.questions):
                return f"'{page_id}' has questions 1 to {len(page.questions)}"
            check.show_question(step - 1)
        if answer is not None:
            count = len(check.answer_buttons)
            if not 1 <= answer <= count:
                return f"this question has answers 1 to {count}"
            check.answer(answer - 1)
    return None
