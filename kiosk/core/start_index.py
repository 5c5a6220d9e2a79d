"""The first screen, kept from the last full load, so the kiosk paints before it reads.

Reading a library through the index cache still costs a ``stat`` per file and a Page
for every page: over a second for 10,000 pages in two languages, to show 24 cards.
So each full load through the cache (``kiosk run``, live reload, ``kiosk snapshot``,
``kiosk check``) also keeps, in the same SQLite database, the pages home shows first
in each language (``FIRST`` of them, in home's order), with the titles of their
sections. ``kiosk run`` starts from that record, trusted as it was (not one file is
looked at), paints, and then reads the content folder fully in the background, as
live reload does; the full library replaces this one at once on home, and any tap
or language change before then waits for it (see ``kiosk/ui/live_reload.py``).
So the record is only ever shown as cards, never read as a page.

``kiosk check`` and ``kiosk snapshot`` never start from it: they see the content as
it is. A record made with other language settings, or by another format, is not used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core import languages
from kiosk.core.frontmatter import LineMap
from kiosk.core.model import GUIDE, Image, Page
from kiosk.core.teachback import Question

if TYPE_CHECKING:
    from kiosk.core import paths
    from kiosk.core.library import Library

FIRST = 48  # cards per language: two of home's batches, more than a screen shows
VERSION = 1  # of the record's layout

Settings = tuple[str, str | None, tuple[str, ...] | None]
"""What decides which language a file is in: default_lang, content_language,
expected_languages (as loader.load takes them)."""


def home_order(pages: Sequence[Page]) -> list[tuple[str | None, list[Page]]]:
    """Home's groups for the pages of one language (in the library's order): the
    guides first (``None``), then each folder's pages under its section, the folder's
    own page first, sections in the order their first page comes."""
    guides = [page for page in pages if page.type == GUIDE]
    groups: list[tuple[str | None, list[Page]]] = [(None, guides)] if guides else []
    sections: dict[str, list[Page]] = {}
    for page in pages:
        if page.type != GUIDE:
            sections.setdefault(page.section, []).append(page)
    for section, members in sections.items():
        members.sort(key=lambda p: not p.is_section)
        groups.append((section, members))
    return groups


def first_pages(library: Library, lang: str, count: int = FIRST) -> list[Page]:
    """The first ``count`` pages home shows in ``lang``, in its order."""
    found: list[Page] = []
    for _, members in home_order(library.in_language(lang)):
        found.extend(members[: count - len(found)])
        if len(found) >= count:
            break
    return found


# --- the record --------------------------------------------------------------------------


def record(library: Library, settings: Settings) -> bytes:
    """What ``provisional`` needs to show home as ``library`` does, as plain data."""
    pages: list[Page] = []
    for lang in library.languages:
        pages.extend(first_pages(library, lang))
    sections = {page.section for page in pages}
    titles = [
        (section, lang, library.section_title(section, lang))
        for section in sorted(sections)
        for lang in library.languages
    ]
    return marshal.dumps(
        (VERSION, _settings(settings), tuple(_pack(page) for page in pages), tuple(titles))
    )


def provisional(
    data: bytes, roots: paths.Roots, settings: Settings, today: dt.date
) -> Library | None:
    """The library of the first cards in ``data``, or None if it cannot be used."""
    from kiosk.core.library import Library

    try:
        version, made_with, packed, titles = marshal.loads(data)
        if version != VERSION or made_with != _settings(settings):
            return None
        pages = [_unpack(row) for row in packed]
        section_titles = {(section, lang): title for section, lang, title in titles}
    except (ValueError, TypeError, EOFError, IndexError, KeyError):
        return None
    shown = [page for page in pages if _shown_on(page, today)]
    if not shown:
        return None
    return Library(
        shown,
        roots,
        today=today,
        expected_languages=settings[2],
        section_titles=section_titles,
        provisional=True,
    )


def read(database: Path) -> bytes | None:
    """The record kept in the index cache ``database``, or None (no database, no
    record, busy or damaged: then the kiosk reads the content as it always did)."""
    if not database.exists():
        return None
    with (
        contextlib.suppress(sqlite3.Error, OSError),
        contextlib.closing(sqlite3.connect(database, timeout=0.2)) as db,
    ):
        row = db.execute("SELECT data FROM start WHERE id = 1").fetchone()
        return bytes(row[0]) if row else None
    return None


# --- a Page as plain data -------------------------------------------------------------------


def _settings(settings: Settings) -> tuple[Any, ...]:
    default_lang, content_language, expected = settings
    return (default_lang, content_language, tuple(expected or languages.codes()))


def _date(value: dt.date | None) -> int | None:
    return None if value is None else value.toordinal()


def _day(value: int | None) -> dt.date | None:
    return None if value is None else dt.date.fromordinal(value)


def _pack(page: Page) -> tuple[Any, ...]:
    return (
        page.id,
        page.lang,
        str(page.file),
        page.type,
        page.title,
        page.summary,
        page.body_line,
        (page.lines.lines, page.lines.default),
        page.translation_key,
        _date(page.date),
        _date(page.lastmod),
        page.tags,
        page.keywords,
        page.weight,
        None if page.cover is None else (str(page.cover.path), page.cover.alt),
        page.related,
        page.source,
        page.reviewed_by,
        _date(page.reviewed),
        _date(page.review_due),
        page.share_url,
        tuple((q.prompt, q.choices, q.answer, q.explanation, q.line) for q in page.questions),
        page.link_title,
        page.author,
        page.aliases,
        page.is_section,
        tuple(None if path is None else str(path) for path in page.audio),
        _date(page.published),
        _date(page.expires),
    )


def _unpack(row: tuple[Any, ...]) -> Page:
    (
        page_id, lang, file, kind, title, summary, body_line, lines, key, date, lastmod,
        tags, keywords, weight, cover, related, source, reviewed_by, reviewed, review_due,
        share_url, questions, link_title, author, aliases, is_section, audio, published,
        expires,
    ) = row  # fmt: skip
    return Page(
        id=page_id,
        lang=lang,
        file=Path(file),
        type=kind,
        title=title,
        summary=summary,
        body_line=body_line,
        lines=LineMap(*lines),
        translation_key=key,
        date=_day(date),
        lastmod=_day(lastmod),
        tags=tags,
        keywords=keywords,
        weight=weight,
        cover=None if cover is None else Image(Path(cover[0]), cover[1]),
        related=related,
        source=source,
        reviewed_by=reviewed_by,
        reviewed=_day(reviewed),
        review_due=_day(review_due),
        share_url=share_url,
        questions=tuple(Question(*q) for q in questions),
        link_title=link_title,
        author=author,
        aliases=aliases,
        is_section=is_section,
        audio=tuple(None if path is None else Path(path) for path in audio),
        published=_day(published),
        expires=_day(expires),
    )


def _shown_on(page: Page, today: dt.date) -> bool:
    """Whether the page is within its dates today (the record may be days old)."""
    return (page.published is None or page.published <= today) and (
        page.expires is None or page.expires > today
    )
