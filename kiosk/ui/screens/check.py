"""Check your understanding: one question at a time, big answers, kind feedback.

After each answer the reader sees whether it was right and the author's
explanation either way. Answers live only in this screen while it is open:
nothing is stored, so nothing can be linked to a person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.model import Page
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tappable import set_pressed


class CheckScreen(QWidget):
    """Signals:
    finished(): the reader is done and goes back to the page.
    """

    finished = Signal()

    def __init__(self, page: Page, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.page, self.theme, self.lang = page, theme, page.lang
        self.questions = page.questions
        self.index = 0
        self.right = 0
        s = theme.sizes
        outer = QVBoxLayout(self)
        outer.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        column = QWidget()
        column.setMaximumWidth(s.reading_width)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        column.setMinimumWidth(min(s.reading_width, theme.px(900)))
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(s.gap)
        self.progress = QLabel("")
        self.progress.setObjectName("StepProgress")
        layout.addWidget(self.progress)
        self.prompt = QLabel("")
        self.prompt.setObjectName("QuestionText")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.answers_box = QVBoxLayout()
        self.answers_box.setSpacing(s.gap // 2)
        layout.addLayout(self.answers_box)
        self.feedback = QFrame()
        self.feedback.setObjectName("Feedback")
        feedback_layout = QVBoxLayout(self.feedback)
        feedback_layout.setContentsMargins(s.gap, s.gap, s.gap, s.gap)
        self.verdict = QLabel("")
        self.verdict.setObjectName("Verdict")
        self.explanation = QLabel("")
        self.explanation.setObjectName("Explanation")
        self.explanation.setWordWrap(True)
        feedback_layout.addWidget(self.verdict)
        feedback_layout.addWidget(self.explanation)
        layout.addWidget(self.feedback)
        self.next_button = QPushButton("")
        self.next_button.setProperty("role", "nav")
        self.next_button.clicked.connect(self.advance)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        self.answer_buttons: list[QPushButton] = []
        self._show_question()

    def show_question(self, index: int) -> None:
        """Go straight to question ``index`` (for previews; a reader goes in order)."""
        self.index = max(0, min(len(self.questions) - 1, index))
        self._show_question()

    def _show_question(self) -> None:
        question = self.questions[self.index]
        total = len(self.questions)
        self.progress.setText(tr("question_of", self.lang).format(n=self.index + 1, total=total))
        self.prompt.setText(question.prompt)
        for button in self.answer_buttons:
            self.answers_box.removeWidget(button)
            button.deleteLater()
        labels = question.choices or (tr("true", self.lang), tr("false", self.lang))
        self.answer_buttons = []
        for number, label in enumerate(labels):
            button = QPushButton(label)
            button.setProperty("role", "answer")
            button.setMinimumHeight(self.theme.sizes.button)
            button.clicked.connect(lambda _=False, n=number: self.answer(n))
            self.answers_box.addWidget(button)
            self.answer_buttons.append(button)
        self.feedback.hide()
        self.next_button.hide()

    def answer(self, chosen: int) -> None:
        question = self.questions[self.index]
        correct = chosen == question.answer
        self.right += int(correct)
        for number, button in enumerate(self.answer_buttons):
            button.setEnabled(False)
            verdict = (
                "right" if number == question.answer else ("wrong" if number == chosen else "")
            )
            button.setProperty("verdict", verdict)
            set_pressed(button, False)  # re-polish so the verdict colours show
        self.verdict.setText(tr("right" if correct else "not_quite", self.lang))
        self.explanation.setText(question.explanation)
        self.feedback.show()
        last = self.index == len(self.questions) - 1
        self.next_button.setText(tr("done" if last else "next_question", self.lang))
        self.next_button.show()

    def advance(self) -> None:
        if self.index < len(self.questions) - 1:
            self.index += 1
            self._show_question()
            return
        self._show_end()

    def _show_end(self) -> None:
        total = len(self.questions)
        self.progress.setText("")
        self.prompt.setText(tr("score", self.lang).format(right=self.right, total=total))
        for button in self.answer_buttons:
            button.hide()
        self.verdict.setText("")
        self.explanation.setText(tr("well_done", self.lang))
        self.feedback.show()
        self.next_button.setText(tr("back_to_page", self.lang))
        self.next_button.clicked.disconnect()
        self.next_button.clicked.connect(self.finished.emit)
