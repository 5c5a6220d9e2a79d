"""Presenter mode on a kiosk window: start a session, and end it.

While a session runs, the window shows the audience view instead of the reader's
screens and top bar; the idle reset waits (a room may sit on one slide for
minutes) and the attract screen stays away; a second window on another screen is
the nurse's presenter view. When the session ends (Esc, Next on the end card, the
staff gesture, a window closing) it writes one anonymous record, and the kiosk is
the waiting room's again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from kiosk.core.sessions import Session
from kiosk.ui.presenter.audience import AudienceView
from kiosk.ui.presenter.controller import Presentation
from kiosk.ui.presenter.keys import PresenterKeys
from kiosk.ui.presenter.presenter_view import PresenterView

if TYPE_CHECKING:
    from kiosk.core.session_records import Record
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

PRESENTER_SIZE = (1280, 800)  # the presenter view as a window, when not in kiosk mode


def save_record(record: Record) -> None:
    from kiosk.core import session_records

    session_records.save(record)


class PresenterMode(QObject):
    """One session on ``window``; ``view_screen``: where the presenter view goes (None:
    no presenter view; then N shows the notes over the room's screen).

    Signals:
    ended(): the session is over and the window shows the kiosk again.
    """

    ended = Signal()

    def __init__(
        self,
        window: KioskWindow,
        session: Session,
        lang: str,
        *,
        view_screen: QScreen | None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        save: Callable[[Record], None] | None = save_record,
        view_size: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.session, self.save = window, session, save
        self.records = 0
        config = window.config
        self.show = Presentation(
            session,
            window.library,
            config.languages,
            lang,
            clock=window.clock,
            now=now,
            parent=self,
        )
        self.lang = lang  # the record's: the language the nurse chose (L may switch it)
        self.show.ended.connect(self._end)

        window.read_aloud.stop()
        window.desk.drop()
        window.toast.hide()
        window.idle.pause()  # no reset to the attract screen while the room watches
        window.timers.attract_rotate.stop()
        window.timers.attract_shift.stop()
        theme = window.theme.with_look(window.look)
        self.audience = AudienceView(
            self.show, theme, config, notes_here=view_screen is None, parent=window.stack
        )
        window.stack.addWidget(self.audience)
        window.stack.setCurrentWidget(self.audience)
        self.audience.setFocus()

        self.keys = PresenterKeys(self.show, escape_leaves=not window.kiosk_mode, parent=self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.keys)  # after the lockdown: sees keys first

        self.view: PresenterView | None = None
        if view_screen is not None:
            self.view = self._open_view(view_screen, view_size)
        log.info(
            "session '%s' started in %s%s",
            session.id,
            lang,
            " with a presenter view" if self.view is not None else "",
        )

    def _open_view(self, screen: QScreen, size: tuple[int, int] | None) -> PresenterView:
        window = self.window
        geometry = screen.geometry()
        width, height = size or (geometry.width(), geometry.height())
        scale = min(2.0, max(0.72, min(width, height) / 1080))
        theme = window.theme.scaled(scale).with_look(window.look).for_language(self.show.lang)
        timers = window.timers
        view = PresenterView(
            self.show,
            self.audience,
            theme,
            window.config,
            tick=timers.presenter_tick,
            preview=timers.presenter_preview,
            closable=not window.kiosk_mode,
        )
        view.setScreen(screen)  # another X screen (two Xvfb screens) is not just further right
        if window.keep_on_screen:  # the kiosk fullscreen: the nurse's screen likewise
            view.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            view.setGeometry(geometry)
            view.showFullScreen()
        else:
            view.resize(*(size or PRESENTER_SIZE))
            view.move(geometry.topLeft())
            view.show()
        return view

    @property
    def over(self) -> bool:
        return self.show.over

    def finish(self) -> None:
        """End the session now (the staff gesture, the window closing)."""
        self.show.finish()

    def record(self) -> Record:
        """What the kiosk keeps of this session: nothing of a person."""
        from kiosk.core.session_records import Record, started_now

        show = self.show
        return Record(
            session_id=self.session.id,
            lang=self.lang,
            started=started_now(show.started),
            minutes=round(show.elapsed() / 60),
            items_shown=len(show.seen),
            items_total=show.total,
            questions_asked=len(show.asked),
        )

    def _end(self) -> None:
        window = self.window
        try:
            if self.records == 0 and self.save is not None:
                self.records += 1
                record = self.record()
                self.save(record)
                log.info("session '%s' ended: %s", self.session.id, record)
        except Exception:
            log.exception("could not keep the record of session '%s'", self.session.id)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.keys)
        self.audience.drop()
        if self.view is not None:
            view, self.view = self.view, None
            view.closable = True
            view.tick.stop()
            view.preview.stop()
            view.hide()
            view.deleteLater()
        window.stack.removeWidget(self.audience)
        self.audience.deleteLater()
        window.history.clear()
        window.show_home()
        window.idle.resume(start=window.kiosk_mode)
        self.ended.emit()


def start(
    window: KioskWindow, session_id: str, lang: str, presenter_screen: int | None = None
) -> PresenterMode | None:
    """Start session ``session_id`` in ``lang`` on ``window``; None if there is no such session.

    The presenter view goes on screen ``presenter_screen``, or, by default, on the
    first screen that is not the window's; with one screen there is none.
    """
    session = window.library.session(session_id)
    if session is None:
        known = ", ".join(s.id for s in window.library.sessions) or "none"
        log.warning("no session '%s' (sessions: %s)", session_id, known)
        return None
    if lang not in window.config.languages:
        lang = window.lang
    return PresenterMode(window, session, lang, view_screen=view_screen(window, presenter_screen))


def view_screen(window: KioskWindow, number: int | None) -> QScreen | None:
    """The screen for the presenter view: ``number``, else another than the window's."""
    screens = QGuiApplication.screens()
    room = window.screen()
    if number is None:
        others = [screen for screen in screens if screen is not room]
        return others[0] if others else None
    if not 0 <= number < len(screens):
        log.warning(
            "there is no screen %d for the presenter view (screens: 0 to %d)",
            number,
            len(screens) - 1,
        )
        return None
    if screens[number] is room:
        log.warning("screen %d is the room's screen: no presenter view (N shows the notes)", number)
        return None
    return screens[number]
