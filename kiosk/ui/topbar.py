"""The always-visible top bar: Home, Back, the reading aids and the language switch."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.guard import guarded
from kiosk.ui.strings import tr
from kiosk.ui.theme import HIGH, Palette, Theme
from kiosk.ui.widgets.language_switch import LanguageSwitch
from kiosk.ui.widgets.text_size import ContrastButton, TextSizeButtons


@guarded
class ElidedLabel(QLabel):
    """One line that shortens itself with "…" instead of widening the window."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._full = text
        self._elide()

    def text(self) -> str:
        return self._full

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        super().setText("" if shown == "…" else shown)  # no room for a word: show none

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()


class TopBar(QFrame):
    """Signals:
    home(): Home was tapped.
    back(): Back was tapped.
    smaller(), larger(): A− or A+ was tapped.
    contrast(): the high-contrast switch was tapped.
    language(str): a language was chosen; carries its code.
    """

    home = Signal()
    back = Signal()
    smaller = Signal()
    larger = Signal()
    contrast = Signal()
    language = Signal(str)

    def __init__(
        self,
        codes: tuple[str, ...],
        theme: Theme,
        text_scales: Sequence[float] = (1.0,),
        parent: QWidget | None = None,
        *,
        contrast_switch: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        s = theme.sizes
        layout = QHBoxLayout(self)
        layout.setContentsMargins(s.gap, 0, s.gap, 0)
        layout.setSpacing(s.gap // 2)
        # The top-left corner is kept free: holding it opens the admin menu.
        self.corner = QWidget()
        self.corner.setFixedWidth(s.bar_height - s.gap)
        layout.addWidget(self.corner)
        self.home_button = self._button("", "nav", self.home.emit, theme, layout)
        self.back_button = self._button("", "nav", self.back.emit, theme, layout)
        self.title = ElidedLabel()
        self.title.setObjectName("TopBarTitle")
        layout.addWidget(self.title, 1)
        self.text_size = TextSizeButtons(text_scales, theme)
        self.text_size.smaller.connect(self.smaller.emit)
        self.text_size.larger.connect(self.larger.emit)
        layout.addWidget(self.text_size)
        # Fixed in the config, high contrast has no switch: it is always on.
        self.contrast_button = ContrastButton(theme)
        self.contrast_button.clicked.connect(self.contrast.emit)
        self.contrast_button.setVisible(contrast_switch)
        layout.addWidget(self.contrast_button)
        self.languages = LanguageSwitch(
            codes,
            codes[0] if codes else "",
            min_width=theme.px(132),
            spacing=s.gap // 2,
            focusable=False,
        )
        self.languages.chosen.connect(self.language.emit)
        self.language_buttons = self.languages.buttons
        layout.addWidget(self.languages)

    @staticmethod
    def _button(
        text: str, role: str, slot: object, theme: Theme, layout: QHBoxLayout
    ) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("role", role)
        button.setMinimumWidth(theme.px(132))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def show_state(
        self,
        lang: str,
        can_go_back: bool,
        title: str,
        text_scale: float = 1.0,
        look: Theme | None = None,
    ) -> None:
        """Show the visitor's language, text size and ``look`` (the bar's theme)."""
        self.home_button.setText(tr("home", lang))
        self.back_button.setText(tr("back", lang))
        self.back_button.setEnabled(can_go_back)
        self.text_size.show_scale(text_scale, lang)
        palette = look.palette if look is not None else Palette()
        high = look is not None and look.look == HIGH
        self.contrast_button.show_state(high, lang, palette)
        self.title.setText(title)
        self.languages.set_current(lang)
