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

from kiosk.core import frontmatter, languages, paths, schema
from kiosk.core.diagnostics import Report
from kiosk.core.library import Library
from kiosk.core.model import ARTICLE, Page

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX_H1 = re.compile(r"^#(?!#)\s*(.*?)\s*#*\s*$")
_SETEXT_H1 = re.compile(r"^=+\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^(?:[-*+]|\d+[.)]|>)\s+|[*_`]")
SUMMARY_CHARS = 140


def load(
    root: Path,
    assets: Path,
    *,
    default_lang: str = languages.DEFAULT_LANGUAGE,
    expected_languages: tuple[str, ...] | None = None,
    today: dt.date | None = None,
) -> Library:
    """Read every page's front matter under ``root``. Never raises for bad content.

    ``expected_languages`` are those every page should be translated into (default:
    all the kiosk knows); ``today`` decides whether a review is overdue.
    """
    report = Report()
    roots = paths.Roots(root, assets)
    pages: list[Page] = []
    if not root.is_dir():
        report.error(root, 1, "content folder not found")
    else:
        for file, relative in _markdown_files(root):
            page = _read(file, relative, roots, default_lang, report)
            if page is not None:
                pages.append(page)
    return Library(
        pages,
        roots,
        report.items,
        today=today or dt.date.today(),
        expected_languages=expected_languages or languages.codes(),
    )


def _markdown_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Each page file, with its path under ``root`` in ``/`` form."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        base = Path(folder)
        prefix = base.relative_to(root).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        for name in sorted(files):
            if (
                name.endswith(".md")
                and not name.startswith((".", "_"))
                and name.lower() != "readme.md"
            ):
                yield base / name, prefix + name


def _read(
    file: Path, relative: str, roots: paths.Roots, default_lang: str, report: Report
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
    text = _decode(file, report)
    if text is None:
        return None
    try:
        piece = frontmatter.split(text)
        front = frontmatter.parse(piece)
    except frontmatter.FrontMatterError as exc:
        report.error(file, exc.line, exc.message)
        return None
    meta = schema.read(front, file, roots, report)
    if meta.get("draft"):
        return None
    title = meta.get("title") or _first_heading(piece.body)
    if not title:
        report.error(
            file,
            1,
            "page has no title: add 'title:' to the front matter "
            "or start the text with a '# heading'",
        )
        return None
    summary = meta.get("summary") or meta.get("description") or _first_paragraph(piece.body)
    return Page(
        id=page_id,
        lang=lang,
        file=file,
        type=meta.get("type", ARTICLE),
        title=title,
        summary=summary,
        body_line=piece.body_line,
        lines=front.lines,
        translation_key=meta.get("translationKey", page_id),
        date=meta.get("date"),
        lastmod=meta.get("lastmod"),
        tags=meta.get("tags", ()),
        keywords=meta.get("keywords", ()),
        weight=meta.get("weight", 0),
        cover=meta.get("cover"),
        related=meta.get("related", ()),
        source=meta.get("source", ""),
        reviewed_by=meta.get("reviewed_by", ""),
        reviewed=meta.get("reviewed"),
        review_due=meta.get("review_due"),
        share_url=meta.get("share_url", ""),
    )


def _decode(file: Path, report: Report) -> str | None:
    try:
        data = file.read_bytes()
    except OSError as exc:
        report.error(file, 1, f"the file cannot be read: {exc.strerror or exc}")
        return None
    if b"\x00" in data[:8000]:
        report.error(file, 1, "this is not a text file")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        report.warning(
            file,
            line,
            "the text is not UTF-8; save the file as UTF-8 "
            "(characters that could not be read show as \ufffd)",
        )
        return data.decode("utf-8", errors="replace")


def _first_heading(body: str) -> str:
    fenced, previous = False, ""
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            match = _ATX_H1.match(line)
            if match and match.group(1):
                return match.group(1)
            if _SETEXT_H1.match(line) and previous.strip():
                return previous.strip()
        previous = line
    return ""


def _first_paragraph(body: str) -> str:
    fenced = False
    for line in body.split("\n"):
        stripped = line.strip()
        if _FENCE.match(line):
            fenced = not fenced
        elif fenced or not stripped or stripped.startswith(("#", "!", "|", "<", "---", "===")):
            continue
        else:
            plain = " ".join(_MARKUP.sub("", _LINK.sub(r"\1", stripped)).split())
            if plain:
                return plain if len(plain) <= SUMMARY_CHARS else plain[: SUMMARY_CHARS - 1] + "…"
    return ""
