"""Settings: defaults, a clear word about bad ones, and the PIN stored only as a hash."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core import config, pin


def test_no_file_means_the_defaults() -> None:
    loaded, warnings = config.load(None)
    assert loaded.idle_timeout == 90 and loaded.default_language == "zh-CN"
    assert warnings == []


def test_settings_are_read_and_bad_ones_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        'idle_timeout = 45\nkiosk_name = "Ward 5"\nidle_timout = 3\nwindowed = "yes"\n',
        encoding="utf-8",
    )
    loaded, warnings = config.load(path)
    assert loaded.idle_timeout == 45.0
    assert loaded.name(loaded.kiosk_name, "en") == "Ward 5"
    assert warnings == [
        f"{path}:3: warning: unknown setting 'idle_timout'; ignored",
        f"{path}:4: warning: 'windowed' should be like False; the default is used",
    ]


def test_a_broken_config_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = = 3\n", encoding="utf-8")
    with pytest.raises(config.ConfigError, match=str(path)):
        config.load(path)


def test_set_value_replaces_or_adds_a_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('# comment\npin_hash = "old"\nidle_timeout = 30\n', encoding="utf-8")
    config.set_value(path, "pin_hash", "new")
    config.set_value(path, "kiosk_name", "Ward 5")
    assert path.read_text(encoding="utf-8") == (
        '# comment\npin_hash = "new"\nidle_timeout = 30\nkiosk_name = "Ward 5"\n'
    )


def test_the_pin_is_stored_only_as_a_salted_hash() -> None:
    first, second = pin.hash_pin("2468"), pin.hash_pin("2468")
    assert "2468" not in first and first != second  # salted
    assert pin.verify("2468", first) and not pin.verify("1357", first)
    assert not pin.verify("2468", "garbage")


@pytest.mark.parametrize(("text", "ok"), [("1234", True), ("12", False), ("12ab", False)])
def test_pins_are_four_to_twelve_digits(text: str, ok: bool) -> None:
    assert pin.is_valid_pin(text) is ok


def test_the_example_config_documents_every_setting_at_its_default() -> None:
    from dataclasses import fields

    from tests.conftest import REPO

    example = REPO / "kiosk.example.toml"
    loaded, warnings = config.load(example)
    assert warnings == []
    assert loaded == config.Config()
    text = example.read_text(encoding="utf-8")
    for field in fields(config.Config):
        assert f"\n{field.name} = " in text, field.name
