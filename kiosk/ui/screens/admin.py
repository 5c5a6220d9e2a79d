"""Staff screens: the PIN pad, and the admin menu behind it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.theme import Theme

NO_PIN_WARNING = (
    "No admin PIN is set, so anyone can open this menu and it offers no Exit. To set one, "
    "run 'kiosk set-pin' on this machine, then restart the kiosk.\n"
    "未设置管理密码：任何人都能打开此菜单，因此这里没有“退出”。请在本机运行 'kiosk set-pin' "
    "设置密码，然后重启。"
)
# In an author's window (not kiosk mode) Exit is offered anyway.
NO_PIN_NOTE = (
    "No admin PIN is set: anyone can open this menu. In kiosk mode it would offer no Exit; "
    "run 'kiosk set-pin' on the kiosk.\n"
    "未设置管理密码：任何人都能打开此菜单。在展示模式下这里不会有“退出”；请在展示机上运行 "
    "'kiosk set-pin'。"
)


class AdminScreen(QWidget):
    """Exit, reload, and the content's diagnostics.

    Exit is offered only where leaving is meant to be possible: behind a PIN, or
    in an author's window. A kiosk with no PIN keeps visitors in.

    Signals:
        exit_requested(): leave the kiosk.
        reload_requested(): read the content folder again.
        closed(): back to the kiosk.
    """

    exit_requested = Signal()
    reload_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        diagnostics: Sequence[str],
        pin_set: bool,
        theme: Theme,
        *,
        can_exit: bool,
        notice: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        s = theme.sizes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(s.margin, s.margin, s.margin, s.margin)
        layout.setSpacing(s.gap)
        title = QLabel("Admin · 管理")
        title.setObjectName("AdminTitle")
        layout.addWidget(title)
        self.warning: QLabel | None = None
        if not pin_set:
            self.warning = QLabel(NO_PIN_NOTE if can_exit else NO_PIN_WARNING)
            self.warning.setObjectName("AdminWarning")
            self.warning.setWordWrap(True)
            layout.addWidget(self.warning)
        buttons = QHBoxLayout()
        buttons.setSpacing(s.gap)
        self.back_button = QPushButton("Back to kiosk · 返回")
        self.back_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.closed.emit)
        self.reload_button = QPushButton("Reload content · 重新载入")
        self.reload_button.setProperty("role", "secondary")
        self.reload_button.clicked.connect(self.reload_requested.emit)
        for button in (self.back_button, self.reload_button):
            buttons.addWidget(button)
        self.exit_button: QPushButton | None = None
        if can_exit:
            self.exit_button = QPushButton("Exit kiosk · 退出")
            self.exit_button.setProperty("role", "danger")
            self.exit_button.clicked.connect(self.exit_requested.emit)
            buttons.addWidget(self.exit_button)
        layout.addLayout(buttons)
        self.notice: QLabel | None = None
        if notice:  # what the last action did, such as a reload
            self.notice = QLabel(notice)
            self.notice.setObjectName("AdminNotice")
            self.notice.setWordWrap(True)
            layout.addWidget(self.notice)
        count = QLabel(f"Content problems: {len(diagnostics)} · 内容问题：{len(diagnostics)}")
        count.setObjectName("TrustLine")
        layout.addWidget(count)
        self.diagnostics = QListWidget()
        # A list to read, not to pick from: nothing to select (or copy) here.
        self.diagnostics.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.diagnostics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.diagnostics.addItems(list(diagnostics) or ["No problems found · 没有发现问题"])
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        make_kinetic(self.diagnostics)
        layout.addWidget(self.diagnostics, 1)
