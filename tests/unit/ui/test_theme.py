"""The theme keeps every text colour readable (WCAG AA, 4.5:1) on what it sits on."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import Palette, Theme

P = Palette()
WHITE = "#FFFFFF"

# (text colour, background) for every pairing the style sheets use.
PAIRS = {
    "body text": (P.text, P.background),
    "card text": (P.text, P.surface),
    "summaries, trust footer": (P.muted, P.surface),
    "muted on the page": (P.muted, P.background),
    "buttons": (WHITE, P.primary),
    "pressed buttons": (WHITE, P.primary_pressed),
    "outlined buttons, headings": (P.primary, P.surface),
    "section titles": (P.primary, P.background),
    "pressed outlined buttons": (P.primary, P.primary_soft),
    "warning callout": (P.text, P.warning_back),
    "tip callout": (P.text, P.tip_back),
    "note callout": (P.text, P.note_back),
    "pressed card": (P.text, P.pressed_surface),
    "admin warning": (P.danger, P.warning_back),
    "exit button": (P.danger, P.surface),
}


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_position_dots_stand_out_from_the_page() -> None:
    assert contrast(P.dot_off, P.background) >= 3.0  # WCAG 1.4.11, non-text contrast


@pytest.mark.parametrize("use", PAIRS)
def test_text_contrast_meets_wcag_aa(use: str) -> None:
    assert contrast(*PAIRS[use]) >= 4.5


def test_small_screens_keep_finger_sized_targets() -> None:
    theme = Theme.for_screen(1280, 800, "Sans")
    assert theme.sizes.button >= 64 and theme.sizes.target >= 48 and theme.sizes.body >= 22


def test_the_style_sheets_have_no_unfilled_placeholders() -> None:
    theme = Theme.for_screen(1920, 1080, "Noto Sans CJK SC")
    for sheet in (theme.style_sheet(), theme.rich_text_css()):
        assert "$" not in sheet


@pytest.mark.parametrize(
    "screen", [(800, 480), (1280, 800), (1920, 1080), (1080, 1920), (3840, 2160)]
)
def test_headings_stay_above_body_text_on_every_screen_and_text_size(
    screen: tuple[int, int],
) -> None:
    from kiosk.ui.window import TEXT_SCALES

    previous = 0
    for text_scale in TEXT_SCALES:
        s = Theme.for_screen(*screen, "Sans").with_text_scale(text_scale).sizes
        assert s.h1 > s.h2 > s.h3 > s.body > s.small, (screen, text_scale, s)
        assert s.body > previous  # every tap of the A button shows
        previous = s.body
