"""The attract screen: what the kiosk is about, and "Touch to start" in every language.

Featured cards rotate; the content shifts a few pixels every minute so nothing
burns into the screen. Any touch goes home.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.config import Config
from kiosk.core.model import Page
from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.card import PageCard

# Small steps around the centre, so the picture never sits still for long.
SHIFTS = ((0, 0), (6, 4), (-5, 7), (-7, -3), (4, -6), (8, 1))


@guarded
class AttractScreen(QWidget):
    """Signals:
    touched(): someone touched the screen (not the card).
    page_chosen(str, str): the featured card was tapped; carries its page id and language.
    """

    touched = Signal()
    page_chosen = Signal(str, str)

    def __init__(
        self,
        featured: Sequence[Page],
        config: Config,
        theme: Theme,
        rotate_timer: QTimer,
        shift_timer: QTimer,
    ):
        super().__init__()
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.theme = theme
        self.shift_index = 0
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addStretch(1)
        layout.setSpacing(theme.sizes.gap + theme.px(12))
        names = " · ".join(
            dict.fromkeys(config.name(config.kiosk_name, c) for c in config.languages)
        )
        title = QLabel(names)
        title.setObjectName("AttractTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(title)
        self.cards = QStackedWidget()
        for page in featured:
            card = PageCard(page, theme, theme.px(560))
            card.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            self.cards.addWidget(card)
        first = self.cards.widget(0)
        if first is not None:
            self.cards.setFixedSize(theme.px(560), first.height())
            layout.addWidget(self.cards, 0, Qt.AlignmentFlag.AlignHCenter)
        # Each wording once: a language with no words of its own shows English's.
        self.hint = hint = QLabel(
            "   ·   ".join(dict.fromkeys(tr("touch_to_start", c) for c in config.languages))
        )
        hint.setObjectName("AttractHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._margins = layout.contentsMargins()
        rotate_timer.timeout.connect(self.rotate)
        shift_timer.timeout.connect(self.shift)

    def rotate(self) -> None:
        if self.cards.count():
            self.cards.setCurrentIndex((self.cards.currentIndex() + 1) % self.cards.count())

    def shift(self) -> None:
        """Move everything a few pixels, against burn-in."""
        self.shift_index = (self.shift_index + 1) % len(SHIFTS)
        dx, dy = (self.theme.px(v) for v in SHIFTS[self.shift_index])
        m = self._margins
        self._layout.setContentsMargins(
            m.left() + max(0, dx),
            m.top() + max(0, dy),
            m.right() + max(0, -dx),
            m.bottom() + max(0, -dy),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        card = self.cards.currentWidget()
        on_card = self.cards.geometry().contains(event.position().toPoint())
        if isinstance(card, PageCard) and on_card:
            self.page_chosen.emit(card.page.id, card.page.lang)  # it is what they want to read
        else:
            self.touched.emit()
