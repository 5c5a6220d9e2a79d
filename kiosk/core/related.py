"""Related reads, in the spirit of Hugo's related content.

1. The page's explicit ``related`` ids, in the author's order.
2. Pages of the same language sharing keywords (weight 100) and tags (weight 80),
   scoring at least the threshold, best first; ties go to the newer, then by title.
3. A fallback so every page has some reads: same section first, then newest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.core.model import Page


@dataclass(frozen=True)
class Weights:
    keywords: int = 100
    tags: int = 80
    threshold: int = 80


def score(page: Page, other: Page, weights: Weights = Weights()) -> int:
    """How related two pages are by what their authors tagged them with."""
    shared_keywords = _lower(page.keywords) & _lower(other.keywords)
    shared_tags = _lower(page.tags) & _lower(other.tags)
    return weights.keywords * len(shared_keywords) + weights.tags * len(shared_tags)


def rank(
    page: Page,
    candidates: Sequence[Page],
    lookup: Callable[[str, str], Page | None],
    limit: int = 6,
    weights: Weights = Weights(),
) -> tuple[Page, ...]:
    """Up to ``limit`` pages to read after ``page``, all in its language."""
    chosen: list[Page] = []

    def add(other: Page) -> None:
        if other is not page and other.lang == page.lang and other not in chosen:
            chosen.append(other)

    for page_id in page.related:
        found = lookup(page_id, page.lang)
        if found is not None:
            add(found)

    same_language = [p for p in candidates if p.lang == page.lang and p is not page]
    scored = [(score(page, other, weights), other) for other in same_language]
    for _, other in sorted(
        (item for item in scored if item[0] >= weights.threshold),
        key=lambda item: (-item[0], -item[1].newest.toordinal(), item[1].title, item[1].id),
    ):
        add(other)

    by_newest = sorted(same_language, key=lambda p: (-p.newest.toordinal(), p.title, p.id))
    for other in by_newest:
        if other.section == page.section:
            add(other)
    for other in by_newest:
        add(other)
    return tuple(chosen[:limit])


def _lower(words: tuple[str, ...]) -> set[str]:
    return {w.casefold() for w in words}
