"""A row of language buttons that always shows the language on screen as checked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.core import languages


class LanguageSwitch(QWidget):
    """One button per language, each named in its own language.

    A checkable button checks or unchecks itself when tapped, before anyone has
    decided whether the language changes. This switch puts its buttons back at
    once and leaves the choice to whoever owns the language, which then calls
    ``set_current``. So tapping the current language again, or tapping fast,
    never leaves two buttons checked or none.

    Signals:
        chosen(str): a language button was tapped (the current one too); carries its code.
    """

    chosen = Signal(str)

    def __init__(
        self,
        codes: Sequence[str],
        current: str,
        *,
        min_width: int,
        spacing: int,
        focusable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.current = current
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        self.buttons: dict[str, QPushButton] = {}
        for code in codes:
            found = languages.find(code)
            button = QPushButton(found.native_name if found else code)
            button.setProperty("role", "lang")
            button.setCheckable(True)
            button.setMinimumWidth(min_width)
            if not focusable:
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, c=code: self._tapped(c))
            layout.addWidget(button)
            self.buttons[code] = button
        self._show()

    def set_current(self, code: str) -> None:
        """Show ``code`` as the language on screen."""
        self.current = code
        self._show()

    def _tapped(self, code: str) -> None:
        self._show()  # undo the button's own toggle; the owner decides
        self.chosen.emit(code)

    def _show(self) -> None:
        for code, button in self.buttons.items():
            button.setChecked(code == self.current)
