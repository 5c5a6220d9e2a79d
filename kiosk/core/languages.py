"""The languages the kiosk knows. Adding a language is one entry here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A content language: its code (Hugo's file suffix) and its name in itself."""

    code: str
    native_name: str


LANGUAGES: tuple[Language, ...] = (
    Language("zh-CN", "中文"),
    Language("en", "English"),
)

DEFAULT_LANGUAGE = "zh-CN"

_BY_LOWER = {lang.code.lower(): lang for lang in LANGUAGES}


def find(code: str) -> Language | None:
    """The language for a code, ignoring case (``zh-cn`` is ``zh-CN``)."""
    return _BY_LOWER.get(code.lower())


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
    return tuple(lang.code for lang in LANGUAGES)
