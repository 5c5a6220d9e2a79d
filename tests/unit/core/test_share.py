"""A page's take-home address: the one function the QR codes and the exported site share."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import resources
from kiosk.core import config, loader, share
from kiosk.core.model import Page
from tests.conftest import TODAY, write


def _page(tmp_path: Path, front: str = "", name: str = "weaning/residual-milk.en.md") -> Page:
    write(tmp_path, name, f"---\ntitle: A\n{front}---\nText.\n")
    library = loader.load(tmp_path, resources.assets_dir(), today=TODAY)
    return library.pages[0]


@pytest.mark.parametrize(
    "base",
    [
        "https://hospital.example/kiosk",
        "https://hospital.example/kiosk/",
        " https://hospital.example/kiosk// ",
    ],
)
def test_the_address_is_the_base_then_language_then_page_id(tmp_path: Path, base: str) -> None:
    page = _page(tmp_path)
    assert share.address(page, base) == "https://hospital.example/kiosk/en/weaning/residual-milk/"


def test_a_base_at_the_top_of_a_site_works_too(tmp_path: Path) -> None:
    page = _page(tmp_path, name="a.zh-CN.md")
    assert share.address(page, "https://example.org") == "https://example.org/zh-CN/a/"


def test_a_pages_own_share_url_wins(tmp_path: Path) -> None:
    page = _page(tmp_path, "share_url: https://nhs.example/weaning\n")
    assert share.address(page, "https://hospital.example/kiosk/") == "https://nhs.example/weaning"
    assert share.address(page, "") == "https://nhs.example/weaning"


def test_no_base_and_no_share_url_means_no_address(tmp_path: Path) -> None:
    page = _page(tmp_path)
    assert share.address(page, "") == ""
    assert share.address(page, "   ") == ""


def test_an_id_with_spaces_or_chinese_is_a_valid_address(tmp_path: Path) -> None:
    page = _page(tmp_path, name="断奶/my page.zh-CN.md")
    assert share.page_path(page) == "zh-CN/断奶/my page/"
    assert share.address(page, "https://h.example/") == (
        "https://h.example/zh-CN/%E6%96%AD%E5%A5%B6/my%20page/"
    )


def test_the_short_address_leaves_out_the_scheme() -> None:
    assert share.short("https://h.example/kiosk/en/a/") == "h.example/kiosk/en/a/"
    assert share.short("http://h.example/") == "h.example/"


def test_share_base_url_is_read_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('share_base_url = "https://hospital.example/kiosk/"\n', encoding="utf-8")
    loaded, warnings = config.load(path)
    assert loaded.share_base_url == "https://hospital.example/kiosk/"
    assert warnings == []
    assert config.Config().share_base_url == ""  # no codes unless a hospital says where


def test_a_share_base_url_that_is_no_web_address_is_reported_and_gives_no_codes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('screen = 0\nshare_base_url = "hospital.example/kiosk"\n', encoding="utf-8")
    loaded, warnings = config.load(path)
    assert loaded.share_base_url == ""
    assert warnings == [
        f"{path}:2: warning: 'share_base_url' should be a web address starting with "
        "https://; the kiosk shows no QR codes"
    ]
