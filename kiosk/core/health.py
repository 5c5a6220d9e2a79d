"""How the kiosk is doing, as figures for monitoring: Prometheus' text format.

The running kiosk writes these to a file every minute (``metrics_file`` in the
config) for node_exporter's textfile collector; ``kiosk doctor --json`` gives the
same figures. No Qt here: the kiosk's UI side only fills in when it last painted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.core import review
from kiosk.core.diagnostics import Diagnostic, Severity, count
from kiosk.core.library import Library
from kiosk.core.update_state import UpdateResult


@dataclass(frozen=True)
class Health:
    """The figures. ``None`` means "not known here", and its metric is left out.

    content_pages: pages (by id, whatever their languages), as ``kiosk check`` counts.
    content_errors, content_warnings: problems found in the content so far.
    content_checked: whether those counts cover every page's body (a full check ran),
        not only what loading found and the pages shown so far.
    pages_past_review: pages with a translation whose ``review_due`` has passed.
    last_paint: Unix time the kiosk's window last painted.
    last_update: the last ``kiosk update`` attempt (``update_state``).
    views_today: page views since midnight.
    """

    content_pages: int
    content_errors: int
    content_warnings: int
    pages_past_review: int
    content_checked: bool = True
    last_paint: float | None = None
    last_update: UpdateResult | None = None
    views_today: int | None = None


@dataclass(frozen=True)
class Metric:
    name: str
    help: str
    value: float


def of_library(
    library: Library,
    diagnostics: Iterable[Diagnostic] | None = None,
    *,
    today: dt.date | None = None,
    last_paint: float | None = None,
    last_update: UpdateResult | None = None,
    views_today: int | None = None,
) -> Health:
    """The figures of ``library``, with ``diagnostics`` (default: what it knows now,
    without rendering a page) and reviews judged on ``today`` (default: the real day:
    a kiosk runs for months on one library)."""
    found = tuple(library.known() if diagnostics is None else diagnostics)
    overdue = review.overdue(library.pages, today or dt.date.today())
    return Health(
        content_pages=len(library.ids),
        content_errors=count(found, Severity.ERROR),
        content_warnings=count(found, Severity.WARNING),
        pages_past_review=len(overdue),
        content_checked=library.checked if diagnostics is None else True,
        last_paint=last_paint,
        last_update=last_update,
        views_today=views_today,
    )


def metrics(health: Health) -> list[Metric]:
    """Every known figure, as the metric it is written as."""
    found = [
        Metric("kiosk_up", "1 while the kiosk runs (a stale file means it does not).", 1),
        Metric(
            "kiosk_content_pages",
            "Pages in the content folder, counted by id as 'kiosk check' counts them.",
            health.content_pages,
        ),
        Metric(
            "kiosk_content_errors",
            "Content problems that keep a page off the screen, found so far.",
            health.content_errors,
        ),
        Metric(
            "kiosk_content_warnings",
            "Content problems that do not keep a page off the screen, found so far.",
            health.content_warnings,
        ),
        Metric(
            "kiosk_content_checked",
            "1 when the error and warning counts cover every page (a full check ran).",
            int(health.content_checked),
        ),
        Metric(
            "kiosk_pages_past_review",
            "Pages whose review_due date has passed.",
            health.pages_past_review,
        ),
    ]
    if health.last_paint is not None:
        found.append(
            Metric(
                "kiosk_last_paint_timestamp_seconds",
                "Unix time the kiosk's window last painted (it repaints at least every "
                "minute while its event loop runs).",
                health.last_paint,
            )
        )
    update = health.last_update
    if update is not None:
        found.append(
            Metric(
                "kiosk_last_update_success",
                "1 if the last 'kiosk update' took or kept a good revision, 0 if it failed.",
                int(update.ok),
            )
        )
        when = _unix_time(update.when)
        if when is not None:
            found.append(
                Metric(
                    "kiosk_last_update_timestamp_seconds",
                    "Unix time of the last 'kiosk update' attempt.",
                    when,
                )
            )
    if health.views_today is not None:
        found.append(
            Metric(
                "kiosk_views_today", "Page views since midnight (local time).", health.views_today
            )
        )
    return found


def figures(health: Health) -> dict[str, float]:
    """The metrics by name: what ``kiosk doctor --json`` reports."""
    return {metric.name: metric.value for metric in metrics(health)}


def prometheus_text(health: Health) -> str:
    """The figures in Prometheus' text exposition format (version 0.0.4), all gauges."""
    lines: list[str] = []
    for metric in metrics(health):
        lines.append(f"# HELP {metric.name} {_escaped(metric.help)}")
        lines.append(f"# TYPE {metric.name} gauge")
        lines.append(f"{metric.name} {_number(metric.value)}")
    return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    if isinstance(value, int) or (math.isfinite(value) and value == int(value)):
        return str(int(value))
    return repr(float(value))


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _unix_time(when: str) -> float | None:
    try:
        moment = dt.datetime.fromisoformat(when)
    except ValueError:
        return None
    if moment.tzinfo is None:  # written by this kiosk in UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()
