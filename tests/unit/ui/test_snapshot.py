"""``kiosk snapshot`` renders screens to PNG with no display, for authors and the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk import cli
from tests.conftest import REPO


def test_a_page_snapshot_has_the_asked_size(tmp_path: Path) -> None:
    out = tmp_path / "page.png"
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    status = cli.main([
        "snapshot", "--out", str(out), "--page", "weaning/residual-milk", "--lang", "en",
        "--size", "1080x1920", "--content", str(REPO / "content"),
        "--config", str(tmp_path / "kiosk.toml"),
    ])  # fmt: skip
    assert status == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1080, 1920)


def test_an_unknown_page_exits_non_zero_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    status = cli.main([
        "snapshot", "--out", str(tmp_path / "x.png"), "--page", "no/such",
        "--config", str(tmp_path / "kiosk.toml"),
    ])  # fmt: skip
    assert status == 1
    assert "no page 'no/such'" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
