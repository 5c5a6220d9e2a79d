"""The staff panel's "Start a session": every session, and a button per language;
under them, the sessions held on this kiosk.

A nurse picks the class and the language the room will hear; the session then
starts at once on this screen (and on a second screen, if there is one, as the
presenter view).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.core import languages as languages_
from kiosk.core.session_records import Record
from kiosk.core.sessions import Session
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.screens.panel_status import card, staff_screen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme

RECORDS_SHOWN = 10  # the newest; 'kiosk sessions' lists them all


class SessionPicker(QWidget):
    """Signals:
    chosen(str, str): start the session with this id, in this language.
    closed(): back to the staff panel.
    """

    chosen = Signal(str, str)
    closed = Signal()

    def __init__(
        self,
        sessions: Sequence[Session],
        languages: Sequence[str],
        theme: Theme,
        lang: str,
        records: Sequence[Record] | None = (),
    ) -> None:
        super().__init__()
        theme, layout = staff_screen(self, theme, lang)
        s = theme.sizes
        header = QHBoxLayout()
        title = QLabel(tr("panel_session", lang))
        title.setObjectName("AdminTitle")
        header.addWidget(title, 1)
        self.back_button = QPushButton(tr("back", lang))
        self.back_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.closed.emit)
        header.addWidget(self.back_button)
        layout.addLayout(header)

        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(s.gap * 2 // 3)
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        for session in sessions:
            frame, inner, _ = card(theme, session.title(lang))
            size = QLabel(self._size(session, lang))
            size.setObjectName("PanelMuted")
            inner.addWidget(size)
            buttons = QHBoxLayout()
            buttons.setSpacing(s.gap // 2)
            start_in = QLabel(tr("session_start_in", lang))
            start_in.setObjectName("PanelMuted")
            buttons.addWidget(start_in)
            for code in languages:
                found = languages_.find(code)
                name = found.native_name if found else code
                button = QPushButton(name)
                button.setProperty("role", "secondary")
                button.clicked.connect(lambda _=False, i=session.id, c=code: self.chosen.emit(i, c))
                buttons.addWidget(button)
                self.buttons[(session.id, code)] = button
            buttons.addStretch(1)
            inner.addLayout(buttons)
            rows.addWidget(frame)
        rows.addWidget(self._held(records, sessions, theme, lang))
        rows.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(body)
        make_kinetic(area)
        layout.addWidget(area, 1)

    @staticmethod
    def _held(
        records: Sequence[Record] | None,
        sessions: Sequence[Session],
        theme: Theme,
        lang: str,
    ) -> QWidget:
        """The sessions held on this kiosk, newest first (``None``: they cannot be read)."""
        frame, inner, _ = card(theme, tr("session_records_title", lang))
        titles = {session.id: session.title(lang) for session in sessions}
        if records is None:
            lines = [tr("session_records_damaged", lang)]
        elif not records:
            lines = [tr("session_records_none", lang)]
        else:
            lines = []
            for record in list(reversed(records))[:RECORDS_SHOWN]:
                found = languages_.find(record.lang)
                lines.append(
                    tr("session_record", lang).format(
                        started=record.started.replace("T", " "),
                        title=titles.get(record.session_id, record.session_id),
                        language=found.native_name if found else record.lang,
                        minutes=record.minutes,
                        shown=record.items_shown,
                        total=record.items_total,
                        questions=record.questions_asked,
                    )
                )
        for line in [*lines, tr("session_records_export", lang)]:
            label = QLabel(line)
            label.setObjectName("PanelMuted")
            label.setWordWrap(True)
            inner.addWidget(label)
        return frame

    @staticmethod
    def _size(session: Session, lang: str) -> str:
        items = tr("session_items", lang).format(n=len(session.items))
        if session.minutes is None:
            return items
        return f"{tr('session_minutes', lang).format(n=session.minutes)} · {items}"
