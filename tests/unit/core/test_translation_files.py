"""The bundled translation files hold every text the code asks for, all usable, and no more."""

from __future__ import annotations

import ast
from pathlib import Path

import polib
import pytest

from kiosk.core import languages, translations
from tests.conftest import REPO

LOCALE = languages.BUNDLED_DIR
BUNDLED = sorted(LOCALE.glob("*.po"))
TEMPLATE = LOCALE / "kiosk.pot"
# Functions whose first argument is a key of the kiosk's texts.
LOOKUPS = {"tr", "labelled", "word", "note"}  # word(), note(): the words handed to the core


def _keys_used() -> tuple[set[str], set[tuple[str, str]]]:
    """Every literal key passed to tr() or labelled() in the package, and any other argument."""
    used: set[str] = set()
    variable: set[tuple[str, str]] = set()
    for path in sorted((REPO / "kiosk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in LOOKUPS:
                continue
            found = {
                n.value
                for n in ast.walk(node.args[0])
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            }
            used |= found
            if not found:
                variable.add((path.relative_to(REPO).as_posix(), ast.unparse(node.args[0])))
    return used, variable


def _entries(path: Path) -> dict[str, polib.POEntry]:
    return {entry.msgctxt: entry for entry in polib.pofile(str(path))}


def test_the_bundled_files_are_chinese_and_english() -> None:
    assert [p.name for p in BUNDLED] == ["en.po", "zh_CN.po"]
    assert [translations.read(p)[0].code for p in BUNDLED] == ["en", "zh-CN"]  # type: ignore[union-attr]


def test_every_key_the_code_uses_is_in_the_files_and_every_entry_is_used() -> None:
    used, variable = _keys_used()
    # The lookups of a key that is not written out: labelled() passes its own on.
    assert variable == {("kiosk/ui/widgets/trust.py", "key"), ("kiosk/core/trust.py", "key")}
    for path in [*BUNDLED, TEMPLATE]:
        keys = set(_entries(path)) - {translations.LANGUAGE_NAME}
        assert used - keys == set(), f"{path.name} lacks these"
        assert keys - used == set(), f"{path.name} has these, which no code uses"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_entry_is_translated_and_keeps_its_placeholders(path: Path) -> None:
    _, problems = translations.read(path)
    assert problems == ()
    for key, entry in _entries(path).items():
        assert entry.msgstr.strip(), key
        assert "fuzzy" not in entry.flags, key
        assert not entry.obsolete, key
        if key != translations.LANGUAGE_NAME:
            assert translations.placeholders(entry.msgstr) == translations.placeholders(
                entry.msgid
            ), key


def test_every_file_has_the_template_s_english_texts_in_its_order() -> None:
    template = [(e.msgctxt, e.msgid) for e in polib.pofile(str(TEMPLATE))]
    assert all(not e.msgstr for e in polib.pofile(str(TEMPLATE)))
    for path in BUNDLED:
        assert [(e.msgctxt, e.msgid) for e in polib.pofile(str(path))] == template, path.name


def test_english_says_what_its_source_text_says() -> None:
    english = polib.pofile(str(LOCALE / "en.po"))
    assert [e.msgctxt for e in english if e.msgstr != e.msgid] == []


def test_the_files_are_in_the_package_so_a_wheel_carries_them() -> None:
    assert LOCALE == REPO / "kiosk" / "locale"
