"""The theme keeps every text colour readable (WCAG AA 4.5:1; 7:1 in high contrast)."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import HIGH_CONTRAST, Fonts, Palette, Theme


def pairs(P: Palette) -> dict[str, tuple[str, str]]:  # noqa: N803 (reads like the sheets)
    """(text colour, background) for every pairing the style sheets use."""
    WHITE = P.on_primary  # noqa: N806
    return {
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
        "the sentence read aloud": (P.text, P.reading),
    }


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("palette", [Palette(), HIGH_CONTRAST])
def test_position_dots_stand_out_from_the_page(palette: Palette) -> None:
    assert contrast(palette.dot_off, palette.background) >= 3.0  # WCAG 1.4.11, non-text


@pytest.mark.parametrize("use", pairs(Palette()))
def test_text_contrast_meets_wcag_aa(use: str) -> None:
    assert contrast(*pairs(Palette())[use]) >= 4.5


@pytest.mark.parametrize("use", pairs(HIGH_CONTRAST))
def test_high_contrast_text_meets_wcag_aaa(use: str) -> None:
    assert contrast(*pairs(HIGH_CONTRAST)[use]) >= 7.0


def test_each_language_is_set_in_its_own_font_first() -> None:
    fonts = Fonts(latin="Noto Sans", cjk="Noto Sans CJK SC")
    assert fonts.families("en") == ("Noto Sans", "Noto Sans CJK SC")
    assert fonts.families("zh-CN") == ("Noto Sans CJK SC", "Noto Sans")
    assert Fonts(cjk="Noto Sans CJK SC").families("en") == ("Noto Sans CJK SC",)
    assert Fonts().families("en") == ("Sans Serif",)
    theme = Theme.for_screen(1920, 1080, fonts).for_language("en")
    assert 'font-family: "Noto Sans", "Noto Sans CJK SC";' in theme.style_sheet()


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
