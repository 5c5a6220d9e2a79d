"""The kiosk's settings: a flat TOML file, read before Qt starts.

Every key, with its default and meaning, is in ``kiosk.example.toml`` at the top
of the repository; the defaults themselves are the fields of ``Config``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from kiosk.core import languages

Names = dict[str, str]  # text by language code


@dataclass(frozen=True)
class Config:
    """Settings with their defaults. Times are in seconds."""

    kiosk_name: Names = field(
        default_factory=lambda: {"zh-CN": "健康小课堂", "en": "Health corner"}
    )
    hospital_name: Names = field(
        default_factory=lambda: {
            "zh-CN": "广东省妇幼保健院",
            "en": "Guangdong Provincial Maternal and Child Health Hospital",
        }
    )
    content_dir: str = ""  # empty: the bundled content
    default_language: str = languages.DEFAULT_LANGUAGE
    languages: tuple[str, ...] = languages.codes()
    idle_timeout: float = 90.0
    attract_interval: float = 8.0
    carousel_interval: float = 6.0
    admin_hold_seconds: float = 3.0
    admin_taps: int = 5
    admin_taps_seconds: float = 3.0
    pin_hash: str = ""
    pin_attempts: int = 5
    pin_lockout_seconds: float = 60.0
    windowed: bool = False
    screen: int = 0
    read_aloud: bool = True  # a speaker button on pages, where a voice or a recording exists
    speech_engine: str = ""  # a Qt text-to-speech engine by name; empty: Qt's default
    speech_voices: Names = field(default_factory=dict)  # a voice's name by language

    def name(self, names: Names, lang: str) -> str:
        """The text for ``lang``, else for the default language, else any."""
        return names.get(lang) or names.get(self.default_language) or next(iter(names.values()), "")

    @property
    def content_path(self) -> Path | None:
        return Path(self.content_dir).expanduser() if self.content_dir else None


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and line."""


def load(path: Path | None) -> tuple[Config, list[str]]:
    """Read the config file (or the defaults when ``path`` is None or missing).

    Returns the config and warnings in ``PATH:LINE: warning: message`` form.
    Raises ConfigError for a file that is not valid TOML.
    """
    if path is None or not path.exists():
        return Config(), []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: error: not valid TOML: {exc}") from None
    warnings: list[str] = []
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(Config)}
    defaults = Config()
    for key, value in data.items():
        line = _line_of(text, key)
        if key not in known:
            warnings.append(f"{path}:{line}: warning: unknown setting '{key}'; ignored")
            continue
        default = getattr(defaults, key)
        converted = _convert(value, default)
        if converted is None:
            warnings.append(
                f"{path}:{line}: warning: '{key}' should be like {default!r}; the default is used"
            )
            continue
        values[key] = converted
    config = Config(**values)
    if config.default_language not in config.languages:
        warnings.append(f"{path}: warning: default_language is not among languages")
    return config, warnings


def _convert(value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int | float) and not isinstance(default, bool):
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            return type(default)(value)
        return None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(default, tuple):
        if isinstance(value, list) and all(languages.find(str(v)) for v in value) and value:
            return tuple(languages.find(str(v)).code for v in value)  # type: ignore[union-attr]
        return None
    if isinstance(default, dict):
        if isinstance(value, str):
            return dict.fromkeys(languages.codes(), value)
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return {str(k): v for k, v in value.items()}
        return None
    return None


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def set_value(path: Path, key: str, value: str) -> None:
    """Write ``key = "value"`` into a flat TOML file, replacing the key if present."""
    line = f'{key} = "{value}"'
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=.*$", re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(line, text, count=1)
    else:
        text = text + ("" if not text or text.endswith("\n") else "\n") + line + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
