"""Pages whose clinical review is overdue: ``review_due`` is before today.

``kiosk check`` warns about each such file (kiosk/core/library.py); the staff panel
and the health metrics count them, by page (a page overdue in two languages is one
page to have reviewed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kiosk.core.model import Page


def overdue(pages: Iterable[Page], today: dt.date | None = None) -> tuple[str, ...]:
    """The ids of pages with a version whose ``review_due`` is past, sorted."""
    today = today or dt.date.today()
    return tuple(sorted({p.id for p in pages if p.review_due is not None and p.review_due < today}))
