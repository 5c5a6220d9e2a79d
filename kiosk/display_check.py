"""Before Qt starts: can it open a window here? Qt itself would abort with no way back.

With no display, or a display it cannot reach, Qt 6 aborts (SIGABRT) with a
message about platform plugins and ``xcb-cursor0`` that sends people looking in
the wrong place. Its X11 plugin also needs a few system libraries that pip
cannot install. This module finds each of these first and says what to do.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

# library name (as ctypes finds it) → Debian/Ubuntu package
X11_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
# Qt platforms that draw without a window system.
WITHOUT_DISPLAY = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")

NO_DISPLAY = (
    "there is no display to show the kiosk on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
    "Start it in a desktop session or under a kiosk compositor such as cage; "
    "'kiosk snapshot' draws a screen without one."
)


def problem() -> str | None:
    """Why Qt could not open a window here, with what to do about it; None if it can."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in WITHOUT_DISPLAY:
        return None
    x11, wayland = os.environ.get("DISPLAY"), os.environ.get("WAYLAND_DISPLAY")
    if platform.startswith("wayland") or (not platform and wayland and not x11):
        return None if wayland else NO_DISPLAY
    if not x11:
        return NO_DISPLAY
    if not _x_display_answers():
        return (
            f"the X display {x11} does not answer (is the X server running, and may this "
            "user use it?)"
        )
    missing = missing_packages()
    if missing:
        return (
            "Qt needs system libraries to open a window on X11. Install them with: "
            f"sudo apt-get install {' '.join(missing)}"
        )
    return None


def missing_packages() -> list[str]:
    """Packages to install before the kiosk can open a window on X11 (empty if none)."""
    return [package for lib, package in X11_LIBRARIES.items() if not ctypes.util.find_library(lib)]


def _x_display_answers() -> bool:
    """Connect to $DISPLAY the way Qt will (libxcb), and hang up again."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # no libxcb to ask; let Qt say what it finds
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)
