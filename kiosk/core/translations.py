"""One translation file: the kiosk's own words in one language, as a gettext ``.po`` file.

Translators' tools (Poedit, Weblate, Lokalize, a text editor) read and write these.
In each entry ``msgctxt`` is the kiosk's key for the text (``home``), ``msgid`` the
English text the translator starts from, and ``msgstr`` the translation. The header
``Language:`` names the file's language (``zh_CN`` and ``zh-CN`` are the same), and
the entry ``language_name`` is the language's name in itself (中文, Français), as
the language switch shows it.

An entry the kiosk cannot use (empty, marked fuzzy, or with other ``{placeholders}``
than the English) is left out with a warning, so the kiosk shows English there
instead of a wrong or broken text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polib

from kiosk.core.diagnostics import Diagnostic, Report

LANGUAGE_NAME = "language_name"
"""The key whose translation is the file's language named in itself."""

_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")


@dataclass(frozen=True)
class Catalog:
    """The usable texts of one translation file, by key."""

    code: str
    path: Path
    name: str | None  # the language in itself; None if the file does not say
    texts: Mapping[str, str] = field(default_factory=dict)


def language_code(value: str) -> str:
    """A gettext language (``zh_CN``, ``pt_BR@latin``) as a content-file suffix (``zh-CN``)."""
    return value.strip().split("@", 1)[0].split(".", 1)[0].replace("_", "-")


def placeholders(text: str) -> list[str] | None:
    """The ``{names}`` in ``text``, sorted; None if its braces are malformed."""
    try:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return None


def read(path: Path) -> tuple[Catalog | None, tuple[Diagnostic, ...]]:
    """The file's catalog (None if it cannot be read) and its problems."""
    report = Report()
    try:
        po = polib.pofile(str(path))
    except (OSError, UnicodeError, ValueError) as exc:
        found = _SYNTAX_LINE.search(str(exc))
        line = int(found.group(1)) if found else 1
        report.error(path, line, f"translation file cannot be read: {exc}; it is skipped")
        return None, report.items
    header = po.metadata.get("Language", "").strip()
    if header:
        code = language_code(header)
    else:
        code = language_code(path.stem)
        report.warning(
            path, 1, f"no 'Language:' in the header; taken from the file name as '{code}'"
        )
    texts: dict[str, str] = {}
    seen: set[str] = set()
    for entry in po:
        line = entry.linenum or 1
        key = entry.msgctxt
        if not key:
            report.warning(path, line, f"'{entry.msgid}' has no msgctxt (the kiosk's key); unused")
            continue
        if key in seen:
            report.warning(path, line, f"'{key}' is here twice; the first one is used")
            continue
        seen.add(key)
        if entry.msgid_plural:
            report.warning(path, line, f"'{key}' has plural forms, which the kiosk does not use")
        elif "fuzzy" in entry.flags:
            report.warning(path, line, f"'{key}' is marked fuzzy (needs review); English is shown")
        elif not entry.msgstr.strip():
            report.warning(path, line, f"'{key}' is not translated yet; English is shown")
        elif key != LANGUAGE_NAME and placeholders(entry.msgstr) != placeholders(entry.msgid):
            report.warning(
                path,
                line,
                f"'{key}' must keep the placeholders of '{entry.msgid}' exactly; English is shown",
            )
        else:
            texts[key] = entry.msgstr
    name = texts.pop(LANGUAGE_NAME, None)
    if LANGUAGE_NAME not in seen:
        report.warning(
            path, 1, f"no '{LANGUAGE_NAME}' entry: the language switch shows '{code}' instead"
        )
    return Catalog(code, path, name, texts), report.items
