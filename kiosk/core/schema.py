"""The front-matter keys authors may write, their types, and how values are checked.

A new key is one entry in ``KEYS`` (and a line in ``content/README.md``).
A value of the wrong type is a warning: the key is ignored and the page still shows.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core import languages, teachback
from kiosk.core.frontmatter import FrontMatter, KeyPath, LineMap
from kiosk.core.model import PAGE_TYPES


class WrongValue(Exception):
    """A value the key cannot take; the message is for the author."""


def _text(name: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise WrongValue(f"'{name}' should be text")
    return str(value).strip()


def _text_list(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        # Forgive "tags: a, b" (and the Chinese comma) for a proper list.
        value = re.split(r"[,，、]", value)
    if not isinstance(value, list) or not all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        raise WrongValue(f"'{name}' should be a list of words, like [weaning, breast]")
    return tuple(s for s in (str(v).strip() for v in value) if s)


_DATE_SHAPE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE_SHAPE.match(str(value).strip()) if isinstance(value, str) else None
    if not match:
        raise WrongValue(f"'{name}' should be a date like 2026-01-16")
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise WrongValue(f"'{name}' is an impossible date: {value}") from None


def _int(name: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise WrongValue(f"'{name}' should be a whole number")


_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise WrongValue(f"'{name}' should be true or false")


def _page_type(name: str, value: Any) -> str:
    text = _text(name, value).lower()
    if text not in PAGE_TYPES:
        raise WrongValue(f"'{name}' should be one of: {', '.join(PAGE_TYPES)} (not '{value}')")
    return text


def _url(name: str, value: Any) -> str:
    text = _text(name, value)
    if not re.match(r"^https?://[^\s/]+", text):
        raise WrongValue(f"'{name}' should be a web address starting with https://")
    return text


def _names(name: str, value: Any) -> str:
    """One name, or a list of them (Hugo's ``authors``), as one line of text."""
    if isinstance(value, list):
        return ", ".join(_text_list(name, value))
    return _text(name, value)


def _language(name: str, value: Any) -> str:
    found = languages.find(_text(name, value))
    if found is None:
        known = ", ".join(languages.codes())
        raise WrongValue(f"'{name}' should be one of the kiosk's languages: {known}")
    return found.code


def _files(name: str, value: Any) -> tuple[str, ...]:
    """One file name, or a list of them (where an item is left empty, "" holds its place)."""
    if isinstance(value, str):
        return (value.strip(),)
    if not isinstance(value, list) or not all(
        v is None or (isinstance(v, str | int | float) and not isinstance(v, bool)) for v in value
    ):
        raise WrongValue(f"'{name}' should be a file name, or a list of them")
    return tuple("" if v is None else str(v).strip() for v in value)


def _checked_with_lines(name: str, value: Any) -> Any:
    """Nested keys (teach-back questions) are checked in ``read``, where lines are known."""
    return value


@dataclass(frozen=True)
class Key:
    """A front-matter key: its canonical name and how its value is read."""

    name: str
    read: Callable[[str, Any], Any]


KEYS: dict[str, Key] = {
    key.name.lower(): key
    for key in (
        # Hugo's names.
        Key("title", _text),
        Key("summary", _text),
        Key("description", _text),
        Key("date", _date),
        Key("lastmod", _date),
        Key("tags", _text_list),
        Key("keywords", _text_list),
        Key("weight", _int),
        Key("draft", _bool),
        Key("translationKey", _text),
        Key("linkTitle", _text),
        Key("slug", _text),
        Key("aliases", _text_list),
        Key("publishDate", _date),
        Key("expiryDate", _date),
        Key("author", _names),
        Key("categories", _text_list),
        Key("images", _text_list),
        # Ours.
        Key("lang", _language),
        Key("type", _page_type),
        Key("cover", _text),
        Key("cover_alt", _text),
        Key("related", _text_list),
        Key("source", _text),
        Key("reviewed_by", _text),
        Key("reviewed", _date),
        Key("review_due", _date),
        Key("share_url", _url),
        Key("questions", _checked_with_lines),
        Key("audio", _files),
    )
}


# Other names Hugo accepts for the same keys.
for _other, _name in (
    ("authors", "author"),
    ("pubdate", "publishDate"),
    ("published", "publishDate"),
    ("unpublishdate", "expiryDate"),
    ("language", "lang"),
):
    KEYS[_other] = KEYS[_name.lower()]

# Keys Hugo and MkDocs sites use that mean nothing on a kiosk: accepted, not used.
IGNORED = frozenset(
    {
        "layout",
        "menu",
        "menus",
        "toc",
        "outputs",
        "build",
        "cascade",
        "sitemap",
        "markup",
        "hide",
        "template",
        "search",
        "url",
        "headless",
        "resources",
        "params",
        "comments",
        "icon",
        "status",
        "tableofcontents",
        "iscjklanguage",
        "series",
        "featured",
        "show_toc",
    }
)


@dataclass(frozen=True)
class Checked:
    """Front matter after checking: values and lines by canonical key name, and problems."""

    meta: dict[str, Any]
    lines: LineMap
    problems: tuple[tuple[int, str], ...]


_CANONICAL = frozenset(key.name for key in KEYS.values())


def read(front: FrontMatter) -> Checked:
    """Check every key. Depends on the front matter alone, so the result can be cached."""
    meta: dict[str, Any] = {}
    problems: list[tuple[int, str]] = [
        (again, f"'{name}' is given twice (first at line {first}); the last one counts")
        for name, first, again in front.duplicates
    ]
    for raw_name, value in front.data.items():
        key = KEYS.get(raw_name.lower())
        if key is None and raw_name.lower() in IGNORED:
            continue
        if key is None:
            problems.append((front.lines.line(raw_name), _unknown(raw_name)))
            continue
        if value is None or value == "" or value == []:
            continue
        if key.name == "questions":
            meta["questions"], found = teachback.read(value, front.lines)
            problems.extend(found)
            continue
        try:
            meta[key.name] = key.read(key.name, value)
        except WrongValue as exc:
            problems.append((front.lines.line(raw_name), f"{exc}; ignored"))
    return Checked(meta, _canonical_lines(front.lines), tuple(problems))


def _canonical_lines(lines: LineMap) -> LineMap:
    """Lines keyed by canonical names, so "Review_Due" is found as "review_due"."""
    if all(str(path[0]) in _CANONICAL for path in lines.lines):
        return lines  # the usual case: nothing to rename
    renamed: dict[KeyPath, int] = {}
    for path, line in lines.lines.items():
        key = KEYS.get(str(path[0]).lower())
        renamed[(key.name, *path[1:]) if key else path] = line
    return LineMap(renamed, lines.default)


def _unknown(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), KEYS, n=1, cutoff=0.75)
    hint = f" (did you mean '{KEYS[close[0]].name}'?)" if close else ""
    return f"unknown front-matter key '{name}'{hint}; ignored"
