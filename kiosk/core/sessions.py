"""Education sessions: an ordered list of pages a nurse presents to a room.

A session is a TOML file in the content folder's ``sessions/`` folder; its name
(without ``.toml``) is its id::

    # content/sessions/weaning-class.toml
    minutes = 30                  # how long it is meant to take (optional)
    items = [
      "weaning/gentle-weaning",       # a page (an article, or a guide from its start)
      "weaning/hand-expression#3",    # one step of a guide (from 1)
      "check:weaning/engorgement",    # a page's check questions, asked to the room
      "take-home",                    # what to remember, at the end
    ]

    [title]
    en = "Weaning class"
    zh-CN = "离乳课"

``parse`` reads a file (tomllib, then the text itself for each item's line, since
tomllib gives none); ``Library`` then checks the items against its pages
(``check``). Problems are diagnostics at the file's line; a session with a broken
item is left out, the others load.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core import frontmatter, languages, notes, outline
from kiosk.core.diagnostics import Report
from kiosk.core.model import GUIDE

if TYPE_CHECKING:
    from kiosk.core.model import Page

FOLDER = "sessions"
"""The folder, inside the content folder, that holds session files."""

PAGE, STEP, CHECK, TAKE_HOME = "page", "step", "check", "take-home"
KINDS = (PAGE, STEP, CHECK, TAKE_HOME)
KEYS = frozenset({"title", "minutes", "items"})
_CHECK_PREFIX = "check:"
_SYNTAX = (
    "write a page id ('weaning/engorgement'), one step of a guide "
    "('weaning/hand-expression#3'), 'check:' and a page id, or 'take-home'"
)


@dataclass(frozen=True)
class Item:
    """One thing shown in a session: a page, one guide ``step`` (from 1), a page's
    check questions, or the take-home summary (``page_id`` "")."""

    kind: str  # "page" | "step" | "check" | "take-home"
    page_id: str
    step: int | None
    line: int  # the item's line in the session file


@dataclass(frozen=True)
class Session:
    """A session file read and checked: its items hold the ids of pages that exist."""

    id: str
    file: Path
    titles: dict[str, str]
    minutes: int | None
    items: tuple[Item, ...]
    title_line: int = field(default=1, compare=False)  # where its titles are written

    def title(self, lang: str) -> str:
        """The title in ``lang``, else in English, else in any language, else the id."""
        for code in (lang, languages.ENGLISH, *self.titles):
            if self.titles.get(code):
                return self.titles[code]
        return self.id


def files(content: Path) -> list[Path]:
    """The session files of a content folder, by name (none: an empty list)."""
    folder = content / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.glob("*.toml")
        if path.is_file() and not path.name.startswith((".", "_"))
    )


def read(file: Path, report: Report) -> Session | None:
    """Read one session file; problems go to ``report``. None if it cannot be used."""
    try:
        text = file.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        report.error(file, 1, f"session file cannot be read: {exc.strerror or exc}")
        return None
    return parse(text, file, report)


def parse(text: str, file: Path, report: Report) -> Session | None:
    """The session in ``text`` (page ids not yet looked up), or None if it is unusable."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _toml_error(exc, text)
        report.error(file, line, f"this session file is not valid TOML: {message}")
        return None
    for key in data:
        if key not in KEYS:
            report.warning(
                file,
                _key_line(text, key),
                f"unknown key '{key}' (use title, minutes, items); ignored",
            )
    titles, title_line = _titles(data.get("title"), text, file, report)
    minutes = _minutes(data.get("minutes"), text, file, report)
    raw = data.get("items")
    items_line = _key_line(text, "items")
    if raw is None or raw == []:
        report.error(
            file,
            items_line,
            "empty session: add 'items = [...]', the pages to show in order (see "
            "content/README.md)",
        )
        return None
    if not isinstance(raw, list):
        report.error(file, items_line, f"'items' should be a list in [ ]: {_SYNTAX}")
        return None
    lines = _string_lines(text, items_line)
    if len(lines) != len(raw):  # e.g. a table inside the list: its line is not known
        lines = [items_line] * len(raw)
    items: list[Item] = []
    broken = False
    for value, line in zip(raw, lines, strict=True):
        item = _item(value, line)
        if item is None:
            shown = f"'{value}'" if isinstance(value, str) else repr(value)
            report.error(file, line, f"unknown item {shown}: {_SYNTAX}")
            broken = True
            continue
        items.append(item)
    if broken:
        return None
    return Session(file.stem, file, titles, minutes, tuple(items), title_line)


def _item(value: Any, line: int) -> Item | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.lower() in ("take-home", "takehome", "take home"):
        return Item(TAKE_HOME, "", None, line)
    if text.lower().startswith(_CHECK_PREFIX):
        page_id = _page_id(text[len(_CHECK_PREFIX) :])
        return Item(CHECK, page_id, None, line) if page_id else None
    if ":" in text or not text:
        return None
    page_id, hash_, step = text.partition("#")
    page_id = _page_id(page_id)
    if not page_id:
        return None
    if not hash_:
        return Item(PAGE, page_id, None, line)
    step = step.strip()
    return Item(STEP, page_id, int(step), line) if step.isdigit() else None


def _page_id(text: str) -> str:
    return text.strip().strip("/").removesuffix(".md")


def _titles(value: Any, text: str, file: Path, report: Report) -> tuple[dict[str, str], int]:
    line = _key_line(text, "title")
    if value is None:
        return {}, line  # the library says which languages lack one
    if isinstance(value, str):  # one title for every language
        return {code: value.strip() for code in languages.codes()}, line
    if not isinstance(value, dict):
        report.error(file, line, "'title' should be a table: [title] then en = \"...\"")
        return {}, line
    titles: dict[str, str] = {}
    for code, title in value.items():
        at = _key_line(text, code, default=line)
        language = languages.find(code)
        if language is None:
            known = ", ".join(languages.codes())
            report.error(file, at, f"unknown language '{code}' in 'title' (known: {known})")
            continue
        if not isinstance(title, str) or not title.strip():
            report.error(file, at, f"title in {language.code} should be text in quotes")
            continue
        titles[language.code] = title.strip()
    return titles, line


def _minutes(value: Any, text: str, file: Path, report: Report) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        report.warning(
            file, _key_line(text, "minutes"), "'minutes' should be a whole number, like 30"
        )
        return None
    return value


# --- checking against the library ------------------------------------------------


def check(
    session: Session,
    pages: Callable[[str], tuple[Page, ...]],
    resolve: Callable[[str], str | None],
    hidden: Callable[[str], str],
    wanted: tuple[str, ...],
    report: Report,
    steps: Callable[[Page], int] | None = None,
) -> Session | None:
    """``session`` with each item's page looked up, or None if an item is broken.

    ``pages`` gives a page id's versions (one per language), ``resolve`` the id a
    name opens (an old id too), ``hidden`` why a page is not shown; ``wanted`` are
    the languages a title is needed in; ``steps`` counts a guide's steps (default:
    from its file, as the renderer finds them).
    """
    count = steps or count_steps
    file = session.file
    items: list[Item] = []
    broken = False
    for code in wanted:
        if not session.titles.get(code):
            report.error(
                file,
                session.title_line,
                f'no title in {code}: add {code} = "..." under [title]',
            )
    for item in session.items:
        if item.kind == TAKE_HOME:
            items.append(item)
            continue
        page_id = resolve(item.page_id)
        if page_id is None:
            reason = hidden(item.page_id)
            if reason:
                report.error(file, item.line, f"page '{item.page_id}' {reason}")
            else:
                report.error(file, item.line, f"unknown page '{item.page_id}'")
            broken = True
            continue
        versions = pages(page_id)
        problem = _item_problem(item, versions, count)
        if problem:
            report.error(file, item.line, problem)
            broken = True
            continue
        items.append(Item(item.kind, page_id, item.step, item.line))
    for item in items[:-1]:
        if item.kind == TAKE_HOME:
            report.warning(file, item.line, "'take-home' is meant to be the last item")
    if broken:
        return None
    return Session(
        session.id, file, session.titles, session.minutes, tuple(items), session.title_line
    )


def _item_problem(item: Item, versions: tuple[Page, ...], count: Callable[[Page], int]) -> str:
    name = item.page_id
    if item.kind == CHECK:
        if not any(page.questions for page in versions):
            return (
                f"'{name}' has no check questions: add 'questions:' to the page, "
                "or show the page itself"
            )
        return ""
    if item.kind != STEP:
        return ""
    assert item.step is not None
    if not versions or versions[0].type != GUIDE:
        return f"'{name}#{item.step}': only a guide has steps; '{name}' is an article"
    if item.step < 1:
        return f"'{name}#{item.step}': steps count from 1"
    for page in versions:
        have = count(page)
        if item.step > have:
            return (
                f"'{name}#{item.step}': the guide has {have} step"
                f"{'' if have == 1 else 's'} in {page.lang} ({page.file.name})"
            )
    return ""


def count_steps(page: Page) -> int:
    """A guide's steps, found in its file as the renderer finds them (notes left out)."""
    from kiosk.core import markdown_import  # only needed once a session names a step

    try:
        body = frontmatter.read_body(page.file)
    except OSError:
        return 0
    lines = markdown_import.prepare(notes.split(body.split("\n")).reader).lines
    return len(outline.section_starts(lines, outline.doctor_boxes(lines)[:1]))


# --- lines in the TOML text ------------------------------------------------------


def _key_line(text: str, key: str, default: int = 1) -> int:
    """The first line that sets ``key`` (``key =``, ``"key" =``, ``title.key =`` or
    ``[key]``), or ``default``."""
    name = re.escape(key)
    pattern = re.compile(
        rf"^[ \t]*(?:\[[ \t]*{name}[ \t]*\]|(?:[\w-]+[ \t]*\.[ \t]*)?[\"']?{name}[\"']?[ \t]*=)",
        re.MULTILINE,
    )
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else default


def _string_lines(text: str, key_line: int) -> list[int]:
    """The line of each string in the array that starts on ``key_line``."""
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: key_line - 1])
    start = text.find("[", offset)
    if start < 0:
        return []
    found: list[int] = []
    depth, index, line = 0, start, key_line
    while index < len(text):
        char = text[index]
        if char == "\n":
            line += 1
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
            continue
        elif char in "\"'":
            found.append(line)
            triple = text.startswith(char * 3, index)
            quote = char * 3 if triple else char
            index += len(quote)
            while index < len(text) and not text.startswith(quote, index):
                if text[index] == "\\" and char == '"':
                    index += 1
                elif text[index] == "\n":
                    line += 1
                index += 1
            index += len(quote)
            continue
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                break
        index += 1
    return found


def _toml_error(exc: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    message = str(exc)
    where = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if where:
        return int(where.group(1)), message[: where.start()]
    where = re.search(r"\s*\(at end of document\)$", message)
    if where:
        last = text.rstrip().count("\n") + 1
        return last, message[: where.start()] + " at the end of the file"
    return 1, message
