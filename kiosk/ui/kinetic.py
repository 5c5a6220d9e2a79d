"""Kinetic (flick) scrolling for touch: drag anywhere to scroll, with momentum.

A press reaches the widget under the finger at once; once the finger moves far
enough to scroll, QScroller takes the gesture over, and the widget's tap is void.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties, QWidget


def make_kinetic(area: QAbstractScrollArea) -> None:
    """Flick scrolling on ``area``; a press under a finger that starts to scroll is void."""
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DecelerationFactor, 0.2)
    # Presses reach widgets at once (instant press feedback); when a drag starts,
    # QScroller takes over and the widget's press is cancelled, so it is no tap.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)
    scroller.stateChanged.connect(lambda state: _cancel_presses(area, state))


def _cancel_presses(area: QAbstractScrollArea, state: QScroller.State) -> None:
    """The scroller took the gesture: no widget under it may still look or act pressed."""
    if state in (QScroller.State.Pressed, QScroller.State.Inactive):
        return
    for widget in area.findChildren(QWidget):
        cancel = getattr(widget, "cancel_press", None)
        if callable(cancel) and widget.property("pressed"):
            cancel()
