"""Opening hours: when the kiosk's screen is on, day by day.

The config's ``[opening_hours]`` table gives each weekday one or more spans,
``mon = "07:30-18:00"`` or ``sat = "08:00-12:00, 13:30-17:00"``; an empty text
closes that day. A span may run past midnight (``"20:00-02:00"`` is open from 20:00
until 02:00 the next morning), and ``24:00`` ends a day. No table: always open.
Qt-free: the kiosk's sleep screen (``kiosk.ui.opening_hours``) asks ``is_open``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MINUTES_A_DAY = 24 * 60

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class Span:
    """Open from ``start`` to ``end``, in minutes after midnight; ``end`` <= ``start``
    runs past midnight into the next day."""

    start: int
    end: int

    @property
    def overnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class OpeningHours:
    """The spans of each weekday, Monday first."""

    days: tuple[tuple[Span, ...], ...]

    def is_open(self, when: dt.datetime) -> bool:
        minute = when.hour * 60 + when.minute
        today = self.days[when.weekday()]
        yesterday = self.days[(when.weekday() - 1) % 7]
        for span in today:
            if span.overnight and minute >= span.start:
                return True
            if not span.overnight and span.start <= minute < span.end:
                return True
        # The small hours of a span that began the evening before.
        return any(span.overnight and minute < span.end for span in yesterday)


class HoursError(ValueError):
    """One day's text that cannot be read; ``day`` is its key in the table."""

    def __init__(self, day: str, message: str) -> None:
        super().__init__(message)
        self.day = day


def parse_day(text: str) -> tuple[Span, ...]:
    """``"07:30-12:00, 13:00-18:00"`` as spans; ``""`` (closed) as none.
    Raises ValueError with a message for staff."""
    spans: list[Span] = []
    for part in text.split(","):
        if not part.strip():
            if text.strip():
                raise ValueError(f"'{text}' has an empty span between commas")
            continue
        match = _SPAN.match(part)
        if not match:
            raise ValueError(f"'{part.strip()}' should be like \"07:30-18:00\"")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2):
            raise ValueError(f"'{part.strip()}' is not a time of day (00:00 to 24:00)")
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start == end:
            raise ValueError(
                f"'{part.strip()}' opens and closes at the same time; "
                'for all day write "00:00-24:00"'
            )
        spans.append(Span(start, end))
    return tuple(spans)


def parse(table: Mapping[str, object]) -> tuple[OpeningHours, list[HoursError]]:
    """The hours a config table gives, and a problem for each key that cannot be used.

    A day that is missing or unreadable is open all day: a screen left on costs a
    little power, a screen asleep when the ward is open costs the patients.
    """
    days: list[tuple[Span, ...] | None] = [None] * 7
    problems: list[HoursError] = []
    for key, value in table.items():
        name = key.strip().lower()
        index = DAYS.index(name) if name in DAYS else None
        if index is None and name in FULL_NAMES:
            index = FULL_NAMES.index(name)
        if index is None:
            problems.append(
                HoursError(key, f"'{key}' is not a day: use {', '.join(DAYS)}; ignored")
            )
            continue
        if not isinstance(value, str):
            problems.append(
                HoursError(key, f"'{key}' should be a text like \"07:30-18:00\"; open all day")
            )
            continue
        try:
            days[index] = parse_day(value)
        except ValueError as exc:
            problems.append(HoursError(key, f"'{key}': {exc}; open all day"))
            days[index] = ALL_DAY
    for index, spans in enumerate(days):
        if spans is None:
            problems.append(
                HoursError(
                    "",
                    f"no '{DAYS[index]}' in opening_hours: open all day "
                    f'(write {DAYS[index]} = "" for a day the ward is closed)',
                )
            )
    return OpeningHours(tuple(ALL_DAY if spans is None else spans for spans in days)), problems


ALL_DAY = (Span(0, MINUTES_A_DAY),)
