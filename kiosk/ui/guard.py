"""No Python exception may cross back into Qt from an event handler.

When a handler that Qt calls (``paintEvent``, ``resizeEvent``, ``eventFilter``
...) raises while Qt was itself called from Python (opening a page lays it out,
which calls ``resizeEvent``), PySide keeps the exception pending and lets Qt go
on. Every other Python handler Qt calls meanwhile (the application-wide event
filters run for every event) then runs with an exception already set, fails
in turn, and the interpreter ends in a segmentation fault. Found by making a
carousel's ``resizeEvent`` fail: the kiosk died instead of going home.

So every class of ours that overrides a Qt handler is ``@guarded``: an
exception in one is reported to ``sys.excepthook`` at once (which, in the
running kiosk, logs it and goes home) and Qt's own handler runs instead, as if
ours were not there. A test checks that no class is left unguarded.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

# What Qt calls on our objects: event handlers, filters, size negotiation, resources.
HANDLER = re.compile(
    r"(event|eventFilter|sizeHint|minimumSizeHint|heightForWidth|hasHeightForWidth"
    r"|loadResource|[a-z]\w*Event)"
)
GUARDED = "_kiosk_guarded"

C = TypeVar("C", bound=type)


def guarded(cls: C) -> C:
    """Make every Qt handler ``cls`` defines report its exceptions instead of raising them."""
    for name, member in list(vars(cls).items()):
        if HANDLER.fullmatch(name) and callable(member) and not isinstance(member, type):
            setattr(cls, name, _guard(cls, name, member))
    setattr(cls, GUARDED, True)
    return cls


def overridden_handlers(cls: type) -> list[str]:
    """The Qt handlers ``cls`` itself defines (what ``guarded`` wraps)."""
    return [
        name for name, member in vars(cls).items() if HANDLER.fullmatch(name) and callable(member)
    ]


def is_guarded(cls: type) -> bool:
    return bool(vars(cls).get(GUARDED, False))


def _guard(cls: type, name: str, handler: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(handler)
    def run(self: object, *args: object) -> Any:
        try:
            return handler(self, *args)
        except Exception:
            sys.excepthook(*sys.exc_info())
        try:  # what Qt would have done without our handler
            return getattr(super(cls, self), name)(*args)
        except Exception:
            return None

    return run
