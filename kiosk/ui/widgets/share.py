"""The take-home QR code: a page's web address as a code, with words a reader can type.

``SharePanel`` is the code with "Scan to read this at home" and the short address
under it (a side panel) or beside it (a band). ``TakeHome`` places a page's code:
a side panel beside the reading column on a landscape screen, a band under the
title on a portrait one, so it is on the first screen either way. A page with no
address gets neither: ``take_home`` returns None and nothing is left empty.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core import share
from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.qr import QrCode

# The code's side at 1080p, side panel and band. It grows with the screen, not with
# the visitor's text size: larger text needs no larger code.
SIDE_CODE = 240
BAND_CODE = 200
SIDE_WIDTH = 260  # the side panel at 1080p: room for the caption and the address
ADDRESS_LINES = 4


def address_lines(address: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
    """``address`` broken after its slashes into at most ``most`` lines of ``width`` pixels.

    What still does not fit is elided in the middle of the last line, so the site and
    the page's own name stay readable.
    """
    parts = [part + "/" for part in address.split("/")]
    parts[-1] = parts[-1][:-1]
    lines: list[str] = []
    current = ""
    for part in (p for p in parts if p):
        if current and metrics.horizontalAdvance(current + part) > width:
            lines.append(current)
            current = part
        else:
            current += part
    lines.append(current)
    if len(lines) > most:
        lines = [*lines[: most - 1], "".join(lines[most - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines]


@guarded
class AddressLabel(QLabel):
    """The short address, broken at slashes to fit its width (see ``address_lines``)."""

    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.setObjectName("ShareAddress")
        self.setAccessibleName(address)
        # Its width comes from the panel; its text never widens the panel.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(1)
        self.setText(address)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        lines = address_lines(self.address, self.fontMetrics(), self.width(), ADDRESS_LINES)
        shown = "\n".join(lines)
        if shown != self.text():
            self.setText(shown)


class SharePanel(QFrame):
    """A white card: the QR code for ``url``, and under it (or, as a band, beside it)
    "Scan to read this at home" and the address without ``https://``."""

    def __init__(self, url: str, lang: str, theme: Theme, *, band: bool = False) -> None:
        super().__init__()
        self.url = url
        self.setObjectName("SharePanel")
        pad = theme.px(16)
        side = round((BAND_CODE if band else SIDE_CODE) * theme.scale)
        self.code = QrCode(url, side, theme.palette.text)
        self.caption = QLabel(tr("share_scan", lang))
        self.caption.setObjectName("ShareCaption")
        self.caption.setWordWrap(True)
        self.address = AddressLabel(share.short(url))
        words = QVBoxLayout()
        words.setSpacing(theme.px(6))
        words.addWidget(self.caption)
        words.addWidget(self.address)
        direction = QBoxLayout.Direction.LeftToRight if band else QBoxLayout.Direction.TopToBottom
        box = QBoxLayout(direction, self)
        box.setContentsMargins(pad, pad, pad, pad)
        box.setSpacing(theme.px(12) if not band else theme.sizes.gap)
        box.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if band:
            words.insertStretch(0, 1)
            words.addStretch(1)
            box.addLayout(words, 1)
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        else:
            box.addLayout(words)
            # As wide as the code, or as the caption needs at a large text size.
            self.setFixedWidth(max(side, theme.px(SIDE_WIDTH)) + 2 * pad)
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)


@guarded
class TakeHome(QObject):
    """A page's code in two places, of which the screen's shape shows one.

    ``side`` goes beside the reading column, ``band`` under the title; the screen
    ``watched`` decides: landscape shows the side panel, portrait the band.
    """

    def __init__(self, url: str, lang: str, theme: Theme, watched: QWidget) -> None:
        super().__init__(watched)
        self.side = SharePanel(url, lang, theme)
        self.band = SharePanel(url, lang, theme, band=True)
        self.band.hide()
        watched.installEventFilter(self)

    @property
    def shown(self) -> SharePanel:
        return self.side if self.band.isHidden() else self.band

    def follow(self, width: int, height: int) -> None:
        portrait = width < height
        self.side.setVisible(not portrait)
        self.band.setVisible(portrait)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            self.follow(event.size().width(), event.size().height())
        return False


def take_home(url: str, lang: str, theme: Theme, watched: QWidget) -> TakeHome | None:
    """The page's code placed by the shape of ``watched``; None when it has no address."""
    return TakeHome(url, lang, theme, watched) if url else None


def band(url: str, lang: str, theme: Theme) -> SharePanel | None:
    """The code as a band, for a screen with one place for it; None with no address."""
    return SharePanel(url, lang, theme, band=True) if url else None
