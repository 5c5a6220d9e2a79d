"""Check your understanding: one question at a time, big answers, kind feedback.

After each answer the reader sees whether it was right and the author's
explanation either way. Landscape puts the question and answers on the left
and the page's picture, then the feedback, on the right, so nothing the reader
just tapped moves; portrait stacks them. Answers live only in this screen
while it is open: nothing is stored, so nothing can be linked to a person.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.model import Page
from kiosk.ui.guard import guarded
from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.layout import follow_orientation, is_stacked
from kiosk.ui.speech.service import ReadAloud
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.widgets.read_aloud import ReadAloudButton
from kiosk.ui.widgets.tappable import repolish

MARKS = {"right": "✓", "wrong": "✗"}


@guarded
class AnswerButton(QPushButton):
    """A big answer button whose text wraps, however long the author wrote it."""

    def __init__(self, text: str, padding: int) -> None:
        super().__init__()
        self.setProperty("role", "answer")
        self.setAccessibleName(text)
        self._text = text
        self.label = QLabel(text)
        self.label.setObjectName("AnswerText")
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(padding, padding // 2, padding, padding // 2)
        self._box.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:  # the answer as written, without a mark
        return self._text

    def mark(self, verdict: str) -> None:
        """Say right or wrong with a sign as well as a colour (for colour-blind readers)."""
        self.label.setText(f"{MARKS[verdict]}  {self._text}" if verdict else self._text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        margins = self._box.contentsMargins()
        inner = width - margins.left() - margins.right()
        text = self.label.heightForWidth(inner)
        return max(self.minimumHeight(), text + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        width = max(self.minimumWidth(), self.label.sizeHint().width())
        return QSize(width, self.heightForWidth(width))


@guarded
class CheckScreen(QWidget):
    """Signals:
    finished(): the reader is done and goes back to the page.
    answered(int, bool): the reader answered question n (0 is the first), rightly or not.
    """

    finished = Signal()
    answered = Signal(int, bool)

    def __init__(
        self,
        page: Page,
        theme: Theme,
        parent: QWidget | None = None,
        read_aloud: ReadAloud | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setStyleSheet(theme.style_sheet())  # the visitor's text size
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.page, self.theme, self.lang = page, theme, page.lang
        self.questions = page.questions
        self.index = 0
        self.right = 0
        self.answers: list[int] = []  # the choice made for each question so far
        s = theme.sizes
        # Long answers at double text size can be taller than the screen: then the
        # whole check scrolls, rather than its answers squeezing over each other.
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        make_kinetic(self.scroller)
        frame.addWidget(self.scroller)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        outer.setSpacing(s.gap)

        heading = QHBoxLayout()
        title = QLabel(tr("check", self.lang))
        title.setObjectName("CheckTitle")
        heading.addWidget(title, 1)
        self.progress = QLabel("")
        self.progress.setObjectName("StepProgress")
        heading.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignRight)
        outer.addLayout(heading)
        # Which page the questions come from, and a way back to it (and its sources).
        self.about = QPushButton(tr("about_page", self.lang).format(title=page.title))
        self.about.setProperty("role", "link")
        self.about.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.about.clicked.connect(self.finished.emit)
        outer.addWidget(self.about, 0, Qt.AlignmentFlag.AlignLeft)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(s.margin)
        outer.addLayout(self.body, 1)

        # The question side.
        self.ask = ask = QVBoxLayout()
        ask.setSpacing(s.gap)
        self.prompt = QLabel("")
        self.prompt.setObjectName("QuestionText")
        self.prompt.setWordWrap(True)
        ask.addWidget(self.prompt)
        self.listen = ReadAloudButton(read_aloud, self.lang, theme, self._readable)
        ask.addWidget(self.listen, 0, Qt.AlignmentFlag.AlignLeft)
        self.answers_box = QGridLayout()
        self.answers_box.setSpacing(s.gap)
        ask.addLayout(self.answers_box)
        self.closing = QLabel("")
        self.closing.setObjectName("Explanation")
        self.closing.setWordWrap(True)
        self.closing.hide()
        ask.addWidget(self.closing)
        self.end_buttons = QHBoxLayout()
        self.end_buttons.setSpacing(s.gap)
        self.again_button = QPushButton(tr("try_again", self.lang))
        self.again_button.setProperty("role", "secondary")
        self.again_button.clicked.connect(self.restart)
        self.back_button = QPushButton(tr("back_to_page", self.lang))
        self.back_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.finished.emit)
        self.end_buttons.addWidget(self.again_button)
        self.end_buttons.addStretch(1)
        self.end_buttons.addWidget(self.back_button)
        ask.addLayout(self.end_buttons)
        ask.addStretch(1)
        self.body.addLayout(ask, 1)

        # The other side: the feedback once answered, and the page's picture.
        # Landscape shows one or the other; portrait keeps the picture below.
        self.side = QVBoxLayout()
        self.side.setSpacing(s.gap)
        self.feedback = QFrame()
        self.feedback.setObjectName("Feedback")
        feedback_layout = QVBoxLayout(self.feedback)
        feedback_layout.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        feedback_layout.setSpacing(s.gap)
        self.verdict = QLabel("")
        self.verdict.setObjectName("Verdict")
        self.verdict.setWordWrap(True)
        self.explanation = QLabel("")
        self.explanation.setObjectName("Explanation")
        self.explanation.setWordWrap(True)
        self.next_button = QPushButton("")
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.advance)
        feedback_layout.addWidget(self.verdict)
        feedback_layout.addWidget(self.explanation)
        feedback_layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        self.side.addWidget(self.feedback)
        self.cover = Picture(page.cover, bleed=True, radius=s.radius)
        self.cover.setObjectName("StepPicture")
        self.cover.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.side.addWidget(self.cover, 1)
        self.side.addStretch(0)  # with the picture hidden, the feedback keeps its height
        self.body.addLayout(self.side, 1)

        self.scroller.setWidget(inner)
        self.answer_buttons: list[AnswerButton] = []
        self._show_question()

    @property
    def stacked(self) -> bool:
        return is_stacked(self.body)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if follow_orientation(self.body, event.size()):
            self.body.setStretch(0, 0 if self.stacked else 1)
            self.ask.setStretch(self.ask.count() - 1, 0 if self.stacked else 1)
            self._show_side()

    def _show_side(self) -> None:
        """The feedback when there is some; the picture unless they must share a column."""
        answered = self.feedback.isVisibleTo(self)
        self.cover.setVisible(self.page.cover is not None and (self.stacked or not answered))

    def show_question(self, index: int) -> None:
        """Go straight to question ``index`` (for previews; a reader goes in order)."""
        self.index = max(0, min(len(self.questions) - 1, index))
        self._show_question()

    def _clear_answers(self) -> None:
        for button in self.answer_buttons:
            self.answers_box.removeWidget(button)
            button.hide()  # at once: deletion waits for the event loop
            button.deleteLater()
        self.answer_buttons = []

    def _readable(self) -> list[QLabel]:
        """What the speaker button reads: the question, then its answers or the feedback."""
        answers = [] if self.showing_feedback else [b.label for b in self.answer_buttons]
        return [self.prompt, *answers, self.verdict, self.explanation, self.closing]

    def _show_question(self) -> None:
        self.listen.stop()
        question = self.questions[self.index]
        total = len(self.questions)
        self.progress.setText(tr("question_of", self.lang).format(n=self.index + 1, total=total))
        self.prompt.setText(question.prompt)
        self._clear_answers()
        labels = question.choices or (tr("true", self.lang), tr("false", self.lang))
        # Yes and No sit side by side; written choices get a full row each.
        columns = 1 if question.choices else 2
        for number, label in enumerate(labels):
            button = AnswerButton(label, self.theme.sizes.gap)
            if not question.choices:
                button.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                button.setProperty("short", True)  # taller, as befits two big buttons
            button.clicked.connect(lambda _=False, n=number: self.answer(n))
            self.answers_box.addWidget(button, number // columns, number % columns)
            self.answer_buttons.append(button)
        self.closing.hide()
        self._show_end_buttons(False)
        self.feedback.hide()
        self._show_side()

    def answer(self, chosen: int) -> None:
        """The reader chose answer ``chosen``: say whether it was right, and why."""
        index = self.index
        correct = self._show_answer(chosen)
        self.answered.emit(index, correct)

    def _show_answer(self, chosen: int) -> bool:
        self.listen.stop()
        question = self.questions[self.index]
        correct = chosen == question.answer
        self.right += int(correct)
        self.answers.append(chosen)
        for number, button in enumerate(self.answer_buttons):
            button.setEnabled(False)
            verdict = (
                "right" if number == question.answer else ("wrong" if number == chosen else "")
            )
            # Qt style sheets can't see an ancestor's :disabled, so say it as properties.
            button.setProperty("answered", True)
            button.setProperty("verdict", verdict)
            repolish(button)  # so the verdict colours show
            button.mark(verdict)
        self.verdict.setText(tr("right" if correct else "not_quite", self.lang))
        self.feedback.setProperty("verdict", "right" if correct else "wrong")
        repolish(self.feedback)
        self.explanation.setText(question.explanation)
        last = self.index == len(self.questions) - 1
        self.next_button.setText(tr("see_result" if last else "next_question", self.lang))
        self.feedback.show()
        self._show_side()
        return correct

    @property
    def showing_feedback(self) -> bool:
        return self.feedback.isVisibleTo(self)

    def replay(self, answers: list[int], showing_feedback: bool) -> None:
        """Answer as a reader did on another copy of this check (at another text size
        or in another language), and stop where they were."""
        for number, chosen in enumerate(answers):
            self._show_answer(chosen)  # shown again, not answered again
            if number < len(answers) - 1 or not showing_feedback:
                self.advance()

    def advance(self) -> None:
        if self.index < len(self.questions) - 1:
            self.index += 1
            self._show_question()
            return
        self._show_end()

    def restart(self) -> None:
        """Start the questions again (nurses use this to re-teach and re-check)."""
        self.index = 0
        self.right = 0
        self.answers = []
        self._show_question()

    def _show_end_buttons(self, visible: bool) -> None:
        self.again_button.setVisible(visible)
        self.back_button.setVisible(visible)

    def _show_end(self) -> None:
        self.listen.stop()
        total = len(self.questions)
        self.progress.setText("")
        self.prompt.setText(tr("score", self.lang).format(right=self.right, total=total))
        self._clear_answers()
        self.closing.setText(tr("well_done", self.lang))
        self.closing.show()
        self._show_end_buttons(True)
        self.feedback.hide()
        self._show_side()
