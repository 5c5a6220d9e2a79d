"""Before Qt starts: can it open a window here? Qt itself would abort with no way back.

Qt 6's X11 platform plugin needs a few system libraries that pip cannot install.
If one is missing, say which Debian/Ubuntu packages to install instead of crashing.
"""

from __future__ import annotations

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


def missing_packages() -> list[str]:
    """Packages to install before the kiosk can open a window on X11 (empty if none)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    uses_x11 = sys.platform.startswith("linux") and (
        platform.startswith("xcb")
        or (not platform and os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))
    )
    if not uses_x11:
        return []
    return [package for lib, package in X11_LIBRARIES.items() if not ctypes.util.find_library(lib)]
