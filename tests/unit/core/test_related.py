"""Related reads: explicit first, then shared keywords and tags, then a fallback."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import loader
from kiosk.core.library import Library
from tests.conftest import TODAY, write


def _page(root: Path, page_id: str, title: str, extra: str = "", lang: str = "en") -> None:
    write(root, f"{page_id}.{lang}.md", f"---\ntitle: {title}\n{extra}---\n")


def _library(root: Path, assets: Path) -> Library:
    return loader.load(root, assets, today=TODAY)


def _titles(library: Library, page_id: str, lang: str = "en") -> list[str]:
    page = library.get(page_id, lang)
    assert page is not None
    return [p.title for p in library.related(page)]


def test_explicit_related_comes_first_in_the_authors_order(tmp_path: Path, assets: Path) -> None:
    _page(tmp_path, "a", "A", "tags: [weaning]\nrelated: [c, b]\n")
    _page(tmp_path, "b", "B")
    _page(tmp_path, "c", "C")
    _page(tmp_path, "d", "D", "tags: [weaning]\n")
    assert _titles(_library(tmp_path, assets), "a")[:3] == ["C", "B", "D"]


def test_shared_keywords_outrank_shared_tags(tmp_path: Path, assets: Path) -> None:
    _page(tmp_path, "a", "A", "tags: [weaning, breast]\nkeywords: [engorgement]\n")
    _page(tmp_path, "t", "One tag", "tags: [Weaning]\n")
    _page(tmp_path, "k", "One keyword", "keywords: [engorgement]\n")
    _page(tmp_path, "tt", "Two tags", "tags: [weaning, breast]\n")
    assert _titles(_library(tmp_path, assets), "a")[:3] == ["Two tags", "One keyword", "One tag"]


def test_only_pages_in_the_same_language_are_suggested(tmp_path: Path, assets: Path) -> None:
    _page(tmp_path, "a", "A", "tags: [weaning]\n")
    _page(tmp_path, "b", "乙", "tags: [weaning]\n", lang="zh-CN")
    _page(tmp_path, "c", "C")
    assert _titles(_library(tmp_path, assets), "a") == ["C"]


def test_explicit_related_uses_the_translation_in_the_readers_language(
    tmp_path: Path, assets: Path
) -> None:
    _page(tmp_path, "a", "甲", "related: [b]\n", lang="zh-CN")
    _page(tmp_path, "b", "B")
    _page(tmp_path, "b", "乙", lang="zh-CN")
    assert _titles(_library(tmp_path, assets), "a", "zh-CN") == ["乙"]


def test_every_page_gets_reads_same_section_first_then_newest(tmp_path: Path, assets: Path) -> None:
    _page(tmp_path, "weaning/a", "A")
    _page(tmp_path, "weaning/b", "Old neighbour", "date: 2020-01-01\n")
    _page(tmp_path, "other/c", "New elsewhere", "date: 2026-01-01\n")
    assert _titles(_library(tmp_path, assets), "weaning/a") == ["Old neighbour", "New elsewhere"]


def test_the_order_is_stable(tmp_path: Path, assets: Path) -> None:
    for name in "edcba":
        _page(tmp_path, name, name.upper(), "tags: [x]\n")
    library = _library(tmp_path, assets)
    assert _titles(library, "a") == ["B", "C", "D", "E"]
    assert _titles(_library(tmp_path, assets), "a") == ["B", "C", "D", "E"]
