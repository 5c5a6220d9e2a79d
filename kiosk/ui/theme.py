"""The look of the kiosk as data: palette, sizes and fonts.

The Qt style sheet is a template in ``assets/theme.qss`` and the rich-text style
sheet is ``assets/richtext.css``; both take ``$name`` placeholders from ``Theme``.
Sizes are given for a 1080-pixel-high screen and scaled to the real one.
"""

from __future__ import annotations

import functools
import string
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from kiosk import resources
from kiosk.core.config import THEMES


@dataclass(frozen=True)
class Palette:
    """Colours; text colours keep 4.5:1 contrast (WCAG AA) on their backgrounds."""

    background: str = "#FBF7F2"  # warm paper
    surface: str = "#FFFFFF"
    text: str = "#2B2A33"  # 14.2:1 on surface
    muted: str = "#545260"  # 7.6:1 on surface
    primary: str = "#1C6770"  # white text on it: 6.5:1
    primary_pressed: str = "#134A51"
    primary_soft: str = "#E3F0EF"
    accent: str = "#D9694B"  # decoration only, never text
    dot_off: str = "#8E857A"  # inactive position dots: 3:1 against the page (WCAG 1.4.11)
    border: str = "#E7DFD5"
    pressed_surface: str = "#F1EBE3"
    warning_back: str = "#FDF0E7"
    warning_edge: str = "#D9694B"
    tip_back: str = "#E6F2EF"
    tip_edge: str = "#2F8F83"
    note_back: str = "#ECF0F8"
    note_edge: str = "#5670A8"
    danger: str = "#A4332B"  # 6.8:1 on surface
    on_primary: str = "#FFFFFF"  # text on a filled button
    reading: str = "#FBE7A6"  # behind the sentence being read aloud; text 11.5:1 on it


# For readers who see poorly: black text on white, darker colours and edges, every
# text colour at least 7:1 (WCAG AAA) on whatever it sits on. Still light and calm:
# the pictures are drawn for a light page.
HIGH_CONTRAST = Palette(
    background="#FFFFFF",
    surface="#FFFFFF",
    text="#000000",
    muted="#1E1E24",
    primary="#00434A",
    primary_pressed="#00272B",
    primary_soft="#D5EBEA",
    accent="#B0442A",
    dot_off="#5C5C5C",
    border="#2B2A33",
    pressed_surface="#E4E4E4",
    warning_back="#FFF0E3",
    warning_edge="#9C3414",
    tip_back="#E2F3EF",
    tip_edge="#00574C",
    note_back="#E8EDF8",
    note_edge="#1E3C85",
    danger="#7E1810",
    on_primary="#FFFFFF",
)

LOOKS = THEMES  # the values of the config's ``theme`` and of ``snapshot --theme``
STANDARD, HIGH = LOOKS


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes at 1080p; ``Theme.scaled`` multiplies them."""

    body: int = 26
    small: int = 22
    h1: int = 46
    h2: int = 34
    h3: int = 28
    card_title: int = 28
    button_text: int = 26
    bar_height: int = 104
    button: int = 76  # nav buttons: at least 64
    big_button: int = 116  # a few big choices, such as Yes and No
    target: int = 56  # any tappable thing: at least 48
    radius: int = 22
    small_radius: int = 12  # for marks inside a button
    gap: int = 24
    margin: int = 40
    card_width: int = 440
    cover_height: int = 220  # a card's picture
    article_cover: int = 360  # the picture at the top of a page
    reading_width: int = 980


# Minimum pixel sizes on any screen: Home/Back 64, any target 48 (about 9 mm),
# body text 22.
FLOORS = {"button": 64, "big_button": 88, "target": 48, "body": 22, "small": 18, "bar_height": 84}

# Text sizes grow and shrink together, so headings stay above body text even where
# a floor holds the body up (a heading scaled alone would fall below it).
TEXT = ("body", "small", "h1", "h2", "h3", "card_title", "button_text")
# Pictures fit the screen but do not grow with the visitor's text size: bigger
# text should bring more words onto the screen, not push them below a picture.
PICTURES = ("cover_height", "article_cover")


# Languages set first in a CJK font; every other language is set in a Latin font,
# with the CJK font behind it for any Chinese character in the text.
CJK_LANGUAGES = ("zh", "ja", "ko")
FALLBACK_FAMILY = "Sans Serif"


@dataclass(frozen=True)
class Fonts:
    """The installed families text is set in: one drawn for Latin, one for CJK.

    English in a CJK font gets full-width quotes and apostrophes ("it’ s");
    Chinese in a Latin font gets its punctuation from a fallback. Each language
    is set in the font made for it, with the other one behind it.
    """

    latin: str = ""
    cjk: str = ""

    def families(self, lang: str) -> tuple[str, ...]:
        cjk_first = lang.split("-")[0].lower() in CJK_LANGUAGES or not lang
        order = (self.cjk, self.latin) if cjk_first else (self.latin, self.cjk)
        return tuple(dict.fromkeys(f for f in order if f)) or (FALLBACK_FAMILY,)


@dataclass(frozen=True)
class Theme:
    """Palette, sizes and fonts for one screen, one text size and one language.

    ``scale`` fits the kiosk to its screen (1.0 at 1080 pixels on the short side);
    ``text_scale`` is the visitor's text size (the A− and A+ buttons); ``look`` is
    the standard palette or the high-contrast one; ``lang`` picks the fonts. The
    sizes are worked out from the scales, so one ``Theme`` drives a screen's style
    sheet, its rich text and the sizes its code lays out with, and they agree.
    """

    palette: Palette
    sizes: Sizes
    fonts: Fonts
    scale: float = 1.0
    text_scale: float = 1.0
    lang: str = ""
    look: str = STANDARD

    @classmethod
    def for_screen(cls, width: int, height: int, fonts: Fonts | str) -> Theme:
        """Sizes scaled to the screen: 1.0 at 1080 pixels on the short side.

        ``fonts`` may be one family name, used for every language.
        """
        if isinstance(fonts, str):
            fonts = Fonts(latin=fonts, cjk=fonts)
        scale = min(2.0, max(0.72, min(width, height) / 1080))
        return cls(Palette(), Sizes(), fonts).scaled(scale)

    def scaled(self, scale: float) -> Theme:
        """This theme on a screen of another ``scale``, at the same text size."""
        return replace(self, sizes=_sizes(scale, self.text_scale), scale=scale)

    def with_text_scale(self, text_scale: float) -> Theme:
        """This screen's theme at the visitor's text size: everything grows with the text."""
        return replace(self, sizes=_sizes(self.scale, text_scale), text_scale=text_scale)

    def with_look(self, look: str) -> Theme:
        """This theme in the standard or the high-contrast palette."""
        if look not in LOOKS:
            raise ValueError(f"theme '{look}' is not one of {', '.join(LOOKS)}")
        return replace(self, palette=HIGH_CONTRAST if look == HIGH else Palette(), look=look)

    def for_language(self, lang: str) -> Theme:
        """This theme with the fonts for text in ``lang``."""
        return replace(self, lang=lang)

    @property
    def families(self) -> tuple[str, ...]:
        """Font families for this theme's language, best first (for a QFont)."""
        return self.fonts.families(self.lang)

    @property
    def font_family(self) -> str:
        """The same, as a CSS ``font-family`` list."""
        return ", ".join(f'"{family}"' for family in self.families)

    def px(self, value: float) -> int:
        """``value`` pixels at 1080p, on this screen and at this text size."""
        return round(value * self.scale * self.text_scale)

    def _values(self) -> dict[str, str | int]:
        return {**asdict(self.palette), **asdict(self.sizes), "font_family": self.font_family}

    def style_sheet(self) -> str:
        """The Qt style sheet: the app's, and each screen's at the visitor's text size."""
        return _filled("theme.qss", self)

    def rich_text_css(self) -> str:
        return _filled("richtext.css", self)

    def sheet(self, name: str) -> str:
        """Another template in ``assets/theme/`` (a mode's own sheet), filled from this theme."""
        return _filled(name, self)


def _sizes(scale: float, text_scale: float) -> Sizes:
    base = asdict(Sizes())
    # However small the screen, fingers and eyes stay the same size. Text keeps
    # its floor before the visitor's text size multiplies it, so each step shows.
    text = max(scale, *(FLOORS[k] / base[k] for k in TEXT if k in FLOORS)) * text_scale
    zoom = scale * text_scale
    sizes = {
        k: round(v * (text if k in TEXT else scale if k in PICTURES else zoom))
        for k, v in base.items()
    }
    for key, floor in FLOORS.items():
        sizes[key] = max(sizes[key], floor)
    return Sizes(**sizes)


@functools.lru_cache(maxsize=16)
def _filled(name: str, theme: Theme) -> str:
    # Every screen a visitor opens takes its sheet from here: fill each template once.
    return _template(name).substitute(theme._values())


def _template(name: str) -> string.Template:
    path: Path = resources.assets_dir() / "theme" / name
    return string.Template(path.read_text(encoding="utf-8"))
