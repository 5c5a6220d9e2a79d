"""Turn a content folder into a Library, reading front matter only.

Each ``.md`` file is one page in one language. Its language is, in this order:
its name (``name.en.md``), ``lang:`` in its front matter, its first folder (Hugo's
``content/en/...``), the ``content_language`` the caller gives, or else
``default_lang`` (and then the library says once which language it assumed).
The page id is the path under the content folder without language and ``.md``
(see ``paths.page_id_of``). ``README.md`` files (the authors' guide) and names
starting with ``.`` or ``_`` are not pages, except ``_index.md``: its title names
its folder's section, and its text, if any, is the section's own page.
Education sessions are the ``sessions/*.toml`` files (see ``sessions``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core import languages, paths, start_index
from kiosk.core.diagnostics import Report, Severity
from kiosk.core.frontmatter import LineMap
from kiosk.core.library import Library
from kiosk.core.model import ARTICLE, Image, Page

if TYPE_CHECKING:  # what reading files needs is imported when a load reads them, so
    # that 'kiosk run' paints its first screen (load_start) without importing them
    from kiosk.core import sessions
    from kiosk.core.index_cache import IndexCache
    from kiosk.core.markdown_links import Words
    from kiosk.core.sourcefile import SourceFile


def load(
    root: Path,
    assets: Path,
    *,
    default_lang: str = languages.DEFAULT_LANGUAGE,
    content_language: str | None = None,
    expected_languages: tuple[str, ...] | None = None,
    today: dt.date | None = None,
    cache: IndexCache | None = None,
    words: Words | None = None,
) -> Library:
    """Read every page's front matter under ``root``. Never raises for bad content.

    A file that names no language is in ``content_language``; without one, it is
    read as ``default_lang`` and a warning says so once. ``expected_languages`` are
    those every page should be translated into (default: all the kiosk knows);
    ``today`` decides whether a review is overdue and a page published or expired;
    ``cache`` keeps parsed files between runs; ``words`` gives the kiosk's words for
    what a page cannot show (see markdown_links.Site).
    """
    from kiosk.core import sessions, sourcefile

    report = Report()
    today = today or dt.date.today()
    roots = paths.Roots(root, assets, paths.static_beside(root) if root.is_dir() else None)
    pages: list[Page] = []
    hidden: dict[str, str] = {}
    section_titles: dict[tuple[str, str], str] = {}
    assumed: list[SourceFile] = []
    covers: dict[tuple[str, Path], Path | paths.Refused] = {}  # many pages share a cover
    found_sessions: list[sessions.Session] = []
    if not root.exists():
        report.folder(root, Severity.ERROR, "content folder not found")
    elif not root.is_dir():
        report.folder(root, Severity.ERROR, "this is not a folder: give the content folder")
    else:
        for file, relative in _markdown_files(root, report):
            parsed = cache.read(file, relative, sourcefile.read) if cache else sourcefile.read(file)
            page_id, named, folder_lang = paths.page_id_of(relative[: -len(".md")])
            meta = parsed.checked.meta if parsed.checked else {}
            lang = named or meta.get("lang") or folder_lang or content_language
            if lang is None:
                _unknown_suffix(relative, file, report)
                assumed.append(parsed)
                lang = default_lang
            is_index = relative.rpartition("/")[2].startswith("_index.")
            if is_index:
                section = "" if page_id == "index" else page_id
                _section_title(parsed, section, lang, section_titles)
                if not parsed.has_body:
                    continue
            page = _read(
                parsed, file, page_id, lang, roots, report, today, hidden, is_index, covers
            )
            if page is not None:
                pages.append(page)
        pages = _folder_pages(pages, section_titles)
        for file in sessions.files(root):  # a few small files: read on every load
            session = sessions.read(file, report)
            if session is not None:
                found_sessions.append(session)
        expected = expected_languages or languages.codes()
        if assumed and content_language is None and expected != (default_lang,):
            _say_assumed(root, assumed, default_lang, report)
        if not pages:
            held = f" ({_plural(len(hidden), 'page')} hidden: drafts, expired or not yet published)"
            report.folder(
                root,
                Severity.WARNING,
                "no pages to show: the kiosk would only say that it has no content yet"
                + (held if hidden else "; add .md files (see content/README.md)"),
            )
    library = Library(
        pages,
        roots,
        report.items,
        today=today,
        expected_languages=expected_languages or languages.codes(),
        section_titles=section_titles,
        hidden=hidden,
        words=words,
        read_sessions=found_sessions,
    )
    if cache is not None and root.is_dir():
        settings = (default_lang, content_language, expected_languages)
        cache.save(start=start_index.record(library, settings) if library.pages else None)
    return library


def load_start(
    root: Path,
    assets: Path,
    database: Path,
    *,
    default_lang: str = languages.DEFAULT_LANGUAGE,
    content_language: str | None = None,
    expected_languages: tuple[str, ...] | None = None,
    today: dt.date | None = None,
) -> Library | None:
    """The first screen as the last full load through the index cache ``database`` saw
    it, without looking at one content file (see start_index), or None when there is
    no usable record: then ``load`` it. Only for painting at once: read the content
    with ``load`` right after, and show that."""
    data = start_index.read(database)
    if data is None:
        return None
    static = paths.static_beside(root)
    settings = (default_lang, content_language, expected_languages)
    return start_index.provisional(
        data, paths.Roots(root, assets, static), settings, today or dt.date.today()
    )


def _markdown_files(root: Path, report: Report) -> Iterator[tuple[Path, str]]:
    """Each page file (and section ``_index`` file), with its path under ``root``."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        report.folder(where, Severity.ERROR, f"folder cannot be read: {error.strerror or error}")

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        base = Path(folder)
        prefix = base.relative_to(root).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        for name in sorted(files):
            if name.endswith(".md") and (
                name.startswith("_index.")
                or (not name.startswith((".", "_")) and name.lower() != "readme.md")
            ):
                yield base / name, prefix + name


def _unknown_suffix(relative: str, file: Path, report: Report) -> None:
    stem = relative[: -len(".md")]
    _, dot, suffix = stem.rpartition(".")
    if dot and re.fullmatch(r"[a-z]{2}(-[A-Za-z]{2,4})?", suffix):
        known = ", ".join(languages.codes())
        report.warning(
            file,
            1,
            f"unknown language '{suffix}' (known: {known}); "
            "the page is read in the default language",
        )


def _say_assumed(root: Path, assumed: list[SourceFile], lang: str, report: Report) -> None:
    """Once for the whole folder: which language the files that name none are read in."""
    count = _plural(len(assumed), "file")
    message = (
        f"{count} name no language (no '.en.md'-style suffix, no 'lang:', no language "
        f"folder): read as {lang}, the first of the kiosk's languages. If that is wrong, "
        "set content_language in the kiosk's config (see content/README.md)"
    )
    if lang == "zh-CN":
        latin = sum(1 for parsed in assumed if not parsed.has_cjk)
        if latin:
            message += f"; {latin} of them have no Chinese characters at all"
    report.folder(root, Severity.WARNING, message)


def _read(
    parsed: SourceFile,
    file: Path,
    page_id: str,
    lang: str,
    roots: paths.Roots,
    report: Report,
    today: dt.date,
    hidden: dict[str, str],
    is_index: bool = False,
    covers: dict[tuple[str, Path], Path | paths.Refused] | None = None,
) -> Page | None:
    for line, message in parsed.warnings:
        report.warning(file, line, message)
    if parsed.error is not None or parsed.checked is None:
        line, message = parsed.error or (1, "the file cannot be read")
        report.error(file, line, message)
        return None
    meta, lines = parsed.checked.meta, parsed.checked.lines
    if meta.get("draft"):
        hidden.setdefault(page_id, "is a draft ('draft: true')")
        return None
    published, expires = meta.get("publishDate"), meta.get("expiryDate")
    if published is not None and published > today:
        report.warning(
            file,
            lines.line("publishDate"),
            f"not shown until {published} ('publishDate')",
        )
        hidden.setdefault(page_id, f"is not shown until {published} ('publishDate')")
        return None
    if expires is not None and expires <= today:
        report.warning(
            file,
            lines.line("expiryDate"),
            f"expired on {expires} ('expiryDate'): the kiosk no longer shows this page",
        )
        hidden.setdefault(page_id, f"expired on {expires} ('expiryDate')")
        return None
    title = meta.get("title") or parsed.heading
    if not title:
        report.error(
            file,
            1,
            "page has no title: add 'title:' to the front matter "
            "or start the text with a '# heading'",
        )
        return None
    summary = meta.get("summary") or meta.get("description") or parsed.first_paragraph
    return Page(
        id=page_id,
        lang=lang,
        file=file,
        type=meta.get("type", ARTICLE),
        title=title,
        summary=summary,
        body_line=parsed.body_line,
        lines=lines,
        translation_key=meta.get("translationKey", page_id),
        date=meta.get("date"),
        lastmod=meta.get("lastmod"),
        tags=(*meta.get("tags", ()), *meta.get("categories", ())),
        keywords=meta.get("keywords", ()),
        weight=meta.get("weight", 0),
        cover=_cover(meta, lines, file, roots, report, covers),
        related=meta.get("related", ()),
        source=meta.get("source", ""),
        reviewed_by=meta.get("reviewed_by", ""),
        reviewed=meta.get("reviewed"),
        review_due=meta.get("review_due"),
        share_url=meta.get("share_url", ""),
        questions=meta.get("questions", ()),
        link_title=meta.get("linkTitle", ""),
        author=meta.get("author", ""),
        aliases=_aliases(meta, page_id),
        is_section=is_index,
        audio=_audio(meta, lines, file, roots, report),
        published=published,
        expires=expires,
    )


def _folder_pages(pages: list[Page], titles: dict[tuple[str, str], str]) -> list[Page]:
    """An ``x/index.md`` beside other pages in ``x/`` is that folder's own page (as in
    MkDocs and on GitHub), and names its section; alone, it is a page bundle."""
    sections = {page.section for page in pages}
    found: list[Page] = []
    for page in pages:
        if page.file.name.startswith("index.") and not page.is_section and page.id in sections:
            page = dataclasses.replace(page, is_section=True)
            titles.setdefault((page.id, page.lang), page.title)
        found.append(page)
    return found


def _aliases(meta: dict[str, Any], page_id: str) -> tuple[str, ...]:
    """Other ids that open the page: Hugo's ``aliases`` (site addresses, absolute or
    relative to the page's folder) and its ``slug`` (a new last part of the address)."""
    folder = page_id.rpartition("/")[0]
    found: list[str] = []
    for alias in meta.get("aliases", ()):
        path = alias.strip().removesuffix(".html").strip("/")
        if not alias.strip().startswith("/") and folder:
            path = f"{folder}/{path}"
        found.append(paths.page_id_of(path)[0] if path else "")
    slug = meta.get("slug", "").strip("/")
    if slug:
        found.append(f"{folder}/{slug}" if folder else slug)
    return tuple(dict.fromkeys(a for a in found if a and a != page_id))


def _cover(
    meta: dict[str, Any],
    lines: LineMap,
    file: Path,
    roots: paths.Roots,
    report: Report,
    found: dict[tuple[str, Path], Path | paths.Refused] | None = None,
) -> Image | None:
    """The cover image (else Hugo's first ``images``), looked up on every load (once per
    load for pages in one folder that name the same picture, when ``found`` keeps them)."""
    key = "cover" if meta.get("cover") else "images"
    cover = meta.get("cover") or next(iter(meta.get("images", ())), "")
    if not cover:
        return None
    where = (cover, file.parent)
    result = found.get(where) if found is not None else None
    if result is None:
        try:
            result = paths.resolve_image(cover, file, roots)
        except paths.Refused as exc:
            result = exc
        if found is not None:
            found[where] = result
    if isinstance(result, paths.Refused):
        report.warning(file, lines.line(key), f"{key}: {result}")
        return None
    return Image(result, meta.get("cover_alt", ""))


def _audio(
    meta: dict[str, Any], lines: LineMap, file: Path, roots: paths.Roots, report: Report
) -> tuple[Path | None, ...]:
    """Recorded sound files, looked up and sniffed on every load: a file may come or go."""
    found: list[Path | None] = []
    names: tuple[str, ...] = meta.get("audio", ())
    for index, name in enumerate(names):
        line = lines.line("audio", index)
        if not name:
            found.append(None)  # this screen is read aloud by the speech engine
            continue
        try:
            path = paths.resolve_image(name, file, roots, what="sound file")
        except paths.Refused as exc:
            report.warning(file, line, f"audio: {exc}")
            found.append(None)
            continue
        from kiosk.core import audio

        trouble = audio.problem(path)
        if trouble is not None:
            report.warning(file, line, f"audio: {trouble}")
        found.append(None if trouble else path)
    if meta.get("type", ARTICLE) == ARTICLE and len(found) > 1:
        report.warning(
            file,
            lines.line("audio", 1),
            "audio: an article has one recording; the rest are ignored",
        )
    return tuple(found)


def _section_title(
    parsed: SourceFile,
    section: str,
    lang: str,
    titles: dict[tuple[str, str], str],
) -> None:
    """Hugo's ``_index.md``: its title names the folder's section on the home screen."""
    title = (parsed.checked.meta.get("title") if parsed.checked else None) or parsed.heading
    titles.setdefault((section, lang), title or "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
