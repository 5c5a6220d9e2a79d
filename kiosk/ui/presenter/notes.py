"""What the nurse reads for the place on screen: the page's speaker notes, or a
check question's answer before the room hears it. Only presenter views show it."""

from __future__ import annotations

import html

from kiosk.core.library import Library
from kiosk.core.model import GUIDE
from kiosk.ui.presenter.controller import CHECK, PAGE, STEP, Presentation
from kiosk.ui.strings import tr


def notes_html(show: Presentation) -> str:
    """HTML for the place ``show`` is at; "" when there is nothing to say."""
    item, page = show.item, show.page()
    if item is None or page is None:
        return ""
    if item.kind == CHECK:
        return _answer(show)
    languages = (show.lang, *(code for code in show.languages if code != show.lang))
    for lang in languages:  # the nurse's notes, in another language if not in this one
        found = _page_notes(show.library, item.page_id, lang, item.kind, item.step, show.part)
        if found:
            return found
    return ""


def _page_notes(
    library: Library, page_id: str, lang: str, kind: str, step: int | None, part: int
) -> str:
    notes = library.notes(page_id, lang)
    if kind == STEP and step is not None:
        return notes.steps.get(step, "")
    page = library.get(page_id, lang)
    if kind == PAGE and page is not None and page.type == GUIDE and part > 0:
        return notes.steps.get(part, "")  # the summary has none
    return notes.page


def _answer(show: Presentation) -> str:
    page, number = show.page(), show.question
    if page is None or number is None or number >= len(page.questions):
        return ""
    question = page.questions[number]
    choices = question.choices or (tr("true", show.lang), tr("false", show.lang))
    right = choices[question.answer] if 0 <= question.answer < len(choices) else ""
    parts = [
        f"<p>{html.escape(question.prompt)}</p>",
        f"<p><b>{html.escape(tr('answer_is', show.lang).format(answer=right))}</b></p>",
    ]
    if question.explanation:
        parts.append(f"<p>{html.escape(question.explanation)}</p>")
    return "".join(parts)
