"""What the first tap would otherwise pay for, done while the kiosk waits for a visitor.

The first frame imports only the home screen (see window.py). So the first tap
on a card used to import the article screen, Python-Markdown and its
extensions, build the Markdown converter and the Read next index: about 0.2 s
on a quiet machine, a second or more on a busy one, for every first visitor
after a start. A visitor comes seconds or hours after the start, so the kiosk
does this work then, in small steps, one per turn of the event loop: a tap that
arrives meanwhile waits for one step at most, never for the whole.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

from kiosk.core.library import Library

log = logging.getLogger(__name__)

# Imported in this order; each is one step.
MODULES = (
    "kiosk.ui.screens.article",
    "kiosk.core.render",
    "kiosk.ui.screens.guide",
    "kiosk.ui.screens.check",
)


def steps(library: Library, lang: str) -> Iterator[Callable[[], object]]:
    for name in MODULES:
        yield functools.partial(importlib.import_module, name)
    yield library.related_index
    first = library.in_language(lang)
    if first:  # builds the Markdown converter, and keeps the first card's page ready
        yield lambda: library.render(first[0])


class WarmUp(QObject):
    """Runs ``steps`` one per event-loop turn, starting ``delay_ms`` from now."""

    def __init__(self, work: Iterator[Callable[[], object]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.done = False

    def start(self, delay_ms: int) -> None:
        QTimer.singleShot(delay_ms, self, self._next)

    def _next(self) -> None:
        step = next(self._work, None)
        if step is None:
            self.done = True
            return
        try:
            step()
        except Exception:  # only speed is lost: the tap will do it, and say why
            log.exception("warming up failed; the first tap will take longer")
            self.done = True
            return
        QTimer.singleShot(0, self, self._next)
