"""The staff panel's two status boxes: the content's state, and the last update.

Each is a card of labels that a ward manager reads at a glance: big numbers with
a word under each, and one line for the last ``kiosk update``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.update_state import UpdateResult
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme


@dataclass(frozen=True)
class ContentFacts:
    """What the panel says about the content besides its problems."""

    pages: int
    languages: int
    past_review: int


def staff_screen(widget: QWidget, theme: Theme, lang: str) -> tuple[Theme, QVBoxLayout]:
    """Make ``widget`` a staff screen in ``lang``: its look, margins and spacing; the
    theme with the language's fonts, and the layout to fill."""
    widget.setObjectName("Screen")
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    theme = theme.for_language(lang)
    s = theme.sizes
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(s.margin, s.margin * 2 // 3, s.margin, s.margin * 2 // 3)
    layout.setSpacing(s.gap * 2 // 3)
    return theme, layout


def card(theme: Theme, title: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A white card with a heading; its layout, for what goes under the heading."""
    frame = QFrame()
    frame.setObjectName("PanelCard")
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(frame)
    pad = theme.sizes.gap
    layout.setContentsMargins(pad, pad * 2 // 3, pad, pad * 2 // 3)
    layout.setSpacing(theme.sizes.gap // 2)
    heading = QLabel(title)
    heading.setObjectName("PanelCardTitle")
    layout.addWidget(heading)
    return frame, layout, heading


class _Tile(QWidget):
    """A number over the word for it."""

    def __init__(self, label: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.number = QLabel("0")
        self.number.setObjectName("TileNumber")
        self.label = QLabel(label)
        self.label.setObjectName("TileLabel")
        self.label.setWordWrap(True)
        for part in (self.number, self.label):
            part.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(part)
        layout.addStretch(1)

    def show_count(self, count: int, alert: bool = False) -> None:
        self.number.setText(str(count))
        if self.number.property("alert") != alert:
            self.number.setProperty("alert", alert)
            self.number.style().unpolish(self.number)
            self.number.style().polish(self.number)


class StatusCard(QFrame):
    """Pages, languages, errors, warnings and pages past their review date.

    Errors and warnings grow as the background check finds them (``show_problems``);
    ``progress`` says how far the check is, while it runs.
    """

    def __init__(self, facts: ContentFacts, theme: Theme, lang: str) -> None:
        super().__init__()
        frame, layout, _ = card(theme, tr("panel_content", lang))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.sizes.gap)
        grid.setVerticalSpacing(theme.sizes.gap // 2)
        self.pages = _Tile(tr("panel_pages", lang))
        self.languages = _Tile(tr("panel_languages", lang))
        self.errors = _Tile(tr("panel_errors", lang))
        self.warnings = _Tile(tr("panel_warnings", lang))
        self.past_review = _Tile(tr("panel_past_review", lang))
        tiles = (self.pages, self.languages, self.errors, self.warnings, self.past_review)
        for column, tile in enumerate(tiles):
            grid.addWidget(tile, 0, column)
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        self.progress = QLabel()
        self.progress.setObjectName("TrustLine")
        self.progress.setWordWrap(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.pages.show_count(facts.pages)
        self.languages.show_count(facts.languages)
        self.past_review.show_count(facts.past_review, alert=facts.past_review > 0)

    def show_problems(self, errors: int, warnings: int) -> None:
        self.errors.show_count(errors, alert=errors > 0)
        self.warnings.show_count(warnings)


def when_shown(iso: str) -> str:
    """An update's ISO time as this machine's local time, to the minute."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class UpdateCard(QFrame):
    """The last ``kiosk update``: never, taken, or refused, when, and why."""

    def __init__(self, result: UpdateResult | None, theme: Theme, lang: str) -> None:
        super().__init__()
        frame, layout, _ = card(theme, tr("panel_last_update", lang))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.result = QLabel()
        self.result.setObjectName("UpdateResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.message = QLabel()
        self.message.setObjectName("TrustLine")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        if result is None:
            self.result.setText(tr("panel_never_updated", lang))
            self.message.setText(tr("panel_never_updated_why", lang))
            return
        verdict = tr("panel_update_ok" if result.ok else "panel_update_refused", lang)
        self.result.setText(f"{when_shown(result.when)} · {verdict}")
        self.result.setProperty("ok", result.ok)
        details = [result.message] if result.message else []
        if result.revision:
            details.append(tr("panel_revision", lang).format(revision=result.revision[:12]))
        self.message.setText("\n".join(details))
