"""The kiosk's settings: a flat TOML file, read before Qt starts.

Every key, with its default and meaning, is in ``kiosk.example.toml`` at the top
of the repository; the defaults themselves are the fields of ``Config``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kiosk.core import hours, languages

Names = dict[str, str]  # text by language code
THEMES = ("standard", "high-contrast")  # the looks kiosk/ui/theme.py draws


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
    locale_dir: str = ""  # translation files of the hospital's own; empty: the bundled ones only
    default_language: str = languages.DEFAULT_LANGUAGE
    # Default: every language with a translation file.
    languages: tuple[str, ...] = field(default_factory=languages.codes)
    content_language: str = ""  # of files that name none; empty: the first of languages
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
    # "standard", or "high-contrast" for every visitor (then there is no button for it).
    theme: str = "standard"
    # Where 'kiosk export' is published; empty: no take-home QR codes.
    share_base_url: str = ""
    read_aloud: bool = True  # a speaker button on pages, where a voice or a recording exists
    speech_engine: str = ""  # a Qt text-to-speech engine by name; empty: Qt's default
    speech_voices: Names = field(default_factory=dict)  # a voice's name by language
    # Memory: pages whose HTML is kept after they are shown, and screens kept built
    # for a quick return (both the ones used last; the rest are made again if needed).
    rendered_pages_kept: int = 48
    screens_kept: int = 6
    # Live reload: show changes to the content folder without a restart, between two
    # screens; a file saved broken keeps its page's last good version.
    watch_content: bool = True
    # Anonymous usage counts per day (kiosk/core/stats.py, 'kiosk stats'); false: none.
    usage_stats: bool = True
    # This kiosk's name in those counts; empty: the machine's host name.
    kiosk_id: str = ""
    # When the screen is on, by weekday: {"mon": "07:30-18:00", ..., "sun": ""} (closed).
    # Empty: always on. Outside them the screen sleeps; a touch wakes it for
    # ``wake_minutes`` (kiosk/core/hours.py reads them).
    opening_hours: dict[str, str] = field(default_factory=dict)
    wake_minutes: float = 5.0
    # The staff panel's screen-cleaning mode ignores every touch for this long.
    cleaning_seconds: float = 30.0
    # Health figures for Prometheus' node_exporter (textfile collector), rewritten every
    # minute, e.g. /var/lib/prometheus/node-exporter/kiosk.prom; empty: none written.
    metrics_file: str = ""

    def name(self, names: Names, lang: str) -> str:
        """The text for ``lang``, else for the default language, else any."""
        return names.get(lang) or names.get(self.default_language) or next(iter(names.values()), "")

    @property
    def files_language(self) -> str:
        """The language of content files that name none."""
        return self.content_language or self.languages[0]

    @property
    def hours(self) -> hours.OpeningHours | None:
        """When the screen is on; None: always."""
        return hours.parse(self.opening_hours)[0] if self.opening_hours else None

    @property
    def content_path(self) -> Path | None:
        return Path(self.content_dir).expanduser() if self.content_dir else None


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and line."""


def load(path: Path | None) -> tuple[Config, list[str]]:
    """Read the config file (or the defaults when ``path`` is None or missing).

    Returns the config and warnings in ``PATH:LINE: warning: message`` form.
    Raises ConfigError for a file that is not valid TOML.

    The file's ``locale_dir`` is put to use first (``languages.use_locale_dir``): the
    languages it adds are then known to ``languages`` here and to everything after.
    """
    languages.use_locale_dir(None)
    if path is None or not path.exists():
        return Config(), []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: error: not valid TOML: {exc}") from None
    warnings: list[str] = []
    locale_dir = data.get("locale_dir")
    if isinstance(locale_dir, str) and locale_dir:
        folder = Path(locale_dir).expanduser()
        if folder.is_dir():
            languages.use_locale_dir(folder)
        else:
            line = _line_of(text, "locale_dir")
            warnings.append(
                f"{path}:{line}: warning: locale_dir '{locale_dir}' is not a folder; "
                "only the bundled languages are known"
            )
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(Config)}
    defaults = Config()
    for key, value in data.items():
        line = _line_of(text, key)
        if key == "opening_hours":
            values[key] = _opening_hours(value, path, text, warnings)
            continue
        if key not in known:
            warnings.append(f"{path}:{line}: warning: unknown setting '{key}'; ignored")
            continue
        default = getattr(defaults, key)
        converted = _convert(value, default)
        unknown = _unknown_languages(value) if key == "languages" else []
        if converted is None and unknown:
            warnings.append(
                f"{path}:{line}: warning: 'languages': no translation file for "
                f"{', '.join(unknown)} (known: {', '.join(languages.codes())}); "
                "the default is used"
            )
            continue
        if converted is None:
            warnings.append(
                f"{path}:{line}: warning: '{key}' should be like {default!r}; the default is used"
            )
            continue
        values[key] = converted
    base = values.get("share_base_url", "")
    if base and not re.match(r"^https?://[^\s/]+", base):
        line = _line_of(text, "share_base_url")
        warnings.append(
            f"{path}:{line}: warning: 'share_base_url' should be a web address starting "
            "with https://; the kiosk shows no QR codes"
        )
        values["share_base_url"] = ""
    if values.get("content_language"):
        found = languages.find(values["content_language"])
        if found is None:
            line = _line_of(text, "content_language")
            warnings.append(
                f"{path}:{line}: warning: content_language should be one of "
                f"{', '.join(languages.codes())}; ignored"
            )
            del values["content_language"]
        else:
            values["content_language"] = found.code
    config = Config(**values)
    if config.theme not in THEMES:
        warnings.append(
            f"{path}:{_line_of(text, 'theme')}: warning: theme should be one of "
            f"{', '.join(THEMES)}; 'standard' is used"
        )
        config = replace(config, theme="standard")
    if config.default_language not in config.languages:
        warnings.append(f"{path}: warning: default_language is not among languages")
    return config, warnings


def _opening_hours(value: Any, path: Path, text: str, warnings: list[str]) -> dict[str, str]:
    """The ``[opening_hours]`` table, each problem with it a warning at its line."""
    table_line = _table_line(text, "opening_hours")
    if not isinstance(value, dict):
        warnings.append(
            f"{path}:{table_line}: warning: 'opening_hours' should be a table of weekdays, "
            'like [opening_hours] mon = "07:30-18:00"; the screen stays on'
        )
        return {}
    if not value:  # opening_hours = {}: always on
        return {}
    for problem in hours.parse(value)[1]:
        line = _line_of(text, problem.day, after=table_line) if problem.day else table_line
        warnings.append(f"{path}:{line}: warning: opening_hours: {problem}")
    return {str(k): v if isinstance(v, str) else "" for k, v in value.items()}


def _table_line(text: str, name: str) -> int:
    """The line of ``[name]``, or of ``name = {...}``."""
    match = re.search(rf"^\s*\[\s*{re.escape(name)}\s*\]", text, re.MULTILINE)
    if match:
        return text.count("\n", 0, match.start()) + 1
    return _line_of(text, name)


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


def _unknown_languages(value: Any) -> list[str]:
    """The codes in a ``languages`` list that no translation file names."""
    if not isinstance(value, list):
        return []
    return [repr(str(v)) for v in value if languages.find(str(v)) is None]


def _line_of(text: str, key: str, after: int = 1) -> int:
    """The line where ``key =`` is set, from line ``after`` on (else ``after``)."""
    start = sum(len(line) for line in text.splitlines(keepends=True)[: after - 1])
    match = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else after


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
