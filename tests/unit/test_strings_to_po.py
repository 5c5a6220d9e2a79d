"""tools/strings_to_po.py ports keys added to an old-style TEXT dict into the .po files."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import polib
import pytest

from kiosk.core import languages, translations
from tests.conftest import REPO

OLD_STRINGS = """
TEXT: dict[str, dict[str, str]] = {
    "home": {"zh-CN": "首页", "en": "Home"},
    "scan_me": {"zh-CN": "扫码带回家看", "en": "Scan to read this at home"},
    "pages_left": {"zh-CN": "还有 {n} 页", "en": "{n} pages to go"},
    "only_english": {"en": "Only in English"},
}
"""


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("strings_to_po", REPO / "tools/strings_to_po.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def locale(tmp_path: Path) -> Path:
    folder = tmp_path / "locale"
    shutil.copytree(languages.BUNDLED_DIR, folder)
    return folder


def _entry(path: Path, key: str) -> polib.POEntry | None:
    return next((e for e in polib.pofile(str(path)) if e.msgctxt == key), None)


def test_new_keys_are_appended_to_every_file_in_its_language(
    tool: ModuleType, locale: Path
) -> None:
    said = tool.port(tool.read_text_dict(OLD_STRINGS), locale)
    assert said[0] == f"{locale / 'en.po'}: added 3 (scan_me, pages_left, only_english)"
    zh = _entry(locale / "zh_CN.po", "scan_me")
    assert zh is not None and (zh.msgid, zh.msgstr) == ("Scan to read this at home", "扫码带回家看")
    template = _entry(locale / "kiosk.pot", "pages_left")
    assert template is not None and (template.msgid, template.msgstr) == ("{n} pages to go", "")
    # Not translated: the kiosk shows English, and kiosk check says which entry to fill in.
    catalog, problems = translations.read(locale / "zh_CN.po")
    assert catalog is not None and "only_english" not in catalog.texts
    assert ["'only_english' is not translated yet" in p.message for p in problems] == [True]


def test_porting_twice_changes_nothing(tool: ModuleType, locale: Path) -> None:
    texts = tool.read_text_dict(OLD_STRINGS)
    tool.port(texts, locale)
    before = {p.name: p.read_bytes() for p in locale.iterdir()}
    assert all(": added 0" in line for line in tool.port(texts, locale))
    assert {p.name: p.read_bytes() for p in locale.iterdir()} == before


def test_a_changed_text_is_named_and_replaced_only_when_asked(
    tool: ModuleType, locale: Path
) -> None:
    texts = {"home": {"en": "Start page"}}
    said = tool.port(texts, locale)
    assert "kept (--update replaces) 1 whose text differs (home)" in said[0]
    assert _entry(locale / "en.po", "home").msgid == "Home"  # type: ignore[union-attr]
    tool.port(texts, locale, update=True)
    english, chinese = _entry(locale / "en.po", "home"), _entry(locale / "zh_CN.po", "home")
    assert english is not None and (english.msgid, english.msgstr) == ("Start page", "Start page")
    # The Chinese was made for the old English: a translator looks at it again.
    assert chinese is not None and chinese.msgid == "Start page" and "fuzzy" in chinese.flags


def test_the_command_reads_standard_input_and_writes_nothing_on_a_dry_run(
    tool: ModuleType,
    locale: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    before = {p.name: p.read_bytes() for p in locale.iterdir()}
    monkeypatch.setattr(sys, "stdin", io.StringIO(OLD_STRINGS))
    assert tool.main(["-", "--locale-dir", str(locale), "--dry-run"]) == 0
    assert "added 3" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in locale.iterdir()} == before
    monkeypatch.setattr(sys, "stdin", io.StringIO("x = 1\n"))
    assert tool.main(["-", "--locale-dir", str(locale)]) == 2
    assert "no 'TEXT = {...}' found" in capsys.readouterr().err
