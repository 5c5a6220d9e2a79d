"""The first screen's record: home's first cards as the last full load saw them, for
'kiosk run' to paint before it reads a file; check and snapshot never trust it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.core import loader, start_index
from kiosk.core.index_cache import IndexCache
from kiosk.core.library import Library
from tests.conftest import REPO, TODAY, write

SETTINGS = ("en", None, ("en", "zh-CN"))


def _load(root: Path, assets: Path, database: Path, today: dt.date = TODAY) -> Library:
    return loader.load(
        root,
        assets,
        default_lang="en",
        expected_languages=SETTINGS[2],
        today=today,
        cache=IndexCache(database),
    )


def _start(root: Path, assets: Path, database: Path, today: dt.date = TODAY) -> Library | None:
    return loader.load_start(
        root, assets, database, default_lang="en", expected_languages=SETTINGS[2], today=today
    )


def _home(library: Library, lang: str) -> list[tuple[str, str]]:
    """What home shows first in ``lang``: each card's page id and title, in order."""
    return [(p.id, p.card_title) for p in start_index.first_pages(library, lang)]


def test_the_first_cards_are_those_of_the_full_library(tmp_path: Path, assets: Path) -> None:
    root, database = REPO / "content", tmp_path / "index.sqlite3"
    full = _load(root, assets, database)
    start = _start(root, assets, database)

    assert start is not None and start.provisional and not full.provisional
    for lang in full.languages:
        shown = _home(full, lang)
        assert _home(start, lang) == shown[: start_index.FIRST]
        for page in start.in_language(lang):
            same = full.get(page.id, lang)
            assert same is not None
            assert (page.summary, page.cover, page.file) == (same.summary, same.cover, same.file)
            assert start.section_title(page.section, lang) == full.section_title(page.section, lang)
    assert start.languages == full.languages
    assert start.diagnostics == ()  # never checked: the full load says what is wrong


def test_a_large_library_keeps_only_the_first_cards(tmp_path: Path, assets: Path) -> None:
    root, database = tmp_path / "content", tmp_path / "index.sqlite3"
    for n in range(120):
        kind = "guide" if n % 40 == 0 else "article"
        write(
            root, f"s{n // 30}/p{n:03d}.en.md", f"---\ntitle: P{n:03d}\ntype: {kind}\n---\n\nText\n"
        )
    full = _load(root, assets, database)
    start = _start(root, assets, database)

    assert start is not None
    assert len(start.pages) == start_index.FIRST
    assert _home(start, "en") == _home(full, "en")[: start_index.FIRST]
    assert _home(start, "en")[0] == ("s0/p000", "P000")  # the guides come first


def test_the_record_is_trusted_until_the_content_is_read(tmp_path: Path, assets: Path) -> None:
    root, database = tmp_path / "content", tmp_path / "index.sqlite3"
    page = write(root, "a.en.md", "---\ntitle: Before\n---\n\nText\n")
    _load(root, assets, database)
    page.write_text("---\ntitle: After\n---\n\nText\n", encoding="utf-8")

    start = _start(root, assets, database)
    assert start is not None and [p.title for p in start.pages] == ["Before"]  # no file read
    assert [p.title for p in _load(root, assets, database).pages] == ["After"]  # read: as it is
    start = _start(root, assets, database)
    assert start is not None and [p.title for p in start.pages] == ["After"]


def test_pages_out_of_their_dates_today_are_left_out(tmp_path: Path, assets: Path) -> None:
    root, database = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "---\ntitle: Always\n---\n\nText\n")
    write(
        root, "b.en.md", f"---\ntitle: Ends\nexpiryDate: {TODAY + dt.timedelta(days=2)}\n---\n\nT\n"
    )
    _load(root, assets, database)

    start = _start(root, assets, database, today=TODAY + dt.timedelta(days=5))
    assert start is not None and [p.title for p in start.pages] == ["Always"]


def test_no_record_means_reading_the_content(tmp_path: Path, assets: Path) -> None:
    root, database = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "---\ntitle: A\n---\n\nText\n")
    assert _start(root, assets, database) is None  # no database yet
    database.write_bytes(b"not a database at all")
    assert _start(root, assets, database) is None
    database.unlink()
    _load(root, assets, database)
    other = loader.load_start(root, assets, database, default_lang="zh-CN", today=TODAY)
    assert other is None  # made with other language settings
    assert _start(root, assets, database) is not None
