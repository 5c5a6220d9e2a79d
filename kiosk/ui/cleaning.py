"""Screen-cleaning mode: the screen ignores every touch while staff wipe it.

From the staff panel. A cover over the whole window takes every touch, click
and key (the staff corner and the idle timer see none of them) and counts down
in big numbers; then the panel is back as it was. The idle timer is stopped
while cleaning, so an idle reset cannot take the cover away early, and started
afresh after it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.cover import Cover

# Whoever cleans may read either language: one short line in both.
CLEANING = "Cleaning the screen… · 正在清洁屏幕…"


class CleaningMode(QObject):
    """Covers ``window`` for ``seconds`` ticks of ``tick`` (a 1 s timer, given so
    tests fire it), showing the seconds left. Once: made for one cleaning, and gone
    (with its cover) after it.

    Signals:
        finished(): the time is up and the cover is gone.
    """

    finished = Signal()

    def __init__(self, window: QWidget, seconds: int, tick: QTimer, theme: Theme) -> None:
        super().__init__(window)
        self.seconds = max(1, seconds)
        self.left = 0
        self.tick = tick
        tick.timeout.connect(self._tick)
        self.cover = Cover(window, "CleaningCover")
        layout = QVBoxLayout(self.cover)
        layout.setSpacing(theme.sizes.gap)
        layout.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("CleaningCount")
        font = QFont(list(theme.families))
        font.setPixelSize(theme.px(320))
        font.setWeight(QFont.Weight.Bold)
        self.count.setFont(font)
        self.line = QLabel(CLEANING)
        self.line.setObjectName("CleaningLine")
        self.line.setWordWrap(True)
        for label in (self.count, self.line):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)

    @property
    def active(self) -> bool:
        return self.cover.covering

    def start(self) -> None:
        self.left = self.seconds
        self.count.setText(str(self.left))
        self.cover.cover()
        self.tick.start()

    def _tick(self) -> None:
        self.left -= 1
        if self.left > 0:
            self.count.setText(str(self.left))
        else:
            self.stop()

    def stop(self) -> None:
        """End it now (the time is up, or the panel is going)."""
        if not self.active:
            return
        self.tick.stop()
        self.tick.timeout.disconnect(self._tick)
        self.cover.uncover()
        self.cover.deleteLater()
        self.deleteLater()
        self.finished.emit()
