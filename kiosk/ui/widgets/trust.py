"""Where a page's facts come from and who checked them, on every screen a reader sees.

A review is shown only when the page names both the clinician and the date:
until then the page says plainly that no clinician has reviewed it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.core.model import Page
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


def is_reviewed(page: Page) -> bool:
    return bool(page.reviewed_by) and page.reviewed is not None


def labelled(key: str, value: str, lang: str) -> str:
    """ "Source: X", with the colon Chinese uses (信息来源：X)."""
    colon = "：" if lang.startswith("zh") else ": "
    return f"{tr(key, lang)}{colon}{value}"


def trust_rows(page: Page) -> list[str]:
    """The footer's lines, in the page's language."""
    lang = page.lang
    rows = [labelled("source", page.source, lang)] if page.source else []
    if page.author:
        rows.append(labelled("written_by", page.author, lang))
    if is_reviewed(page):
        assert page.reviewed is not None
        rows.append(labelled("reviewed_by", page.reviewed_by, lang))
        rows.append(labelled("reviewed", page.reviewed.isoformat(), lang))
        if page.review_due is not None:
            rows.append(labelled("review_due", page.review_due.isoformat(), lang))
    else:
        rows.append(tr("not_reviewed", lang))
    return rows


class TrustFooter(QFrame):
    """Source, review (or "not yet reviewed") and the disclaimer, in a quiet box."""

    def __init__(self, page: Page, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrustFooter")
        layout = QVBoxLayout(self)
        pad = theme.sizes.gap
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(8))
        self.lines: list[QLabel] = []
        for row in trust_rows(page):
            line = QLabel(row)
            line.setObjectName("TrustLine")
            line.setWordWrap(True)
            layout.addWidget(line)
            self.lines.append(line)
        disclaimer = QLabel(tr("disclaimer", page.lang))
        disclaimer.setObjectName("Disclaimer")
        disclaimer.setWordWrap(True)
        layout.addWidget(disclaimer)


class SourceLine(QLabel):
    """One quiet line: where this step's facts come from."""

    def __init__(self, page: Page, parent: QWidget | None = None) -> None:
        text = labelled("source", page.source, page.lang) if page.source else ""
        super().__init__(text, parent)
        self.setObjectName("TrustLine")
        self.setWordWrap(True)
        self.setVisible(bool(text))
