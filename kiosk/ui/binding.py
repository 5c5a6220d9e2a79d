"""Is this Python and Qt binding fit to run for days?

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every call of
a Qt method that returns nothing. ``None`` is an ordinary object there, so after
some tens of thousands of paints, timers and label updates the interpreter
aborts ("none_dealloc"). From Python 3.12 ``None`` is immortal and the lost
references do no harm. The project's dependencies keep Python 3.11 off that
release; this probe catches a bad pair that arrives some other way.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel

# From 3.12 (PEP 683) None's reference count is a fixed sentinel.
NONE_IS_MORTAL = sys.version_info < (3, 12)


def none_references_lost(rounds: int = 200) -> int:
    """References to ``None`` lost over ``rounds`` rounds of the Qt calls the kiosk makes most.

    Each round calls five void methods (``QLabel.setText``, ``QWidget.update``,
    ``QTimer.start``/``stop`` and ``QPainter.setBrush``), so a leaking binding loses
    five references a round. A sound one loses none. Needs a QApplication.
    """
    label, timer = QLabel(), QTimer()
    image = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    colour = QColor("#1C6770")
    painter = QPainter(image)
    try:

        def calls(count: int) -> None:
            for _ in range(count):
                label.setText("x")
                label.update()
                timer.start(1000)
                timer.stop()
                painter.setBrush(colour)

        calls(5)  # first calls create caches and signatures that hold None
        before = sys.getrefcount(None)
        calls(rounds)
        after = sys.getrefcount(None)
    finally:
        painter.end()
    return max(0, before - after)


def leak_message() -> str | None:
    """Why this binding cannot run the kiosk for long, or None if it can."""
    if not NONE_IS_MORTAL:
        return None
    if none_references_lost(rounds=20) == 0:
        return None
    python = ".".join(str(n) for n in sys.version_info[:3])
    return (
        f"PySide6 {PySide6.__version__} on Python {python} loses a reference to None on "
        "every Qt call, and the kiosk would abort within minutes. Install the versions the "
        "project asks for (pip install . picks a PySide6 without the leak), or use "
        "Python 3.12 or newer."
    )
