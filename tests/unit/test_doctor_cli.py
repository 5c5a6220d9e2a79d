"""``kiosk doctor`` as IT staff run it: the real probes, text or JSON, and its exit status."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.ui import doctor_probes
from tests.conftest import run_python
from tests.unit.core.test_doctor import everything
from tests.unit.test_cli import BLOCK_QT


def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text('speech_engine = "mock"\nlanguages = ["en"]\n', encoding="utf-8")
    return path


def test_doctor_runs_on_this_machine_without_a_display(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["doctor", "--config", str(config(tmp_path))])
    out = capsys.readouterr().out
    assert status == 0, out
    lines = out.splitlines()
    assert lines[0] == "kiosk doctor: what this machine has for the kiosk"
    marks = [line[0] for line in lines[2:] if line and not line.startswith("    ")]
    assert set(marks) <= {"✓", "✗", "!", "T"}  # "The kiosk can run here ..."
    assert "! no display here (Qt's offscreen platform draws on no screen" in out
    assert "✓ read aloud in en: " in out  # Qt's mock engine
    assert re.search(r"^[✓!] content: \d+ pages in 2 languages", out, re.MULTILINE)
    assert lines[-1].startswith("The kiosk can run here")


def test_json_has_the_items_of_the_text_and_the_health_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doctor_probes, "probes", lambda: everything(tmp_path))
    args = ["doctor", "--config", str(config(tmp_path))]
    assert cli.main(args) == 0
    text = capsys.readouterr().out
    assert cli.main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for item in data["items"]:
        assert f"{item['mark']} {item['text']}\n" in text
        if item["fix"] and item["status"] != "ok":
            assert f"    fix: {item['fix']}\n" in text
    assert data["health"]["kiosk_content_pages"] > 0
    assert data["health"]["kiosk_content_checked"] == 1  # doctor checks every page


def test_no_content_is_a_non_zero_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doctor_probes, "probes", lambda: everything(tmp_path))
    args = ["doctor", "--config", str(config(tmp_path)), "--content", str(tmp_path / "none")]
    assert cli.main([*args, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["can_run"] is False
    assert data["health"] is None
    content = next(i for i in data["items"] if i["check"] == "content")
    assert content["status"] == "missing" and content["fatal"]


def test_without_qt_doctor_says_so_and_checks_the_rest(tmp_path: Path) -> None:
    script = BLOCK_QT + textwrap.dedent(
        f"""
        from kiosk import cli
        status = cli.main(["doctor", "--config", {str(config(tmp_path))!r}])
        print("status", status)
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert "✗ Python " in result.stdout and "but no PySide6" in result.stdout
    assert "    fix: install the kiosk with its dependencies" in result.stdout
    assert "content: " in result.stdout  # the rest is still checked
    assert result.stdout.strip().endswith("status 1")
