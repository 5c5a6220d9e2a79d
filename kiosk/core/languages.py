"""The languages the kiosk knows: one for each translation file it finds.

A language is known when a ``.po`` file says so (``docs/translating.md``): adding a
language is adding a file, with no code change. The files are looked for in, first
wins entry by entry:

1. the folder set by :func:`use_locale_dir` (the config's ``locale_dir``),
2. the folder in the environment variable ``KIOSK_LOCALE_DIR``,
3. the bundled ``kiosk/locale/``.

So a hospital adds a language, or rewords a text, in a folder of its own, and
anything its files leave out comes from the bundled ones.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from kiosk.core import translations
from kiosk.core.diagnostics import Diagnostic, Report, sort_key

DEFAULT_LANGUAGE = "zh-CN"
ENGLISH = "en"  # the source language: the text shown where a translation has none
ENV_VAR = "KIOSK_LOCALE_DIR"
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "locale"


@dataclass(frozen=True)
class Language:
    """A content language: its code (Hugo's file suffix) and its name in itself."""

    code: str
    native_name: str


@dataclass(frozen=True)
class _Known:
    languages: tuple[Language, ...]
    by_lower: Mapping[str, Language]
    texts: Mapping[str, Mapping[str, str]]  # language code → key → text
    problems: tuple[Diagnostic, ...]


_configured: Path | None = None


def use_locale_dir(folder: Path | None) -> None:
    """Also read the translation files in ``folder`` (None: only the usual places)."""
    global _configured
    _configured = folder


def locale_dirs() -> tuple[Path, ...]:
    """The folders translation files are read from, the first winning."""
    env = os.environ.get(ENV_VAR, "")
    found = (_configured, Path(env).expanduser() if env else None, BUNDLED_DIR)
    return tuple(dict.fromkeys(folder for folder in found if folder is not None))


def find(code: str) -> Language | None:
    """The language for a code, ignoring case (``zh-cn`` is ``zh-CN``)."""
    return _known().by_lower.get(code.lower())


# Other codes a Hugo site uses for the same languages, as folder names.
ALIASES = {
    "zh": "zh-CN",
    "zh-hans": "zh-CN",
    "zh-hans-cn": "zh-CN",
    "zh-sg": "zh-CN",
    "cn": "zh-CN",
    "en-us": "en",
    "en-gb": "en",
}


def find_folder(name: str) -> Language | None:
    """The language a folder is named for (Hugo's ``content/zh-cn/``), or None."""
    code = ALIASES.get(name.lower(), name)
    return find(code)


def codes() -> tuple[str, ...]:
    """Every known language: the default first, then English, then the rest by code."""
    return tuple(lang.code for lang in _known().languages)


def all_languages() -> tuple[Language, ...]:
    return _known().languages


def text(key: str, code: str) -> str | None:
    """The kiosk's text ``key`` in language ``code``, or None if it has none."""
    known = _known()
    texts = known.texts.get(code)
    if texts is None:
        found = known.by_lower.get(code.lower())
        texts = known.texts.get(found.code, {}) if found else {}
    return texts.get(key)


def problems() -> tuple[Diagnostic, ...]:
    """What is wrong in the translation files, as ``PATH:LINE: level: message``."""
    return _known().problems


_last: tuple[Path | None, str, _Known] | None = None


def _known() -> _Known:
    """The languages of the current locale folders. Asked once per content file when a
    library loads, so the answer is kept while the folders' settings stay the same."""
    global _last
    env = os.environ.get(ENV_VAR, "")
    last = _last
    if last is not None and last[0] is _configured and last[1] == env:
        return last[2]
    known = _load(locale_dirs())
    _last = (_configured, env, known)
    return known


@functools.cache
def _load(folders: tuple[Path, ...]) -> _Known:
    report = Report()
    names: dict[str, str] = {}
    texts: dict[str, dict[str, str]] = {}
    for folder in reversed(folders):  # bundled first; each later folder wins
        if not folder.is_dir():
            report.warning(folder, 1, "translation folder not found; its files are left out")
            continue
        in_folder: dict[str, Path] = {}
        for path in sorted(folder.glob("*.po")):
            catalog, found = translations.read(path)
            report.extend(found)
            if catalog is None:
                continue
            code = next((c for c in names if c.lower() == catalog.code.lower()), catalog.code)
            if code in in_folder:
                report.warning(
                    path,
                    1,
                    f"language '{code}' has a file here already "
                    f"({in_folder[code].name}); this one is skipped",
                )
                continue
            in_folder[code] = path
            texts[code] = {**texts.get(code, {}), **catalog.texts}
            names[code] = catalog.name or names.get(code) or code
    order = sorted(names, key=lambda c: (c != DEFAULT_LANGUAGE, c != ENGLISH, c.lower()))
    known = tuple(Language(code, names[code]) for code in order)
    return _Known(
        languages=known,
        by_lower=MappingProxyType({lang.code.lower(): lang for lang in known}),
        texts=MappingProxyType({code: MappingProxyType(t) for code, t in texts.items()}),
        problems=tuple(sorted(report.items, key=sort_key)),
    )
