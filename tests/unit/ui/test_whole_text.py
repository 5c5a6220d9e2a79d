"""Every line of every bundled page is laid out and shown, at every text size.

Resizing pictures in place left the blocks after them laid out at zero height:
on six English pages the checklists, the choking advice and warning signs were
never shown. A block of text with no height is text a reader cannot see.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import TEXT_SCALES, KioskWindow
from tests.visitor import settle


def _hidden_text(window: KioskWindow) -> list[str]:
    hidden = []
    for view in window.screen_widget.findChildren(RichText):
        document = view.document()
        layout = document.documentLayout()
        block = document.begin()
        while block.isValid():
            if block.text().strip() and layout.blockBoundingRect(block).height() == 0:
                hidden.append(block.text()[:60])
            block = block.next()
    return hidden


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_no_text_of_any_bundled_page_is_left_without_room(
    qtbot: QtBot, shipped_kiosk: KioskWindow, scale: float
) -> None:
    window = shipped_kiosk
    window.set_text_scale(scale)
    found: dict[tuple[str, str], list[str]] = {}
    for lang in window.config.languages:
        window.set_language(lang)
        for page_id in sorted(window.library.ids):
            window.open_page(page_id)
            for _ in range(3):
                settle()
            hidden = _hidden_text(window)
            if hidden:
                found[(page_id, lang)] = hidden
    assert found == {}
