"""The speaker button a page, guide step or question has, and its Stop button beside it.

A screen adds one with a line or two: it gives the reader, the page's language,
a way to find the widgets to read (at the time of the tap), and the page's
recording if there is one. Where nothing can be read in that language, the
button never shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from kiosk.core.model import Page
from kiosk.ui.speech.parts import LabelPart, Part, RichPart
from kiosk.ui.speech.service import PAUSED, READING, ReadAloud
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.widgets.tappable import repolish

Readable = QLabel | RichText | None


def _looks(state: str, lang: str) -> tuple[str, str, str]:
    """The button in ``state``: its icon, its words and its accessible name."""
    if state == READING:
        return "pause", tr("listen_pause", lang), tr("listen_pause_name", lang)
    if state == PAUSED:
        return "speaker", tr("listen_resume", lang), tr("listen_resume_name", lang)
    return "speaker", tr("listen", lang), tr("listen_name", lang)


class Controls(QFrame):
    """The speaker button (Listen, Pause, Go on) and Stop beside it while reading."""

    def __init__(self, lang: str, theme: Theme, icons: dict[str, QIcon]) -> None:
        super().__init__()
        self.lang, self._icons = lang, icons
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.sizes.gap // 2)
        self.toggle = QPushButton()
        self.stop_button = QPushButton(tr("listen_stop", lang))
        for button in (self.toggle, self.stop_button):
            button.setProperty("role", "listen")
            button.setIconSize(QSize(theme.sizes.button_text, theme.sizes.button_text))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        self.stop_button.setIcon(icons["stop"])
        self.stop_button.setAccessibleName(tr("listen_stop_name", lang))

    def show_state(self, state: str) -> None:
        icon, words, name = _looks(state, self.lang)
        self.toggle.setIcon(self._icons[icon])
        self.toggle.setText(words)
        self.toggle.setAccessibleName(name)
        reading = state in (READING, PAUSED)
        if bool(self.toggle.property("reading")) != reading:
            self.toggle.setProperty("reading", reading)
            repolish(self.toggle)
        self.stop_button.setVisible(reading)


class ReadAloudButton(QWidget):
    """Listen (then Pause, then Go on), and Stop while reading.

    ``widgets`` gives what to read, in order, when the button is tapped: labels
    and rich text; ``None`` and hidden ones are skipped. While reading scrolls
    the button out of view, a copy of it floats in the corner of the screen, so
    Pause and Stop are always at hand.
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
        self.reader, self.lang, self.recording, self.theme = reader, lang, recording, theme
        self._widgets = widgets
        self.offered = reader is not None and reader.offers(lang, recording)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        colour = QColor(theme.palette.primary)
        size = theme.sizes.button_text
        self._icons = {name: _icon(name, size, colour) for name in ("speaker", "pause", "stop")}
        self.controls = Controls(lang, theme, self._icons)
        self.toggle, self.stop_button = self.controls.toggle, self.controls.stop_button
        self._wire(self.controls)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.controls)
        self.floating: Controls | None = None  # made when first needed
        self._area: QScrollArea | None = None
        self._show_state()
        if reader is not None and self.offered:
            reader.changed.connect(self._show_state)
        elif reader is not None and reader.enabled:
            # The engine is still starting, or will be tried again: the button comes
            # when it is up.
            reader.ready.connect(self._engine_up)
        self.setVisible(self.offered)

    def _engine_up(self) -> None:
        assert self.reader is not None
        self.offered = self.reader.offers(self.lang, self.recording)
        if self.offered:
            self.reader.ready.disconnect(self._engine_up)
            self.reader.changed.connect(self._show_state)
            self._show_state()
            self.setVisible(True)

    @property
    def state(self) -> str:
        return self.reader.state_of(self) if self.reader is not None else "idle"

    def parts(self) -> list[Part]:
        found: list[Part] = []
        for widget in self._widgets():
            if widget is None or not widget.isVisibleTo(widget.window()):
                continue
            if isinstance(widget, RichText):
                found.append(RichPart(widget, self.theme.palette.reading))
            else:
                found.append(LabelPart(widget))
        return found

    def stop(self) -> None:
        """Stop reading, if this button's text is what is being read."""
        if self.reader is not None and self.reader.owner is self:
            self.reader.stop()

    def _wire(self, controls: Controls) -> None:
        controls.toggle.clicked.connect(self._tapped)
        controls.stop_button.clicked.connect(self.stop)

    def _tapped(self) -> None:
        if self.reader is not None:
            self.reader.toggle(self, self.parts(), self.lang, self.recording)

    def _show_state(self) -> None:
        state = self.state
        self.controls.show_state(state)
        if self.floating is not None:
            self.floating.show_state(state)
        if state != "idle" and self._area is None:
            self._area = self._scroll_area()
            if self._area is not None:
                self._area.verticalScrollBar().valueChanged.connect(self._place_floating)
        self._place_floating()

    def _scroll_area(self) -> QScrollArea | None:
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        return area

    def _place_floating(self) -> None:
        """Float a copy in the screen's corner while this one is scrolled out of view."""
        area = self._area
        if area is None:
            return
        viewport = area.viewport()
        top = self.mapTo(viewport, QPoint(0, 0)).y()
        hidden = top + self.height() <= 0 or top >= viewport.height()
        wanted = self.state != "idle" and hidden
        if wanted and self.floating is None:
            self.floating = Controls(self.lang, self.theme, self._icons)
            self.floating.setObjectName("ReadAloudFloat")
            gap = self.theme.sizes.gap // 2
            self.floating.row.setContentsMargins(gap, gap, gap, gap)
            self.floating.setParent(area)
            self._wire(self.floating)
            self.floating.show_state(self.state)
        if self.floating is None:
            return
        if wanted:
            self.floating.adjustSize()
            margin = self.theme.sizes.gap
            frame = viewport.geometry()
            self.floating.move(
                frame.right() - self.floating.width() - margin,
                frame.bottom() - self.floating.height() - margin,
            )
            self.floating.raise_()
        self.floating.setVisible(wanted)


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
