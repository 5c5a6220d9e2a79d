"""The checks of ``kiosk doctor``, in the order a person fixing a machine needs them.

Each takes what it looks at (the config, the content, what ``Probes`` answer) and
returns checklist items; ``examine`` runs them all. See ``kiosk/core/doctor.py``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.core import health
from kiosk.core.config import Config
from kiosk.core.diagnostics import Diagnostic, Severity, count
from kiosk.core.doctor import Item, Probes, Report, missing, ok, warning
from kiosk.core.library import Library
from kiosk.core.update_state import UpdateResult

MIN_PYTHON = (3, 11)
SERVICES = (  # (unit, systemctl's scope flags, what it is)
    ("kiosk-cage.service", (), "system service under cage"),
    ("kiosk.service", ("--user",), "user service in a desktop session"),
)
DOCS = "docs/deploy.md"
SPEECH_FIX = "sudo apt-get install speech-dispatcher espeak-ng"


@dataclass(frozen=True)
class ConfigFinding:
    path: Path
    config: Config  # the defaults when the file is broken
    error: str | None = None  # why the file cannot be read
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContentFinding:
    root: Path
    source: str  # where the folder was named: "--content", "content_dir in the config", ...
    library: Library | None = None
    diagnostics: tuple[Diagnostic, ...] = ()


def examine(
    config: ConfigFinding,
    content: ContentFinding,
    probes: Probes,
    folders: Mapping[str, Path],
    last_update: UpdateResult | None = None,
) -> Report:
    """Every check, in order; the health figures of the content as it is now."""
    items = python_items(probes)
    if probes.pyside() is not None:  # else Qt cannot be asked
        items += [
            *platform_items(probes),
            *font_items(probes),
            *speech_items(config.config, probes),
        ]
    items += [
        *content_items(content),
        *config_items(config),
        *folder_items(folders, config.config),
        *service_items(probes),
    ]
    figures = None
    if content.library is not None:
        figures = health.of_library(content.library, content.diagnostics, last_update=last_update)
    return Report(tuple(items), figures)


def python_items(probes: Probes) -> list[Item]:
    python = probes.python()
    version = tuple(int(part) for part in python.split(".")[:2])
    if version < MIN_PYTHON:
        return [
            missing(
                "python",
                f"Python {python}: the kiosk needs 3.11 or newer",
                "install Python 3.11 to 3.13, then the kiosk again in a new venv",
                fatal=True,
            )
        ]
    pyside = probes.pyside()
    if pyside is None:
        return [
            missing(
                "pyside6",
                f"Python {python}, but no PySide6 (Qt for Python)",
                "install the kiosk with its dependencies: .venv/bin/pip install .",
                fatal=True,
            )
        ]
    leak = probes.binding_leak()
    if leak is not None:
        return [
            missing(
                "pyside6",
                f"Python {python} with PySide6 {pyside}: {leak}",
                "reinstall: .venv/bin/pip install --force-reinstall . (it picks a safe PySide6)",
                fatal=True,
            )
        ]
    return [ok("pyside6", f"Python {python} with PySide6 {pyside} (not the pair that leaks)")]


def platform_items(probes: Probes) -> list[Item]:
    """Qt's platform plugins and their system libraries, then the display and screens."""
    x11_missing = probes.missing_x11_packages()
    plugins = dict(probes.plugins())
    if "xcb" in plugins and x11_missing:
        plugins["xcb"] = plugins["xcb"] or f"missing system libraries ({', '.join(x11_missing)})"
    usable = [name for name, problem in plugins.items() if problem is None]
    items: list[Item] = []
    for name, problem in sorted(plugins.items()):
        label = {"xcb": "X11 (xcb)", "wayland": "Wayland"}.get(name, name)
        if problem is None:
            items.append(
                ok(f"platform.{name}", f"Qt's {label} plugin loads: its system libraries are here")
            )
            continue
        if name == "xcb" and x11_missing:
            fix = f"sudo apt-get install {' '.join(x11_missing)}"
        else:
            fix = _plugin_fix(name, problem)
        # One platform that works is enough for the kiosk; none stops it.
        text = f"Qt's {label} plugin cannot load: {problem}"
        items.append(missing(f"platform.{name}", text, fix, fatal=not usable))
    why_not = probes.display()
    if why_not is not None:
        items.append(
            warning(
                "display",
                f"no display here ({why_not}): screens not checked",
                "run 'kiosk doctor' in the kiosk's own session to see its screens "
                "(over ssh this is expected)",
            )
        )
        return items
    screens = probes.screens()
    if not screens:
        items.append(
            missing(
                "display",
                "a display, but no screen on it",
                "connect the screen and check its cable",
                fatal=True,
            )
        )
    else:
        shown = ", ".join(f"{s.name or '?'} {s.width}x{s.height}" for s in screens)
        items.append(ok("display", f"{_count(len(screens), 'screen')}: {shown}"))
    return items


def _plugin_fix(name: str, problem: str) -> str:
    if "wayland-client" in problem or "wayland" in name:
        return "sudo apt-get install libwayland-client0 libwayland-cursor0 libxkbcommon0"
    return f"reinstall the kiosk (.venv/bin/pip install --force-reinstall .); Qt said: {problem}"


def font_items(probes: Probes) -> list[Item]:
    installed = set(probes.families())
    cjk = next((f for f in probes.cjk_fonts if f in installed), None)
    latin = next((f for f in probes.latin_fonts if f in installed), None)
    emoji = next((f for f in probes.emoji_fonts if f in installed), None)
    return [
        ok("fonts.cjk", f"Chinese font: {cjk}")
        if cjk
        else missing(
            "fonts.cjk",
            "no font with Chinese characters: Chinese pages would show empty boxes",
            "sudo apt-get install fonts-noto-cjk",
        ),
        ok("fonts.latin", f"Latin font: {latin}")
        if latin
        else warning(
            "fonts.latin",
            "no Latin font the kiosk looks for: English gets full-width quotes",
            "sudo apt-get install fonts-noto-core",
        ),
        ok("fonts.emoji", f"emoji font: {emoji}")
        if emoji
        else warning(
            "fonts.emoji",
            "no emoji font: emoji in pages (🚧, ✅) show as boxes",
            "sudo apt-get install fonts-noto-color-emoji",
        ),
    ]


def speech_items(config: Config, probes: Probes) -> list[Item]:
    if not config.read_aloud:
        return [ok("speech", "read aloud is off in the config (read_aloud = false)")]
    found = probes.speech(config.speech_engine, config.languages, config.speech_voices)
    engine = found.engine or "default"
    if found.problem is not None:
        return [
            warning(
                "speech",
                f"no speech engine ({engine}: {found.problem}): only pages with a "
                "recording can be read aloud",
                SPEECH_FIX,
            )
        ]
    items: list[Item] = []
    for lang in config.languages:
        voice = found.voices.get(lang)
        if voice:
            items.append(ok(f"speech.{lang}", f"read aloud in {lang}: {voice} ({engine})"))
        else:
            items.append(
                warning(
                    f"speech.{lang}",
                    f"no voice for {lang} ({engine}): its pages are read aloud only where "
                    "they have a recording",
                    SPEECH_FIX,
                )
            )
    return items


def content_items(content: ContentFinding) -> list[Item]:
    where = f"{content.root} (from {content.source})"
    library = content.library
    if library is None:
        return [
            missing(
                "content",
                f"no content folder at {where}",
                "set content_dir in the config to the folder of pages, or pass --content DIR",
                fatal=True,
            )
        ]
    if not library.pages:
        return [
            missing(
                "content",
                f"no pages in {where}: the kiosk would show only 'nothing to read here yet'",
                "put the pages there (content/README.md says how), or point content_dir "
                "at the right folder",
                fatal=True,
            )
        ]
    errors = count(content.diagnostics, Severity.ERROR)
    warnings = count(content.diagnostics, Severity.WARNING)
    text = (
        f"content: {_count(len(library.ids), 'page')} in "
        f"{_count(len(library.languages), 'language')} at {where}, "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    )
    fix = f"kiosk check {content.root} lists each one with its file and line"
    if errors:
        return [missing("content", text + " (pages with errors are not shown)", fix)]
    if warnings:
        return [warning("content", text, fix)]
    return [ok("content", text)]


def config_items(config: ConfigFinding) -> list[Item]:
    path = config.path
    items: list[Item] = []
    if config.error is not None:
        items.append(
            missing("config", config.error, f"correct {path} (it must be valid TOML)", fatal=True)
        )
    elif not path.exists():
        items.append(ok("config", f"no config file at {path}: the defaults are used"))
    elif config.warnings:
        shown = config.warnings[0] + (
            f" (and {len(config.warnings) - 1} more)" if len(config.warnings) > 1 else ""
        )
        items.append(
            warning("config", shown, f"correct {path}; kiosk.example.toml lists every key")
        )
    else:
        items.append(ok("config", f"config file {path}"))
    if config.config.pin_hash:
        items.append(ok("pin", "a staff PIN is set"))
    else:
        items.append(
            warning(
                "pin",
                "no staff PIN: anyone who holds the top-left corner opens the staff menu",
                "kiosk set-pin",
            )
        )
    return items


def folder_items(folders: Mapping[str, Path], config: Config) -> list[Item]:
    """The folders the kiosk writes to; it cannot start without its log folder."""
    wanted = dict(folders)
    if config.metrics_file:
        wanted["metrics"] = Path(config.metrics_file).expanduser().parent
    items: list[Item] = []
    for label, path in wanted.items():
        if writable(path):
            items.append(ok(f"folder.{label}", f"{label} folder {path} can be written"))
        else:
            items.append(
                missing(
                    f"folder.{label}",
                    f"{label} folder {path} cannot be written by {_user()}",
                    f"sudo install -d -o {_user()} {path}",
                    fatal=label == "log",
                )
            )
    return items


def writable(path: Path) -> bool:
    """Whether ``path`` is (or could be made as) a folder this user can write in."""
    for folder in (path, *path.parents):
        if folder.exists():
            return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    return False


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):
        return "this user"


def service_items(probes: Probes) -> list[Item]:
    """Whether something brings the kiosk back after a crash or a reboot, with a watchdog."""
    run = probes.systemctl
    found: list[Item] = []
    if run is not None:
        for unit, scope, what in SERVICES:
            status, enabled = run([*scope, "is-enabled", unit])
            if status != 0 and enabled not in ("disabled", "masked"):
                continue  # not installed, or no service manager to ask
            _, active = run([*scope, "is-active", unit])
            _, watchdog = run([*scope, "show", "--property=WatchdogUSec", "--value", unit])
            found.extend(_service(unit, scope, what, enabled, active, watchdog))
    if probes.autostart.is_file():
        found.append(ok("service.autostart", f"starts at login: {probes.autostart}"))
    if found:
        return found
    where = "no systemctl here" if run is None else "neither unit is installed"
    return [
        warning(
            "service",
            f"the kiosk is not installed as a service ({where}): nothing brings it back "
            "after a crash or a reboot",
            f"install deploy/kiosk-cage.service as {DOCS} says",
        )
    ]


def _service(
    unit: str, scope: tuple[str, ...], what: str, enabled: str, active: str, watchdog: str
) -> list[Item]:
    command = " ".join(("systemctl", *scope))
    sudo = "sudo " if not scope else ""
    state = f"{unit} ({what}): {enabled or 'unknown'}, {active or 'unknown'}"
    items: list[Item] = []
    if enabled != "enabled":
        items.append(warning(f"service.{unit}", state, f"{sudo}{command} enable --now {unit}"))
    elif active not in ("active", "activating", "reloading"):
        items.append(
            warning(
                f"service.{unit}",
                state,
                f"{sudo}{command} start {unit}; then journalctl "
                f"{' '.join(scope)} -u {unit}".replace("  ", " "),
            )
        )
    else:
        items.append(ok(f"service.{unit}", state))
    if watchdog in ("", "0", "infinity"):
        items.append(
            warning(
                f"service.{unit}.watchdog",
                f"{unit} has no watchdog: a frozen screen would stay frozen",
                f"add WatchdogSec=30 under [Service] (as in deploy/{unit}), then "
                f"{sudo}{command} daemon-reload",
            )
        )
    else:
        items.append(ok(f"service.{unit}.watchdog", f"{unit} watchdog: {watchdog}"))
    return items


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def python_version() -> str:
    return ".".join(str(part) for part in sys.version_info[:3])
