"""The health figures, as Prometheus' own parser reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from kiosk import resources
from kiosk.core import health, loader
from kiosk.core.health import Health
from kiosk.core.library import Library
from kiosk.core.update_state import UpdateResult
from tests.conftest import TODAY, write

REVIEWED = "source: Test\nreviewed_by: Dr Test\nreviewed: 2026-01-01\n"


def read_back(text: str) -> dict[str, float]:
    """Every sample by name; each family a gauge with help text."""
    values: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        assert family.type == "gauge", family.name
        assert family.documentation, family.name
        for sample in family.samples:
            values[sample.name] = sample.value
    return values


def small_library(root: Path) -> Library:
    """Two pages, one past its review, and a file whose front matter is broken."""
    write(
        root,
        "a.en.md",
        f"---\ntitle: A\n{REVIEWED}review_due: 2026-05-01\n---\n\nText.\n",
    )
    write(root, "b.en.md", f"---\ntitle: B\n{REVIEWED}review_due: 2027-01-01\n---\n\nText.\n")
    write(root, "c.en.md", "---\ntitle: C\ntags: [one, two\n---\n\nText.\n")
    return loader.load(
        root, resources.assets_dir(), default_lang="en", expected_languages=("en",), today=TODAY
    )


def test_the_figures_of_a_library_read_back(tmp_path: Path) -> None:
    library = small_library(tmp_path / "content")
    update = UpdateResult("2026-06-01T08:00:00+00:00", False, "abc", "def", "1 error")
    found = health.of_library(
        library, today=TODAY, last_paint=1_780_000_000.25, last_update=update, views_today=17
    )
    values = read_back(health.prometheus_text(found))
    errors = sum(1 for d in library.known() if d.severity.value == "error")
    warnings = sum(1 for d in library.known() if d.severity.value == "warning")
    assert errors and warnings  # the library has both, so the counts are tested
    assert values == {
        "kiosk_up": 1,
        "kiosk_content_pages": 2,  # the broken file is no page
        "kiosk_content_errors": errors,
        "kiosk_content_warnings": warnings,
        "kiosk_content_checked": 0,  # nothing rendered yet: only what loading found
        "kiosk_pages_past_review": 1,
        "kiosk_last_paint_timestamp_seconds": 1_780_000_000.25,
        "kiosk_last_update_success": 0,
        "kiosk_last_update_timestamp_seconds": dt.datetime(
            2026, 6, 1, 8, tzinfo=dt.UTC
        ).timestamp(),
        "kiosk_views_today": 17,
    }
    assert values == health.figures(found)  # what 'kiosk doctor --json' reports


def test_a_review_falls_due_while_the_kiosk_runs(tmp_path: Path) -> None:
    library = small_library(tmp_path / "content")
    later = health.of_library(library, today=dt.date(2027, 2, 1))
    assert later.pages_past_review == 2


def test_what_is_not_known_is_left_out() -> None:
    text = health.prometheus_text(Health(5, 0, 0, 0))
    values = read_back(text)
    assert values == {
        "kiosk_up": 1,
        "kiosk_content_pages": 5,
        "kiosk_content_errors": 0,
        "kiosk_content_warnings": 0,
        "kiosk_content_checked": 1,
        "kiosk_pages_past_review": 0,
    }
    assert text.endswith("\n")
