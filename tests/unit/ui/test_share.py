"""The take-home QR code: shown where a reader looks first, and read back as a phone would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
import zxingcpp
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import cli, resources
from kiosk.core import loader, share
from kiosk.core.config import Config
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.share import SharePanel, address_lines
from kiosk.ui.window import KioskWindow
from tests.conftest import REPO
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]
BASE = "https://hospital.example/kiosk/"


def _shipped(make_window: MakeWindow, base: str = BASE) -> KioskWindow:
    window = make_window(Config(default_language="en", share_base_url=base))
    use_library(window, loader.load(REPO / "content", resources.assets_dir()))
    return window


def _panels(screen: QWidget) -> list[SharePanel]:
    return [panel for panel in screen.findChildren(SharePanel) if panel.isVisibleTo(screen)]


def _on_screen(widget: QWidget, window: KioskWindow) -> bool:
    """Whether ``widget`` is wholly inside the window, as a reader sees it without scrolling."""
    box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return window.rect().contains(box)


def test_without_share_base_url_no_page_shows_a_code(make_window: MakeWindow) -> None:
    window = _shipped(make_window, base="")
    for page_id in ("weaning/residual-milk", "weaning/gentle-weaning"):
        window.open_page(page_id)
        screen = window.screen_widget
        assert screen.findChildren(QrCode) == []  # nothing, not an empty box


def test_a_pages_own_share_url_gives_a_code_even_without_a_base(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    (tmp_path / "a.en.md").write_text(
        "---\ntitle: A\nshare_url: https://nhs.example/weaning\n---\nText.\n", encoding="utf-8"
    )
    window = make_window(Config(default_language="en"))
    use_library(window, loader.load(tmp_path, resources.assets_dir()))
    window.open_page("a")
    (panel,) = _panels(window.screen_widget)
    assert panel.code.text == "https://nhs.example/weaning"
    assert panel.address.text().replace("\n", "") == "nhs.example/weaning"


def test_landscape_an_article_shows_the_code_beside_the_text_on_the_first_screen(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = _shipped(make_window)
    window.open_page("weaning/residual-milk")
    article = window.screen_widget
    assert isinstance(article, ArticleScreen) and article.share is not None
    qtbot.waitUntil(lambda: article.share is not None and article.share.side.isVisible())
    (panel,) = _panels(article)
    assert panel is article.share.side
    assert panel.code.text == f"{BASE}en/weaning/residual-milk/"
    assert panel.caption.text() == "Scan to read this at home"
    assert _on_screen(panel, window)
    assert article.body is not None
    body = QRect(article.body.mapTo(window, QPoint(0, 0)), article.body.size())
    assert QRect(panel.mapTo(window, QPoint(0, 0)), panel.size()).left() > body.right()


def test_portrait_the_code_is_a_band_under_the_title(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = _shipped(make_window)
    window.set_language("zh-CN")
    window.resize(800, 1300)
    window.open_page("weaning/residual-milk")
    article = window.screen_widget
    assert isinstance(article, ArticleScreen) and article.share is not None
    qtbot.waitUntil(lambda: article.share is not None and article.share.band.isVisible())
    (panel,) = _panels(article)
    assert panel is article.share.band
    assert panel.caption.text() == "扫码带回家看"
    title = article.findChild(QLabel, "ArticleTitle")
    assert title is not None
    assert (
        panel.mapTo(article, QPoint(0, 0)).y() > title.mapTo(article, QPoint(0, title.height())).y()
    )
    assert _on_screen(panel, window)
    window.resize(1280, 800)  # turned back: beside the text again
    qtbot.waitUntil(lambda: article.share is not None and article.share.side.isVisible())
    assert _panels(article) == [article.share.side]


def test_a_guide_shows_the_code_on_its_introduction_and_summary_not_on_its_steps(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = _shipped(make_window)
    window.open_page("weaning/gentle-weaning")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    address = f"{BASE}en/weaning/gentle-weaning/"
    qtbot.waitUntil(lambda: guide.frame.width() > 0)
    for index, view in enumerate(guide.views):
        codes = [code.text for code in view.findChildren(QrCode)]
        assert codes == ([address] if index in (0, guide.last) else []), index
    intro = guide.views[0].findChild(SharePanel)
    assert intro is not None
    qtbot.waitUntil(lambda: intro.isVisible() and _on_screen(intro, window))


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_no_words_of_the_panel_are_cut_off_at_a_large_text_size(
    qtbot: QtBot, make_window: MakeWindow, scale: float
) -> None:
    window = _shipped(make_window)
    window.set_text_scale(scale)
    for size in ((1280, 800), (800, 1300)):
        window.resize(*size)
        for page_id in ("weaning/residual-milk", "weaning/gentle-weaning"):
            window.open_page(page_id)
            screen = window.screen_widget
            if isinstance(screen, GuideScreen):  # its summary: the band under the heading
                qtbot.waitUntil(lambda screen=screen: screen.frame.width() > 0)
                screen.go_to(screen.last, animate=False)
                screen = screen.views[-1]
            qtbot.waitUntil(lambda screen=screen: len(_panels(screen)) == 1)
            (panel,) = _panels(screen)
            for label in (panel.caption, panel.address):
                # Once laid out (the address breaks its lines to its width), all of it shows.
                qtbot.waitUntil(lambda label=label: label.width() > 0)
                qtbot.waitUntil(lambda label=label: label.height() >= _needed(label))
                inside = QRect(label.mapTo(panel, QPoint(0, 0)), label.size())
                assert panel.rect().contains(inside), (size, page_id, label.text())
            assert "…" not in panel.address.text()  # the bundled addresses fit in full


def _needed(label: QLabel) -> int:
    return label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()


def test_a_long_address_breaks_after_slashes_and_is_shortened_in_the_middle() -> None:
    metrics = QFontMetrics(QFont("Sans Serif", 12))
    short = "h.example/kiosk/en/a/"
    assert address_lines(short, metrics, 10_000, 4) == [short]
    long = "hospital.example/kiosk/en/" + "/".join(["section"] * 12) + "/the-page/"
    lines = address_lines(long, metrics, 200, 3)
    assert len(lines) == 3
    assert all(metrics.horizontalAdvance(line) <= 200 for line in lines)
    assert lines[0].startswith("hospital.example/")
    assert "…" in lines[-1] and lines[-1].endswith("the-page/")


def _read_codes(image: QImage) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize(
    ("lang", "size", "page_id", "step"),
    [
        ("en", "1280x800", "weaning/residual-milk", None),
        ("zh-CN", "1080x1920", "weaning/residual-milk", None),
        ("zh-CN", "1920x1080", "weaning/gentle-weaning", "0"),
    ],
)
def test_a_phone_reads_the_code_in_a_snapshot_and_finds_the_page_in_the_exported_site(
    tmp_path: Path, lang: str, size: str, page_id: str, step: str | None
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'share_base_url = "{BASE}"\n', encoding="utf-8")
    shot = tmp_path / "page.png"
    status = cli.main([
        "snapshot", "--out", str(shot), "--page", page_id, "--lang", lang, "--size", size,
        "--config", str(config), *(["--step", step] if step else []),
    ])  # fmt: skip
    assert status == 0
    (address,) = _read_codes(QImage(str(shot)))
    page = loader.load(REPO / "content", resources.assets_dir()).get(page_id, lang)
    assert page is not None and address == share.address(page, BASE)

    site = tmp_path / "site"
    assert cli.main(["export", "--config", str(config), "--out", str(site)]) == 0
    assert address.startswith(BASE)
    file = site / unquote(address.removeprefix(BASE)) / "index.html"
    assert file.is_file()
    assert f'<html lang="{lang}">' in file.read_text(encoding="utf-8")
