"""``kiosk snapshot --session ID --item N [--presenter]``: a session's item as the room
sees it, or the nurse's presenter view of it, with no display and no record kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.ui.presenter.controller import CHECK, PAGE
from kiosk.ui.presenter.mode import PresenterMode


def show_item(
    window: QWidget,
    session_id: str,
    item: int,
    *,
    lang: str,
    step: int | None,
    answer: int | None,
    presenter: bool,
    settle: Callable[[], None],
) -> QWidget | str:
    """Put item ``item`` (from 1) of the session on ``window``; the widget to draw, or
    an error message. ``step``: a check's question, or a guide page's step (0 its
    introduction); ``answer``: show the check question's answer, as Next does."""
    from kiosk.ui.window import KioskWindow

    assert isinstance(window, KioskWindow)
    session = window.library.session(session_id)
    if session is None:
        known = ", ".join(s.id for s in window.library.sessions) or "none"
        return f"no session '{session_id}' (sessions: {known})"
    count = len(session.items)
    if not 1 <= item <= count + 1:
        return f"'{session_id}' has items 1 to {count} ({count + 1}: the end card)"
    screen = QGuiApplication.primaryScreen() if presenter else None
    size = (window.width(), window.height())
    mode = PresenterMode(window, session, lang, view_screen=screen, save=None, view_size=size)
    window.presenter = mode
    show = mode.show
    show.go_to(item - 1)
    part = 0
    chosen = show.item
    if step is not None:
        if chosen is not None and chosen.kind == CHECK:
            part = 2 * (step - 1)
        elif chosen is not None and chosen.kind == PAGE and show.parts() > 1:
            part = step
        if not 0 <= part < show.parts() or (
            step == 0 and chosen is not None and chosen.kind == CHECK
        ):
            return f"item {item} has no step or question {step}"
    if answer is not None:
        if show.question is None and not (chosen is not None and chosen.kind == CHECK):
            return "--answer goes with a check item"
        part += 1
    show.go_to(item - 1, part)
    settle()
    if mode.view is None:
        return window
    view = mode.view
    settle()
    view.draw_previews()
    settle()
    return view
