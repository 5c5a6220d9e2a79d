"""``kiosk snapshot`` renders screens to PNG with no display, for authors and the README."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk import cli
from kiosk.core import sourcefile
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


@pytest.mark.parametrize(
    ("extra", "size"),
    [
        (["--step", "8"], (1920, 1080)),
        (["--view", "check", "--step", "2"], (1080, 1920)),
        (["--view", "check", "--step", "3", "--answer", "1"], (1920, 1080)),
    ],
)
def test_guide_steps_and_check_questions_can_be_previewed(
    tmp_path: Path, extra: list[str], size: tuple[int, int]
) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    out = tmp_path / "step.png"
    status = cli.main([
        "snapshot", "--out", str(out), "--page", "weaning/gentle-weaning", "--lang", "zh-CN",
        "--size", f"{size[0]}x{size[1]}", "--config", str(tmp_path / "kiosk.toml"), *extra,
    ])  # fmt: skip
    assert status == 0
    assert QImage(str(out)).width() == size[0]


def test_a_step_past_the_end_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    status = cli.main([
        "snapshot", "--out", str(tmp_path / "x.png"), "--page", "weaning/gentle-weaning",
        "--step", "99", "--config", str(tmp_path / "kiosk.toml"),
    ])  # fmt: skip
    assert status == 1
    assert "has steps 1 to 7 (and 0: its introduction, 8: its summary)" in capsys.readouterr().err
    status = cli.main([
        "snapshot", "--out", str(tmp_path / "x.png"), "--page", "weaning/gentle-weaning",
        "--view", "check", "--answer", "4", "--config", str(tmp_path / "kiosk.toml"),
    ])  # fmt: skip
    assert status == 1
    assert "this question has answers 1 to 3" in capsys.readouterr().err


def test_the_pin_pad_can_be_previewed_locked_without_a_pin_configured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    common = ["snapshot", "--config", str(tmp_path / "kiosk.toml"), "--view", "pin"]
    assert cli.main([*common, "--out", str(tmp_path / "pin.png"), "--locked"]) == 0
    assert QImage(str(tmp_path / "pin.png")).width() == 1920
    assert (tmp_path / "kiosk.toml").read_text() == ""  # no PIN was written anywhere
    status = cli.main([*common[:3], "--out", str(tmp_path / "x.png"), "--locked"])
    assert status == 1
    assert "--locked goes with --view pin" in capsys.readouterr().err


def test_a_snapshot_shows_a_text_size_and_refuses_one_the_button_has_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    common = ["snapshot", "--config", str(tmp_path / "kiosk.toml"), "--size", "1080x1920"]
    out = tmp_path / "big.png"
    assert cli.main([*common, "--out", str(out), "--text-scale", "2.0"]) == 0
    assert QImage(str(out)).height() == 1920
    assert cli.main([*common, "--out", str(tmp_path / "x.png"), "--text-scale", "3"]) == 1
    assert "--text-scale must be one of 1.0, 1.25, 1.5, 1.75, 2.0" in capsys.readouterr().err


def test_a_snapshot_shows_the_high_contrast_look(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    common = ["snapshot", "--config", str(tmp_path / "kiosk.toml"), "--page"]
    common += ["weaning/residual-milk", "--lang", "en"]
    looks = {}
    for look in ("standard", "high-contrast"):
        out = tmp_path / f"{look}.png"
        assert cli.main([*common, "--out", str(out), "--theme", look]) == 0
        looks[look] = QImage(str(out)).pixelColor(8, 400).name()  # the page, beside the text
    assert looks == {"standard": "#fbf7f2", "high-contrast": "#ffffff"}


def test_a_snapshot_uses_the_index_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    args = [
        "snapshot", "--content", str(content), "--config", str(tmp_path / "kiosk.toml"),
        "--size", "1280x800",
    ]  # fmt: skip
    assert cli.main([*args, "--out", str(tmp_path / "first.png")]) == 0
    read: list[Path] = []
    real = sourcefile.read

    def counting(file: Path) -> sourcefile.SourceFile:
        read.append(file)
        return real(file)

    monkeypatch.setattr(sourcefile, "read", counting)
    assert cli.main([*args, "--out", str(tmp_path / "again.png")]) == 0
    assert read == []  # the home screen's cards came from the cache
    assert QImage(str(tmp_path / "again.png")) == QImage(str(tmp_path / "first.png"))
