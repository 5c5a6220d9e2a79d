"""The text-size button: a row of growing "A"s, the size on screen picked out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy

from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tappable import repolish


@guarded
class TextSizeButton(QPushButton):
    """One "A" for each text size, drawn at that size; the current one is filled in.

    Tapping moves to the next size (the owner decides which); the button only
    shows the size it is told. It needs no words, so it reads the same in every
    language, and its accessible name says the size in the visitor's language.
    """

    def __init__(self, scales: Sequence[float], theme: Theme) -> None:
        super().__init__()
        self.setProperty("role", "lang")  # the outlined look of the top bar's buttons
        self.scales = tuple(scales)
        self.steps: list[QLabel] = []
        layout = QHBoxLayout(self)
        pad = theme.sizes.gap // 3
        layout.setContentsMargins(pad * 3 // 2, pad, pad * 3 // 2, pad)
        layout.setSpacing(pad)
        # The smallest "A" at the small text size; the rest grow as the text will,
        # but never past what fits in the button's height.
        inner = theme.sizes.button - 2 * pad - 4  # 4: the border
        for scale in self.scales:
            step = QLabel("A")
            step.setObjectName("TextSizeStep")
            step.setProperty("current", False)
            step.setAlignment(Qt.AlignmentFlag.AlignCenter)
            step.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            font = QFont(theme.font_family)
            font.setPixelSize(
                min(round(theme.sizes.small * scale / self.scales[0]), inner * 3 // 5)
            )
            font.setWeight(QFont.Weight.Bold)
            step.setFont(font)
            step.setFixedSize(round(font.pixelSize() * 1.1) + 2 * pad, inner)
            layout.addWidget(step)
            self.steps.append(step)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(max(theme.px(132), layout.sizeHint().width()))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # The steps are children in a layout; a button's own hint counts only its text.
        return QSize(self.minimumWidth(), super().sizeHint().height())

    def show_scale(self, scale: float, lang: str) -> None:
        """Pick out ``scale`` (or the nearest step) and name it in ``lang``."""
        current = min(range(len(self.scales)), key=lambda i: abs(self.scales[i] - scale))
        for index, step in enumerate(self.steps):
            if step.property("current") != (index == current):
                step.setProperty("current", index == current)
                repolish(step)
        percent = f"{round(self.scales[current] * 100)}%"
        self.setAccessibleName(f"{tr('text_size', lang)} {percent}")

    @property
    def current(self) -> int:
        """The step shown as current (0: the standard size)."""
        return next(i for i, step in enumerate(self.steps) if step.property("current"))
