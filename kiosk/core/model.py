"""What the content folder becomes: pages, and rendered pages with their guide steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.diagnostics import Diagnostic
from kiosk.core.frontmatter import LineMap
from kiosk.core.notes import Notes
from kiosk.core.outline import Outline
from kiosk.core.teachback import Question

ARTICLE = "article"
GUIDE = "guide"
PAGE_TYPES = (ARTICLE, GUIDE)


@dataclass(frozen=True)
class Image:
    """An image that exists inside the content folder or ``assets/``."""

    path: Path
    alt: str


@dataclass(frozen=True, eq=False)
class Page:
    """One page in one language, as read from its front matter.

    ``file`` is where the page lives (as the author would name it in a message);
    ``body_line`` is the file line where its Markdown body starts.
    """

    id: str
    lang: str
    file: Path
    type: str
    title: str
    summary: str
    body_line: int
    lines: LineMap
    translation_key: str
    date: dt.date | None = None
    lastmod: dt.date | None = None
    tags: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    weight: int = 0
    cover: Image | None = None
    related: tuple[str, ...] = ()
    source: str = ""
    reviewed_by: str = ""
    reviewed: dt.date | None = None
    review_due: dt.date | None = None
    share_url: str = ""
    questions: tuple[Question, ...] = ()
    link_title: str = ""  # Hugo's linkTitle: a shorter title for the page's card
    author: str = ""
    aliases: tuple[str, ...] = ()  # other ids that open this page (Hugo's aliases, slug)
    is_section: bool = False  # a folder's own page, from the body of its _index.md
    # Recorded sound: an article's one file; a guide's, one per screen (its
    # introduction, then each step). None where there is no usable recording.
    audio: tuple[Path | None, ...] = ()
    # Hugo's publishDate and expiryDate: a page is loaded only between them.
    published: dt.date | None = None
    expires: dt.date | None = None

    @property
    def section(self) -> str:
        """The folder a page sits in ("" at the top of the content folder)."""
        if self.is_section:
            return "" if self.id == "index" else self.id
        head, _, _ = self.id.rpartition("/")
        return head

    @property
    def card_title(self) -> str:
        return self.link_title or self.title

    @property
    def newest(self) -> dt.date:
        return self.lastmod or self.date or self.reviewed or dt.date.min

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.lang)


@dataclass(frozen=True)
class Step:
    """One step of a guide: a ``##`` heading, its text, and its first image."""

    title: str
    html: str
    image: Image | None
    line: int


@dataclass(frozen=True)
class Rendered:
    """A page's body as sanitized HTML (and, for a guide, its steps).

    ``doctor_html`` is the page's "When to see a doctor" box, taken out of the
    body so that every page shows it in the same place; ``outline`` is the shape
    that translations compare; ``notes`` are the speaker notes (``::: notes``),
    taken out of every other part.
    """

    html: str
    intro_html: str
    steps: tuple[Step, ...]
    diagnostics: tuple[Diagnostic, ...]
    doctor_html: str = ""
    outline: Outline = field(default_factory=lambda: Outline(sections=0, doctor_items=0))
    notes: Notes = field(default_factory=Notes)  # speaker notes: never shown to a reader
