"""Read next keeps the exact order it had before it was made fast.

``reference_rank`` is the ranking as it was (a list, membership by ``in``, every
candidate scored and sorted): slow, but the meaning. The kiosk's ranking must
give the same pages in the same order, on a generated library of many pages and
on random small ones, for every page and several limits.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core import loader, related
from kiosk.core.frontmatter import LineMap
from kiosk.core.model import Page
from kiosk.core.related import Weights, score
from tests.conftest import TODAY, write

DEFAULT = Weights()


def reference_rank(
    page: Page,
    candidates: Sequence[Page],
    lookup: Callable[[str, str], Page | None],
    limit: int = 6,
    weights: Weights = DEFAULT,
) -> tuple[Page, ...]:
    """The ranking as it was before the inverted index (kiosk/core/related.py)."""
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


TAGS = ["Weaning", "weaning", "breast", "Sleep", "feeding", "pain", "睡眠", "喂养"]
KEYWORDS = ["engorgement", "Engorgement", "mastitis", "fever", "乳腺炎"]


def _generate(root: Path, count: int, rng: random.Random) -> None:
    """Pages with overlapping tags and keywords (in mixed case), equal titles and
    dates (so every tie-break matters), missing dates, explicit related ids that
    exist, are old aliases, exist in one language only or not at all."""
    for index in range(count):
        section = f"s{index % 7}" if index % 11 else ""
        page_id = f"{section}/p{index:04d}".lstrip("/")
        for lang in ("en", "zh-CN"):
            if (index % 13 == 0 and lang == "zh-CN") or (index % 17 == 0 and lang == "en"):
                continue  # a page in one language only
            lines = [f"title: Title {rng.randrange(count // 3 + 1)}"]
            tags = rng.sample(TAGS, rng.randrange(4))
            keywords = rng.sample(KEYWORDS, rng.randrange(3))
            if tags:
                lines.append(f"tags: [{', '.join(tags)}]")
            if keywords:
                lines.append(f"keywords: [{', '.join(keywords)}]")
            for key in ("date", "lastmod", "reviewed"):
                if rng.random() < 0.4:
                    lines.append(f"{key}: 2025-0{rng.randrange(1, 4)}-0{rng.randrange(1, 4)}")
            if rng.random() < 0.3:
                ids = [f"s{rng.randrange(7)}/p{rng.randrange(count):04d}" for _ in range(3)]
                ids += rng.sample(["old-name", "missing/page", page_id, "p0000"], 2)
                lines.append(f"related: [{', '.join(ids)}]")
            if index == 5:
                lines.append("aliases: [old-name]")
            write(root, f"{page_id}.{lang}.md", "---\n" + "\n".join(lines) + "\n---\n\nText.\n")


def test_the_library_ranks_as_before_for_every_page(tmp_path: Path, assets: Path) -> None:
    _generate(tmp_path, 300, random.Random(12))
    library = loader.load(tmp_path, assets, today=TODAY)
    assert len(library.pages) > 500
    for page in library.pages:
        for limit in (6, 1, 0, 25, 1000):
            expected = reference_rank(page, library.pages, library.get, limit)
            assert library.related(page, limit) == expected, (page.key, limit)
        assert related.rank(page, library.pages, library.get) == reference_rank(
            page, library.pages, library.get
        )


def _page(
    index: int, lang: str, tags: list[str], keywords: list[str], day: int | None, rel: list[str]
) -> Page:
    return Page(
        id=f"s{index % 3}/p{index}" if index % 4 else f"p{index}",
        lang=lang,
        file=Path(f"p{index}.{lang}.md"),
        type="article",
        title=f"T{index % 5}",
        summary="",
        body_line=1,
        lines=LineMap(),
        translation_key=f"p{index}",
        date=None if day is None else dt.date(2025, 1, day),
        tags=tuple(tags),
        keywords=tuple(keywords),
        related=tuple(rel),
    )


words = st.lists(st.sampled_from(["a", "A", "b", "c", "中"]), max_size=4)
pages = st.lists(
    st.tuples(
        st.sampled_from(["en", "zh-CN"]),
        words,
        words,
        st.none() | st.integers(1, 4),
        st.lists(st.sampled_from(["p1", "s1/p1", "p4", "s2/p2", "gone"]), max_size=3),
    ),
    max_size=14,
)


@settings(deadline=None)
@given(
    spec=pages,
    limit=st.integers(-2, 16),
    weights=st.builds(
        Weights, st.integers(-50, 150), st.integers(-50, 150), st.integers(-100, 250)
    ),
    duplicate=st.booleans(),
)
def test_random_small_libraries_rank_as_before(
    spec: list[tuple[str, list[str], list[str], int | None, list[str]]],
    limit: int,
    weights: Weights,
    duplicate: bool,
) -> None:
    built = [_page(i, *fields) for i, fields in enumerate(spec)]
    candidates = built + built[:2] if duplicate else built  # a page listed twice counts once

    def lookup(page_id: str, lang: str) -> Page | None:
        found = [p for p in built if p.id == page_id]
        return next((p for p in found if p.lang == lang), found[0] if found else None)

    outsider = _page(99, "en", ["a", "b"], ["c"], 2, ["p1"])  # a page not among the candidates
    for page in [*built, outsider]:
        expected = reference_rank(page, candidates, lookup, limit, weights)
        assert related.rank(page, candidates, lookup, limit, weights) == expected
