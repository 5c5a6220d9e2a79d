"""The audience view: what the room sees, in the kiosk window, in place of the top bar
and the reader's screens.

The reader's own screens at 1.5 times the text for a projected room, a discreet "4 / 12"
in the corner, and over them, when the nurse asks: a black or white screen, the
overview grid, and (with one screen only) her notes. Touch still works: a swipe
sideways moves on or back, as on a bedside tablet; an answer can be tapped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.config import Config
from kiosk.ui.guard import guarded
from kiosk.ui.presenter import group_check, slides
from kiosk.ui.presenter.controller import STEP, Presentation
from kiosk.ui.presenter.notes import notes_html
from kiosk.ui.presenter.overview import OverviewGrid
from kiosk.ui.screens.scrolling import ScrollingScreen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tappable import repolish

AUDIENCE_TEXT_SCALE = 1.5  # a projected room needs about 1.5 times a reader's text
SWIPE_SHARE = 0.15  # of the width: a sideways drag this long moves on or back
PAGE_SHARE = 0.85  # Next on a long page scrolls this much of a screen, keeping a line or two
SLACK = 0.15  # of that: less still to see, and Next goes on


@guarded
class AudienceView(QWidget):
    """Shows ``show`` to the room; ``notes_here``: the N key's notes overlay is allowed
    (one screen: there is no presenter view to put them on)."""

    def __init__(
        self,
        show: Presentation,
        theme: Theme,
        config: Config,
        *,
        notes_here: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Audience")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.show_, self.config, self.notes_here = show, config, notes_here
        self.theme = theme.with_text_scale(AUDIENCE_TEXT_SCALE)
        self.setStyleSheet(theme.sheet("presenter.qss"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slot = QStackedWidget()
        layout.addWidget(self.slot)
        self.current: QWidget | None = None
        self.key: slides.Key | None = None
        self._at: tuple[int, str] | None = None  # the item and language on screen

        self.overview = OverviewGrid(show, theme, self)
        self.overview.chosen.connect(show.go_to)
        self.notes = QWidget(self)
        self.notes.setObjectName("NotesOverlay")
        self.notes.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        notes_box = QVBoxLayout(self.notes)
        pad = theme.sizes.margin
        notes_box.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self.notes_heading = QLabel("")
        self.notes_heading.setObjectName("NotesHeading")
        self.notes_text = QLabel("")
        self.notes_text.setWordWrap(True)
        self.notes_text.setTextFormat(Qt.TextFormat.RichText)
        notes_box.addWidget(self.notes_heading)
        notes_box.addWidget(self.notes_text)
        # In a strip of its own under the screens, not over them: over an article it
        # covered words of the text.
        self.mark = QLabel("")
        self.mark.setObjectName("ProgressMark")
        self.mark.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignHCenter)
        self.blank = QWidget(self)
        self.blank.setObjectName("Blank")
        self.blank.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        for overlay in (self.overview, self.notes, self.blank):
            overlay.hide()

        self._press: QPointF | None = None
        self._watching = False
        show.within = self.move_within
        show.changed.connect(self.refresh)
        self.refresh()
        self.watch_swipes()

    # --- showing the place -------------------------------------------------------------

    def refresh(self) -> None:
        show = self.show_
        if show.over:
            return
        key = slides.key_of(show, show.index)
        at = (show.index, show.lang)
        if key != self.key:
            self._put(slides.build(show, show.index, self.theme, self.config), key)
        assert self.current is not None
        slides.apply(self.current, show)
        if at != self._at and self._at is not None and self._at[0] != show.index:
            self._to_top()
        self._at = at
        self.mark.setText("" if show.at_end else f"{show.index + 1} / {show.total}")
        self.mark.setVisible(not show.at_end)
        self.blank.setProperty("colour", show.blank)
        repolish(self.blank)
        self.blank.setVisible(bool(show.blank))
        self.overview.setVisible(show.overview)
        if show.overview:
            self.overview.refresh()
        notes = notes_html(show) if self.notes_here and show.notes_shown else ""
        self.notes_heading.setText(tr("notes", show.lang))
        self.notes_text.setText(notes or tr("no_notes", show.lang))
        self.notes.setVisible(self.notes_here and show.notes_shown)
        self._place_overlays()

    def _put(self, screen: QWidget, key: slides.Key) -> None:
        old = self.current
        self.slot.addWidget(screen)
        self.slot.setCurrentWidget(screen)
        self.current, self.key = screen, key
        self._wire(screen)
        same_item = self._at is not None and self._at[0] == self.show_.index  # another language
        if same_item and isinstance(old, ScrollingScreen) and isinstance(screen, ScrollingScreen):
            screen.keep_place(old.reading_place)
        if old is not None:
            self.slot.removeWidget(old)
            old.deleteLater()

    def _wire(self, screen: QWidget) -> None:
        """Touch on the reader's screen moves the session, not the screen alone."""
        from kiosk.ui.screens.check import CheckScreen
        from kiosk.ui.screens.guide import GuideScreen

        if isinstance(screen, GuideScreen):
            screen.step_changed.connect(self._guide_moved)
        elif isinstance(screen, CheckScreen):
            group = group_check.group_of(screen)
            group.next_requested.connect(self.show_.next)
            group.tapped.connect(self._follow_screen)

    def _guide_moved(self, step: int) -> None:
        show, item = self.show_, self.show_.item
        if item is None or self.current is None:
            return
        if item.kind == STEP and item.step is not None and step != item.step:
            show.next() if step > item.step else show.previous()
        else:
            self._follow_screen()

    def _follow_screen(self) -> None:
        if self.current is not None:
            place = slides.part_shown(self.current, self.show_)
            if place is not None:
                self.show_.follow(*place)

    # --- scrolling a long page with Next ------------------------------------------------

    def scroll_area(self) -> QAbstractScrollArea | None:
        from kiosk.ui.screens.check import CheckScreen
        from kiosk.ui.screens.guide import GuideScreen

        screen = self.current
        if isinstance(screen, QAbstractScrollArea):
            return screen
        if isinstance(screen, GuideScreen):
            return screen.pages[screen.index]
        if isinstance(screen, CheckScreen):
            return screen.scroller
        return None

    def move_within(self, direction: int) -> bool:
        """Scroll a screen taller than the room's screen a screenful on or back;
        False when it is already at that end (then Next goes on)."""
        area = self.scroll_area()
        if area is None or self.show_.overview:
            return False
        bar = area.verticalScrollBar()
        end = bar.maximum() if direction > 0 else bar.minimum()
        step = round(area.viewport().height() * PAGE_SHARE)
        if abs(end - bar.value()) < step * SLACK:
            bar.setValue(end)  # a line or two more: not worth a click of its own
            return False
        bar.setValue(bar.value() + direction * step)
        return True

    def _to_top(self) -> None:
        area = self.scroll_area()
        if area is not None:
            area.verticalScrollBar().setValue(0)

    # --- overlays ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_overlays()

    def _place_overlays(self) -> None:
        whole = self.rect()
        self.blank.setGeometry(whole)
        self.overview.setGeometry(whole)
        margin = self.theme.sizes.gap
        width = round(whole.width() * 0.9)
        height = self.notes.heightForWidth(width)
        height = min(height if height > 0 else self.notes.sizeHint().height(), whole.height() // 2)
        self.notes.setGeometry(
            QRect((whole.width() - width) // 2, whole.height() - height - margin, width, height)
        )
        for overlay in (self.notes, self.overview, self.blank):
            overlay.raise_()

    # --- swipes ---------------------------------------------------------------------------

    def watch_swipes(self) -> None:
        """See every press and release, however deep the widget under the finger (the
        kinetic scroller takes drags over before a screen would see them)."""
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        # The window gets it first, then the widget under the finger: the same press.
        ours = watched is self.window().windowHandle() or (
            isinstance(watched, QWidget) and self.isAncestorOf(watched)
        )
        if not ours or not self.isVisible():
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._press = event.globalPosition()
        elif self._press is not None:
            delta = event.globalPosition() - self._press
            self._press = None
            if abs(delta.x()) > self.width() * SWIPE_SHARE and abs(delta.x()) > 2 * abs(delta.y()):
                self._swiped(1 if delta.x() < 0 else -1)
        return False

    def _swiped(self, direction: int) -> None:
        from kiosk.ui.screens.guide import GuideScreen

        show = self.show_
        if show.overview or show.blank:
            return
        if isinstance(self.current, GuideScreen):
            # The guide turns its own page; past its ends, the session moves on.
            place = (show.index, show.part, self.current.index)
            QTimer.singleShot(0, self, lambda: self._after_guide_swipe(place, direction))
        else:
            self._go(direction)

    def _after_guide_swipe(self, place: tuple[int, int, int], direction: int) -> None:
        screen = self.current
        from kiosk.ui.screens.guide import GuideScreen

        still = isinstance(screen, GuideScreen) and screen.index == place[2]
        if still and (self.show_.index, self.show_.part) == place[:2]:
            self._go(direction)

    def _go(self, direction: int) -> None:
        # A swipe turns to the next place at once; the Next key first scrolls a long page.
        self.show_.next(scroll=False) if direction > 0 else self.show_.previous(scroll=False)

    def drop(self) -> None:
        """Stop watching presses (the session is over)."""
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
