"""The presenter view: the nurse's own window, on the second screen.

What the room sees now, small; what Next will show; her notes in large type (or,
for a check question, its answer before the room hears it); the time the session
has run and the time of day. It follows the same keys as the room's screen: one
``Presentation`` drives both. The pictures are drawn a moment after a move (the
``preview`` timer), so a quick run of clicks draws them once, and never slows the
room's screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.config import Config
from kiosk.ui.guard import guarded
from kiosk.ui.presenter import slides
from kiosk.ui.presenter.audience import AudienceView
from kiosk.ui.presenter.controller import BLACK, Presentation
from kiosk.ui.presenter.notes import notes_html
from kiosk.ui.presenter.overview import OverviewGrid, part_title
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


def clock_text(seconds: float) -> str:
    """12:05, or 1:02:05 past an hour."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


@guarded
class Preview(QLabel):
    """A picture of a screen, scaled to fit, keeping its shape."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(QSize(160, 90))
        self.image: QPixmap | None = None

    def set_picture(self, picture: QPixmap | None) -> None:
        self.image = picture
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image is None or self.image.isNull():
            self.clear()
            return
        self.setPixmap(
            self.image.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


@guarded
class PresenterView(QWidget):
    """The nurse's window for ``show``; ``audience`` is what the room sees (its picture
    is the "now" preview). ``tick`` updates the clocks; ``preview`` (single shot)
    draws the pictures after a move."""

    def __init__(
        self,
        show: Presentation,
        audience: AudienceView,
        theme: Theme,
        config: Config,
        *,
        tick: QTimer,
        preview: QTimer,
        closable: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("PresenterView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.show_, self.audience, self.config = show, audience, config
        self.theme = theme
        self.closable = closable
        self.setStyleSheet(theme.sheet("presenter.qss"))
        self.setWindowTitle(show.session.title(show.lang))
        s = theme.sizes
        outer = QVBoxLayout(self)
        outer.setContentsMargins(s.margin, s.gap, s.margin, s.gap)
        outer.setSpacing(s.gap)

        top = QHBoxLayout()
        self.title = QLabel("")
        self.title.setObjectName("PresenterTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        times = QVBoxLayout()
        self.elapsed = QLabel("00:00")
        self.elapsed.setObjectName("PresenterTime")
        self.clock = QLabel("")
        self.clock.setObjectName("PresenterClock")
        self.planned = QLabel("")
        self.planned.setObjectName("PresenterCaption")
        for label in (self.elapsed, self.planned):
            times.addWidget(label, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(times)
        top.addSpacing(s.margin)
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        body = QHBoxLayout()
        body.setSpacing(s.margin)
        pictures = QVBoxLayout()
        pictures.setSpacing(s.gap // 2)
        self.now_caption = self._caption(tr("presenter_now", show.lang))
        self.current = Preview()
        self.next_caption = self._caption("")
        self.next = Preview()
        pictures.addWidget(self.now_caption)
        pictures.addWidget(self.current, 3)
        pictures.addSpacing(s.gap)
        pictures.addWidget(self.next_caption)
        pictures.addWidget(self.next, 2)
        body.addLayout(pictures, 4)

        words = QVBoxLayout()
        words.setSpacing(s.gap // 2)
        self.notes_caption = self._caption(tr("notes", show.lang))
        words.addWidget(self.notes_caption)
        self.notes = QLabel("")
        self.notes.setObjectName("PresenterNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.notes)
        words.addWidget(scroller, 1)
        body.addLayout(words, 5)
        outer.addLayout(body, 1)

        self.status = QLabel("")
        self.status.setObjectName("PresenterStatus")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)

        self.overview = OverviewGrid(show, theme, self)
        self.overview.chosen.connect(show.go_to)
        self.overview.hide()

        self.tick, self.preview = tick, preview
        tick.timeout.connect(self.show_time)
        preview.setSingleShot(True)
        preview.timeout.connect(self.draw_previews)
        show.changed.connect(self.refresh)
        self._holder: QWidget | None = None  # the next place, drawn off screen
        self.refresh()
        self.show_time()
        tick.start()

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("PresenterCaption")
        return label

    # --- following the session --------------------------------------------------------

    def refresh(self) -> None:
        show = self.show_
        if show.over:
            return
        lang = show.lang
        where = "" if show.at_end else f"{show.index + 1} / {show.total}   "
        now = part_title(show, show.index, show.part)
        self.title.setText(f"{show.session.title(lang)}\n{where}{now}")
        self.setWindowTitle(show.session.title(lang))
        self.now_caption.setText(tr("presenter_now", lang))  # L switches these words too
        self.notes_caption.setText(tr("notes", lang))
        notes = notes_html(show)
        self.notes.setObjectName("PresenterNotes" if notes else "PresenterNoNotes")
        self.notes.setStyleSheet("")  # the object name changed: style it again
        self.notes.setText(notes or tr("no_notes", lang))
        after, part = show.next_place()
        upcoming = tr("session_end", lang) if show.at_end else part_title(show, after, part)
        self.next_caption.setText(tr("presenter_next", lang).format(title=upcoming))
        self.status.setText(self._status())
        self.show_time()
        self.overview.setVisible(show.overview)
        if show.overview:
            self.overview.setGeometry(self.rect())
            self.overview.refresh()
            self.overview.raise_()
        self.preview.start()

    def _status(self) -> str:
        show, lang = self.show_, self.show_.lang
        if show.blank:
            return tr("presenter_black" if show.blank == BLACK else "presenter_white", lang)
        if show.overview:
            return tr("presenter_overview", lang)
        if show.at_end:
            return tr("presenter_end", lang)
        if show.question is not None and not show.revealed:
            return tr("presenter_reveal", lang)
        return ""

    def show_time(self) -> None:
        show = self.show_
        self.elapsed.setText(clock_text(show.elapsed()))
        self.clock.setText(show.now().strftime("%H:%M"))
        minutes = show.session.minutes
        self.planned.setText(
            tr("presenter_planned", show.lang).format(n=minutes) if minutes else ""
        )

    # --- pictures --------------------------------------------------------------------------

    def draw_previews(self) -> None:
        """The room's screen now, and the next place drawn off screen at the room's size."""
        show = self.show_
        if show.over:
            return
        self.current.set_picture(self.audience.grab())
        self._drop_holder()
        index, part = show.next_place()
        if show.at_end:
            self.next.set_picture(None)
            return
        holder = QWidget()
        holder.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        holder.resize(self.audience.size())
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        screen = slides.build(show, index, self.audience.theme, self.config)
        box.addWidget(screen)
        holder.show()
        slides.apply(screen, show, index, part)
        self._holder = holder
        # Once laid out (a guide places its steps after its first resize).
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._grab_next))

    def _grab_next(self) -> None:
        if self._holder is not None:
            self.next.set_picture(self._holder.grab())
            self._drop_holder()

    def _drop_holder(self) -> None:
        if self._holder is not None:
            self._holder.hide()
            self._holder.deleteLater()
            self._holder = None

    # --- window ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.overview.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self.closable:
            event.ignore()
            return
        self.tick.stop()
        self.preview.stop()
        self._drop_holder()
        super().closeEvent(event)
        self.show_.finish()  # closing the nurse's window ends the session
