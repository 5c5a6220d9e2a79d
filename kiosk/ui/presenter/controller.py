"""Where a session is, and every move a nurse can make: one model, two views.

A session is a list of items; an item may have parts the Next key moves through
before the next item: a guide page's introduction, steps and summary, or a check's
questions, each asked and then answered. One past the last item is the end card;
Next there ends the session. The views listen to ``changed`` and show the place;
they never move it themselves, except by calling these methods (a swipe, a tap).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.core.library import Library
from kiosk.core.model import GUIDE, Page
from kiosk.core.sessions import Item, Session

CHECK, STEP, PAGE, TAKE_HOME = "check", "step", "page", "take-home"
BLACK, WHITE = "black", "white"
OVERVIEW_COLUMNS = 4  # the grid's columns: Up and Down move a row


class Presentation(QObject):
    """The state of one session being presented.

    Signals:
    changed(): the place, the language, the blank screen, the overview or the notes changed.
    ended(): the session is over (once).
    """

    changed = Signal()
    ended = Signal()

    def __init__(
        self,
        session: Session,
        library: Library,
        languages: tuple[str, ...],
        lang: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.library = session, library
        self.languages = languages or (lang,)
        self.lang = lang
        self.clock, self.now = clock, now
        self.started_at = clock()
        self.started = now()
        self.index = 0
        self.part = 0
        self.blank = ""  # "", BLACK or WHITE
        self.overview = False
        self.cursor = 0  # the overview's chosen tile
        self.notes_shown = False  # the notes overlay (one screen only)
        self.over = False
        # The audience view moves within what it shows (scrolls a long article) before
        # the place moves: it returns True when it did.
        self.within: Callable[[int], bool] = lambda _direction: False
        self.seen: set[int] = set()
        self.asked: set[tuple[int, int]] = set()
        self._arrive()

    # --- what is where ---------------------------------------------------------------

    @property
    def items(self) -> tuple[Item, ...]:
        return self.session.items

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def at_end(self) -> bool:
        """On the end card, one past the last item."""
        return self.index >= self.total

    @property
    def item(self) -> Item | None:
        return None if self.at_end else self.items[self.index]

    def page(self, index: int | None = None) -> Page | None:
        """The page of item ``index`` (default: the current one) in the audience's language."""
        index = self.index if index is None else index
        if not 0 <= index < self.total or not self.items[index].page_id:
            return None
        return self.library.get(self.items[index].page_id, self.lang)

    def parts(self, index: int | None = None) -> int:
        """How many places item ``index`` has: a guide page's introduction and steps
        (not its summary, which leads to other pages); two for each check question
        (asked, then answered); else one."""
        index = self.index if index is None else index
        if not 0 <= index < self.total:
            return 1
        item, page = self.items[index], self.page(index)
        if page is None:
            return 1
        if item.kind == CHECK:
            return max(1, 2 * len(page.questions))
        if item.kind == PAGE and page.type == GUIDE:
            return len(self.library.render(page).steps) + 1
        return 1

    def next_place(self) -> tuple[int, int]:
        """Where Next goes from here (for the presenter view's preview)."""
        if self.part + 1 < self.parts():
            return self.index, self.part + 1
        return min(self.index + 1, self.total), 0

    @property
    def question(self) -> int | None:
        """The check question on screen (from 0), or None."""
        item = self.item
        return self.part // 2 if item is not None and item.kind == CHECK else None

    @property
    def revealed(self) -> bool:
        """A check question's answer is shown to the room."""
        return self.question is not None and self.part % 2 == 1

    def elapsed(self) -> float:
        """Seconds since the session started."""
        return max(0.0, self.clock() - self.started_at)

    # --- moves -------------------------------------------------------------------------

    def next(self, scroll: bool = True) -> None:
        """The next part or item; with ``scroll``, a long page scrolls a screenful first."""
        if self._settle_first():
            return
        if self.overview:
            self._move_cursor(1)
            return
        if scroll and self.within(1):
            self.changed.emit()
            return
        if self.part + 1 < self.parts():
            self.part += 1
        elif not self.at_end:
            self.index, self.part = self.index + 1, 0
        else:
            self.finish()
            return
        self._arrive()

    def previous(self, scroll: bool = True) -> None:
        if self._settle_first():
            return
        if self.overview:
            self._move_cursor(-1)
            return
        if scroll and self.within(-1):
            self.changed.emit()
            return
        if self.part > 0:
            self.part -= 1
        elif self.index > 0:
            self.index -= 1
            self.part = self.parts() - 1
        else:
            return
        self._arrive()

    def down(self) -> None:
        """Down: the next row in the overview, else Next."""
        if self.overview and not self.blank:
            self._move_cursor(OVERVIEW_COLUMNS)
        else:
            self.next()

    def up(self) -> None:
        if self.overview and not self.blank:
            self._move_cursor(-OVERVIEW_COLUMNS)
        else:
            self.previous()

    def enter(self) -> None:
        """Enter and Space: jump to the chosen tile in the overview, else Next."""
        if self.overview and not self.blank:
            self.go_to(self.cursor)
        else:
            self.next()

    def first(self) -> None:
        if self.overview:
            self._move_cursor(-self.cursor)
        else:
            self.go_to(0)

    def last(self) -> None:
        if self.overview:
            self._move_cursor(self.total)
        else:
            self.go_to(self.total - 1)

    def go_to(self, index: int, part: int = 0) -> None:
        """Item ``index`` (from 0), part ``part``; closes the overview and any blank screen."""
        self.index = max(0, min(self.total, index))
        self.part = max(0, min(self.parts() - 1, part))
        self.overview = False
        self.blank = ""
        self._arrive()

    def follow(self, index: int, part: int) -> None:
        """The audience view moved by touch (a swipe in a guide, an answer tapped)."""
        if (index, part) != (self.index, self.part):
            self.index, self.part = index, part
            self._arrive()

    def toggle_black(self) -> None:
        self.blank = "" if self.blank == BLACK else BLACK
        self.changed.emit()

    def toggle_white(self) -> None:
        self.blank = "" if self.blank == WHITE else WHITE
        self.changed.emit()

    def toggle_overview(self) -> None:
        self.overview = not self.overview
        self.cursor = min(self.index, self.total - 1)
        self.blank = ""
        self.changed.emit()

    def toggle_notes(self) -> None:
        self.notes_shown = not self.notes_shown
        self.changed.emit()

    def switch_language(self) -> None:
        """The next of the kiosk's languages, on the same item (and part, where it has it)."""
        at = self.languages.index(self.lang) if self.lang in self.languages else -1
        self.lang = self.languages[(at + 1) % len(self.languages)]
        self.part = min(self.part, self.parts() - 1)
        self._arrive()

    def finish(self) -> None:
        """End the session (Esc, Next on the end card, a window closed): ``ended`` once."""
        if self.over:
            return
        self.over = True
        self.ended.emit()

    # --- helpers -----------------------------------------------------------------------

    def _settle_first(self) -> bool:
        """A move while the screen is blank brings the screen back, and moves nothing."""
        if self.over:
            return True
        if self.blank:
            self.blank = ""
            self.changed.emit()
            return True
        return False

    def _move_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.total - 1, self.cursor + step))
        self.changed.emit()

    def _arrive(self) -> None:
        if not self.at_end:
            self.seen.add(self.index)
        if self.question is not None:
            self.asked.add((self.index, self.question))
        self.changed.emit()
