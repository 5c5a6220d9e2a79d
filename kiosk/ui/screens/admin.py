"""Staff screens: the PIN pad, and the admin menu behind it."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.kinetic import make_kinetic
from kiosk.ui.theme import Theme

NO_PROBLEMS = "No problems found · 没有发现问题"
CHECKING = "Checking pages: {checked} of {total} · 正在检查页面：{checked} / {total}"

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

    ``diagnostics`` are listed as given. While a check runs (``checking``), more
    come with ``add_problems``, each in its place by its sort key, before those
    given; ``show_progress`` and ``check_done`` say how far it is.

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
        checking: bool = False,
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
        self.count = QLabel()
        self.count.setObjectName("TrustLine")
        layout.addWidget(self.count)
        self.progress = QLabel()
        self.progress.setObjectName("TrustLine")
        self.progress.setVisible(checking)
        layout.addWidget(self.progress)
        self.checking = checking
        self._keys: list[Any] = []  # the sort key of each row added by add_problems, in order
        self._seen: set[Any] = set()
        self._given = len(diagnostics)
        self.diagnostics = QListWidget()
        # A list to read, not to pick from: nothing to select (or copy) here.
        self.diagnostics.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.diagnostics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Thousands of wrapped lines are laid out a batch at a time, not all at once.
        self.diagnostics.setLayoutMode(QListView.LayoutMode.Batched)
        self.diagnostics.setBatchSize(50)
        self.diagnostics.addItems(list(diagnostics))
        self.diagnostics.setWordWrap(True)
        self.diagnostics.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        make_kinetic(self.diagnostics)
        layout.addWidget(self.diagnostics, 1)
        self._placeholder = False
        self._show_count()

    @property
    def problems(self) -> int:
        return len(self._keys) + self._given

    def add_problems(self, found: Iterable[tuple[Any, str]]) -> None:
        """List each (sort key, text) not listed yet, in its place among the others."""
        new = sorted((key, text) for key, text in found if key not in self._seen)
        if not new:
            return
        self._drop_placeholder()
        if not self._keys or new[0][0] > self._keys[-1]:  # after all the others: at once
            self._seen.update(key for key, _ in new)
            self._keys.extend(key for key, _ in new)
            for offset, (_, text) in enumerate(new):
                self.diagnostics.insertItem(len(self._keys) - len(new) + offset, text)
        else:
            for key, text in new:
                if key in self._seen:
                    continue
                self._seen.add(key)
                row = bisect.bisect(self._keys, key)
                self._keys.insert(row, key)
                self.diagnostics.insertItem(row, text)
        self._show_count()

    def show_progress(self, checked: int, total: int) -> None:
        self.progress.setText(CHECKING.format(checked=checked, total=total))

    def check_done(self) -> None:
        """The check went through every page: what is listed is all there is."""
        self.checking = False
        self.progress.hide()
        self._show_count()

    def _show_count(self) -> None:
        count = self.problems
        self.count.setText(f"Content problems: {count} · 内容问题：{count}")
        if not count and not self.checking and not self._placeholder:
            self.diagnostics.addItem(NO_PROBLEMS)
            self._placeholder = True

    def _drop_placeholder(self) -> None:
        if self._placeholder:
            self.diagnostics.takeItem(self.diagnostics.count() - 1)
            self._placeholder = False
