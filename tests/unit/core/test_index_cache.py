"""The index cache speeds up start-up but never shows stale or broken content."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.core import loader, sourcefile
from kiosk.core.index_cache import IndexCache
from tests.conftest import TODAY, write


def _titles(root: Path, assets: Path, cache_file: Path) -> list[str]:
    library = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    return sorted(page.title for page in library.pages)


def test_unchanged_files_are_not_parsed_again(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "cache" / "index.pickle"
    write(root, "a.en.md", "# A\n")
    loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    parsed: list[Path] = []

    def counting(file: Path) -> sourcefile.SourceFile:
        parsed.append(file)
        return sourcefile.read(file)

    cache = IndexCache(cache_file)
    result = cache.read(root / "a.en.md", "a.en.md", counting)
    assert result.heading == "A"
    assert parsed == []


def test_an_edited_file_is_read_again(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.pickle"
    page = write(root, "a.en.md", "# Before\n")
    assert _titles(root, assets, cache_file) == ["Before"]
    page.write_text("# After, and longer\n", encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert _titles(root, assets, cache_file) == ["After, and longer"]


def test_deleted_files_leave_the_cache(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.pickle"
    write(root, "a.en.md", "# A\n")
    gone = write(root, "b.en.md", "# B\n")
    assert _titles(root, assets, cache_file) == ["A", "B"]
    gone.unlink()
    assert _titles(root, assets, cache_file) == ["A"]


def test_a_damaged_cache_is_ignored(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.pickle"
    write(root, "a.en.md", "# A\n")
    cache_file.write_bytes(b"not a pickle at all")
    assert _titles(root, assets, cache_file) == ["A"]
    assert _titles(root, assets, cache_file) == ["A"]


def test_warnings_of_cached_files_are_still_reported(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.pickle"
    write(root, "a.en.md", "---\ntitle: A\ntitel: typo\n---\n")
    for _ in range(2):
        library = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
        assert any("titel" in d.message for d in library.diagnostics)


def test_a_cover_that_appears_later_is_found_despite_the_cache(
    tmp_path: Path, assets: Path
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.pickle"
    write(root, "a.en.md", "---\ntitle: A\ncover: c.svg\n---\n")
    first = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    assert first.pages[0].cover is None
    write(root, "c.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    again = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    assert again.pages[0].cover is not None
