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


def rows(page: Page, word: Callable[[str], str]) -> list[str]:
    """The footer's lines; ``word(key)`` gives the kiosk's words in the page's language."""

    def labelled(key: str, value: str) -> str:  # "Source: X", as the language punctuates it
        return word("labelled").format(label=word(key), value=value)

    found = [labelled("source", page.source)] if page.source else []
    if page.author:
        found.append(labelled("written_by", page.author))
    if is_reviewed(page):
        assert page.reviewed is not None
        found.append(labelled("reviewed_by", page.reviewed_by))
        found.append(labelled("reviewed", page.reviewed.isoformat()))
        if page.review_due is not None:
            found.append(labelled("review_due", page.review_due.isoformat()))
    else:
        found.append(word("not_reviewed"))
    return found
