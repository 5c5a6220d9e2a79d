"""Every screen a visitor or staff member reaches, in both looks, at 100 % and 200 %, in
landscape, portrait and on the smallest screen: big enough targets, readable text
colours, no text cut off and no text over other text.

Contrast is measured on the drawn pixels, as a reader sees them: in the box of
each piece of text, the most common colour is its background and the colour
furthest from it is the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader, pin
from kiosk.core.config import Config
from kiosk.ui.app import styled
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.widgets.card import PageCard
from kiosk.ui.widgets.clamped import ClampedLabel
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.unit.ui.conftest import manual_timers
from tests.visitor import settle

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]  # landscape, portrait, the smallest
TARGET = 48
ARTICLE = "weaning/residual-milk"  # internal links, a table, callouts, a check
GUIDE = "weaning/gentle-weaning"


@dataclass
class Problem:
    screen: str
    what: str

    def __str__(self) -> str:
        return f"{self.screen}: {self.what}"


def _luminance(rgb: np.ndarray) -> np.ndarray:
    channels = rgb.astype(float) / 255
    linear = np.where(channels <= 0.03928, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8)
    rows = raw.reshape(image.height(), image.bytesPerLine())
    # A copy: the array must not outlive the converted image whose memory it reads.
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def _contrast(pixels: np.ndarray, box: QRect) -> float:
    """Text against its background in ``box``: the commonest colour, and the furthest."""
    region = pixels[box.top() : box.bottom() + 1, box.left() : box.right() + 1].reshape(-1, 3)
    packed = region.astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    values, counts = np.unique(packed, return_counts=True)
    colours = np.stack([(values >> 16) & 255, (values >> 8) & 255, values & 255], axis=1)
    lum = _luminance(colours)
    back = lum[counts.argmax()]
    ratios = (np.maximum(lum, back) + 0.05) / (np.minimum(lum, back) + 0.05)
    return float(ratios.max())


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty() and widget.window() is window


def _on_window(widget: QWidget, rect: QRect, window: QWidget) -> QRect:
    """``rect`` (in ``widget``), cut to what of it is visible, in window pixels."""
    seen = rect.intersected(widget.visibleRegion().boundingRect())
    return QRect(widget.mapTo(window, seen.topLeft()), seen.size()).intersected(window.rect())


Texty = QLabel | QPushButton | RichText


def _text_boxes(widget: Texty, window: QWidget) -> Iterator[tuple[str, QRect]]:
    """Boxes on the window holding one piece of visible text each."""
    if isinstance(widget, RichText):
        viewport = widget.viewport()
        block = widget.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                text = fragment.text().strip()
                if not text or fragment.charFormat().isImageFormat():
                    continue
                cursor = QTextCursor(widget.document())
                cursor.setPosition(fragment.position())
                start = widget.cursorRect(cursor)
                size = fragment.charFormat().font().pixelSize() or 20
                box = QRect(start.x(), start.y(), size * 3, start.height())
                box = _on_window(viewport, box.intersected(viewport.rect()), window)
                if box.width() > size and box.height() > size // 2:
                    yield text[:20], box
            block = block.next()
        return
    text = _words(widget)
    if not text.strip(" …"):
        return  # an empty label (a PIN not yet typed), or one shortened to nothing
    box = _on_window(widget, widget.contentsRect(), window)
    line = min(widget.fontMetrics().height(), widget.contentsRect().height())
    if box.width() > 4 and box.height() >= line:  # at least a line of it on screen
        yield text[:20], box


def _clipped(label: QLabel) -> bool:
    """Does the label's box cut its text? Clamped labels end in "…" on purpose."""
    text = label.text() if not isinstance(label, ClampedLabel) else label.shown
    if not text or label.textFormat().name == "RichText" or label.pixmap() is not None:
        return False
    if label.metaObject().className() == "ElidedLabel":
        return False
    room = label.contentsRect()
    metrics = label.fontMetrics()
    if label.wordWrap():
        return label.heightForWidth(room.width()) > room.height() + 2
    return metrics.horizontalAdvance(text) > room.width() + 1


def _audit(window: KioskWindow, screen: str, minimum: float) -> list[Problem]:
    settle()  # styles, layouts and pictures as a reader would see them
    pixels = _pixels(window.grab().toImage())
    found: list[Problem] = []
    texts: list[tuple[QWidget, QRect]] = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        tappable = isinstance(widget, QAbstractButton | PageCard) and widget.isEnabled()
        if tappable and (widget.width() < TARGET or widget.height() < TARGET):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            size = f"{widget.width()}x{widget.height()}"
            found.append(Problem(screen, f"target '{name}' is {size}"))
        if not isinstance(widget, QLabel | QPushButton | RichText) or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel) and _clipped(widget):
            found.append(Problem(screen, f"text cut off: '{widget.text()[:40]}'"))
        if isinstance(widget, RichText) or _words(widget).strip():
            texts.append((widget, _on_window(widget, widget.rect(), window)))
        for text, box in _text_boxes(widget, window):
            ratio = _contrast(pixels, box)
            if ratio < minimum:
                found.append(Problem(screen, f"'{text}' has contrast {ratio:.2f}"))
    found += [Problem(screen, what) for what in _overlaps(texts)]
    return found


def _words(widget: QWidget) -> str:
    """The text as drawn (a shortened label's, with its "…"), or "" for none."""
    if isinstance(widget, QPushButton):
        return QPushButton.text(widget)
    return QLabel.text(widget) if isinstance(widget, QLabel) else ""


def _overlaps(texts: list[tuple[QWidget, QRect]]) -> Iterator[str]:
    """Pieces of text drawn over each other (a label in its own button is not)."""
    for index, (one, box) in enumerate(texts):
        for other, other_box in texts[index + 1 :]:
            if one.isAncestorOf(other) or other.isAncestorOf(one):
                continue
            common = box.intersected(other_box)
            if common.width() > 2 and common.height() > 2:
                names = (_words(one) or type(one).__name__, _words(other) or type(other).__name__)
                yield f"'{names[0][:30]}' and '{names[1][:30]}' overlap"


def _walk(window: KioskWindow, qtbot: QtBot) -> Iterator[str]:
    """Show each screen in turn; yields its name once it is on screen."""
    window.leave_attract()
    window.show_home()
    yield "home"
    window.open_page(ARTICLE)
    yield "article"
    article = window.screen_widget
    assert isinstance(article, ArticleScreen)
    article.scroll_to_end()
    yield "article, end"
    window.open_page(GUIDE)
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    for index, name in ((0, "introduction"), (1, "step 1"), (guide.last, "summary")):
        guide.go_to(index, animate=False)
        yield f"guide {name}"
    page = window.library.get(ARTICLE, window.lang)
    assert page is not None
    window.open_check(page)
    check = window.screen_widget
    assert isinstance(check, CheckScreen)
    yield "check question"
    check.answer(0)
    yield "check feedback"
    window.reset()
    yield "attract"
    window.show_admin()
    yield "staff menu"
    window.open_staff()
    yield "PIN pad"
    window.close_staff()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
@pytest.mark.parametrize("lang", ["en", "zh-CN"])
@pytest.mark.parametrize("text_scale", [1.0, 2.0])
@pytest.mark.parametrize("look", ["standard", "high-contrast"])
def test_every_screen_has_big_targets_readable_text_and_nothing_cut_off(
    qtbot: QtBot, look: str, text_scale: float, lang: str, size: tuple[int, int]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = Config(
        theme=look,
        default_language=lang,
        pin_hash=pin.hash_pin("2468"),
        share_base_url="https://hospital.example/kiosk/",  # the take-home codes shown too
    )
    theme = styled(app, config, size)
    library = loader.load(resources.content_dir(), resources.assets_dir())
    window = KioskWindow(library, config, theme, timers=manual_timers(), kiosk_mode=False)
    window.resize(*size)
    with qtbot.waitActive(window):
        window.show()
    try:
        minimum = 7.0 if look == "high-contrast" else 4.5
        problems: list[Problem] = []
        screens = []
        for screen in _walk(window, qtbot):
            if text_scale != window.text_scale and screen == "home":
                window.set_text_scale(text_scale)
            screens.append(screen)
            problems += _audit(window, screen, minimum)
        assert len(screens) == 11
        assert not problems, "\n".join(map(str, problems))
    finally:
        window.request_exit()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.setStyleSheet("")


def test_the_contrast_measure_tells_grey_on_white_from_black_on_white() -> None:
    image = QImage(40, 20, QImage.Format.Format_RGB888)
    image.fill("#FFFFFF")
    pixels = _pixels(image).copy()
    pixels[5:8, 5:30] = (0x99, 0x99, 0x99)  # a grey stroke: 2.8:1
    assert 2.7 < _contrast(pixels, QRect(0, 0, 40, 20)) < 2.9
    pixels[10:12, 5:30] = (0, 0, 0)
    assert _contrast(pixels, QRect(0, 0, 40, 20)) == pytest.approx(21.0)
    assert _contrast(pixels, QRect(QPoint(0, 0), QPoint(39, 9))) < 3  # the grey one alone


def test_the_overlap_check_tells_text_over_text_from_text_in_its_button(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(400, 200)
    first, second = QLabel("First words", window), QLabel("Second words", window)
    first.setGeometry(10, 10, 200, 40)
    second.setGeometry(100, 30, 200, 40)  # over the end of the first
    button = QPushButton("", window)
    button.setGeometry(10, 120, 200, 60)
    inside = QLabel("In the button", button)
    inside.setGeometry(10, 10, 150, 40)
    window.show()
    texts = [(w, _on_window(w, w.rect(), window)) for w in (first, second, button, inside)]
    assert list(_overlaps(texts)) == ["'First words' and 'Second words' overlap"]
