"""Group teach-back: the reader's check, asked to a room.

The reader's ``CheckScreen`` shows one question at a time; here its answers stay
plain until the nurse reveals the right one and its explanation (Next), so the
room answers aloud first. A parent who taps an answer on a bedside tablet gets
the reader's own feedback for that answer. The check's score screen is not used:
after the last answer, Next goes on to the next item.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.core.model import Page
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tappable import repolish


class GroupCheck(QObject):
    """The room's side of one check screen.

    Signals:
    next_requested(): "Next" was tapped on the check (what the Next key does).
    tapped(): an answer was tapped; the check shows its feedback.
    """

    next_requested = Signal()
    tapped = Signal()

    def __init__(self, check: CheckScreen) -> None:
        super().__init__(check)
        self.check = check
        check.about.hide()  # the way back to the page: a session goes on, not back
        check.next_button.clicked.disconnect(check.advance)
        check.next_button.clicked.connect(self.next_requested.emit)
        self._watch_answers()

    def show(self, question: int, revealed: bool) -> None:
        """Question ``question`` (from 0), its answer shown or not; as it is, if it is."""
        check = self.check
        if check.index == question and check.showing_feedback == revealed and check.progress.text():
            return
        check.show_question(question)
        self._watch_answers()
        if revealed:
            self.reveal()

    def reveal(self) -> None:
        """The right answer marked, with the author's explanation."""
        check = self.check
        question = check.questions[check.index]
        check.answer(question.answer)
        check.verdict.setText(tr("group_answer", check.lang))
        check.feedback.setProperty("verdict", "answer")
        repolish(check.feedback)
        check.next_button.setText(tr("next", check.lang))

    def _watch_answers(self) -> None:
        for button in self.check.answer_buttons:
            button.clicked.connect(self._answered)

    def _answered(self) -> None:
        self.check.next_button.setText(tr("next", self.check.lang))
        self.tapped.emit()


def make(page: Page, theme: Theme) -> CheckScreen:
    """The check of ``page`` for a room (no read-aloud: the nurse reads)."""
    check = CheckScreen(page, theme)
    GroupCheck(check)
    return check


def group_of(check: CheckScreen) -> GroupCheck:
    group = check.findChild(GroupCheck)
    assert isinstance(group, GroupCheck)
    return group


def show(check: CheckScreen, question: int, revealed: bool) -> None:
    group_of(check).show(question, revealed)
