"""``kiosk doctor``: what this machine has for the kiosk, and what to do about what it lacks.

Each finding is an ``Item``: ✓ (fine), ✗ (missing or broken) or ! (works, but not
as it should), with one line to type or do for each miss. An item marked
``fatal`` means the kiosk cannot run at all while it is missing; ``kiosk doctor``
then exits non-zero.

No Qt here: what only Qt can tell (platform plugins, screens, fonts as Qt sees them,
voices) comes through ``Probes``, filled in by ``kiosk/ui/doctor_probes.py``; tests
give their own. The checks themselves are in ``kiosk/core/doctor_checks.py``.
"""

from __future__ import annotations

import enum
import json
import shutil
import subprocess
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.health import Health, figures


class Status(enum.Enum):
    OK = "ok"
    MISSING = "missing"
    WARNING = "warning"

    @property
    def mark(self) -> str:
        return {"ok": "✓", "missing": "✗", "warning": "!"}[self.value]


@dataclass(frozen=True)
class Item:
    """One line of the checklist; ``fix`` says what to do when it is not OK."""

    check: str  # a short key: "python", "fonts.cjk", ...
    status: Status
    text: str
    fix: str = ""
    fatal: bool = False  # the kiosk cannot run while this is not OK


def ok(check: str, text: str) -> Item:
    return Item(check, Status.OK, text)


def missing(check: str, text: str, fix: str, *, fatal: bool = False) -> Item:
    return Item(check, Status.MISSING, text, fix, fatal)


def warning(check: str, text: str, fix: str) -> Item:
    return Item(check, Status.WARNING, text, fix)


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int


@dataclass(frozen=True)
class Speech:
    """What a speech engine offers: its name, why it cannot speak (or None), and the
    voice it would use for each language (None: none)."""

    engine: str
    problem: str | None
    voices: Mapping[str, str | None] = field(default_factory=dict)


Systemctl = Callable[[Sequence[str]], tuple[int, str]]
"""Runs ``systemctl ARGS``; returns its exit status and what it printed."""


@dataclass(frozen=True)
class Probes:
    """What the checks ask of the machine. Each is a function, so a test gives its own
    answers, and nothing is asked that a check does not need."""

    python: Callable[[], str]
    pyside: Callable[[], str | None]  # its version; None if it is not installed
    binding_leak: Callable[[], str | None]  # why this Python and Qt pair fails, or None
    plugins: Callable[[], Mapping[str, str | None]]  # "xcb", "wayland" → why not usable
    missing_x11_packages: Callable[[], list[str]]
    display: Callable[[], str | None]  # why there is no display to use, or None
    screens: Callable[[], list[Screen]]  # asked only when there is a display
    families: Callable[[], Collection[str]]  # installed font families
    speech: Callable[[str, tuple[str, ...], Mapping[str, str]], Speech]
    systemctl: Systemctl | None  # None: no systemctl on this machine
    autostart: Path  # the desktop session's autostart file for the kiosk
    cjk_fonts: tuple[str, ...]
    latin_fonts: tuple[str, ...]
    emoji_fonts: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    items: tuple[Item, ...]
    health: Health | None = None

    @property
    def can_run(self) -> bool:
        return not any(item.fatal and item.status is not Status.OK for item in self.items)

    @property
    def exit_status(self) -> int:
        return 0 if self.can_run else 1

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status is status)

    def text(self) -> str:
        lines = ["kiosk doctor: what this machine has for the kiosk", ""]
        for item in self.items:
            lines.append(f"{item.status.mark} {item.text}")
            if item.status is not Status.OK and item.fix:
                lines.append(f"    fix: {item.fix}")
        lines.append("")
        lines.append(self.summary())
        return "\n".join(lines) + "\n"

    def summary(self) -> str:
        counts = [(self.count(Status.MISSING), "missing"), (self.count(Status.WARNING), "")]
        shown = [
            f"{number} missing" if word else _plural(number, "warning")
            for number, word in counts
            if number
        ]
        problems = f" ({', '.join(shown)})" if shown else ""
        if not self.can_run:
            first = [i.check for i in self.items if i.fatal and i.status is not Status.OK]
            return f"The kiosk cannot run here{problems}. Fix these first: {', '.join(first)}."
        if shown:
            return f"The kiosk can run here{problems}."
        return "The kiosk can run here, with everything it uses."

    def json(self) -> str:
        data: dict[str, Any] = {
            "can_run": self.can_run,
            "items": [
                {
                    "check": item.check,
                    "status": item.status.value,
                    "mark": item.status.mark,
                    "text": item.text,
                    "fix": item.fix,
                    "fatal": item.fatal,
                }
                for item in self.items
            ],
            "health": figures(self.health) if self.health is not None else None,
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def without_qt() -> Probes:
    """Probes for a machine where PySide6 cannot be imported: only what needs no Qt."""
    import platform

    return Probes(
        python=platform.python_version,
        pyside=lambda: None,
        binding_leak=lambda: None,
        plugins=dict,
        missing_x11_packages=list,
        display=lambda: "Qt is not installed",
        screens=list,
        families=fc_list_families,
        speech=lambda engine, languages, named: Speech(engine, "Qt is not installed"),
        systemctl=systemctl_probe(),
        autostart=Path.home() / ".config" / "autostart" / "kiosk.desktop",
        cjk_fonts=(),
        latin_fonts=(),
        emoji_fonts=(),
    )


def run_systemctl(args: Sequence[str]) -> tuple[int, str]:
    """``systemctl ARGS`` as a probe: its status and output (127 if it could not run)."""
    try:
        done = subprocess.run(
            ["systemctl", *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return 127, str(exc)
    return done.returncode, (done.stdout + done.stderr).strip()


def systemctl_probe() -> Systemctl | None:
    return run_systemctl if shutil.which("systemctl") else None


def fc_list_families() -> set[str]:
    """Font families as fontconfig lists them (for when Qt cannot be asked)."""
    try:
        done = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",")}
