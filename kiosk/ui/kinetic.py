"""Kinetic (flick) scrolling for touch: drag anywhere on a page to scroll it, with momentum.

One ``QScroller`` serves a whole window. ``QScroller.grabGesture`` registers a
new gesture recognizer on every call, and not all of it is given back when the
widget goes: Qt keeps a little (QTBUG-82355), and PySide keeps a new enum
member of a few kilobytes for each new gesture id. A kiosk that built a
scroller for every page it shows grew by that much per page, for as long as it
ran. So the window grabs the gesture once (``KineticScrolling``), and each
flick moves the scroll area under the finger, if that area asked for it with
``make_kinetic``.

A press reaches the widget under the finger at once; once the finger moves far
enough to scroll, the scroller takes the gesture over, and the widget's tap is
void.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QScrollEvent, QScrollPrepareEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties, QWidget

from kiosk.ui.guard import guarded

KINETIC = "kinetic"  # the property that marks a scroll area for flicking


def make_kinetic(area: QAbstractScrollArea) -> None:
    """Let a finger flick ``area``, in whichever window it is shown."""
    area.setProperty(KINETIC, True)


@guarded
class KineticScrolling(QObject):
    """Flick scrolling for every kinetic scroll area inside ``host``, with one scroller."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.area: QAbstractScrollArea | None = None  # what the finger is moving now
        QScroller.grabGesture(host, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.scroller = QScroller.scroller(host)
        props = self.scroller.scrollerProperties()
        off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.DecelerationFactor, 0.2)
        # Presses reach widgets at once (instant press feedback); when a drag starts,
        # the scroller takes over and the widget's press is cancelled, so it is no tap.
        props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
        self.scroller.setScrollerProperties(props)
        self.scroller.stateChanged.connect(self._state_changed)
        host.installEventFilter(self)

    def area_at(self, pos: QPointF) -> QAbstractScrollArea | None:
        """The kinetic scroll area whose page is under ``pos`` (host coordinates)."""
        widget = self.host.childAt(pos.toPoint())
        while widget is not None and widget is not self.host:
            parent = widget.parentWidget()
            if (
                isinstance(parent, QAbstractScrollArea)
                and widget is parent.viewport()
                and parent.property(KINETIC)
            ):
                return parent
            widget = parent
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is not self.host:
            return False
        if isinstance(event, QScrollPrepareEvent):
            self._prepare(event)
            return True
        if isinstance(event, QScrollEvent):
            if self.area is not None:
                position = event.contentPos()
                self.area.horizontalScrollBar().setValue(round(position.x()))
                self.area.verticalScrollBar().setValue(round(position.y()))
            return True
        return False

    def _prepare(self, event: QScrollPrepareEvent) -> None:
        area = self.area_at(event.startPos())
        if area is not None:
            area.destroyed.connect(self._forget, Qt.ConnectionType.UniqueConnection)
        self.area = area
        if area is None:
            event.ignore()  # nothing to scroll here: a carousel, a guide step, a button bar
            return
        across, down = area.horizontalScrollBar(), area.verticalScrollBar()
        event.setViewportSize(QSizeF(area.viewport().size()))
        event.setContentPosRange(QRectF(0, 0, across.maximum(), down.maximum()))
        event.setContentPos(QPointF(across.value(), down.value()))
        event.accept()

    def _forget(self) -> None:
        self.area = None

    def _state_changed(self, state: QScroller.State) -> None:
        """The scroller took the gesture: no widget under it may still look or act pressed."""
        if state in (QScroller.State.Pressed, QScroller.State.Inactive) or self.area is None:
            return
        for widget in self.area.findChildren(QWidget):
            cancel = getattr(widget, "cancel_press", None)
            if callable(cancel) and widget.property("pressed"):
                cancel()
