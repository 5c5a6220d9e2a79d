"""Pick the installed fonts: one made for Chinese, one made for Latin text.

Chinese must never show as empty boxes, so a CJK font is needed (a warning says
how to install one). English set in a CJK font gets full-width quotes and
apostrophes, so English gets a Latin font first, with the CJK one behind it.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from kiosk.ui.theme import FALLBACK_FAMILY, Fonts

log = logging.getLogger(__name__)

CJK = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
# Calm, open sans-serifs first; the metric-compatible clones that most Linux
# systems carry after them.
LATIN = (
    "Noto Sans",
    "Source Sans 3",
    "Open Sans",
    "Liberation Sans",
    "Nimbus Sans",
    "DejaVu Sans",
)
PREFERRED = CJK  # kept for callers that ask which CJK fonts the kiosk looks for
FALLBACK = FALLBACK_FAMILY
INSTALL_HINT = "install a CJK font, e.g. 'apt-get install fonts-noto-cjk'"
# Emoji (🚧, ✅) in imported pages; without one of these they show as boxes.
EMOJI = ("Noto Color Emoji", "Twemoji", "JoyPixels", "Apple Color Emoji", "Segoe UI Emoji")
EMOJI_HINT = "install an emoji font, e.g. 'apt-get install fonts-noto-color-emoji'"


def choose() -> Fonts:
    """The first installed family of each kind; a warning if there is no CJK one."""
    installed = set(QFontDatabase.families())
    cjk = next((family for family in CJK if family in installed), "")
    latin = next((family for family in LATIN if family in installed), "")
    if not cjk:
        log.warning("no font with Chinese characters found: %s", INSTALL_HINT)
    return Fonts(latin=latin, cjk=cjk)


def choose_family() -> str:
    """The CJK family, or the default font if none is installed."""
    return choose().cjk or FALLBACK


def use_emoji_font() -> str | None:
    """Draw emoji with the first installed emoji font; None (and a note) if none is."""
    installed = set(QFontDatabase.families())
    found = next((family for family in EMOJI if family in installed), None)
    if found is None:
        log.info("no emoji font found: %s", EMOJI_HINT)
        return None
    QFontDatabase.setApplicationEmojiFontFamilies([found])
    return found
