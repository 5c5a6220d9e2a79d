"""Imported folders on screen: no blank home, no broken pictures, no Qt noise."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk import cli
from kiosk.core import loader
from kiosk.core.config import Config
from kiosk.core.sanitize import sanitize
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.richtext import RichText
from tests.conftest import DATA, TODAY, write


def _config(tmp_path: Path, text: str = "") -> str:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", ["run", "snapshot"])
def test_a_missing_content_folder_stops_with_the_reason(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--out", str(tmp_path / "x.png")] if command == "snapshot" else []
    status = cli.main(
        [command, "--content", str(tmp_path / "nowhere"), "--config", _config(tmp_path), *extra]
    )
    assert status == 2
    assert f"content folder {tmp_path / 'nowhere'} not found" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_an_empty_folder_fails_a_strict_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main(["check", "--strict", str(tmp_path / "empty")]) == 1
    assert "no pages to show" in capsys.readouterr().out


def test_a_draft_asked_for_by_id_says_it_is_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main([
        "snapshot", "--out", str(tmp_path / "x.png"), "--content", str(DATA / "hugo" / "content"),
        "--page", "daily-care/draft-page", "--config", _config(tmp_path),
    ])  # fmt: skip
    assert status == 1
    assert "page 'daily-care/draft-page' is a draft" in capsys.readouterr().err


def test_home_with_no_pages_says_so_in_the_visitors_language(qtbot: QtBot, tmp_path: Path) -> None:
    library = loader.load(tmp_path, tmp_path, today=TODAY)
    theme = Theme.for_screen(1280, 800, "Sans Serif")
    for lang in ("zh-CN", "en"):
        home = HomeScreen(library, Config(), lang, theme)
        qtbot.addWidget(home)
        assert home.empty is not None and home.empty.text() == tr("no_content", lang)


def test_home_in_a_language_with_no_pages_points_to_the_one_that_has_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    write(tmp_path, "a.en.md", "# Only English\n")
    library = loader.load(tmp_path, tmp_path, today=TODAY)
    home = HomeScreen(library, Config(), "zh-CN", Theme.for_screen(1280, 800, "Sans Serif"))
    qtbot.addWidget(home)
    assert home.empty is not None
    assert home.empty.text() == tr("only_in", "zh-CN").format(languages="English")


def test_a_refused_image_leaves_nothing_for_qt_to_look_up(qtbot: QtBot, tmp_path: Path) -> None:
    # An <img> left with no address made Qt print "QFSFileEngine::open: No file name
    # specified" (pytest-qt fails a test on any Qt warning) and draw a broken picture.
    html = sanitize('<p>A <img alt="gone" src="https://example.org/a.png"> picture</p>', [tmp_path])
    assert "<img" not in html
    text = RichText(html, "", 20, 600)
    qtbot.addWidget(text)
    text.resize(600, 200)
    text.show()
    qtbot.waitExposed(text)


@pytest.mark.parametrize(
    ("content", "page", "lang"),
    [
        (DATA / "github", None, "en"),
        (DATA / "github", "welcome", "en"),
        (DATA / "hugo" / "content", "daily-care/hand-washing", "zh-CN"),
        (DATA / "mkdocs" / "docs", "index", "en"),
    ],
)
def test_imported_folders_snapshot_cleanly(
    tmp_path: Path,
    content: Path,
    page: str | None,
    lang: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "shot.png"
    config = _config(tmp_path, 'content_language = "en"\n')
    status = cli.main([
        "snapshot", "--out", str(out), "--content", str(content), "--lang", lang,
        "--config", config, *(["--page", page] if page else []),
    ])  # fmt: skip
    assert status == 0
    assert QImage(str(out)).width() == 1920
    assert capfd.readouterr().err == ""
