"""A page body in Qt's rich text: no own scrolling, no selection, only internal links.

The view is as tall as its text; the screen around it scrolls (kinetically). SVG
images are drawn by QtSvg at the size they are shown, so they stay crisp; every
image is scaled down to the text width.

Qt's text interaction is switched off entirely: with it, a triple-click or Ctrl+A
selects the page and Ctrl+C copies it, even when only links are meant to be
active. A tap on a link is recognised here instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextImageFormat,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from kiosk.ui.guard import guarded
from kiosk.ui.widgets.tappable import TapTracker

SVG_RENDER_WIDTH = 1600  # pixels at most; enough for the widest column on a 4K screen


@guarded
class RichText(QTextBrowser):
    """Shows sanitized HTML.

    Signals:
        page_link(str): an internal link was tapped; carries the page id.
        text_tapped(int): the text (not a link) was tapped; carries the position in it.
    """

    page_link = Signal(str)
    text_tapped = Signal(int)

    def __init__(
        self,
        html: str,
        css: str,
        body_px: int,
        max_image_width: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._max_image_width = max_image_width
        self._natural: dict[str, QSize] = {}
        self._tap = TapTracker()
        self._pressed_link = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.viewport().setAutoFillBackground(False)
        # The widget's font becomes the document's default font (QTextEdit does that).
        self.setStyleSheet(f"background: transparent; font-size: {body_px}px;")
        self.document().setDocumentMargin(0)
        # List numbers sit in the indent; it must grow with the text or "10." is cut.
        self.document().setIndentWidth(round(body_px * 1.7))
        self.document().setDefaultStyleSheet(css)
        self.setHtml(html)
        self.anchorClicked.connect(self._follow)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def heading_tops(self, level: int) -> list[int]:
        """Where each heading of ``level`` starts, in pixels from the top of the text."""
        layout = self.document().documentLayout()
        tops = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == level:
                tops.append(round(layout.blockBoundingRect(block).top()))
            block = block.next()
        return tops

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "page":
            self.page_link.emit(url.path())

    # A tap is a press and a release on the same link without a drag between.
    # When the kinetic scroller takes a drag over, it ends the press far outside
    # the view, so a scroll that starts on a link never follows it.

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._tap.press(event.position().toPoint(), event.button()):
            self._pressed_link = self.anchorAt(event.position().toPoint())
        event.ignore()  # the screen behind may start a scroll

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self._tap.move(event.position().toPoint())
        event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        tapped = self._tap.release()
        link, self._pressed_link = self._pressed_link, ""
        if tapped and link and self.anchorAt(event.position().toPoint()) == link:
            self.anchorClicked.emit(QUrl(link))
        elif tapped and not link:  # read aloud from here, if reading
            self.text_tapped.emit(self.cursorForPosition(event.position().toPoint()).position())
        event.ignore()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        event.ignore()

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt API)
        url = QUrl(url)
        path = url.toLocalFile()
        if path.lower().endswith(".svg"):
            renderer = QSvgRenderer(path)
            if renderer.isValid() and not renderer.defaultSize().isEmpty():
                natural = renderer.defaultSize()
                # As wide as it can be shown, not wider: every pixel of a 1600-wide
                # picture costs memory for as long as the page is kept.
                shown = round(self._max_image_width * self.devicePixelRatioF())
                width = min(SVG_RENDER_WIDTH, max(1, shown))
                height = round(width * natural.height() / natural.width())
                image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(Qt.GlobalColor.transparent)
                painter = QPainter(image)
                painter.setClipRect(image.rect())
                renderer.render(painter)
                painter.end()
                return image
        return super().loadResource(kind, url)

    def _natural_size(self, name: str) -> QSize:
        if name not in self._natural:
            path = QUrl(name).toLocalFile()
            if not path:
                size = QSize()  # no file: nothing to measure (and nothing for Qt to open)
            elif path.lower().endswith(".svg"):
                size = QSvgRenderer(path).defaultSize()
            else:
                size = QImageReader(path).size()
            self._natural[name] = size
        return self._natural[name]

    def _fit_images(self) -> None:
        """Scale each image to fit the text width, keeping its shape."""
        available = min(self._max_image_width, max(1, self.viewport().width()))
        document = self.document()
        before = document.revision()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            has_image = False
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    has_image = True
                    image = fmt.toImageFormat()
                    natural = self._natural_size(image.name())
                    if not natural.isEmpty():
                        self._resize_image(fragment, image, natural, available)
                iterator += 1
            if has_image:
                self._single_line_height(block)
            block = block.next()
        if document.revision() != before:
            # Changing formats in place leaves the blocks after them laid out at zero
            # height (Qt re-lays out only the changed ones): lay out the whole text
            # again, or the end of the page is never shown.
            document.markContentsDirty(0, document.characterCount())

    def _resize_image(
        self, fragment: object, image: QTextImageFormat, natural: QSize, available: int
    ) -> None:
        width = float(available)
        height = width * natural.height() / natural.width()
        if abs(image.width() - width) < 0.5:
            return
        image.setWidth(width)
        image.setHeight(height)
        cursor = self.textCursor()
        cursor.setPosition(fragment.position())  # type: ignore[attr-defined]
        cursor.setPosition(
            fragment.position() + fragment.length(),  # type: ignore[attr-defined]
            cursor.MoveMode.KeepAnchor,
        )
        cursor.setCharFormat(image)

    def _single_line_height(self, block: QTextBlock) -> None:
        """Text's roomy line height would add half an image of space under a picture."""
        fmt = block.blockFormat()
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        if fmt.lineHeightType() == proportional and fmt.lineHeight() == 100:
            return
        fmt.setLineHeight(100, proportional)
        cursor = QTextCursor(block)
        cursor.setBlockFormat(fmt)

    def _fit_height(self, size: QSizeF | None = None) -> None:
        height = round(self.document().size().height()) + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.document().setTextWidth(self.viewport().width())
        self._fit_images()
        self._fit_height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.width(), round(self.document().size().height()) + 2)
