"""The kiosk's own words. They live in translation files, one per language.

The files are ``kiosk/locale/*.po`` (gettext; ``docs/translating.md`` says how to
translate them and how to add a language). ``kiosk.core.languages`` reads them.
"""

from __future__ import annotations

from kiosk.core import languages


def tr(key: str, lang: str) -> str:
    """The kiosk's text ``key`` in ``lang``: else in English, else the key itself."""
    return languages.text(key, lang) or languages.text(key, languages.ENGLISH) or key
