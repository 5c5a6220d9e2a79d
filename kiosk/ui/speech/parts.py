"""What is read aloud: pieces of a screen's text, split into sentences that can be marked.

A ``Part`` is one widget's text: a label (a title, a question, an answer) or a
page body in rich text. The sentence being read is marked in place (the rich
text's own highlight, or a label's ``reading`` property in the style sheet) and
scrolled into view.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QLabel, QScrollArea, QTextEdit, QWidget

from kiosk.core import sentences
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.widgets.tappable import repolish


class Part:
    """One widget's text, read aloud sentence by sentence."""

    widget: QWidget

    def text(self) -> str:
        raise NotImplementedError

    def mark(self, span: tuple[int, int] | None) -> None:
        """Mark the sentence at ``span`` as being read (None: mark nothing)."""
        raise NotImplementedError

    def rect(self, span: tuple[int, int]) -> QRect:
        """Where that sentence is, in the widget's coordinates."""
        return self.widget.rect()


class LabelPart(Part):
    """A label read whole, or in sentences; the label itself lights up while it is read."""

    def __init__(self, label: QLabel, text: str | None = None) -> None:
        self.widget = label
        self._text = text

    def text(self) -> str:
        return self._text if self._text is not None else self.widget.text()  # type: ignore[attr-defined]

    def mark(self, span: tuple[int, int] | None) -> None:
        if bool(self.widget.property("reading")) != (span is not None):
            self.widget.setProperty("reading", span is not None)
            repolish(self.widget)


class RichPart(Part):
    """A page body: the sentence being read is highlighted in the text itself."""

    def __init__(self, rich: RichText, colour: str) -> None:
        self.widget = self.rich = rich
        self._colour = QColor(colour)

    def text(self) -> str:
        # The raw text keeps the document's positions (U+2029 between paragraphs).
        return self.rich.document().toRawText()

    def mark(self, span: tuple[int, int] | None) -> None:
        if span is None:
            self.rich.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(span)
        selection.format.setBackground(self._colour)
        self.rich.setExtraSelections([selection])

    def rect(self, span: tuple[int, int]) -> QRect:
        cursor = self._cursor((span[0], span[0]))
        first = self.rich.cursorRect(cursor)
        cursor.setPosition(span[1])
        last = self.rich.cursorRect(cursor)
        top_left = self.rich.viewport().mapTo(self.rich, first.topLeft())
        height = last.bottom() - first.top()
        return QRect(top_left.x(), top_left.y(), self.rich.width(), max(height, first.height()))

    def _cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self.rich.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor


@dataclass(frozen=True)
class Sentence:
    part: Part
    start: int
    end: int
    text: str  # as the speech engine gets it

    def mark(self, on: bool) -> None:
        with contextlib.suppress(RuntimeError):  # the screen may be gone already
            self.part.mark((self.start, self.end) if on else None)

    def show(self) -> None:
        """Scroll the sentence into view, if a scroll area holds it."""
        with contextlib.suppress(RuntimeError):
            keep_in_view(self.part.widget, self.part.rect((self.start, self.end)))


def split(parts: list[Part]) -> list[Sentence]:
    """Every sentence of ``parts``, in order."""
    found: list[Sentence] = []
    for part in parts:
        text = part.text()
        for start, end in sentences.spans(text):
            found.append(Sentence(part, start, end, sentences.spoken(text[start:end])))
    return found


def keep_in_view(widget: QWidget, rect: QRect) -> None:
    """Scroll the nearest scroll area around ``widget`` so that ``rect`` of it shows.

    A sentence that is out of view comes to a quarter of the way down, with room
    below it for the next ones: the page moves now and then, not at every line.
    """
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    inner = area.widget() if area is not None else None
    if area is None or inner is None or not widget.isVisible():
        return
    top = widget.mapTo(inner, rect.topLeft()).y()
    bottom = top + rect.height()
    bar, shown = area.verticalScrollBar(), area.viewport().height()
    if top < bar.value() or bottom > bar.value() + shown:
        bar.setValue(top - shown // 4)
