"""Related reads, in the spirit of Hugo's related content.

1. The page's explicit ``related`` ids, in the author's order.
2. Pages of the same language sharing keywords (weight 100) and tags (weight 80),
   scoring at least the threshold, best first; ties go to the newer, then by title.
3. A fallback so every page has some reads: same section first, then newest.

An :class:`Index` of the candidates (built once per library, in linear time) finds
the pages sharing a word through an inverted index by keyword and tag, and stops
as soon as it has ``limit`` pages, so a tap does not score the whole library.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from kiosk.core.model import Page

Lookup = Callable[[str, str], Page | None]

_KEYWORD, _TAG = 0, 1


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
    lookup: Lookup,
    limit: int = 6,
    weights: Weights = Weights(),
) -> tuple[Page, ...]:
    """Up to ``limit`` pages to read after ``page``, all in its language.

    Builds an :class:`Index` of ``candidates`` each time; keep one instead to rank
    many pages of the same candidates."""
    return Index(candidates).rank(page, lookup, limit, weights)


class Index:
    """The candidates of a ranking, arranged to rank any page quickly.

    The order among equals is the candidates' own order, as a stable sort gives."""

    def __init__(self, candidates: Iterable[Page]) -> None:
        self._pages: tuple[Page, ...] = tuple(candidates)
        # Newest first, then by title and id; the position breaks the last ties.
        self._order: tuple[tuple[int, str, str, int], ...] = tuple(
            (-p.newest.toordinal(), p.title, p.id, position)
            for position, p in enumerate(self._pages)
        )
        self._positions: dict[Page, list[int]] = defaultdict(list)
        self._words: dict[tuple[str, int, str], list[int]] = defaultdict(list)
        by_lang: dict[str, list[int]] = defaultdict(list)
        for position, p in enumerate(self._pages):
            self._positions[p].append(position)
            by_lang[p.lang].append(position)
            for word in _lower(p.keywords):
                self._words[(p.lang, _KEYWORD, word)].append(position)
            for word in _lower(p.tags):
                self._words[(p.lang, _TAG, word)].append(position)
        self._newest: dict[str, tuple[int, ...]] = {
            lang: tuple(sorted(positions, key=self._order.__getitem__))
            for lang, positions in by_lang.items()
        }
        in_section: dict[tuple[str, str], list[int]] = defaultdict(list)
        for lang, positions in self._newest.items():
            for position in positions:
                in_section[(lang, self._pages[position].section)].append(position)
        self._newest_in_section = {key: tuple(value) for key, value in in_section.items()}

    def rank(
        self, page: Page, lookup: Lookup, limit: int = 6, weights: Weights = Weights()
    ) -> tuple[Page, ...]:
        """Up to ``limit`` pages to read after ``page``, all in its language."""
        chosen: list[Page] = []
        seen: set[Page] = {page}
        enough = limit if limit >= 0 else None  # a negative limit slices from the end

        def add(other: Page) -> bool:
            """Add ``other`` if it fits; True once there are enough."""
            if other.lang == page.lang and other not in seen:
                seen.add(other)
                chosen.append(other)
            return enough is not None and len(chosen) >= enough

        def fill(pages: Iterator[Page]) -> bool:
            return any(add(other) for other in pages)

        if enough == 0:
            return ()
        done = fill(
            found
            for found in (lookup(page_id, page.lang) for page_id in page.related)
            if found is not None
        )
        done = done or fill(self._scored(page, weights))
        done = done or fill(
            self._pages[i] for i in self._newest_in_section.get((page.lang, page.section), ())
        )
        if not done:
            fill(self._pages[i] for i in self._newest.get(page.lang, ()))
        return tuple(chosen[:limit])

    def _scored(self, page: Page, weights: Weights) -> Iterator[Page]:
        """Same-language pages scoring at least the threshold, best first, lazily."""
        scores: dict[int, int] = defaultdict(int)
        for kind, words, weight in (
            (_KEYWORD, page.keywords, weights.keywords),
            (_TAG, page.tags, weights.tags),
        ):
            for word in _lower(words):
                for position in self._words.get((page.lang, kind, word), ()):
                    scores[position] += weight
        if weights.threshold <= 0:  # pages sharing nothing score 0, and pass too
            for position in self._newest.get(page.lang, ()):
                scores.setdefault(position, 0)
        for position in self._positions.get(page, ()):
            scores.pop(position, None)
        heap = [
            (-value, self._order[position])
            for position, value in scores.items()
            if value >= weights.threshold
        ]
        heapq.heapify(heap)
        while heap:
            yield self._pages[heapq.heappop(heap)[1][-1]]


def _lower(words: tuple[str, ...]) -> set[str]:
    return {w.casefold() for w in words}
