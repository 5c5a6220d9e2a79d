"""The index cache speeds up start-up but never shows stale or broken content."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core import index_cache, loader, sourcefile
from kiosk.core.index_cache import IndexCache
from tests.conftest import DATA, REPO, TODAY, write


def _titles(root: Path, assets: Path, cache_file: Path) -> list[str]:
    library = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    return sorted(page.title for page in library.pages)


def test_unchanged_files_are_not_parsed_again(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "cache" / "index.sqlite3"
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
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    page = write(root, "a.en.md", "# Before\n")
    assert _titles(root, assets, cache_file) == ["Before"]
    page.write_text("# After, and longer\n", encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert _titles(root, assets, cache_file) == ["After, and longer"]


def test_deleted_files_leave_the_cache(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "# A\n")
    gone = write(root, "b.en.md", "# B\n")
    assert _titles(root, assets, cache_file) == ["A", "B"]
    gone.unlink()
    assert _titles(root, assets, cache_file) == ["A"]


def test_a_damaged_cache_is_ignored(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "# A\n")
    cache_file.write_bytes(b"not a database at all")
    assert _titles(root, assets, cache_file) == ["A"]
    assert _titles(root, assets, cache_file) == ["A"]


def test_warnings_of_cached_files_are_still_reported(tmp_path: Path, assets: Path) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "---\ntitle: A\ntitel: typo\n---\n")
    for _ in range(2):
        library = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
        assert any("titel" in d.message for d in library.diagnostics)


def test_a_cover_that_appears_later_is_found_despite_the_cache(
    tmp_path: Path, assets: Path
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "---\ntitle: A\ncover: c.svg\n---\n")
    first = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    assert first.pages[0].cover is None
    write(root, "c.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    again = loader.load(root, assets, today=TODAY, cache=IndexCache(cache_file))
    assert again.pages[0].cover is not None


# --- per-file validation, damage, locks and sharing (issue 12) -----------------------


class _Reads:
    """A spy on sourcefile.read: which files the loader really opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        real = sourcefile.read

        def counting(file: Path) -> sourcefile.SourceFile:
            self.files.append(file.name)
            return real(file)

        monkeypatch.setattr(sourcefile, "read", counting)

    def take(self) -> list[str]:
        files, self.files = sorted(self.files), []
        return files


def _touch_later(file: Path) -> None:
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_only_the_changed_file_is_read_again(
    tmp_path: Path, assets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "cache" / "index.sqlite3"
    for name in ("a", "b", "c"):
        write(root, f"{name}.en.md", f"# {name.upper()}\n")
    reads = _Reads(monkeypatch)
    assert _titles(root, assets, cache_file) == ["A", "B", "C"]
    assert reads.take() == ["a.en.md", "b.en.md", "c.en.md"]
    assert _titles(root, assets, cache_file) == ["A", "B", "C"]
    assert reads.take() == []  # unchanged: a stat each, no read
    edited = root / "b.en.md"
    edited.write_text("# B, edited\n", encoding="utf-8")
    _touch_later(edited)
    write(root, "d.en.md", "# D\n")
    assert _titles(root, assets, cache_file) == ["A", "B, edited", "C", "D"]
    assert reads.take() == ["b.en.md", "d.en.md"]
    assert _titles(root, assets, cache_file) == ["A", "B, edited", "C", "D"]
    assert reads.take() == []


def test_a_same_size_edit_is_seen_by_its_modification_time(
    tmp_path: Path, assets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    page = write(root, "a.en.md", "# Cat\n")
    assert _titles(root, assets, cache_file) == ["Cat"]
    page.write_text("# Dog\n", encoding="utf-8")
    _touch_later(page)
    reads = _Reads(monkeypatch)
    assert _titles(root, assets, cache_file) == ["Dog"]
    assert reads.take() == ["a.en.md"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda f: f.write_bytes(b"not a database at all"), id="garbage"),
        pytest.param(lambda f: f.write_bytes(f.read_bytes()[:1500]), id="truncated"),
        pytest.param(lambda f: f.write_bytes(b""), id="empty"),
    ],
)
def test_a_damaged_cache_is_rebuilt(
    tmp_path: Path,
    assets: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[Path], object],
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    for index in range(40):
        write(root, f"p{index:02d}.en.md", f"# Page {index:02d}\n\n{'Words. ' * 40}\n")
    expected = [f"Page {index:02d}" for index in range(40)]
    assert _titles(root, assets, cache_file) == expected
    damage(cache_file)
    reads = _Reads(monkeypatch)
    assert _titles(root, assets, cache_file) == expected
    assert len(reads.take()) == 40
    assert _titles(root, assets, cache_file) == expected
    assert reads.take() == []  # built again, and used


def test_a_cache_locked_by_another_process_costs_only_speed(
    tmp_path: Path, assets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "# A\n")
    assert _titles(root, assets, cache_file) == ["A"]
    write(root, "b.en.md", "# B\n")
    other = sqlite3.connect(cache_file, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")  # another kiosk process, in the middle of a write
    try:
        monkeypatch.setattr(index_cache, "BUSY_MS", 10)
        assert _titles(root, assets, cache_file) == ["A", "B"]
    finally:
        other.execute("ROLLBACK")
        other.close()
    reads = _Reads(monkeypatch)
    assert _titles(root, assets, cache_file) == ["A", "B"]
    assert reads.take() == ["b.en.md"]  # the locked load did not save; this one does
    assert _titles(root, assets, cache_file) == ["A", "B"]
    assert reads.take() == []


def test_two_kiosks_saving_in_turn_keep_the_cache_whole(
    tmp_path: Path, assets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache_file = tmp_path / "content", tmp_path / "index.sqlite3"
    write(root, "a.en.md", "# A\n")
    write(root, "b.en.md", "# B\n")
    first, second = IndexCache(cache_file), IndexCache(cache_file)  # both start empty
    for cache in (first, second):
        for name in ("a.en.md", "b.en.md"):
            cache.read(root / name, name, sourcefile.read)
    first.save()
    second.save()
    reads = _Reads(monkeypatch)
    assert _titles(root, assets, cache_file) == ["A", "B"]
    assert reads.take() == []


def test_the_cache_keeps_every_bundled_and_broken_file_exactly(tmp_path: Path) -> None:
    files = [*(REPO / "content").rglob("*.md"), *(DATA).rglob("*.md")]
    assert len(files) > 40
    for file in files:
        parsed = sourcefile.read(file)
        assert index_cache.unpack(index_cache.pack(parsed)) == parsed, file


def test_the_cache_has_a_row_per_file_with_its_size_and_time(tmp_path: Path, assets: Path) -> None:
    cache_file = tmp_path / "index.sqlite3"
    library = loader.load(REPO / "content", assets, today=TODAY, cache=IndexCache(cache_file))
    assert library.pages
    with contextlib.closing(sqlite3.connect(cache_file)) as db:
        rows = db.execute("SELECT path, size, mtime_ns FROM files").fetchall()
    page = REPO / "content" / "weaning" / "engorgement.en.md"
    stat = page.stat()
    assert ("weaning/engorgement.en.md", stat.st_size, stat.st_mtime_ns) in rows
