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


def codes() -> tuple[str, ...]:
    return tuple(lang.code for lang in LANGUAGES)
