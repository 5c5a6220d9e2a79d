"""One measured process: the kiosk as ``kiosk run --windowed`` starts it, or a bare window.

    python benchmarks/probe.py OUT.json bare
    python benchmarks/probe.py OUT.json run [--content DIR] [--idle S] [--taps K | --staff]

Run by ``python -m benchmarks``, one fresh process per figure. Before anything
else it asks Python to tell it when ``PySide6.QtWidgets`` is first imported
(whoever imports it, whenever), and then wraps ``QWidget.show`` so that the
first paint of a top-level window is noticed: once that paint and what Qt
does right after it are done, the time is written to OUT.json (``painted_at``,
``time.time()``; the parent knows when it started the process). Nothing of the
kiosk is changed or imported early: ``run`` calls ``kiosk.cli.main`` exactly
as the ``kiosk`` command does.

After the first frame (and ``--idle S`` seconds of the kiosk left alone, as a
visitor comes some time after start-up: work the kiosk defers, such as starting
speech, is done by then), ``--taps K`` taps K cards of the home screen one after
the other (a real press and release on the window, as a finger would give),
timing each from the press until the page is painted, going home in between;
``--staff`` gives the staff gesture (taps in the top-left corner) and times it
until the staff menu is painted and the event loop answers again, then closes
the menu and records the memory kept.
"""

from __future__ import annotations

import gc
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

WAIT_LIMIT_S = 600.0
result: dict[str, Any] = {}


def rss_mb(field: str = "VmRSS") -> float:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return 0.0


class AfterImport(importlib.abc.MetaPathFinder):
    """Calls ``then(module)`` right after ``name`` is first imported."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.then = then

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        load = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            load(module)
            self.then(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def watch_first_frame(widgets: ModuleType, then: Callable[[Any], None]) -> None:
    """Once a top-level window is first painted, call ``then(window)`` from the event loop."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    paint = QEvent.Type.Paint

    class Watcher(QObject):
        window: Any = None

        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt API)
            if (
                self.window is None
                and event.type() == paint
                and watched.isWidgetType()
                and watched.isWindow()
            ):
                self.window = watched
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: then(watched))
            return False

    watcher = Watcher()
    original_show = widgets.QWidget.show

    def show(self: Any) -> None:
        # On the window itself, not application-wide: a Python filter that sees every
        # object makes PySide create every enum of its modules the first time it meets a
        # class private to Qt (as a scroll area's parts are), a cost the kiosk without
        # this probe does not pay before its first frame.
        if self.isWindow() and watcher.window is None:
            self.installEventFilter(watcher)
        original_show(self)

    widgets.QWidget.show = show
    for name in ("showFullScreen", "showMaximized", "showNormal"):
        original = getattr(widgets.QWidget, name)

        def shown(self: Any, original: Any = original) -> None:
            show(self)
            original(self)

        setattr(widgets.QWidget, name, shown)


def wait_until(condition: Callable[[], bool]) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > WAIT_LIMIT_S:
            raise TimeoutError("the kiosk did not get there")
        app.processEvents()  # type: ignore[union-attr]


def event_loop_answers() -> None:
    """Returns once a zero-time timer posted now has fired: input would be handled."""
    from PySide6.QtCore import QTimer

    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    wait_until(lambda: bool(fired))


def settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def visible_cards(window: Any) -> list[Any]:
    from PySide6.QtWidgets import QApplication

    cards = []
    for widget in QApplication.allWidgets():
        if type(widget).__name__ != "PageCard" or widget.window() is not window:
            continue
        if widget.isVisible() and widget.visibleRegion().contains(widget.rect().center()):
            centre = widget.mapTo(window, widget.rect().center())
            cards.append((centre.y(), centre.x(), widget))
    return [widget for _, _, widget in sorted(cards, key=lambda item: item[:2])]


def tap(window: Any, at: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(
        window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at
    )


def next_card(window: Any, seen: set[str], kind: str | None = None) -> Any:
    """A card on screen whose page was not opened yet (of type ``kind``, if there is
    one), scrolling home down to find one."""
    fallback = None
    for _ in range(200):
        for card in visible_cards(window):
            if getattr(card, "page", None) is not None and card.page.id not in seen:
                if kind is None or card.page.type == kind:
                    return card
                fallback = fallback or card
        bar = window.screen_widget.verticalScrollBar()
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + window.screen_widget.viewport().height() * 3 // 4)
        settle()
    if fallback is not None:
        window.go_home()
        settle()
        return next_card(window, seen)
    return None


def taps(window: Any, count: int) -> None:
    """Tap up to ``count`` different cards; each opens a page not seen before. One tap
    in four opens a guide (home shows them first), the others articles."""
    seen: set[str] = set()
    times: list[float] = []
    for number in range(count):
        home = window.screen_widget
        card = next_card(window, seen, "guide" if number % 4 == 0 else "article")
        if card is None:
            break
        seen.add(card.page.id)
        at = card.mapTo(window, card.rect().center())
        start = time.perf_counter()
        tap(window, at)
        wait_until(lambda: window.screen_widget is not home)  # noqa: B023 (used at once)
        window.repaint()  # the new page, painted
        times.append((time.perf_counter() - start) * 1000)
        window.go_home()
        settle()
    result["tap_ms"] = times
    result["tapped"] = sorted(seen)


def staff(window: Any) -> None:
    """The staff gesture, timed until the menu is painted and the UI answers again."""
    from PySide6.QtCore import QPoint

    gc.collect()
    before = rss_mb()
    corner = QPoint(4, 4)
    start = time.perf_counter()
    for _ in range(window.config.admin_taps):
        tap(window, corner)
    wait_until(lambda: type(getattr(window, "staff", None)).__name__ == "AdminScreen")
    window.repaint()
    event_loop_answers()
    result["staff_ms"] = (time.perf_counter() - start) * 1000
    window.close_staff()
    settle()
    gc.collect()
    result["staff_kept_mb"] = rss_mb() - before


def main() -> int:
    out, mode, *rest = sys.argv[1:]
    then: list[Callable[[Any], None]] = []
    if "--taps" in rest:
        count = int(rest.pop(rest.index("--taps") + 1))
        rest.remove("--taps")

        def tap_cards(window: Any) -> None:
            taps(window, count)

        then.append(tap_cards)
    if "--staff" in rest:
        rest.remove("--staff")
        then.append(staff)

    idle_s = 0.0
    if "--idle" in rest:
        idle_s = float(rest.pop(rest.index("--idle") + 1))
        rest.remove("--idle")

    def first_frame(window: Any) -> None:
        result["painted_at"] = time.time()
        result["peak_mb"] = rss_mb("VmHWM")
        try:
            if then and idle_s:
                # A visitor comes after start-up's later work. The event loop idles as
                # the kiosk's own does: QTest.qWait would hold Python's GIL throughout
                # and starve the kiosk's background threads (its content reading).
                from PySide6.QtCore import QEventLoop, QTimer

                loop = QEventLoop()
                QTimer.singleShot(round(idle_s * 1000), loop.quit)
                loop.exec()
            for step in then:
                step(window)
        finally:
            Path(out).write_text(json.dumps(result), encoding="utf-8")
            from PySide6.QtWidgets import QApplication

            QApplication.instance().quit()  # type: ignore[union-attr]

    sys.meta_path.insert(
        0, AfterImport("PySide6.QtWidgets", lambda module: watch_first_frame(module, first_frame))
    )
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

        app = QApplication(sys.argv[:1])
        window = QWidget()
        QVBoxLayout(window).addWidget(QLabel("A bare PySide6 window"))
        window.resize(1280, 800)  # the size of 'kiosk run --windowed'
        window.show()
        return app.exec()
    from kiosk.cli import main as kiosk

    return kiosk(["run", "--windowed", *rest])


if __name__ == "__main__":
    sys.exit(main())
