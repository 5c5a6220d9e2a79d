"""Usage statistics: counted per day and kiosk, exported as CSV that concatenates, and
never lost or stuck: a writer killed with SIGKILL loses at most the event it was
writing, and a damaged or locked database is moved aside while counting goes on."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.core import stats, stats_report
from kiosk.core.stats import Recorder, Usage
from tests.conftest import REPO

DAY = dt.date(2026, 6, 1)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / stats.FILE_NAME


@contextlib.contextmanager
def recorder(path: Path, **options: object) -> Iterator[Recorder]:
    made = Recorder(path, **options)  # type: ignore[arg-type]
    try:
        yield made
    finally:
        assert made.close()


def counts(path: Path) -> dict[tuple[str, ...], int]:
    """Every stored count by (day, kiosk, event, page, language, detail)."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        found = db.execute(
            "SELECT day, kiosk_id, event, page_id, lang, detail, count FROM counts"
        ).fetchall()
    return {tuple(row[:6]): row[6] for row in found}


def opens_cleanly(path: Path) -> bool:
    with contextlib.closing(sqlite3.connect(path)) as db:
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        return mode == "wal" and db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# --- counting -------------------------------------------------------------------------------


def test_each_event_is_counted_by_day_page_and_language(db: Path) -> None:
    days = iter([DAY, DAY, DAY, DAY + dt.timedelta(days=1)])
    with recorder(db, kiosk="ward-3", today=lambda: next(days)) as rec:
        rec.record(stats.PAGE_VIEW, "weaning/mastitis", "en")
        rec.record(stats.PAGE_VIEW, "weaning/mastitis", "en")
        rec.record(stats.PAGE_VIEW, "weaning/mastitis", "zh-CN")
        rec.record(stats.PAGE_VIEW, "weaning/mastitis", "en")  # the next day
        assert rec.flush()
        assert rec.committed == 4
    assert counts(db) == {
        ("2026-06-01", "ward-3", "page_view", "weaning/mastitis", "en", ""): 2,
        ("2026-06-01", "ward-3", "page_view", "weaning/mastitis", "zh-CN", ""): 1,
        ("2026-06-02", "ward-3", "page_view", "weaning/mastitis", "en", ""): 1,
    }
    assert opens_cleanly(db)


def test_nothing_finer_than_the_day_is_stored(db: Path) -> None:
    with recorder(db, kiosk="ward-3") as rec:
        rec.record(stats.PAGE_VIEW, "a", "en")
    with contextlib.closing(sqlite3.connect(db)) as con:
        columns = [row[1] for row in con.execute("PRAGMA table_info(counts)")]
        tables = [row[0] for row in con.execute("SELECT name FROM sqlite_master")]
    assert columns == ["day", "kiosk_id", "event", "page_id", "lang", "detail", "count"]
    assert tables == ["counts"]


def test_the_kiosk_is_named_by_the_config_or_else_the_host() -> None:
    assert stats.kiosk_id("ward-3") == "ward-3"
    assert stats.kiosk_id("") == stats.kiosk_id("  ") != ""


def test_closing_writes_everything_still_queued(db: Path) -> None:
    rec = Recorder(db, kiosk="k")
    for n in range(200):
        rec.record(stats.PAGE_VIEW, f"p{n % 5}", "en")
    assert rec.close()
    assert sum(counts(db).values()) == 200
    rec.record(stats.PAGE_VIEW, "after", "en")  # after close: ignored, never raised
    assert sum(counts(db).values()) == 200


def test_a_guide_step_counts_once_per_view_as_far_as_the_reader_got(db: Path) -> None:
    with recorder(db, kiosk="k", today=lambda: DAY) as rec:
        usage = Usage(rec)
        usage.page_opened("g", "en")
        for step in (0, 1, 2, 1, 2, 3, 4):  # 4 of 3 steps: the summary
            usage.guide_step("g", "en", step, 3)
        usage.guide_step("g", "zh-CN", 2, 3)  # the same view in another language
        usage.page_opened("g", "en")  # a second view
        usage.guide_step("g", "en", 1, 3)
        usage.idle_reset()
        usage.guide_step("g", "en", 1, 3)  # the next visitor, on a screen left open
        assert rec.flush()
    steps = {key[5]: n for key, n in counts(db).items() if key[2] == stats.GUIDE_STEP}
    assert steps == {"1/3": 3, "2/3": 1, "3/3": 1, "end/3": 1}


def test_answers_read_aloud_idle_resets_and_sessions_are_counted(db: Path) -> None:
    with recorder(db, kiosk="k", today=lambda: DAY) as rec:
        usage = Usage(rec)
        usage.check_answered("p", "en", 1, True)
        usage.check_answered("p", "en", 2, False)
        usage.read_aloud("p", "zh-CN", "recording")
        usage.idle_reset()
        usage.session_run("antenatal-class")
        assert rec.flush()
    day = "2026-06-01"
    assert counts(db) == {
        (day, "k", "check_right", "p", "en", "1"): 1,
        (day, "k", "check_wrong", "p", "en", "2"): 1,
        (day, "k", "read_aloud", "p", "zh-CN", "recording"): 1,
        (day, "k", "idle_reset", "", "", ""): 1,
        (day, "k", "session_run", "antenatal-class", "", ""): 1,
    }


def test_a_usage_without_a_recorder_counts_nothing() -> None:
    usage = Usage()
    usage.page_opened("p", "en")
    usage.guide_step("p", "en", 1, 3)
    assert usage.close()


# --- queries for the staff panel and the health metrics --------------------------------------


def test_most_read_and_views_on_a_day(db: Path) -> None:
    days = [DAY - dt.timedelta(days=n) for n in range(10)]
    plan = [
        (days[0], "a", "en", 3),
        (days[0], "a", "zh-CN", 2),
        (days[1], "b", "en", 4),
        (days[6], "c", "en", 7),
        (days[7], "c", "en", 9),  # eight days ago: outside the last seven
        (days[2], "d", "en", 4),
    ]
    for day, page, lang, times in plan:
        with recorder(db, kiosk="k", today=lambda day=day: day) as rec:
            for _ in range(times):
                rec.record(stats.PAGE_VIEW, page, lang)
            rec.record(stats.READ_ALOUD, page, lang)  # not a view
    assert stats.most_read(7, today=DAY, path=db) == [("c", 7), ("a", 5), ("b", 4), ("d", 4)]
    assert stats.most_read(7, today=DAY, limit=2, path=db) == [("c", 7), ("a", 5)]
    assert stats.most_read(1, today=DAY, path=db) == [("a", 5)]
    assert stats.most_read(30, today=DAY, path=db)[0] == ("c", 16)
    assert stats.views_on(DAY, path=db) == 5
    assert stats.views_on(days[3], path=db) == 0
    # Reading leaves no -wal or -shm of its own behind (files another user could own).
    assert sorted(p.name for p in db.parent.iterdir()) == [stats.FILE_NAME]


def test_queries_on_a_missing_or_damaged_database_are_empty(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    assert stats.most_read(7, path=missing) == [] and stats.views_on(DAY, path=missing) == 0
    assert not missing.exists()  # reading never makes one
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database " * 100)
    assert stats.most_read(7, path=damaged) == [] and stats.views_on(DAY, path=damaged) == 0
    assert damaged.read_bytes() == b"not a database " * 100  # and never changes one


# --- kiosk stats ----------------------------------------------------------------------------


def record_today(path: Path, kiosk: str, events: list[tuple[str, str, str, str]]) -> None:
    with recorder(path, kiosk=kiosk) as rec:
        for event in events:
            rec.record(*event)


def test_kiosk_stats_prints_a_summary(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record_today(
        db,
        "ward-3",
        [
            (stats.PAGE_VIEW, "weaning/gentle-weaning", "en", ""),
            (stats.PAGE_VIEW, "weaning/gentle-weaning", "zh-CN", ""),
            (stats.PAGE_VIEW, "weaning/mastitis", "zh-CN", ""),
            (stats.GUIDE_STEP, "weaning/gentle-weaning", "en", "1/5"),
            (stats.GUIDE_STEP, "weaning/gentle-weaning", "zh-CN", "1/5"),
            (stats.GUIDE_STEP, "weaning/gentle-weaning", "en", "end/5"),
            (stats.CHECK_RIGHT, "weaning/mastitis", "zh-CN", "1"),
            (stats.CHECK_WRONG, "weaning/mastitis", "zh-CN", "2"),
            (stats.READ_ALOUD, "weaning/mastitis", "zh-CN", "speech"),
            (stats.IDLE_RESET, "", "", ""),
        ],
    )
    assert cli.main(["stats", "--db", str(db), "--days", "7"]) == 0
    out = capsys.readouterr().out
    assert "kiosk ward-3" in out
    assert "2  weaning/gentle-weaning  (en 1, zh-CN 1)" in out
    assert "weaning/gentle-weaning  opened 2 → step 1 of 5: 2 → the summary: 1" in out
    assert "weaning/mastitis: 1 right, 1 wrong" in out
    assert "Read aloud started: 1" in out
    assert "Idle resets (someone used the kiosk and left): 1" in out


def test_the_csv_has_a_header_and_the_kiosk_and_concatenates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for kiosk in ("ward-3", "clinic-1"):
        path = tmp_path / kiosk / stats.FILE_NAME
        record_today(
            path,
            kiosk,
            [(stats.PAGE_VIEW, "weaning/mastitis", "zh-CN", "")] * 3
            + [(stats.GUIDE_STEP, "weaning/gentle-weaning", "en", "2/5")],
        )
        out = tmp_path / f"{kiosk}.csv"
        assert cli.main(["stats", "--db", str(path), "--csv", str(out)]) == 0
        files.append(out)
    assert "2 rows of usage counts (30 days) written to" in capsys.readouterr().out
    texts = [file.read_text(encoding="utf-8") for file in files]
    header = ",".join(stats_report.HEADER)
    assert [text.splitlines()[0] for text in texts] == [header, header]

    rows = list(csv.DictReader(io.StringIO(texts[0])))
    today = dt.date.today().isoformat()
    assert rows[1] == {
        "kiosk_id": "ward-3",
        "day": today,
        "event": "page_view",
        "page_id": "weaning/mastitis",
        "lang": "zh-CN",
        "detail": "",
        "count": "3",
    }
    # As the README joins them: awk 'FNR > 1 || NR == 1' *.csv (the first header only).
    joined = texts[0] + "".join(text.split("\n", 1)[1] for text in texts[1:])
    together = list(csv.DictReader(io.StringIO(joined)))
    assert len(together) == 4
    assert {row["kiosk_id"] for row in together} == {"ward-3", "clinic-1"}
    assert sum(int(row["count"]) for row in together if row["event"] == "page_view") == 6


def test_kiosk_stats_with_nothing_counted_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    assert cli.main(["stats", "--csv", str(out)]) == 0  # the default database, not made yet
    assert out.read_text(encoding="utf-8") == ",".join(stats_report.HEADER) + "\n"
    assert "No usage has been counted" in capsys.readouterr().err
    assert cli.main(["stats"]) == 0
    assert "Nothing was counted in these days." in capsys.readouterr().out
    assert cli.main(["stats", "--days", "0"]) == 2


# --- never lost, never stuck ------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.core.stats import Recorder

    recorder = Recorder(Path(sys.argv[1]), kiosk="ward-3")
    written = 0
    while True:
        recorder.record("page_view", f"page-{written % 7}", "en")
        if not recorder.flush(60):
            sys.exit("not written in 60 s")
        written += 1
        print(written, flush=True)  # this many are committed
    """
)


def test_a_writer_killed_mid_stream_loses_nothing_it_reported_written(db: Path) -> None:
    reported = 0
    for _ in range(3):  # the same database, killed three times
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        lines = [child.stdout.readline() for _ in range(40)]
        os.kill(child.pid, signal.SIGKILL)  # while it goes on writing
        assert child.wait(timeout=60) == -signal.SIGKILL
        with child.stdout:  # (not communicate(): it would skip what readline buffered)
            rest = child.stdout.read()
        said = [int(line) for line in [*lines, *rest.splitlines()] if line.strip()]
        assert said[:40] == list(range(1, 41))
        reported += said[-1]
        stored = sum(counts(db).values())
        assert reported <= stored <= reported + 1  # at most one written but not yet told
        reported = stored
        assert opens_cleanly(db)


def moved_aside(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.broken-*"))


@pytest.mark.parametrize("where", ["whole file", "second page"])
def test_a_damaged_database_is_moved_aside_and_counting_goes_on(
    db: Path, caplog: pytest.LogCaptureFixture, where: str
) -> None:
    with recorder(db, kiosk="k") as rec:
        for n in range(300):  # several pages of rows
            rec.record(stats.PAGE_VIEW, f"a-rather-long-page-id-{n}", "en")
    data = bytearray(db.read_bytes())
    start = 0 if where == "whole file" else 4096
    data[start : start + 4096] = b"\xde\xad\xbe\xef" * 1024
    db.write_bytes(bytes(data))

    with caplog.at_level(logging.WARNING), recorder(db, kiosk="k", today=lambda: DAY) as rec:
        rec.record(stats.PAGE_VIEW, "after", "en")
        assert rec.flush()
        rec.record(stats.PAGE_VIEW, "after", "en")
        assert rec.flush()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "damaged" in warnings[0] and "moved it to" in warnings[0]
    [aside] = moved_aside(db)
    assert aside.read_bytes() == bytes(data)
    assert counts(db) == {("2026-06-01", "k", "page_view", "after", "en", ""): 2}
    assert opens_cleanly(db)


def test_a_database_locked_too_long_is_moved_aside(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with recorder(db, kiosk="k") as rec:
        rec.record(stats.PAGE_VIEW, "before", "en")
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as holder:
        holder.execute("BEGIN EXCLUSIVE")  # another process that never lets go
        with caplog.at_level(logging.WARNING), recorder(db, kiosk="k", busy_seconds=0.05) as rec:
            rec.record(stats.PAGE_VIEW, "after", "en")
            assert rec.flush()
        holder.execute("ROLLBACK")
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "locked by another process" in warnings[0]
    assert [key[3] for key in counts(db)] == ["after"]
    assert [key[3] for key in counts(moved_aside(db)[0])] == ["before"]


def test_a_database_that_cannot_be_made_is_logged_once_and_never_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    path = tmp_path / "a-file" / stats.FILE_NAME  # its folder is a file
    with caplog.at_level(logging.WARNING), recorder(path, kiosk="k") as rec:
        for _ in range(3):
            rec.record(stats.PAGE_VIEW, "p", "en")
        assert rec.flush()
        assert rec.committed == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "cannot write" in warnings[0]
