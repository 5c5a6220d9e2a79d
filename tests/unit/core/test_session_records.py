"""Session records: kept once, listed, exported as CSV, and never anything personal."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import sqlite3
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.core import session_records
from kiosk.core.session_records import Record

FIRST = Record("weaning-class", "zh-CN", "2026-06-01T14:05", 35, 12, 12, 4)
SECOND = Record("weaning-class", "en", "2026-06-02T09:30", 28, 10, 12, 0)


def test_records_round_trip_oldest_first(tmp_path: Path) -> None:
    path = tmp_path / "records" / "sessions.sqlite3"
    assert session_records.load_all(path) == []
    assert session_records.save(SECOND, path) and session_records.save(FIRST, path)
    assert session_records.load_all(path) == [FIRST, SECOND]
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_schema_holds_nothing_personal(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    session_records.save(FIRST, path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        columns = {row[1]: row[2] for row in db.execute("PRAGMA table_info(records)")}
    assert tables == ["records"]
    assert columns == {
        "number": "INTEGER",
        "session_id": "TEXT",
        "lang": "TEXT",
        "started": "TEXT",
        "minutes": "INTEGER",
        "items_shown": "INTEGER",
        "items_total": "INTEGER",
        "questions_asked": "INTEGER",
    }
    assert tuple(c for c in columns if c != "number") == session_records.FIELDS


@pytest.mark.parametrize(
    "record",
    [
        Record("Mrs Wang, bed 12", "zh-CN", "2026-06-01T14:05", 35, 12, 12, 4),
        Record("weaning-class", "Mrs Wang", "2026-06-01T14:05", 35, 12, 12, 4),
        Record("weaning-class", "en", "after lunch with Mrs Wang", 35, 12, 12, 4),
        Record("weaning-class", "en", "2026-06-01T14:05", -1, 12, 12, 4),
    ],
)
def test_a_record_with_text_in_it_is_refused(tmp_path: Path, record: Record) -> None:
    path = tmp_path / "sessions.sqlite3"
    assert record.problem()
    assert not session_records.save(record, path)
    assert session_records.load_all(path) == []


def test_a_damaged_file_is_reported_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    assert not session_records.save(FIRST, path)  # the kiosk goes on
    with pytest.raises(session_records.RecordsError, match="cannot be read"):
        session_records.load_all(path)
    assert path.exists()


def test_csv_has_a_header_and_parses_back(tmp_path: Path) -> None:
    out = io.StringIO()
    session_records.write_csv([FIRST, SECOND], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(session_records.FIELDS)
    assert rows[0]["session_id"] == "weaning-class" and rows[0]["minutes"] == "35"
    assert [Record(**{**row, **_numbers(row)}) for row in rows] == [FIRST, SECOND]


def _numbers(row: dict[str, str]) -> dict[str, int]:
    keys = ("minutes", "items_shown", "items_total", "questions_asked")
    return {key: int(row[key]) for key in keys}


def test_started_now_is_to_the_minute() -> None:
    assert session_records.started_now(dt.datetime(2026, 6, 1, 14, 5, 59)) == "2026-06-01T14:05"


def test_kiosk_sessions_lists_and_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert cli.main(["sessions"]) == 0
    assert "0 sessions recorded" in capsys.readouterr().out
    assert session_records.save(FIRST)  # the default place: in the data folder
    assert cli.main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert "2026-06-01 14:05  weaning-class  zh-CN  35 min  12/12 items  4 questions" in out
    target = tmp_path / "records.csv"
    assert cli.main(["sessions", "--csv", str(target)]) == 0
    assert "1 record written" in capsys.readouterr().out
    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))
    assert rows == [
        list(session_records.FIELDS),
        ["weaning-class", "zh-CN", "2026-06-01T14:05", "35", "12", "12", "4"],
    ]
