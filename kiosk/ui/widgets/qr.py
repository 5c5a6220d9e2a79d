"""A QR code, made offline and painted module by module, crisp at any size."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.guard import guarded

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def modules(text: str) -> list[list[bool]]:
    """The code's dark (True) and light modules, row by row, quiet zone included."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(dark) for dark in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


@guarded
class QrCode(QWidget):
    """``text`` as a square QR code, ``side`` pixels wide: dark modules on white.

    Each module is a whole number of pixels, so its edges fall on pixel edges and a
    phone's camera sees sharp squares; what is left over widens the white border.
    """

    def __init__(self, text: str, side: int, dark: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.modules = modules(text)
        self._dark = QColor(dark)
        # Whole pixels per module: the widget is exactly the code, quiet zone included.
        cell = max(1, side // len(self.modules))
        self.setFixedSize(cell * len(self.modules), cell * len(self.modules))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(text)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.size()

    def module_size(self) -> int:
        """Pixels per module at the widget's size (at least 1)."""
        return max(1, min(self.width(), self.height()) // len(self.modules))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        cell = self.module_size()
        count = len(self.modules)
        left = (self.width() - cell * count) // 2
        top = (self.height() - cell * count) // 2
        for y, row in enumerate(self.modules):
            x = 0
            while x < count:  # a run of dark modules is one rectangle: no seams between them
                if not row[x]:
                    x += 1
                    continue
                end = x
                while end < count and row[end]:
                    end += 1
                painter.fillRect(
                    QRect(left + x * cell, top + y * cell, (end - x) * cell, cell), self._dark
                )
                x = end
        painter.end()
