"""Opening hours: which minutes of which weekday the screen is on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.core import config, hours

WEEK = {"mon": "07:30-18:00", "tue": "07:30-18:00", "wed": "07:30-18:00",
        "thu": "07:30-18:00", "fri": "07:30-18:00", "sat": "20:00-02:00", "sun": ""}  # fmt: skip
MONDAY = dt.date(2026, 6, 1)  # a Monday


def at(day: int, hhmm: str) -> dt.datetime:
    """``day`` days after Monday 1 June 2026, at ``hhmm``."""
    h, m = (int(x) for x in hhmm.split(":"))
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(h, m))


def opening(table: dict[str, object]) -> hours.OpeningHours:
    found, problems = hours.parse(table)
    assert problems == []
    return found


@pytest.mark.parametrize(
    ("day", "time", "open_"),
    [
        (0, "07:29", False),  # a minute before opening
        (0, "07:30", True),  # opening minute
        (0, "17:59", True),
        (0, "18:00", False),  # closing minute: closed
        (0, "00:00", False),  # Monday's small hours: Sunday was closed
        (5, "19:59", False),  # Saturday evening, before the overnight span
        (5, "20:00", True),
        (5, "23:59", True),
        (6, "00:00", True),  # midnight: still Saturday night's span
        (6, "01:59", True),
        (6, "02:00", False),  # ends on Sunday morning
        (6, "12:00", False),  # Sunday: closed all day
    ],
)
def test_open_at_the_edges(day: int, time: str, open_: bool) -> None:
    assert opening(WEEK).is_open(at(day, time)) is open_


def test_several_spans_a_day_and_all_day() -> None:
    found = opening({**WEEK, "mon": "07:30-12:00, 13:30-18:00", "sun": "00:00-24:00"})
    assert found.is_open(at(0, "11:59")) and not found.is_open(at(0, "12:30"))
    assert found.is_open(at(0, "13:30"))
    assert found.is_open(at(6, "00:00")) and found.is_open(at(6, "23:59"))


def test_a_span_to_midnight() -> None:
    found = opening({**WEEK, "fri": "18:00-24:00"})
    assert found.is_open(at(4, "23:59")) and not found.is_open(at(5, "00:00"))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("7.30-18.00", "should be like"),
        ("25:00-26:00", "not a time of day"),
        ("08:00-08:00", "same time"),
        ("08:00-12:00,,13:00-14:00", "empty span"),
    ],
)
def test_a_day_that_cannot_be_read_is_open_all_day(text: str, says: str) -> None:
    found, problems = hours.parse({**WEEK, "sun": text})
    assert len(problems) == 1 and says in str(problems[0]) and problems[0].day == "sun"
    assert found.is_open(at(6, "03:00"))


def test_a_missing_day_is_open_all_day_and_said() -> None:
    week = {k: v for k, v in WEEK.items() if k != "sun"}
    found, problems = hours.parse(week)
    assert [str(p) for p in problems] == [
        "no 'sun' in opening_hours: open all day (write sun = \"\" for a day the ward is closed)"
    ]
    assert found.is_open(at(6, "12:00"))


def test_full_day_names_are_understood_and_others_reported() -> None:
    found, problems = hours.parse({**WEEK, "monday": "09:00-10:00", "mo": "x"})
    assert [p.day for p in problems] == ["mo"]
    assert found.is_open(at(0, "09:30")) and not found.is_open(at(0, "08:00"))


def test_the_config_reports_bad_hours_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    lines = ["idle_timeout = 60", "", "[opening_hours]"]
    lines += [f'{day} = "{text}"' for day, text in WEEK.items() if day != "wed"]
    lines.insert(5, 'wed = "8-17"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded, warnings = config.load(path)
    assert warnings == [
        f"{path}:6: warning: opening_hours: 'wed': '8-17' should be like \"07:30-18:00\"; "
        "open all day"
    ]
    assert loaded.hours is not None and loaded.hours.is_open(at(2, "03:00"))
    assert not loaded.hours.is_open(at(1, "03:00"))


def test_opening_hours_that_are_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('wake_minutes = 2\nopening_hours = "9-5"\n', encoding="utf-8")
    loaded, warnings = config.load(path)
    assert warnings == [
        f"{path}:2: warning: 'opening_hours' should be a table of weekdays, like "
        '[opening_hours] mon = "07:30-18:00"; the screen stays on'
    ]
    assert loaded.hours is None and loaded.wake_minutes == 2


def test_no_table_is_always_open() -> None:
    assert config.Config().hours is None
