"""Pick a font family that covers Chinese, so text never shows as empty boxes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)

PREFERRED = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)
FALLBACK = "Sans Serif"
INSTALL_HINT = "install a CJK font, e.g. 'apt-get install fonts-noto-cjk'"
# Emoji (🚧, ✅) in imported pages; without one of these they show as boxes.
EMOJI = ("Noto Color Emoji", "Twemoji", "JoyPixels", "Apple Color Emoji", "Segoe UI Emoji")
EMOJI_HINT = "install an emoji font, e.g. 'apt-get install fonts-noto-color-emoji'"


def choose_family() -> str:
    """The first preferred family installed; a warning and the default font if none is."""
    installed = set(QFontDatabase.families())
    for family in PREFERRED:
        if family in installed:
            return family
    log.warning("no font with Chinese characters found: %s", INSTALL_HINT)
    return FALLBACK


def use_emoji_font() -> str | None:
    """Draw emoji with the first installed emoji font; None (and a note) if none is."""
    installed = set(QFontDatabase.families())
    found = next((family for family in EMOJI if family in installed), None)
    if found is None:
        log.info("no emoji font found: %s", EMOJI_HINT)
        return None
    QFontDatabase.setApplicationEmojiFontFamilies([found])
    return found
