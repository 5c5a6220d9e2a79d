"""Turn a content folder into a Library, reading front matter only.

Each ``.md`` file is one page in one language: ``name.en.md`` is English,
``name.zh-CN.md`` Chinese, ``name.md`` the default language. The page id is the
path under the content folder without language suffix and ``.md``. ``README.md``
files (the authors' guide) and names starting with ``.`` or ``_`` are not pages.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.core import audio, languages, paths, sourcefile
from kiosk.core.diagnostics import Report
from kiosk.core.frontmatter import LineMap
from kiosk.core.index_cache import IndexCache
from kiosk.core.library import Library
from kiosk.core.model import ARTICLE, Image, Page
from kiosk.core.sourcefile import SourceFile


def load(
    root: Path,
    assets: Path,
    *,
    default_lang: str = languages.DEFAULT_LANGUAGE,
    expected_languages: tuple[str, ...] | None = None,
    today: dt.date | None = None,
    cache: IndexCache | None = None,
) -> Library:
    """Read every page's front matter under ``root``. Never raises for bad content.

    ``expected_languages`` are those every page should be translated into (default:
    all the kiosk knows); ``today`` decides whether a review is overdue; ``cache``
    keeps parsed files between runs.
    """
    report = Report()
    roots = paths.Roots(root, assets)
    pages: list[Page] = []
    section_titles: dict[tuple[str, str], str] = {}
    if not root.is_dir():
        report.error(root, 1, "content folder not found")
    else:
        for file, relative in _markdown_files(root):
            parsed = cache.read(file, relative, sourcefile.read) if cache else sourcefile.read(file)
            folder, _, name = relative.rpartition("/")
            if name.startswith("_index."):
                _section_title(parsed, folder, name, default_lang, section_titles)
                continue
            page = _read(parsed, file, relative, roots, default_lang, report)
            if page is not None:
                pages.append(page)
        if cache is not None:
            cache.save()
    return Library(
        pages,
        roots,
        report.items,
        today=today or dt.date.today(),
        expected_languages=expected_languages or languages.codes(),
        section_titles=section_titles,
    )


def _markdown_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Each page file (and section ``_index`` file), with its path under ``root``."""
    for folder, dirs, files in os.walk(root):
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


def _read(
    parsed: SourceFile,
    file: Path,
    relative: str,
    roots: paths.Roots,
    default_lang: str,
    report: Report,
) -> Page | None:
    stem = relative[: -len(".md")]
    page_id, lang = paths.split_language(stem)
    if lang is None:
        _, dot, suffix = stem.rpartition(".")
        if dot and re.fullmatch(r"[a-z]{2}(-[A-Za-z]{2,4})?", suffix):
            known = ", ".join(languages.codes())
            report.warning(
                file,
                1,
                f"unknown language '{suffix}' (known: {known}); "
                "the page is read in the default language",
            )
        lang = default_lang
    for line, message in parsed.warnings:
        report.warning(file, line, message)
    if parsed.error is not None or parsed.checked is None:
        line, message = parsed.error or (1, "the file cannot be read")
        report.error(file, line, message)
        return None
    meta, lines = parsed.checked.meta, parsed.checked.lines
    if meta.get("draft"):
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
        tags=meta.get("tags", ()),
        keywords=meta.get("keywords", ()),
        weight=meta.get("weight", 0),
        cover=_cover(meta, lines, file, roots, report),
        related=meta.get("related", ()),
        source=meta.get("source", ""),
        reviewed_by=meta.get("reviewed_by", ""),
        reviewed=meta.get("reviewed"),
        review_due=meta.get("review_due"),
        share_url=meta.get("share_url", ""),
        questions=meta.get("questions", ()),
        audio=_audio(meta, lines, file, roots, report),
    )


def _cover(
    meta: dict[str, Any], lines: LineMap, file: Path, roots: paths.Roots, report: Report
) -> Image | None:
    """The cover image, looked up on every load: the file may come or go."""
    cover = meta.get("cover")
    if not cover:
        return None
    try:
        return Image(paths.resolve_image(cover, file, roots), meta.get("cover_alt", ""))
    except paths.Refused as exc:
        report.warning(file, lines.line("cover"), f"cover: {exc}")
        return None


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
    folder: str,
    name: str,
    default_lang: str,
    titles: dict[tuple[str, str], str],
) -> None:
    """Hugo's ``_index.md``: its title names the folder's section on the home screen."""
    _, lang = paths.split_language(name[: -len(".md")])
    title = (parsed.checked.meta.get("title") if parsed.checked else None) or parsed.heading
    if title:
        titles[(folder, lang or default_lang)] = title
