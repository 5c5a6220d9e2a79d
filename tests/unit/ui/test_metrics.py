"""The metrics file: written whole, every tick, with the window's last paint in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.core.health import Health
from kiosk.core.library import Library
from kiosk.core.update_state import UpdateResult
from kiosk.ui import metrics
from kiosk.ui.metrics import MetricsWriter
from kiosk.ui.paints import PaintWatch


def read_back(path: Path) -> dict[str, float]:
    text = path.read_text(encoding="utf-8")
    return {
        sample.name: sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_each_tick_replaces_the_file_whole(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "textfile" / "kiosk.prom"
    pages = [3]
    timer = QTimer()
    writer = MetricsWriter(path, lambda: Health(pages[0], 0, 1, 0), timer)
    writer.start()
    assert read_back(path)["kiosk_content_pages"] == 3
    pages[0] = 4
    timer.timeout.emit()
    assert read_back(path)["kiosk_content_pages"] == 4
    # Replaced by rename: no temporary file is left beside it, and the file is whole.
    assert [p.name for p in path.parent.iterdir()] == ["kiosk.prom"]
    assert path.read_text(encoding="utf-8").endswith("kiosk_pages_past_review 0\n")
    writer.stop()
    assert not timer.isActive()


def test_a_folder_that_cannot_be_written_is_logged_once(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    timer = QTimer()
    writer = MetricsWriter(
        tmp_path / "not-a-folder" / "kiosk.prom", lambda: Health(1, 0, 0, 0), timer
    )
    writer.start()
    timer.timeout.emit()
    assert caplog.text.count("could not write the metrics file") == 1


def test_the_kiosk_reports_its_paints_and_last_update(
    qtbot: QtBot, tmp_path: Path, library: Library
) -> None:
    update = UpdateResult("2026-06-01T08:00:00+00:00", True, "abc", "abc", "up to date")
    window = QLabel("kiosk")
    qtbot.addWidget(window)
    now = [1_780_000_000.0]
    paints = PaintWatch(window, clock=lambda: now[0])
    path = tmp_path / "kiosk.prom"
    timer = QTimer()  # fired by hand below
    writer = metrics.for_kiosk(
        path, lambda: library, paints, lambda: 9, timer=timer, last_update=lambda: update
    )
    with qtbot.waitSignal(paints.first_paint):
        window.show()
    writer.write()
    first = read_back(path)
    assert first["kiosk_last_paint_timestamp_seconds"] == 1_780_000_000.0
    assert first["kiosk_last_update_success"] == 1
    assert first["kiosk_views_today"] == 9
    assert first["kiosk_content_pages"] == len(library.ids)
    # Each write asks for a repaint: a window nobody touches still shows it draws.
    now[0] += 60
    qtbot.waitUntil(lambda: paints.last == now[0])
    timer.timeout.emit()
    assert read_back(path)["kiosk_last_paint_timestamp_seconds"] == 1_780_000_060.0
