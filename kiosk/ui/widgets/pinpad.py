"""A PIN pad with big digits, for staff to reach the admin menu."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.pin import Lockout
from kiosk.ui.theme import Theme


class PinPad(QWidget):
    """Digits 0-9, Clear and OK; wrong PINs count towards a lockout.

    Signals:
        accepted(): the right PIN was entered.
        cancelled(): the person left the pad.
    """

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, lockout: Lockout, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lockout = lockout
        self.entered = ""
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.sizes.gap)
        layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel("PIN")
        title.setObjectName("AdminTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.display = QLabel("")
        self.display.setObjectName("PinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumHeight(theme.sizes.button)
        layout.addWidget(self.display)
        self.message = QLabel("")
        self.message.setObjectName("PinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(theme.sizes.gap // 2)
        self.buttons: dict[str, QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"]
        for index, key in enumerate(keys):
            button = QPushButton(key)
            button.setProperty("role", "primary" if key == "OK" else "digit")
            button.setMinimumSize(theme.px(120), theme.sizes.button)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        layout.addLayout(grid)
        cancel = QPushButton("✕")
        cancel.setProperty("role", "nav")
        cancel.clicked.connect(self.cancelled.emit)
        layout.addWidget(cancel)

    def press(self, key: str) -> None:
        if key == "C":
            self.entered = ""
        elif key == "OK":
            self._submit()
            return
        elif len(self.entered) < 12:
            self.entered += key
        self.display.setText("●" * len(self.entered))

    def _submit(self) -> None:
        pin, self.entered = self.entered, ""
        self.display.setText("")
        if self.lockout.check(pin):
            self.message.setText("")
            self.accepted.emit()
            return
        waiting = self.lockout.remaining()
        if waiting > 0:
            self.message.setText(f"Locked. Try again in {round(waiting)} s. / 已锁定，请稍后再试。")
        else:
            self.message.setText("Wrong PIN / PIN 错误")
