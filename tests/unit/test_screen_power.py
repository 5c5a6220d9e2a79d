"""Turning the display off outside opening hours, with whatever the platform has."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from kiosk import screen_power


def _fake_xset(tmp_path: Path, dpms: str, status: int = 0) -> tuple[Path, Path]:
    """An ``xset`` that records its arguments and reports DPMS as ``dpms``."""
    said = tmp_path / "said.txt"
    program = tmp_path / "xset"
    program.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{said}"\n'
        f'if [ "$1" = q ]; then echo "DPMS (Energy Star):"; echo "  DPMS is {dpms}"; fi\n'
        f"exit {status}\n",
        encoding="utf-8",
    )
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return program, said


def test_xset_turns_the_display_off_and_leaves_blanking_as_it_found_it(tmp_path: Path) -> None:
    program, said = _fake_xset(tmp_path, "Disabled")
    power = screen_power.Xset(str(program))
    power.off()
    power.on()
    # 'force' enables DPMS; it was disabled (blanking off), so it is disabled again.
    assert said.read_text().splitlines() == ["q", "dpms force off", "dpms force on", "-dpms"]


def test_xset_where_dpms_was_enabled_keeps_it(tmp_path: Path) -> None:
    program, said = _fake_xset(tmp_path, "Enabled")
    power = screen_power.Xset(str(program))
    power.off()
    power.on()
    assert said.read_text().splitlines() == ["q", "dpms force off", "dpms force on"]


def test_a_failing_command_is_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    program, _ = _fake_xset(tmp_path, "Enabled", status=1)
    power = screen_power.Xset(str(program))
    with caplog.at_level(logging.WARNING):
        power.off()
        power.on()
        power.off()
    assert len(caplog.records) == 1 and "the screen stays on, black" in caplog.text


def test_the_platform_decides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_xset(tmp_path, "Enabled")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":0")
    assert isinstance(screen_power.for_platform("xcb"), screen_power.Xset)
    monkeypatch.delenv("DISPLAY")
    assert type(screen_power.for_platform("xcb")) is screen_power.ScreenPower
    assert type(screen_power.for_platform("offscreen")) is screen_power.ScreenPower
