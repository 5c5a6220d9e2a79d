"""Kinetic (flick) scrolling for touch: drag anywhere to scroll, with momentum.

QScroller holds back a press for a moment; if the finger moves, the press never
reaches the widget under it, so a flick never counts as a tap.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties


def make_kinetic(area: QAbstractScrollArea) -> None:
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DecelerationFactor, 0.2)
    scroller.setScrollerProperties(props)
