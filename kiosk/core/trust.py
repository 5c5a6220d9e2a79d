"""What the trust footer says: where a page's facts come from and who checked them.

A review is claimed only when the page names both the clinician and the date;
until then the page says plainly that no clinician has reviewed it. The kiosk's
footer and the exported site both say it in these words, so they cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.model import Page


def is_reviewed(page: Page) -> bool:
    return bool(page.reviewed_by) and page.reviewed is not None


def labelled(label: str, value: str, lang: str) -> str:
    """ "Source: X", with the colon Chinese uses (信息来源：X)."""
    colon = "：" if lang.startswith("zh") else ": "
    return f"{label}{colon}{value}"


def rows(page: Page, word: Callable[[str], str]) -> list[str]:
    """The footer's lines; ``word(key)`` gives the kiosk's words in the page's language."""
    lang = page.lang
    found = [labelled(word("source"), page.source, lang)] if page.source else []
    if is_reviewed(page):
        assert page.reviewed is not None
        found.append(labelled(word("reviewed_by"), page.reviewed_by, lang))
        found.append(labelled(word("reviewed"), page.reviewed.isoformat(), lang))
        if page.review_due is not None:
            found.append(labelled(word("review_due"), page.review_due.isoformat(), lang))
    else:
        found.append(word("not_reviewed"))
    return found
