"""Built screens kept for a quick return, until the visitor leaves.

Building a long article's widgets and laying out its text costs tens of
milliseconds; showing one already built costs a few. The window keeps the last
few screens here and empties the cache on idle reset, so nothing of one visitor
(not even a scroll position) reaches the next.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from PySide6.QtWidgets import QStackedWidget, QWidget

SIZE = 6


class ScreenCache:
    """The last ``size`` screens by key, living in ``stack``; the oldest go first."""

    def __init__(self, stack: QStackedWidget, size: int = SIZE) -> None:
        self.stack = stack
        self.size = size
        self._screens: OrderedDict[Hashable, QWidget] = OrderedDict()

    def get(self, key: Hashable) -> QWidget | None:
        screen = self._screens.get(key)
        if screen is not None:
            self._screens.move_to_end(key)
        return screen

    def put(self, key: Hashable, screen: QWidget) -> None:
        self._screens[key] = screen
        self._screens.move_to_end(key)
        while len(self._screens) > self.size:
            _, oldest = self._screens.popitem(last=False)
            if oldest is not self.stack.currentWidget():
                self._drop(oldest)

    def holds(self, screen: QWidget) -> bool:
        return any(screen is kept for kept in self._screens.values())

    def clear(self) -> None:
        for screen in self._screens.values():
            if screen is not self.stack.currentWidget():
                self._drop(screen)
        self._screens.clear()

    def _drop(self, screen: QWidget) -> None:
        self.stack.removeWidget(screen)
        screen.deleteLater()
