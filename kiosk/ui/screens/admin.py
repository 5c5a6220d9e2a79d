"""The staff panel, behind the PIN pad: the content's state, reading, updates, actions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import languages as languages_
from kiosk.core.update_state import UpdateResult
from kiosk.ui.guard import guarded
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.screens.panel_reading import MostReadCard, Reading
from kiosk.ui.screens.panel_status import ContentFacts, StatusCard, UpdateCard, staff_screen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


@guarded
class AdminScreen(QWidget):
    """The staff panel: the content's state and problems, what readers read most,
    the last update, and what staff can do (reload, clean the screen, exit).

    Everything is in the panel's language ``lang``, which staff can switch
    (``language_chosen``). Exit is offered only where leaving is meant to be
    possible: behind a PIN, or in an author's window. A kiosk with no PIN keeps
    visitors in. "Start a session" is offered only where ``sessions`` is true.

    ``diagnostics`` are listed as given. While a check runs (``checking``), more
    come with ``add_problems``, each in its place by its sort key, before those
    given; ``show_progress`` and ``check_done`` say how far it is.

    On a screen wider than high the problems sit under the status and the chart
    beside them; on a portrait screen everything is in one column.

    Signals:
        exit_requested(): leave the kiosk.
        reload_requested(): read the content folder again.
        cleaning_requested(): ignore touches for a while, to wipe the screen.
        session_requested(): start a nurse's session (where sessions exist).
        language_chosen(str): show the panel in this language.
        closed(): back to the kiosk.
    """

    exit_requested = Signal()
    reload_requested = Signal()
    cleaning_requested = Signal()
    session_requested = Signal()
    language_chosen = Signal(str)
    closed = Signal()

    def __init__(
        self,
        diagnostics: Sequence[str],
        pin_set: bool,
        theme: Theme,
        *,
        can_exit: bool,
        notice: str = "",
        checking: bool = False,
        lang: str = "en",
        languages: Sequence[str] = (),
        facts: ContentFacts | None = None,
        last_update: UpdateResult | None = None,
        reading: Reading | None = None,
        sessions: bool = False,
        landscape: bool = True,
    ) -> None:
        super().__init__()
        self.lang = lang
        theme, layout = staff_screen(self, theme, lang)
        s = theme.sizes

        header = QHBoxLayout()
        header.setSpacing(s.gap // 2)
        title = QLabel(tr("panel_title", lang))
        title.setObjectName("AdminTitle")
        header.addWidget(title, 1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code in languages if len(languages) > 1 else ():
            found = languages_.find(code)
            button = QPushButton(found.native_name if found else code)
            button.setProperty("role", "lang")
            button.setCheckable(True)
            button.setChecked(code == lang)
            button.clicked.connect(lambda _=False, c=code: self._choose_language(c))
            header.addWidget(button)
            self.language_buttons[code] = button
        self.back_button = QPushButton(tr("panel_close", lang))
        self.back_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.closed.emit)
        header.addWidget(self.back_button)
        layout.addLayout(header)

        self.warning: QLabel | None = None
        if not pin_set:
            self.warning = QLabel(tr("panel_no_pin_note" if can_exit else "panel_no_pin", lang))
            self.warning.setObjectName("AdminWarning")
            self.warning.setWordWrap(True)
            layout.addWidget(self.warning)
        self.notice: QLabel | None = None
        if notice:  # what the last action did, such as a reload
            self.notice = QLabel(notice)
            self.notice.setObjectName("AdminNotice")
            self.notice.setWordWrap(True)
            layout.addWidget(self.notice)

        actions = QHBoxLayout()
        actions.setSpacing(s.gap // 2)
        self.reload_button = QPushButton(tr("panel_reload", lang))
        self.reload_button.setProperty("role", "secondary")
        self.reload_button.clicked.connect(self.reload_requested.emit)
        self.cleaning_button = QPushButton(tr("panel_cleaning", lang))
        self.cleaning_button.setProperty("role", "secondary")
        self.cleaning_button.clicked.connect(self.cleaning_requested.emit)
        actions.addWidget(self.reload_button)
        actions.addWidget(self.cleaning_button)
        self.session_button: QPushButton | None = None
        if sessions:
            self.session_button = QPushButton(tr("panel_session", lang))
            self.session_button.setProperty("role", "secondary")
            self.session_button.clicked.connect(self.session_requested.emit)
            actions.addWidget(self.session_button)
        actions.addStretch(1)
        self.exit_button: QPushButton | None = None
        if can_exit:
            self.exit_button = QPushButton(tr("panel_exit", lang))
            self.exit_button.setProperty("role", "danger")
            self.exit_button.clicked.connect(self.exit_requested.emit)
            actions.addWidget(self.exit_button)
        layout.addLayout(actions)

        facts = facts or ContentFacts(0, 0, 0)
        self.status = StatusCard(facts, theme, lang)
        self.progress = self.status.progress
        self.progress.setVisible(checking)
        self.update_card = UpdateCard(last_update, theme, lang)
        self.most_read = MostReadCard(reading or (lambda days: []), theme, lang)
        self.problem_box = QWidget()
        problems = QVBoxLayout(self.problem_box)
        problems.setContentsMargins(0, 0, 0, 0)
        problems.setSpacing(s.gap // 3)
        self.count = QLabel()
        self.count.setObjectName("PanelCardTitle")
        problems.addWidget(self.count)
        self.checking = checking
        self._keys: list[Any] = []  # the sort key of each row added by add_problems, in order
        self._seen: set[Any] = set()
        self._given = len(diagnostics)
        # Problems given as text (found while showing pages) say their level in it.
        self._given_errors = sum(1 for text in diagnostics if ": error: " in text)
        self._errors = 0
        self.diagnostics = QListWidget()
        # A list to read, not to pick from: nothing to select (or copy) here.
        self.diagnostics.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.diagnostics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Thousands of wrapped lines are laid out a batch at a time, not all at once.
        self.diagnostics.setLayoutMode(QListView.LayoutMode.Batched)
        self.diagnostics.setBatchSize(50)
        self.diagnostics.addItems(list(diagnostics))
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        make_kinetic(self.diagnostics)
        problems.addWidget(self.diagnostics, 1)
        self.body = QGridLayout()
        self.body.setSpacing(s.gap * 2 // 3)
        layout.addLayout(self.body, 1)
        self._landscape: bool | None = None
        self._arrange(landscape)  # as the screen is now; resizing arranges it again
        self._placeholder = False
        self._show_count()

    def _choose_language(self, code: str) -> None:
        for other, button in self.language_buttons.items():
            button.setChecked(other == self.lang)  # until the panel comes back in ``code``
        if code != self.lang:
            self.language_chosen.emit(code)

    def _arrange(self, landscape: bool) -> None:
        """Landscape: status, update and problems on the left, the chart on the right.
        Portrait: one column, the problems last, where there is most room."""
        if landscape == self._landscape:
            return
        self._landscape = landscape
        body = self.body
        parts = (self.status, self.update_card, self.most_read, self.problem_box)
        for part in parts:
            body.removeWidget(part)
        for row in range(4):
            body.setRowStretch(row, 0)
        for column in range(2):
            body.setColumnStretch(column, 0)
        if landscape:
            body.addWidget(self.status, 0, 0)
            body.addWidget(self.update_card, 1, 0)
            body.addWidget(self.problem_box, 2, 0)
            body.addWidget(self.most_read, 0, 1, 3, 1)
            body.setRowStretch(2, 1)
            body.setColumnStretch(0, 1)
            body.setColumnStretch(1, 1)
        else:
            for row, part in enumerate(parts):
                body.addWidget(part, row, 0)
            body.setRowStretch(3, 1)
            body.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        size = event.size()
        self._arrange(landscape=size.width() >= size.height())
        super().resizeEvent(event)

    @property
    def problems(self) -> int:
        return len(self._keys) + self._given

    def add_problems(self, found: Iterable[tuple[Any, str]]) -> None:
        """List each (sort key, text) not listed yet, in its place among the others."""
        new = sorted((key, text) for key, text in found if key not in self._seen)
        if not new:
            return
        self._drop_placeholder()
        if not self._keys or new[0][0] > self._keys[-1]:  # after all the others: at once
            self._seen.update(key for key, _ in new)
            self._keys.extend(key for key, _ in new)
            self._errors += sum(1 for key, _ in new if _is_error(key))
            for offset, (_, text) in enumerate(new):
                self.diagnostics.insertItem(len(self._keys) - len(new) + offset, text)
        else:
            for key, text in new:
                if key in self._seen:
                    continue
                self._seen.add(key)
                self._errors += _is_error(key)
                row = bisect.bisect(self._keys, key)
                self._keys.insert(row, key)
                self.diagnostics.insertItem(row, text)
        self._show_count()

    def show_progress(self, checked: int, total: int) -> None:
        self.progress.setText(tr("panel_checking", self.lang).format(checked=checked, total=total))

    def check_done(self) -> None:
        """The check went through every page: what is listed is all there is."""
        self.checking = False
        self.progress.hide()
        self._show_count()

    def _show_count(self) -> None:
        count = self.problems
        self.count.setText(tr("panel_problems", self.lang).format(n=count))
        errors = self._errors + self._given_errors
        self.status.show_problems(errors, count - errors)
        if not count and not self.checking and not self._placeholder:
            self.diagnostics.addItem(tr("panel_no_problems", self.lang))
            self._placeholder = True

    def _drop_placeholder(self) -> None:
        if self._placeholder:
            self.diagnostics.takeItem(self.diagnostics.count() - 1)
            self._placeholder = False


def _is_error(key: Any) -> bool:
    """Whether a problem's sort key (``diagnostics.sort_key``) is an error's."""
    return isinstance(key, tuple) and len(key) > 3 and key[3] == "error"
