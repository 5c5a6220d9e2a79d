"""A short message over the bottom of the screen that goes away by itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.guard import guarded


@guarded
class Toast(QLabel):
    """Says something for as long as ``timer`` runs, centred near the bottom of ``parent``.

    It takes no taps (they reach what is under it) and follows the parent's size.
    """

    def __init__(self, parent: QWidget, timer: QTimer) -> None:
        super().__init__(parent)
        self.setObjectName("Toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._timer = timer
        timer.setSingleShot(True)
        timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()
        self.raise_()
        self._place()
        self._timer.start()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(parent.width() * 4 // 5, max(self.sizeHint().width(), parent.width() // 3))
        height = self.heightForWidth(width)
        height = max(height, self.sizeHint().height())
        self.setGeometry(
            (parent.width() - width) // 2, parent.height() - height - height // 2, width, height
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False
