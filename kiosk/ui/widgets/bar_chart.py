"""A horizontal bar chart, painted: one row per label, its bar, and its count.

Small and themed on purpose: QtCharts would load a module, and a look of its
own, for a dozen bars on the staff panel.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.guard import guarded
from kiosk.ui.theme import Theme


@guarded
class BarChart(QWidget):
    """Rows of (label, value), longest bar for the largest value, in the order given.

    Labels take up to half the width (longer ones end in "…"); each
    count is written just past its bar, so it reads without a scale.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BarChart")
        self.theme = theme
        self.rows: tuple[tuple[str, int], ...] = ()
        font = QFont(list(theme.families))
        font.setPixelSize(theme.sizes.small)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: Sequence[tuple[str, int]]) -> None:
        self.rows = tuple((label, max(0, value)) for label, value in rows)
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value in rows))
        self.updateGeometry()
        self.update()

    @property
    def row_height(self) -> int:
        return max(QFontMetrics(self.font()).height() * 3 // 2, self.theme.sizes.target * 3 // 4)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.theme.px(600), self.row_height * max(1, len(self.rows)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.theme.px(300), self.row_height * max(1, len(self.rows)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        if not self.rows:
            return
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        gap = self.theme.sizes.gap // 2
        width, row = self.width(), self.row_height
        widest_label = max(metrics.horizontalAdvance(label) for label, _ in self.rows)
        label_width = min(widest_label, width // 2)
        count_width = max(metrics.horizontalAdvance(str(value)) for _, value in self.rows)
        bar_left = label_width + gap
        bar_room = max(1, width - bar_left - gap - count_width)
        most = max(value for _, value in self.rows) or 1
        bar_height = row * 3 // 5
        for index, (label, value) in enumerate(self.rows):
            top = index * row
            painter.setPen(QColor(palette.text))
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(
                QRectF(0, top, label_width, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                shown,
            )
            length = max(2.0, bar_room * value / most) if value else 0.0
            bar = QRectF(bar_left, top + (row - bar_height) / 2, length, bar_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.primary))
            radius = min(self.theme.sizes.small_radius / 2, bar_height / 2)
            painter.drawRoundedRect(bar, radius, radius)
            painter.setPen(QColor(palette.text))
            painter.drawText(
                QRectF(bar.right() + gap, top, count_width + gap, row),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                str(value),
            )
        painter.end()
