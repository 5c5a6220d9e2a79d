"""Presenter mode: a nurse's session driven by the keys a clicker sends, shown to a room,
with her notes and the session's record kept for her only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader, session_records
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.session_records import Record
from kiosk.ui.presenter.audience import AudienceView
from kiosk.ui.presenter.mode import PresenterMode
from kiosk.ui.presenter.presenter_view import PresenterView
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, write
from tests.unit.ui.conftest import Clock, manual_timers

SIZE = (1920, 1080)  # a room's screen: short pages fit at the room's text size

Key = Qt.Key
TRUST = "source: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n"
SECRET = "Secretnote"
QUESTIONS = (
    "questions:\n"
    "  - q: Is rest good?\n    answer: true\n    explain: Rest helps.\n"
    "  - q: Which helps most?\n    choices: [Cold, Heat, Nothing]\n    answer: 1\n"
    "    explain: Cold eases the swelling.\n"
)
SESSION = """minutes = 20
items = [
  "talk/hello",
  "talk/steps#2",
  "talk/steps",
  "check:talk/quiz",
  "take-home",
]

[title]
en = "A class"
zh-CN = "一堂课"
"""
LONG = "\n\n".join(f"Paragraph {n} of a long page, with a few words in it." for n in range(80))


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A five-item session: an article, a guide's step, the whole guide, a check, take-home."""
    root = tmp_path / "content"
    for lang, word in (("en", "Hello"), ("zh-CN", "你好")):
        write(
            root,
            f"talk/hello.{lang}.md",
            f"---\ntitle: {word}\n{TRUST}---\n\n::: notes\n{SECRET} {lang} hello.\n:::\n\n"
            f"{word}, readers.\n",
        )
        write(
            root,
            f"talk/steps.{lang}.md",
            f"---\ntitle: Steps {lang}\ntype: guide\n{TRUST}---\n\nIntro words.\n\n::: notes\n"
            f"{SECRET} intro.\n:::\n\n## Wash\n\nWash hands.\n\n::: notes\n{SECRET} wash.\n"
            ":::\n\n## Dry\n\nDry them.\n\n::: notes\nSay: dry well.\n:::\n\n## Rest\n\nRest.\n",
        )
        write(
            root,
            f"talk/quiz.{lang}.md",
            f"---\ntitle: Quiz {lang}\n{TRUST}{QUESTIONS}---\n\nText.\n",
        )
        write(root, f"talk/long.{lang}.md", f"---\ntitle: Long\n{TRUST}---\n\n{LONG}\n")
    write(root, "sessions/class.toml", SESSION)
    write(
        root,
        "sessions/long.toml",
        'items = ["talk/long", "talk/hello"]\n[title]\nen = "L"\nzh-CN = "长"\n',
    )
    return loader.load(
        root,
        resources.assets_dir(),
        default_lang="en",
        today=TODAY,
        expected_languages=("zh-CN", "en"),
    )


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> list[Record]:
    kept: list[Record] = []
    monkeypatch.setattr(session_records, "save", lambda record, path=None: kept.append(record))
    return kept


@pytest.fixture
def kiosk(qtbot: QtBot, library: Library, clock: Clock) -> Iterator[Callable[..., KioskWindow]]:
    made: list[KioskWindow] = []

    def make(kiosk_mode: bool = False) -> KioskWindow:
        theme = Theme.for_screen(*SIZE, "Sans Serif")
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(theme.style_sheet())
        timers = manual_timers()
        for timer in (timers.presenter_tick, timers.presenter_preview):
            timer.setInterval(3_600_000)  # fired by hand
        config = Config(default_language="en")
        window = KioskWindow(
            library, config, theme, timers=timers, kiosk_mode=kiosk_mode, clock=clock
        )
        made.append(window)
        window.resize(*SIZE)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    yield make
    for window in made:
        window.kiosk_mode = False
        window.request_exit()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.instance().setStyleSheet("")  # type: ignore[union-attr]


def present(window: KioskWindow, session: str = "class", *, view: bool = False) -> PresenterMode:
    """Start ``session`` in English; ``view``: with a presenter view (as with two screens)."""
    screen = QGuiApplication.primaryScreen() if view else None
    mode = PresenterMode(
        window,
        window.library.session(session),  # type: ignore[arg-type]
        "en",
        view_screen=screen,
        now=lambda: dt.datetime(2026, 6, 1, 14, 5),
    )
    window.presenter = mode
    return mode


def press(qtbot: QtBot, widget: QWidget, *keys: Key) -> None:
    for key in keys:
        qtbot.keyClick(widget, key)


def place(mode: PresenterMode) -> tuple[int, int]:
    return mode.show.index, mode.show.part


def front(mode: PresenterMode) -> QWidget:
    screen = mode.audience.current
    assert screen is not None
    return screen


def words(root: QWidget) -> str:
    """Every word a person can see in ``root``: labels, buttons and rich text."""
    visible = [w for w in root.findChildren(QWidget) if w.isVisibleTo(root)]
    parts = [w.text() for w in visible if isinstance(w, QLabel | QAbstractButton)]
    parts += [w.toPlainText() for w in visible if isinstance(w, RichText)]
    return "\n".join(parts)


# --- the keys of the table --------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space, Key.Key_Return, Key.Key_Enter],
)
def test_each_next_key_moves_on(qtbot: QtBot, kiosk: Callable[..., KioskWindow], key: Key) -> None:
    window = kiosk()
    mode = present(window)
    assert isinstance(window.screen_widget, AudienceView)
    press(qtbot, window.screen_widget, key)
    assert place(mode) == (1, 0)
    assert isinstance(front(mode), GuideScreen) and front(mode).index == 2  # talk/steps#2


@pytest.mark.parametrize("key", [Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace])
def test_each_previous_key_moves_back(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], key: Key
) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(2, 1)  # the whole guide, its first step
    press(qtbot, mode.audience, key)
    assert place(mode) == (2, 0)
    press(qtbot, mode.audience, key)
    assert place(mode) == (1, 0)


def test_keys_work_whatever_has_the_focus(qtbot: QtBot, kiosk: Callable[..., KioskWindow]) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(2)
    guide = front(mode)
    assert isinstance(guide, GuideScreen)
    focused = guide.next_button  # a button that would take Space for itself
    focused.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    focused.setFocus()
    press(qtbot, focused, Key.Key_Space)
    assert place(mode) == (2, 1)


def test_a_guide_page_moves_through_its_steps_then_on(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(2)
    guide = front(mode)
    assert isinstance(guide, GuideScreen)
    seen = []
    for _ in range(guide.last):
        seen.append((place(mode), guide.index))
        press(qtbot, mode.audience, Key.Key_PageDown)
    # The introduction and 3 steps; not the summary, whose "Read next" leads out of the session.
    assert [shown for _, shown in seen] == [0, 1, 2, 3]
    assert place(mode) == (3, 0) and isinstance(front(mode), CheckScreen)


def test_home_and_end_go_to_the_first_and_last_item(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    press(qtbot, mode.audience, Key.Key_End)
    assert place(mode) == (4, 0)
    assert mode.audience.mark.text() == "5 / 5"
    press(qtbot, mode.audience, Key.Key_Home)
    assert place(mode) == (0, 0)
    assert mode.audience.mark.text() == "1 / 5"


@pytest.mark.parametrize(
    ("keys", "colour"),
    [((Key.Key_B, Key.Key_Period), "black"), ((Key.Key_W, Key.Key_Comma), "white")],
)
def test_black_and_white_screen(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], keys: tuple[Key, Key], colour: str
) -> None:
    window = kiosk()
    mode = present(window)
    audience = mode.audience
    for key in keys:
        press(qtbot, audience, key)
        assert audience.blank.isVisible() and audience.blank.property("colour") == colour
        image = audience.grab().toImage()
        assert image.pixelColor(image.width() // 2, image.height() // 2).name() == (
            "#000000" if colour == "black" else "#ffffff"
        )
        press(qtbot, audience, key)
        assert not audience.blank.isVisible()
    press(qtbot, audience, keys[0])
    press(qtbot, audience, Key.Key_PageDown)  # a move brings the room's screen back first
    assert not audience.blank.isVisible() and place(mode) == (0, 0)


def test_the_overview_jumps_by_keys_or_by_a_tap(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    audience = mode.audience
    press(qtbot, audience, Key.Key_G)
    assert audience.overview.isVisible() and len(audience.overview.tiles) == 5
    press(qtbot, audience, Key.Key_Right, Key.Key_Right, Key.Key_Right)
    assert audience.overview.tiles[3].property("chosen") is True
    press(qtbot, audience, Key.Key_Return)
    assert place(mode) == (3, 0) and not audience.overview.isVisible()
    assert isinstance(front(mode), CheckScreen)
    press(qtbot, audience, Key.Key_G)
    tile = audience.overview.tiles[1]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert place(mode) == (1, 0) and not audience.overview.isVisible()
    press(qtbot, audience, Key.Key_G, Key.Key_Escape)  # Esc closes the overview, not the session
    assert not audience.overview.isVisible() and window.presenting


def test_l_switches_the_room_language_on_the_same_item(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(2, 2)  # the guide's second step
    press(qtbot, mode.audience, Key.Key_L)
    guide = front(mode)
    assert mode.show.lang == "zh-CN" and place(mode) == (2, 2)
    assert isinstance(guide, GuideScreen) and guide.page.lang == "zh-CN" and guide.index == 2
    mode.show.go_to(3, 1)  # a question answered
    press(qtbot, mode.audience, Key.Key_L)
    check = front(mode)
    assert isinstance(check, CheckScreen) and check.lang == "en"
    assert check.showing_feedback and check.index == 0


def test_esc_leaves_but_not_in_kiosk_mode_where_the_staff_gesture_does(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], saved: list[Record]
) -> None:
    window = kiosk()
    present(window)
    press(qtbot, window.screen_widget, Key.Key_Escape)
    assert not window.presenting and isinstance(window.screen_widget, HomeScreen)
    assert window.topbar.isVisible()

    locked = kiosk(kiosk_mode=True)
    present(locked)
    press(qtbot, locked.screen_widget, Key.Key_Escape, Key.Key_F5)
    assert locked.presenting
    locked.gesture.triggered.emit()  # the staff gesture: the session ends, the desk opens
    assert not locked.presenting and locked.staff is not None
    assert len(saved) == 2


def test_n_shows_the_notes_over_the_room_screen_only_with_one_screen(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    audience = mode.audience
    assert SECRET not in words(audience)
    press(qtbot, audience, Key.Key_N)
    assert audience.notes.isVisible() and f"{SECRET} en hello." in audience.notes_text.text()
    press(qtbot, audience, Key.Key_N)
    assert not audience.notes.isVisible()
    window.end_session()

    mode = present(window, view=True)  # two screens: the notes are on the nurse's own
    press(qtbot, mode.audience, Key.Key_N)
    assert not mode.audience.notes.isVisible()


# --- what the room sees, and what it never sees -----------------------------------------------


def test_notes_never_reach_the_room_nor_a_reader(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window, view=True)
    for _ in range(12):
        assert SECRET not in words(mode.audience)
        press(qtbot, mode.audience, Key.Key_PageDown)
    window.end_session()
    for page_id in ("talk/hello", "talk/steps"):
        window.open_page(page_id)
        screen = window.screen_widget
        views = [screen] if not isinstance(screen, GuideScreen) else screen.views
        for view in views:
            assert SECRET not in words(view)


def test_the_room_sees_large_text_no_top_bar_and_where_it_is(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    assert not window.topbar.isVisible()
    assert isinstance(front(mode), ArticleScreen)
    assert front(mode).page.id == "talk/hello"  # type: ignore[attr-defined]
    assert mode.audience.theme.text_scale == 1.5
    assert mode.audience.mark.isVisible() and mode.audience.mark.text() == "1 / 5"


def test_next_scrolls_a_long_page_before_moving_on(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window, "long")
    article = front(mode)
    assert isinstance(article, ArticleScreen)
    qtbot.waitUntil(lambda: article.verticalScrollBar().maximum() > 0)
    bar = article.verticalScrollBar()
    press(qtbot, mode.audience, Key.Key_PageDown)
    assert bar.value() > 0 and place(mode) == (0, 0)
    press(qtbot, mode.audience, Key.Key_End, Key.Key_Home)
    assert front(mode) is not article or bar.value() == 0


def test_a_swipe_moves_the_session(qtbot: QtBot, kiosk: Callable[..., KioskWindow]) -> None:
    window = kiosk()
    mode = present(window)
    audience = mode.audience
    middle = audience.rect().center()
    left = QPoint(middle.x() - audience.width() // 3, middle.y())
    qtbot.mousePress(audience.slot, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(audience.slot, left)
    qtbot.mouseRelease(audience.slot, Qt.MouseButton.LeftButton, pos=left)
    qtbot.waitUntil(lambda: place(mode) == (1, 0))


# --- group teach-back -------------------------------------------------------------------------


def test_a_check_asks_the_room_then_reveals_the_answer(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(3)
    check = front(mode)
    assert isinstance(check, CheckScreen)
    assert check.index == 0 and not check.showing_feedback  # asked: the room answers aloud
    assert all(button.isEnabled() for button in check.answer_buttons)
    press(qtbot, mode.audience, Key.Key_PageDown)
    assert check.showing_feedback  # revealed: the right answer marked, and why
    assert check.answer_buttons[0].property("verdict") == "right"
    assert check.explanation.text() == "Rest helps."
    assert check.verdict.text() == "The answer"
    press(qtbot, mode.audience, Key.Key_PageDown)
    assert check.index == 1 and not check.showing_feedback
    press(qtbot, mode.audience, Key.Key_PageDown, Key.Key_PageDown)
    assert place(mode) == (4, 0)  # no score screen: on to take-home
    assert mode.show.asked == {(3, 0), (3, 1)}


def test_a_parent_can_tap_an_answer(qtbot: QtBot, kiosk: Callable[..., KioskWindow]) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(3, 2)
    check = front(mode)
    assert isinstance(check, CheckScreen)
    qtbot.mouseClick(check.answer_buttons[1], Qt.MouseButton.LeftButton)  # Heat: not quite
    assert place(mode) == (3, 3) and check.verdict.text().startswith("Not quite")
    qtbot.mouseClick(check.next_button, Qt.MouseButton.LeftButton)
    assert place(mode) == (4, 0)


# --- presenter view ---------------------------------------------------------------------------


def test_both_windows_follow_the_same_keys(qtbot: QtBot, kiosk: Callable[..., KioskWindow]) -> None:
    window = kiosk()
    mode = present(window, view=True)
    view = mode.view
    assert isinstance(view, PresenterView)
    assert f"{SECRET} en hello." in view.notes.text()
    press(qtbot, view, Key.Key_PageDown)  # pressed on the nurse's window
    assert place(mode) == (1, 0) and front(mode).index == 2  # type: ignore[attr-defined]
    assert "Say: dry well." in view.notes.text()
    assert "2 / 5" in view.title.text() and mode.audience.mark.text() == "2 / 5"
    press(qtbot, mode.audience, Key.Key_PageDown)  # and on the room's
    assert "Steps en" in view.title.text() and f"{SECRET} intro." in view.notes.text()
    press(qtbot, view, Key.Key_B)
    assert mode.audience.blank.isVisible() and "black" in view.status.text()


def test_l_switches_the_presenter_view_s_own_words_too(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window, view=True)
    view = mode.view
    assert view is not None and view.notes_caption.text() == "Notes"
    press(qtbot, view, Key.Key_L)
    assert mode.show.lang == "zh-CN"
    words = (view.now_caption.text(), view.notes_caption.text(), view.planned.text())
    assert words == ("屏幕上现在是", "备注", "计划 20 分钟")


def test_the_presenter_view_shows_now_next_and_the_time(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], clock: Clock
) -> None:
    window = kiosk()
    mode = present(window, view=True)
    view = mode.view
    assert view is not None
    view.preview.timeout.emit()
    qtbot.waitUntil(lambda: view.next.image is not None)
    assert view.current.image is not None and not view.current.image.isNull()
    assert view.next_caption.text() == "Next: Steps en · Step 2"
    clock.now += 754
    view.tick.timeout.emit()
    assert view.elapsed.text() == "12:34" and view.clock.text() == "14:05"
    assert view.planned.text() == "planned: 20 min"
    mode.show.go_to(3)
    assert "Answer: Yes" in view.notes.text() and "Rest helps." in view.notes.text()


# --- idle and the record ----------------------------------------------------------------------


def test_idle_reset_waits_while_presenting_and_comes_back_after(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], saved: list[Record]
) -> None:
    window = kiosk(kiosk_mode=True)
    assert window.timers.idle.isActive()
    mode = present(window)
    assert window.presenting and not window.timers.idle.isActive()
    press(qtbot, mode.audience, Key.Key_PageDown)
    qtbot.mouseClick(mode.audience.slot, Qt.MouseButton.LeftButton)
    assert not window.timers.idle.isActive()  # touches and keys no longer start it
    mode.finish()
    assert not window.presenting and window.timers.idle.isActive()
    window.timers.idle.timeout.emit()
    assert window.showing_attract


def test_one_record_per_session_however_it_ends(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], saved: list[Record], clock: Clock
) -> None:
    window = kiosk()
    mode = present(window)
    for _ in range(3):
        press(qtbot, mode.audience, Key.Key_PageDown)
    mode.show.go_to(3)
    press(qtbot, mode.audience, Key.Key_PageDown, Key.Key_PageDown, Key.Key_PageDown)
    assert place(mode) == (3, 3)
    clock.now += 35 * 60
    press(qtbot, mode.audience, Key.Key_End, Key.Key_PageDown)  # take-home, then the end card
    assert window.presenting and mode.audience.mark.isHidden()
    press(qtbot, mode.audience, Key.Key_PageDown)  # past the end
    assert not window.presenting
    window.end_session()
    window.close()
    assert saved == [
        Record(
            session_id="class",
            lang="en",
            started="2026-06-01T14:05",
            minutes=35,
            items_shown=5,
            items_total=5,
            questions_asked=2,
        )
    ]
    second = present(window, view=True)
    assert second.view is not None
    second.view.close()  # closing the nurse's window ends it too
    window.end_session()
    assert len(saved) == 2 and saved[1].items_shown == 1


def test_start_session_from_the_window(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], saved: list[Record]
) -> None:
    window = kiosk()
    assert not window.start_session("nothing", "en")
    assert window.start_session("class", "zh-CN")
    assert window.presenting and window.presenter is not None
    assert window.presenter.show.lang == "zh-CN"
    assert isinstance(window.screen_widget, AudienceView)
    window.close()
    assert [record.lang for record in saved] == ["zh-CN"]


def test_no_stray_buttons_take_the_room_elsewhere(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window)
    mode.show.go_to(3)
    check = front(mode)
    assert isinstance(check, CheckScreen)
    assert not check.about.isVisible()
    for button in check.findChildren(QPushButton):
        assert (
            button.isVisibleTo(check) is False
            or button in check.answer_buttons
            or button is check.next_button
        )


# --- kiosk snapshot --session ------------------------------------------------------------


@pytest.mark.parametrize("extra", [[], ["--presenter"], ["--step", "1", "--answer", "1"]])
def test_a_session_item_can_be_drawn_with_no_display(
    tmp_path: Path, library: Library, extra: list[str], saved: list[Record]
) -> None:
    from kiosk import cli

    out = tmp_path / "item.png"
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    status = cli.main([
        "snapshot", "--out", str(out), "--session", "class", "--item", "4", "--lang", "en",
        "--content", str(library.roots.content), "--config", str(tmp_path / "kiosk.toml"),
        *extra,
    ])  # fmt: skip
    assert status == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    assert saved == []  # a picture is no session given


def test_an_unknown_session_or_item_is_refused(
    tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk import cli

    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    common = ["--content", str(library.roots.content), "--config", str(tmp_path / "kiosk.toml")]
    for args, message in (
        (["--session", "nope"], "no session 'nope' (sessions: class, long)"),
        (["--session", "class", "--item", "9"], "has items 1 to 5"),
        (["--item", "2"], "--item and --presenter go with --session"),
    ):
        status = cli.main(["snapshot", "--out", str(tmp_path / "x.png"), *args, *common])
        assert status in (1, 2) and message in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def open_session_list(qtbot: QtBot, window: KioskWindow) -> QWidget:
    """Staff open the panel and tap Start a session: the list of sessions."""
    from kiosk.ui.screens.admin import AdminScreen

    window.show_admin()
    panel = window.staff
    assert isinstance(panel, AdminScreen) and panel.session_button is not None
    qtbot.mouseClick(panel.session_button, Qt.MouseButton.LeftButton)
    assert window.staff is not None
    return window.staff


def test_staff_start_a_session_from_the_panel_in_the_language_they_choose(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], saved: list[Record]
) -> None:
    from kiosk.ui.screens.session_picker import SessionPicker

    window = kiosk()
    picker = open_session_list(qtbot, window)
    assert isinstance(picker, SessionPicker)
    labels = [b.text() for b in picker.findChildren(QPushButton)]
    assert "中文" in labels and "English" in labels
    assert {"20 minutes · 5 items", "2 items"} <= {
        label.text() for label in picker.findChildren(QLabel)
    }
    qtbot.mouseClick(picker.buttons[("class", "zh-CN")], Qt.MouseButton.LeftButton)
    assert window.presenting and window.staff is None
    assert window.presenter is not None and window.presenter.lang == "zh-CN"
    window.end_session()
    assert [record.session_id for record in saved] == ["class"]


def test_back_from_the_session_list_is_the_panel_again(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    from kiosk.ui.screens.admin import AdminScreen

    window = kiosk()
    picker = open_session_list(qtbot, window)
    qtbot.mouseClick(picker.back_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert isinstance(window.staff, AdminScreen) and not window.presenting


def test_the_session_list_shows_the_sessions_held_here_newest_first(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    window.desk.records = lambda: [
        Record("class", "en", "2026-11-20T09:00", 25, 5, 5, 2),
        Record("long", "zh-CN", "2026-11-24T14:30", 12, 1, 2, 0),
    ]
    texts = [label.text() for label in open_session_list(qtbot, window).findChildren(QLabel)]
    held = [t for t in texts if t.startswith("2026-")]
    assert held == [
        "2026-11-24 14:30 · L · 中文 · 12 min · 1 of 2 items · 0 questions asked",
        "2026-11-20 09:00 · A class · English · 25 min · 5 of 5 items · 2 questions asked",
    ]


def test_damaged_session_records_are_said_not_fatal(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    def damaged() -> list[Record]:
        raise session_records.RecordsError("file is not a database")

    window = kiosk()
    window.desk.records = damaged
    window.show_admin()
    window.desk.show_sessions()
    texts = [label.text() for label in window.staff.findChildren(QLabel)]  # type: ignore[union-attr]
    assert "The list of sessions held cannot be read: see the kiosk's log." in texts


def test_the_progress_mark_never_covers_the_room_s_screen(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    mode = present(window, "long")  # a long article first: text all the way down
    audience = mode.audience
    qtbot.waitUntil(lambda: audience.mark.isVisible())
    assert audience.mark.text() == "1 / 2"
    assert not audience.mark.geometry().intersects(audience.slot.geometry())
