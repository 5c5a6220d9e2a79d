"""The staff panel's chart of the most-read pages, over 7 or 30 days."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.ui.screens.panel_status import card
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.bar_chart import BarChart

if TYPE_CHECKING:
    from kiosk.core.library import Library

PERIODS = (7, 30)  # days the toggle offers

# (page title, views) for the last N days, most read first; None: the counts could not be read.
Reading = Callable[[int], Sequence[tuple[str, int]] | None]


class MostReadCard(QFrame):
    """A bar for each of the pages read most, with a 7 days / 30 days toggle.

    With nothing counted yet it says so, calmly, instead of drawing an empty chart.
    ``reading`` is asked once per period, when the period is first shown.
    """

    def __init__(self, reading: Reading, theme: Theme, lang: str) -> None:
        super().__init__()
        self.reading, self.lang = reading, lang
        frame, layout, heading = card(theme, tr("panel_most_read", lang))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout.removeWidget(heading)  # into a row with the period toggle
        top = QHBoxLayout()
        top.setSpacing(theme.sizes.gap // 2)
        top.addWidget(heading, 1)
        self.period_buttons: dict[int, QPushButton] = {}
        group = QButtonGroup(self)
        for days in PERIODS:
            button = QPushButton(tr("panel_days", lang).format(n=days))
            button.setProperty("role", "lang")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, d=days: self.show_period(d))
            group.addButton(button)
            top.addWidget(button)
            self.period_buttons[days] = button
        layout.addLayout(top)
        self.chart = BarChart(theme.for_language(lang))
        layout.addWidget(self.chart)
        self.empty = QLabel()
        self.empty.setObjectName("PanelEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        self._rows: dict[int, Sequence[tuple[str, int]] | None] = {}
        self.days = 0
        self.show_period(PERIODS[0])

    def show_period(self, days: int) -> None:
        self.days = days
        self.period_buttons[days].setChecked(True)
        if days not in self._rows:
            self._rows[days] = self.reading(days)
        rows = self._rows[days]
        self.chart.set_rows(rows or ())
        self.chart.setVisible(bool(rows))
        if rows is None:
            self.empty.setText(tr("panel_reading_failed", self.lang))
        else:
            self.empty.setText(tr("panel_no_reading", self.lang))
        self.empty.setVisible(not rows)


# ``kiosk snapshot --view admin --demo-stats``: made-up counts, and the panel says so.
DEMO_NOTICE = "Example figures for this picture: nothing was counted · 示例数字，并非实际统计"


def demo_counts(library: Library) -> Callable[[int], list[tuple[str, int]]]:
    """Made-up views of the library's first pages, the same on every run, for a picture."""
    ids = list(dict.fromkeys(page.id for page in library.pages if not page.is_section))

    def most_read(days: int) -> list[tuple[str, int]]:
        base = (41, 33, 26, 19, 15, 11, 8, 5, 3, 2) if days <= 7 else (97, 88, 74, 60, 52, 39)
        shown = ids if days <= 7 else ids[1::2] + ids[::2]
        return list(zip(shown, base, strict=False))

    return most_read
