"""A picture (SVG or bitmap) drawn crisply at any size, keeping its shape."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from kiosk.core.model import Image
from kiosk.ui.guard import guarded


@guarded
class Picture(QWidget):
    """Draws ``image`` centred and scaled to fit; its alt text is its accessible name.

    With ``bleed``, an illustration's shapes that run past its frame go on into
    the spare space around it (up to rounded corners of ``radius``), so a wider
    or taller box than the picture shows no hard edge where the frame ends.
    """

    def __init__(
        self,
        image: Image | None,
        parent: QWidget | None = None,
        *,
        bleed: bool = False,
        radius: int = 0,
    ) -> None:
        super().__init__(parent)
        self._bleed = bleed
        self._radius = radius
        self._svg: QSvgRenderer | None = None
        self._pixmap: QPixmap | None = None
        if image is not None:
            self.setAccessibleName(image.alt)
            self._load(image.path)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def _load(self, path: Path) -> None:
        if path.suffix.lower() == ".svg":
            renderer = QSvgRenderer(str(path), self)
            if renderer.isValid():
                self._svg = renderer
                return
        pixmap = QPixmap(str(path))
        if not pixmap.isNull():
            self._pixmap = pixmap

    def natural_size(self) -> QSize:
        if self._svg is not None:
            return self._svg.defaultSize()
        if self._pixmap is not None:
            return self._pixmap.size()
        return QSize(0, 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        natural = self.natural_size()
        if natural.isEmpty():
            return
        box = self.rect()
        scale = min(box.width() / natural.width(), box.height() / natural.height())
        width, height = natural.width() * scale, natural.height() * scale
        target = QRectF(
            box.x() + (box.width() - width) / 2,
            box.y() + (box.height() - height) / 2,
            width,
            height,
        )
        painter = QPainter(self)
        if self._bleed:
            frame = QPainterPath()
            frame.addRoundedRect(QRectF(box), self._radius, self._radius)
            painter.setClipPath(frame)
        else:
            painter.setClipRect(target)  # shapes past an SVG's frame must not bleed out
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._svg is not None:
            self._svg.render(painter, target)
        elif self._pixmap is not None:
            painter.drawPixmap(target.toRect(), self._pixmap)
        painter.end()
