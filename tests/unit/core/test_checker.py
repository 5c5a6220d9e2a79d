"""``kiosk check`` at scale: findings kept between runs, every core, the same answer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kiosk.core import checker, loader
from kiosk.core.check_cache import CheckCache
from kiosk.core.library import Library
from kiosk.core.model import Page, Rendered
from tests.conftest import REPO, TODAY, write

PAGE = """---
title: Page {n}
source: Test
---

Read [the next page]({next}.{lang}.md) and look at ![a cup](cup.svg).

!!! doctor "When to see a doctor"

    - A fever.
"""


def _content(root: Path, pages: int = 6) -> None:
    for n in range(pages):
        for lang in ("en", "zh-CN"):
            text = PAGE.format(n=n, next=f"page-{(n + 1) % pages}", lang=lang)
            write(root, f"topic/page-{n}.{lang}.md", text)
    write(root, "topic/cup.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")


def _load(root: Path, assets: Path) -> Library:
    return loader.load(root, assets, today=TODAY)


def _check(root: Path, assets: Path, cache: Path, rendered: list[str]) -> tuple[str, ...]:
    library = _load(root, assets)
    real = library.render_fresh

    def spy(page: Page, site: object = None) -> Rendered:
        rendered.append(page.file.name)
        return real(page, site)  # type: ignore[arg-type]

    library.render_fresh = spy  # type: ignore[method-assign]
    found = checker.check(library, CheckCache(cache, library.roots))
    assert found is not None
    return tuple(str(d) for d in found)


def test_a_warm_check_renders_only_the_files_that_changed(tmp_path: Path, assets: Path) -> None:
    root, cache = tmp_path / "content", tmp_path / "check.pickle"
    _content(root)
    cold: list[str] = []
    first = _check(root, assets, cache, cold)
    assert len(cold) == 12
    warm: list[str] = []
    assert _check(root, assets, cache, warm) == first
    assert warm == []
    changed = root / "topic/page-2.en.md"
    changed.write_text(changed.read_text().replace("A fever.", "A high fever."))
    again: list[str] = []
    assert _check(root, assets, cache, again) == first
    assert again == ["page-2.en.md"]


def test_a_page_is_checked_again_when_what_it_links_to_goes(tmp_path: Path, assets: Path) -> None:
    root, cache = tmp_path / "content", tmp_path / "check.pickle"
    _content(root)
    _check(root, assets, cache, [])
    (root / "topic/page-3.en.md").unlink()
    (root / "topic/page-3.zh-CN.md").unlink()
    (root / "topic/cup.svg").unlink()
    rendered: list[str] = []
    found = _check(root, assets, cache, rendered)
    # page 2 links to page 3; every page shows the cup
    assert "page-2.en.md" in rendered and "page-0.zh-CN.md" in rendered
    assert any("page-2.en.md:6:" in d and "broken link" in d for d in found)
    assert any("page-0.en.md:6:" in d and "cup.svg" in d for d in found)
    assert found == tuple(str(d) for d in _load(root, assets).check_all())


@pytest.mark.skipif(not checker._can_fork(), reason="forking is not safe in this process")
def test_every_core_gives_the_same_answer_in_the_same_order(tmp_path: Path, assets: Path) -> None:
    root = tmp_path / "content"
    _content(root, pages=20)
    (root / "topic/page-7.zh-CN.md").unlink()
    alone = _load(root, assets).check_all()
    together = checker.check(_load(root, assets), jobs=2, parallel_from=1)
    assert together == alone


def test_the_bundled_content_checks_the_same_cold_and_warm(tmp_path: Path, assets: Path) -> None:
    root, cache = REPO / "content", tmp_path / "check.pickle"
    plain = tuple(str(d) for d in _load(root, assets).check_all())
    assert _check(root, assets, cache, []) == plain
    warm: list[str] = []
    assert _check(root, assets, cache, warm) == plain
    assert warm == []


def test_a_check_can_be_stopped_and_what_it_found_is_kept(tmp_path: Path, assets: Path) -> None:
    root, cache = tmp_path / "content", tmp_path / "check.pickle"
    _content(root)
    library = _load(root, assets)
    seen: list[int] = []

    def found(items: object, checked: int, total: int) -> None:
        seen.append(checked)

    assert checker.check(library, None, found=found, cancelled=lambda: True) is None
    assert not library.checked
    assert checker.check(library, CheckCache(cache, library.roots), found=found) is not None
    assert library.checked and seen[-1] == 12


def test_rendered_pages_are_kept_only_while_among_the_last_used(
    tmp_path: Path, assets: Path
) -> None:
    root = tmp_path / "content"
    _content(root)
    library = _load(root, assets)
    library.keep_rendered = 3
    pages = library.pages
    first = library.render(pages[0])
    for page in pages[1:4]:
        library.render(page)
    assert library.render(pages[3]) is library.render(pages[3])
    assert library.render(pages[0]) is not first  # pushed out, rendered again
    assert len(library._rendered) == 3
    # what rendering found stays known for every page
    assert all(library.facts(page) is not None for page in pages[:4])


# Damaged files whose unpickling raises, in turn: UnpicklingError, ValueError,
# UnicodeDecodeError, OverflowError. (Bytes that make it raise MemoryError also
# make CPython report a SystemError later, from a freed buffer, so none is here.)
@pytest.mark.parametrize("seed", [0, 5, 97, 124])
def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, assets: Path, seed: int) -> None:
    root, cache = tmp_path / "content", tmp_path / "check.pickle"
    _content(root)
    noise = random.Random(seed)
    cache.write_bytes(bytes(noise.randrange(256) for _ in range(64)))
    rendered: list[str] = []
    assert _check(root, assets, cache, rendered) == tuple(
        str(d) for d in _load(root, assets).check_all()
    )
    assert len(rendered) == 12
