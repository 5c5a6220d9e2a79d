"""The visitor's reading aids in the top bar: A− and A+ for the text size, and the
high-contrast switch. They need no words, so they read the same in every
language; their accessible names say what they do in the visitor's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import Palette, Theme


class TextSizeButtons(QWidget):
    """A− and A+, with the size on screen between them ("150%").

    Each tap moves one step; at the smallest size A− is greyed out, at the
    largest A+ is. The owner decides what the sizes are and which one is shown.

    Signals:
        smaller(): A− was tapped.
        larger(): A+ was tapped.
    """

    smaller = Signal()
    larger = Signal()

    def __init__(self, scales: Sequence[float], theme: Theme) -> None:
        super().__init__()
        self.scales = tuple(scales)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.sizes.gap // 3)
        self.smaller_button = self._button("A−", 0.8, theme, self.smaller.emit)
        self.level = QLabel()
        self.level.setObjectName("TextSizeLevel")
        self.level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.level.setMinimumWidth(self.level.fontMetrics().horizontalAdvance("200%") + 8)
        self.larger_button = self._button("A+", 1.15, theme, self.larger.emit)
        layout.addWidget(self.smaller_button)
        layout.addWidget(self.level)
        layout.addWidget(self.larger_button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._index = 0

    @staticmethod
    def _button(text: str, size: float, theme: Theme, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", "aid")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The "A" itself shows which way the text goes: small on A−, big on A+.
        button.setStyleSheet(f"font-size: {round(theme.sizes.button_text * size)}px;")
        button.setFixedSize(theme.sizes.button, theme.sizes.button)
        button.clicked.connect(slot)
        return button

    def show_scale(self, scale: float, lang: str) -> None:
        """Show ``scale`` (or the nearest step), and name the buttons in ``lang``."""
        self._index = min(range(len(self.scales)), key=lambda i: abs(self.scales[i] - scale))
        percent = f"{round(self.scales[self._index] * 100)}%"
        self.level.setText(percent)
        self.level.setAccessibleName(f"{tr('text_size', lang)} {percent}")
        self.smaller_button.setEnabled(self._index > 0)
        self.larger_button.setEnabled(self._index < len(self.scales) - 1)
        self.smaller_button.setAccessibleName(tr("smaller_text", lang))
        self.larger_button.setAccessibleName(tr("larger_text", lang))

    @property
    def current(self) -> int:
        """The step shown (0: the standard size)."""
        return self._index


@guarded
class ContrastButton(QPushButton):
    """A checkable button showing a half-filled circle, the usual sign for contrast."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.setProperty("role", "aid")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedSize(theme.sizes.button, theme.sizes.button)
        self._inks = (QColor(theme.palette.primary), QColor(theme.palette.on_primary))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        ink = self._inks[self.isChecked()]  # the colour of the sheet's text on it
        radius = min(self.width(), self.height()) * 0.24
        centre = QPointF(self.width() / 2, self.height() / 2)
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ink, max(2.0, radius / 6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPie(box, 90 * 16, 180 * 16)  # the left half filled
        painter.end()

    def show_state(self, high: bool, lang: str, palette: Palette) -> None:
        self._inks = (QColor(palette.primary), QColor(palette.on_primary))
        self.setChecked(high)
        self.setAccessibleName(tr("high_contrast", lang))
