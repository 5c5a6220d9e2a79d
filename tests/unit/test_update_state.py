"""The last update's result survives a round trip, and a damaged file reads as none."""

from pathlib import Path

from kiosk.core import update_state
from kiosk.core.update_state import UpdateResult


def test_the_last_result_reads_back(tmp_path: Path) -> None:
    result = UpdateResult("2026-11-25T14:02:11+00:00", False, "abc123", "def456", "2 errors")
    update_state.save(result, tmp_path / "update.json")
    assert update_state.load(tmp_path / "update.json") == result


def test_a_missing_or_damaged_file_is_no_result(tmp_path: Path) -> None:
    assert update_state.load(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text('{"when": 1', encoding="utf-8")
    assert update_state.load(tmp_path / "bad.json") is None
