"""A PIN pad with big digits, for staff to reach the admin menu."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.pin import Lockout
from kiosk.ui.guard import guarded
from kiosk.ui.theme import Theme

# Staff may read either language, so the pad says everything in both.
TITLE = "Staff PIN · 管理密码"
WRONG = "Wrong PIN. Please try again.\n密码不对，请再试一次。"
LOCKED = "Too many wrong PINs. Try again in {s} s.\n错误次数过多，请 {s} 秒后再试。"
BACK = "Back to kiosk · 返回"
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK")
TICK_MS = 1000

log = logging.getLogger(__name__)


@guarded
class PinPad(QWidget):
    """Digits 0-9, Clear and OK; wrong PINs count towards a lockout.

    While locked, the keys are off and the message counts down, in both
    languages, on every ``tick`` (a timer the owner may give, so tests fire it).
    The pad keeps one width, and room for its longest message, so nothing moves
    when a message comes, changes or goes.

    Signals:
        accepted(): the right PIN was entered.
        cancelled(): the person left the pad.
    """

    accepted = Signal()
    cancelled = Signal()

    def __init__(
        self,
        lockout: Lockout,
        theme: Theme,
        tick: QTimer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lockout = lockout
        self.entered = ""
        if tick is None:
            tick = QTimer()
            tick.setInterval(TICK_MS)
        self.tick = tick
        self.tick.setParent(self)
        self.tick.timeout.connect(self._show_lock)
        s = theme.sizes
        key_width = theme.px(132)
        spacing = s.gap // 2
        keypad = 3 * key_width + 2 * spacing
        width = max(keypad, theme.px(640))  # room for a message on one line per language

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QWidget()
        column.setFixedWidth(width)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(s.gap)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)

        title = QLabel(TITLE)
        title.setObjectName("AdminTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.display = QLabel("")
        self.display.setObjectName("PinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setFixedSize(keypad, s.button)
        layout.addWidget(self.display, 0, Qt.AlignmentFlag.AlignHCenter)
        self.message = QLabel("")
        self.message.setObjectName("PinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setFixedHeight(self._message_height(theme, width))
        layout.addWidget(self.message)

        grid = QGridLayout()
        grid.setSpacing(spacing)
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key)
            button.setProperty("role", "primary" if key == "OK" else "digit")
            button.setFixedSize(key_width, s.button)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        layout.addLayout(grid)
        layout.setAlignment(grid, Qt.AlignmentFlag.AlignHCenter)
        cancel = QPushButton(BACK)
        cancel.setProperty("role", "nav")
        cancel.setFixedWidth(keypad)
        cancel.clicked.connect(self.cancelled.emit)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self._show_lock()  # the pad may open while an earlier lockout still runs

    def _message_height(self, theme: Theme, width: int) -> int:
        """Room for the longest message the pad can show, at its widest count."""
        font = QFont(list(theme.families))
        font.setPixelSize(theme.sizes.body)
        metrics = QFontMetrics(font)
        longest = (WRONG, LOCKED.format(s=math.ceil(self.lockout.seconds)))
        box = QRect(0, 0, width, 10_000)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        return max(metrics.boundingRect(box, flags, text).height() for text in longest)

    @property
    def locked(self) -> bool:
        return self.lockout.remaining() > 0

    def press(self, key: str) -> None:
        if self.locked:
            return
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
            log.info("staff PIN accepted")
            self.message.setText("")
            self.accepted.emit()
            return
        self.message.setText(WRONG)
        locked = self.lockout.remaining() > 0
        log.warning("wrong staff PIN%s", "; the pad is locked" if locked else "")
        self._show_lock()

    def _show_lock(self) -> None:
        """Count down while locked; when the lock ends, clear it and turn the keys on."""
        waiting = self.lockout.remaining()
        for button in self.buttons.values():
            button.setEnabled(waiting <= 0)
        if waiting > 0:
            self.message.setText(LOCKED.format(s=math.ceil(waiting)))
            if not self.tick.isActive():
                self.tick.start()
        elif self.tick.isActive():
            self.tick.stop()
            self.message.setText("")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._show_lock()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        self.tick.stop()
