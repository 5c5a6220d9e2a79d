"""What only Qt can tell ``kiosk doctor``: plugins, screens, fonts, voices, the binding.

A QApplication is made on the real display when there is one that Qt can open
(``display_check`` says so first: Qt would abort otherwise), else offscreen, so
fonts, voices and the binding are still checked over ssh.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QFontDatabase, QGuiApplication

from kiosk import display_check
from kiosk.core.doctor import Probes, Screen, Speech, systemctl_probe
from kiosk.core.doctor_checks import python_version
from kiosk.ui import fonts

# Platforms whose windows nobody sees.
UNSEEN = ("offscreen", "minimal")


def probes() -> Probes:
    """The machine's own answers. Makes the QApplication if there is none yet."""
    why_not = _display_problem()
    _application(offscreen=why_not is not None)
    return Probes(
        python=python_version,
        pyside=lambda: str(PySide6.__version__),
        binding_leak=_binding_leak,
        plugins=platform_plugins,
        missing_x11_packages=display_check.missing_packages,
        display=lambda: why_not,
        screens=screens,
        families=lambda: set(QFontDatabase.families()),
        speech=speech,
        systemctl=systemctl_probe(),
        autostart=autostart_file(),
        cjk_fonts=fonts.CJK,
        latin_fonts=fonts.LATIN,
        emoji_fonts=fonts.EMOJI,
    )


def _display_problem() -> str | None:
    if QGuiApplication.instance() is not None:
        platform = QGuiApplication.platformName()
    else:
        platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in UNSEEN:
        return f"Qt's {platform} platform draws on no screen (QT_QPA_PLATFORM)"
    if not sys.platform.startswith("linux"):
        return None
    problem = display_check.problem()
    if problem is None:
        return None
    if problem == display_check.NO_DISPLAY:
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return problem


def _application(offscreen: bool) -> None:
    from kiosk.ui.app import application

    if QGuiApplication.instance() is None and offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    application()


def _binding_leak() -> str | None:
    from kiosk.ui import binding

    return binding.leak_message()


def platform_plugins() -> dict[str, str | None]:
    """Qt's X11 and Wayland plugins, each loaded as Qt would load it: None if it loads,
    else the loader's reason (a system library it needs is missing)."""
    if not sys.platform.startswith("linux"):
        return {}
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    found: dict[str, str | None] = {}
    for name, pattern in (("xcb", "libqxcb*.so"), ("wayland", "libqwayland*.so")):
        files = sorted(folder.glob(pattern))
        if not files:
            found[name] = f"Qt has no {name} plugin in {folder}"
            continue
        try:
            ctypes.CDLL(str(files[0]))
        except OSError as exc:
            found[name] = str(exc).replace(str(folder) + "/", "")
        else:
            found[name] = None
    return found


def screens() -> list[Screen]:
    return [
        Screen(s.name(), s.geometry().width(), s.geometry().height())
        for s in QGuiApplication.screens()
    ]


def speech(engine: str, languages: tuple[str, ...], named: Mapping[str, str]) -> Speech:
    """The engine's voice for each language, as the kiosk would choose it (speech-dispatcher
    takes a second or two to start)."""
    from kiosk.ui.speech.service import qt_messages

    with qt_messages() as said:
        try:
            from kiosk.ui.speech.synthesis import Synthesizer

            synth = Synthesizer(engine)
        except Exception as exc:  # no PySide6-Addons, or a broken plugin
            return Speech(engine, f"{type(exc).__name__}: {exc}")
        try:
            name = synth.name
            problem = synth.problem()
            if problem is not None:
                qt = f" (Qt said: {'; '.join(said)})" if said else ""
                return Speech(name, problem + qt)
            voices: dict[str, str | None] = {}
            for lang in languages:
                voice = synth.voice_for(lang, named.get(lang, ""))
                voices[lang] = voice.name() if voice is not None else None
            return Speech(name, None, voices)
        finally:
            synth.deleteLater()


def autostart_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / "kiosk.desktop"
