"""Turning the display off and on, where the platform lets a program do it.

Outside opening hours the kiosk covers its window in black; this turns the
panel itself off as well, to save power and the backlight:

- X11: ``xset dpms force off`` (any touch or key turns it on again, in the X
  server itself). ``force`` also enables DPMS; where it was disabled (blanking
  off, as the deploy guide sets it) it is disabled again on waking, so the
  screen does not start blanking during opening hours.
- Wayland: ``wlopm --off '*'`` where wlopm is installed and the compositor
  speaks wlr-output-power-management (sway, labwc). cage does not (yet): there
  the screen stays on, black.
- Anything else: black only.

No Qt here: a failing command is logged once and the black cover is what remains.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Sequence

log = logging.getLogger(__name__)

TIMEOUT = 5.0  # seconds: the command talks to a local display server


class ScreenPower:
    """Turns the display off and on; this base does nothing (black only)."""

    name = "none"

    def off(self) -> None:
        """Turn the display off."""

    def on(self) -> None:
        """Turn it on again."""


class _Commands(ScreenPower):
    def __init__(self) -> None:
        self._failed = False

    def _run(self, args: Sequence[str]) -> str | None:
        """The command's output, or None (logged once) if it failed."""
        try:
            done = subprocess.run(
                list(args), capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.SubprocessError) as exc:
            problem = str(exc)
        else:
            if done.returncode == 0:
                return done.stdout
            problem = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        if not self._failed:
            self._failed = True
            log.warning("'%s' failed (%s): the screen stays on, black", " ".join(args), problem)
        return None


class Xset(_Commands):
    name = "xset"

    def __init__(self, program: str) -> None:
        super().__init__()
        self.program = program
        self._was_disabled = False

    def off(self) -> None:
        state = self._run([self.program, "q"])
        self._was_disabled = state is not None and "DPMS is Disabled" in state
        self._run([self.program, "dpms", "force", "off"])

    def on(self) -> None:
        self._run([self.program, "dpms", "force", "on"])
        if self._was_disabled:
            self._run([self.program, "-dpms"])


class Wlopm(_Commands):
    name = "wlopm"

    def __init__(self, program: str) -> None:
        super().__init__()
        self.program = program

    def off(self) -> None:
        self._run([self.program, "--off", "*"])

    def on(self) -> None:
        self._run([self.program, "--on", "*"])


def for_platform(qt_platform: str) -> ScreenPower:
    """The way to turn the display off on Qt's platform ("xcb", "wayland", ...)."""
    if qt_platform == "xcb" and os.environ.get("DISPLAY"):
        program = shutil.which("xset")
        if program:
            return Xset(program)
    if qt_platform.startswith("wayland") and os.environ.get("WAYLAND_DISPLAY"):
        program = shutil.which("wlopm")
        if program:
            return Wlopm(program)
    return ScreenPower()
