"""A wrapping label that shows at most a few lines and ends a longer text with "…"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.guard import guarded

# A line with tall Latin and Chinese letters: what one line of a label needs.
_SAMPLE = "Ág中"


def lines_height(font: QFont, lines: int) -> int:
    """Pixels that ``lines`` wrapped lines of text in ``font`` take in a QLabel."""
    box = QRect(0, 0, 10_000, 100_000)
    text = "\n".join([_SAMPLE] * lines)
    return QFontMetrics(font).boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()


@guarded
class ClampedLabel(QLabel):
    """Wraps its text over at most ``max_lines`` lines; past that it ends with "…".

    ``text()`` is always the whole text, and so is the accessible name.
    """

    def __init__(self, text: str, max_lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._full = ""
        self._clamped_for: tuple[str, int, str] = ("", 0, "")  # text, width, font
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._full = text
        self.setAccessibleName(text)
        self._clamp()

    def text(self) -> str:
        return self._full

    @property
    def shown(self) -> str:
        """The text as it is on screen, perhaps shortened."""
        return super().text()

    def _clamp(self) -> None:
        width = self.contentsRect().width()
        done = (self._full, width, self.font().key())
        if done == self._clamped_for:
            return  # layouts resize a label several times over
        self._clamped_for = done
        shown = self._full
        if width > 0:
            starts = self._line_starts(width)
            if len(starts) > self.max_lines:
                last = starts[self.max_lines - 1]
                tail = " ".join(self._full[last:].split())
                elided = self.fontMetrics().elidedText(tail, Qt.TextElideMode.ElideRight, width)
                shown = self._full[:last] + elided
        if shown != super().text():
            super().setText(shown)

    def _line_starts(self, width: int) -> list[int]:
        """Where each wrapped line starts, up to one line past the limit."""
        layout = QTextLayout(self._full, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        starts: list[int] = []
        layout.beginLayout()
        while len(starts) <= self.max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append(line.textStart())
        layout.endLayout()
        return starts

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._clamp()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._clamp()
