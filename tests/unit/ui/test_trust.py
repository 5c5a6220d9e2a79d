"""Under every page: where its facts come from, and a review only if one took place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk import resources
from kiosk.core import loader
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import use_library

MakeWindow = Callable[..., KioskWindow]
BOX = '\n!!! doctor "When to see a doctor"\n    - A fever.\n'


def _footer(make_window: MakeWindow, root: Path, page_id: str) -> list[str]:
    window = make_window()
    use_library(window, loader.load(root, resources.assets_dir(), today=TODAY))
    window.open_page(page_id)
    article = window.screen_widget
    assert isinstance(article, ArticleScreen)
    return [label.text() for label in article.trust.lines]


def test_a_page_no_clinician_has_reviewed_says_so(make_window: MakeWindow, tmp_path: Path) -> None:
    write(tmp_path, "a.en.md", f"---\ntitle: A\nsource: The hospital\n---\nText.\n{BOX}")
    assert _footer(make_window, tmp_path, "a") == [
        "Source: The hospital",
        "Not yet reviewed by a clinician.",
    ]


def test_a_name_without_a_review_date_claims_no_review(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    write(
        tmp_path,
        "a.en.md",
        f"---\ntitle: A\nsource: The hospital\nreviewed_by: Dr A (guided the article)\n---\n{BOX}",
    )
    assert _footer(make_window, tmp_path, "a") == [
        "Source: The hospital",
        "Not yet reviewed by a clinician.",
    ]


def test_a_reviewed_page_names_the_clinician_and_the_dates(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    write(
        tmp_path,
        "a.en.md",
        "---\ntitle: A\nsource: The hospital\nreviewed_by: Dr A. Example\nreviewed: 2026-02-01\n"
        f"review_due: 2027-02-01\n---\n{BOX}",
    )
    assert _footer(make_window, tmp_path, "a") == [
        "Source: The hospital",
        "Reviewed by: Dr A. Example",
        "Last reviewed: 2026-02-01",
        "Next review due: 2027-02-01",
    ]
