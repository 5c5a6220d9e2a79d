"""The speaker button a page, guide step or question has, and its Stop button beside it.

A screen adds one with a line or two: it gives the reader, the page's language,
a way to find the widgets to read (at the time of the tap), and the page's
recording if there is one. Where nothing can be read in that language, the
button never shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.core.model import Page
from kiosk.ui.speech.parts import LabelPart, Part, RichPart
from kiosk.ui.speech.service import PAUSED, READING, ReadAloud
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.widgets.tappable import repolish

Readable = QLabel | RichText | None

# Each state's button: its icon, its words and its accessible name (string keys).
LOOKS = {
    "idle": ("speaker", "listen", "listen_name"),
    READING: ("pause", "listen_pause", "listen_pause_name"),
    PAUSED: ("speaker", "listen_resume", "listen_resume_name"),
}


class ReadAloudButton(QWidget):
    """Listen (then Pause, then Continue), and Stop while reading.

    ``widgets`` gives what to read, in order, when the button is tapped: labels
    and rich text; ``None`` and hidden ones are skipped.
    """

    def __init__(
        self,
        reader: ReadAloud | None,
        lang: str,
        theme: Theme,
        widgets: Callable[[], Sequence[Readable]],
        recording: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader, self.lang, self.recording = reader, lang, recording
        self._widgets = widgets
        self._highlight = theme.palette.reading
        self.offered = reader is not None and reader.offers(lang, recording)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.sizes.gap // 2)
        icon_px = theme.sizes.button_text
        colour = QColor(theme.palette.primary)
        self._icons = {name: _icon(name, icon_px, colour) for name in ("speaker", "pause", "stop")}
        self.toggle = QPushButton()
        self.stop_button = QPushButton(tr("listen_stop", lang))
        for button in (self.toggle, self.stop_button):
            button.setProperty("role", "listen")
            button.setIconSize(QSize(icon_px, icon_px))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        self.stop_button.setIcon(self._icons["stop"])
        self.stop_button.setAccessibleName(tr("listen_stop_name", lang))
        self.toggle.clicked.connect(self._tapped)
        self.stop_button.clicked.connect(self.stop)
        self._show_state()
        if reader is not None and self.offered:
            reader.changed.connect(self._show_state)
        self.setVisible(self.offered)

    @property
    def state(self) -> str:
        return self.reader.state_of(self) if self.reader is not None else "idle"

    def parts(self) -> list[Part]:
        found: list[Part] = []
        for widget in self._widgets():
            if widget is None or not widget.isVisibleTo(widget.window()):
                continue
            if isinstance(widget, RichText):
                found.append(RichPart(widget, self._highlight))
            else:
                found.append(LabelPart(widget))
        return found

    def stop(self) -> None:
        """Stop reading, if this button's text is what is being read."""
        if self.reader is not None and self.reader.owner is self:
            self.reader.stop()

    def _tapped(self) -> None:
        if self.reader is not None:
            self.reader.toggle(self, self.parts(), self.lang, self.recording)

    def _show_state(self) -> None:
        state = self.state
        icon, words, name = LOOKS.get(state, LOOKS["idle"])
        self.toggle.setIcon(self._icons[icon])
        self.toggle.setText(tr(words, self.lang))
        self.toggle.setAccessibleName(tr(name, self.lang))
        reading = state in (READING, PAUSED)
        if bool(self.toggle.property("reading")) != reading:
            self.toggle.setProperty("reading", reading)
            repolish(self.toggle)
        self.stop_button.setVisible(reading)


def _icon(name: str, size: int, colour: QColor) -> QIcon:
    """A plain drawn icon: a speaker, a pause sign or a stop square."""
    ratio = 2  # drawn at twice the size, so it stays crisp on a dense screen
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    s = float(size)
    if name == "speaker":
        body = QPainterPath()
        body.moveTo(s * 0.08, s * 0.36)
        body.lineTo(s * 0.28, s * 0.36)
        body.lineTo(s * 0.52, s * 0.14)
        body.lineTo(s * 0.52, s * 0.86)
        body.lineTo(s * 0.28, s * 0.64)
        body.lineTo(s * 0.08, s * 0.64)
        body.closeSubpath()
        painter.drawPath(body)
        pen = QPen(colour, s * 0.08)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for radius in (0.16, 0.32):
            box = QRectF(s * (0.52 - radius), s * (0.5 - radius), s * radius * 2, s * radius * 2)
            painter.drawArc(box, -50 * 16, 100 * 16)
    elif name == "pause":
        bar = s * 0.2
        painter.drawRoundedRect(QRectF(s * 0.22, s * 0.14, bar, s * 0.72), 2, 2)
        painter.drawRoundedRect(QRectF(s * 0.58, s * 0.14, bar, s * 0.72), 2, 2)
    else:
        painter.drawRoundedRect(QRectF(s * 0.18, s * 0.18, s * 0.64, s * 0.64), 3, 3)
    painter.end()
    return QIcon(pixmap)


def recording(page: Page, screen: int = 0) -> Path | None:
    """The page's recording for one of its screens (a guide's: 0 is its introduction)."""
    return page.audio[screen] if screen < len(page.audio) else None
