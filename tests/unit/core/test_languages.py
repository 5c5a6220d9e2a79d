"""The kiosk knows a language when a translation file names it: adding one is adding a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import resources
from kiosk.core import config, languages, loader
from kiosk.core.diagnostics import Severity
from tests.conftest import TODAY, write
from tests.french import french_content, french_locale

HEADER = 'msgid ""\nmsgstr ""\n"Language: {code}\\n"\n\n'


def entry(key: str, english: str, text: str, flags: str = "") -> str:
    flag = f"#, {flags}\n" if flags else ""
    return f'{flag}msgctxt "{key}"\nmsgid "{english}"\nmsgstr "{text}"\n\n'


def test_the_bundled_languages_are_chinese_first_then_english() -> None:
    assert languages.codes() == ("zh-CN", "en")
    assert [lang.native_name for lang in languages.all_languages()] == ["中文", "English"]
    assert languages.DEFAULT_LANGUAGE == "zh-CN"
    assert languages.problems() == ()


def test_find_ignores_case() -> None:
    found = languages.find("ZH-cn")
    assert found is not None and found.code == "zh-CN" and found.native_name == "中文"
    assert languages.find("fr") is None


def test_a_file_in_the_env_folder_adds_a_language_after_the_bundled_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(languages.ENV_VAR, str(french_locale(tmp_path)))
    assert languages.codes() == ("zh-CN", "en", "fr")
    french = languages.find("FR")
    assert french is not None and french.native_name == "Français"
    assert languages.text("home", "fr") == "Accueil"
    assert languages.text("disclaimer", "fr") is None  # the kiosk then shows English
    assert languages.problems() == ()


def test_a_hospital_file_rewords_a_bundled_language_entry_by_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "zh_CN.po", HEADER.format(code="zh_CN") + entry("home", "Home", "主页"))
    monkeypatch.setenv(languages.ENV_VAR, str(tmp_path))
    assert languages.codes() == ("zh-CN", "en")
    assert languages.find("zh-CN").native_name == "中文"  # type: ignore[union-attr]
    assert languages.text("home", "zh-CN") == "主页"
    assert languages.text("back", "zh-CN") == "返回"


def test_unusable_entries_are_named_with_their_line_and_left_out(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "de.po",
        HEADER.format(code="de_DE")
        + entry("home", "Home", "Start", "fuzzy")
        + entry("back", "Back", "")
        + entry("step_of", "Step {n} of {total}", "Schritt {n} von {gesamt}")
        + entry("next", "Next", "Weiter"),
    )
    languages.use_locale_dir(tmp_path)
    assert languages.codes() == ("zh-CN", "en", "de-DE")
    assert [(d.path, d.line, d.severity) for d in languages.problems()] == [
        (path, 1, Severity.WARNING),  # no language_name: the switch shows the code
        (path, 5, Severity.WARNING),
        (path, 10, Severity.WARNING),
        (path, 14, Severity.WARNING),
    ]
    messages = "\n".join(str(d) for d in languages.problems())
    assert "'home' is marked fuzzy" in messages
    assert "'back' is not translated yet" in messages
    assert "'step_of' must keep the placeholders" in messages
    assert languages.find("de-de").native_name == "de-DE"  # type: ignore[union-attr]
    assert [languages.text(k, "de-DE") for k in ("home", "back", "step_of", "next")] == [
        None,
        None,
        None,
        "Weiter",
    ]


def test_a_broken_file_is_an_error_and_the_rest_still_works(tmp_path: Path) -> None:
    path = write(tmp_path, "fr.po", HEADER.format(code="fr") + entry("home", "Home", "Accueil"))
    path.write_text(path.read_text(encoding="utf-8") + "Bonjour !\n", encoding="utf-8")
    languages.use_locale_dir(tmp_path)
    assert languages.codes() == ("zh-CN", "en")
    (problem,) = languages.problems()
    assert (problem.path, problem.line, problem.severity) == (path, 9, Severity.ERROR)
    assert "cannot be read" in problem.message
    assert languages.text("home", "en") == "Home"


def test_a_file_without_a_language_header_is_named_by_its_file_name(tmp_path: Path) -> None:
    write(
        tmp_path, "pt_BR.po", 'msgid ""\nmsgstr ""\n\n' + entry("language_name", "E", "Português")
    )
    languages.use_locale_dir(tmp_path)
    assert languages.find("pt-br").native_name == "Português"  # type: ignore[union-attr]
    assert "no 'Language:' in the header" in str(languages.problems()[0])


def test_the_config_locale_dir_adds_languages_it_then_offers(tmp_path: Path) -> None:
    french_locale(tmp_path / "locale")
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'languages = ["zh-CN", "en", "fr"]\nlocale_dir = "{tmp_path / "locale"}"\n',
        encoding="utf-8",
    )
    loaded, warnings = config.load(path)
    assert warnings == []
    assert loaded.languages == ("zh-CN", "en", "fr")
    assert config.Config().languages == ("zh-CN", "en", "fr")  # default: all with a file


def test_a_language_with_no_file_is_named_in_the_config_warning(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('locale_dir = "/no/such/folder"\nlanguages = ["zh-CN", "fr"]\n', "utf-8")
    loaded, warnings = config.load(path)
    assert warnings == [
        f"{path}:1: warning: locale_dir '/no/such/folder' is not a folder; "
        "only the bundled languages are known",
        f"{path}:2: warning: 'languages': no translation file for 'fr' (known: zh-CN, en); "
        "the default is used",
    ]
    assert loaded.languages == ("zh-CN", "en")


def test_pages_in_a_language_with_a_file_are_read_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = french_content(tmp_path / "content")
    before = loader.load(root, resources.assets_dir(), today=TODAY)
    assert "unknown language 'fr'" in "\n".join(str(d) for d in before.diagnostics)
    monkeypatch.setenv(languages.ENV_VAR, str(french_locale(tmp_path / "locale")))
    after = loader.load(root, resources.assets_dir(), today=TODAY)
    assert after.languages == ("zh-CN", "en", "fr")
    page = after.get("care/rest", "fr")
    assert page is not None and page.lang == "fr" and page.title == "Bien se reposer"
    assert not any("unknown language" in str(d) for d in after.diagnostics)


def test_a_missing_env_folder_is_named_and_the_bundled_languages_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(languages.ENV_VAR, str(tmp_path / "nowhere"))
    assert languages.codes() == ("zh-CN", "en")
    (problem,) = languages.problems()
    assert str(problem).startswith(f"{tmp_path / 'nowhere'}:1: warning: ")
    assert problem.message == "translation folder not found; its files are left out"
