"""Read aloud: the speaker button reads a page, a guide step or a question with Qt's
mock speech engine (silent, English voices only, one word every 100 ms), marking
each sentence as it is read; a recording wins over synthesis."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk import resources
from kiosk.core import loader
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.check import CheckScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.screens.guide_views import StepView
from kiosk.ui.speech.service import IDLE, PAUSED, READING, ReadAloud
from kiosk.ui.widgets.read_aloud import ReadAloudButton
from kiosk.ui.widgets.richtext import RichText
from kiosk.ui.window import KioskWindow
from tests.conftest import TODAY, run_python, write
from tests.unit.ui.conftest import use_library

LEFT = Qt.MouseButton.LeftButton
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 64
TRUST = "source: Test\nreviewed_by: Test\nreviewed: 2026-01-01\n"


@pytest.fixture
def speech_library(tmp_path: Path) -> Library:
    root = tmp_path / "content"
    write(
        root,
        "talk/listen.en.md",
        f"---\ntitle: Listen\n{TRUST}questions:\n  - q: Is this a test?\n    answer: true\n"
        "    explain: It is.\n  - q: Is it over?\n    answer: false\n    explain: Not yet.\n"
        "---\n\nOne two. Three four.\n\nFive six. Seven eight.\n",
    )
    write(root, "talk/listen.zh-CN.md", f"---\ntitle: 听\n{TRUST}---\n\n一二。三四。\n")
    write(
        root,
        "talk/steps.en.md",
        f"---\ntitle: Steps\ntype: guide\n{TRUST}audio:\n  -\n  - wash.mp3\n---\n\n"
        "Intro words.\n\n## Wash\n\nWash hands.\n\n## Rest\n\nRest now. Then sleep.\n",
    )
    (root / "talk" / "wash.mp3").write_bytes(MP3)
    (root / "talk" / "recorded.en.mp3").write_bytes(MP3)
    write(
        root,
        "talk/recorded.en.md",
        f"---\ntitle: Recorded\n{TRUST}audio: recorded.en.mp3\n---\n\nSaid by a nurse.\n",
    )
    words = "\n\n".join(f"Word{n}." for n in range(1, 41))
    write(root, "talk/long.en.md", f"---\ntitle: Long\n{TRUST}---\n\n{words}\n")
    return loader.load(root, resources.assets_dir(), default_lang="en", today=TODAY)


@pytest.fixture
def kiosk(
    make_window: Callable[..., KioskWindow], speech_library: Library
) -> Callable[..., KioskWindow]:
    def make(config: Config | None = None) -> KioskWindow:
        window = make_window(config)
        use_library(window, speech_library)
        return window

    return make


def reading(window: KioskWindow) -> str:
    """The text marked as being read on the screen in front ("" if none)."""
    screen = window.screen_widget
    for rich in screen.findChildren(RichText):
        for selection in rich.extraSelections():
            return selection.cursor.selectedText()  # type: ignore[attr-defined, no-any-return]
    for label in screen.findChildren(QLabel):
        if label.property("reading"):
            return label.text()
    return ""


def button_of(window: KioskWindow) -> ReadAloudButton:
    """The speaker button on screen (a guide's: the one of the step in front)."""
    screen = window.screen_widget
    if isinstance(screen, GuideScreen):
        view = screen.views[screen.index]
        assert isinstance(view, StepView)
        return view.listen
    found = [b for b in screen.findChildren(ReadAloudButton) if b.isVisible()]
    assert len(found) == 1
    return found[0]


def said(reader: ReadAloud) -> list[str]:
    """Collects each sentence as it starts being read."""
    heard: list[str] = []
    reader.sentence.connect(lambda index: heard.append(reader.sentences[index].text))
    return heard


def tap_text(body: RichText, words: str) -> None:
    """A finger's tap on ``words`` in ``body``."""
    cursor = QTextCursor(body.document())
    cursor.setPosition(body.document().toRawText().index(words) + 1)
    at = body.cursorRect(cursor).center()
    QTest.mouseClick(body.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, at)


def test_the_speaker_button_reads_an_article_sentence_by_sentence(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    window.open_page("talk/listen")
    button = button_of(window)
    assert button.height() >= 48 and button.toggle.accessibleName() == "Read this aloud"
    assert not button.stop_button.isVisible()
    heard = said(window.read_aloud)

    qtbot.mouseClick(button.toggle, LEFT)
    assert reading(window) == "Listen"  # the title first
    qtbot.waitUntil(lambda: reading(window) == "One two.")
    qtbot.waitUntil(lambda: reading(window) == "Three four.")
    assert heard[:3] == ["Listen", "One two.", "Three four."]
    assert button.toggle.text() == "Pause" and button.stop_button.isVisible()
    assert window.read_aloud.voice_state == "speaking"
    qtbot.waitUntil(lambda: window.read_aloud.state == IDLE, timeout=5000)  # to the end
    assert reading(window) == "" and not button.stop_button.isVisible()
    assert heard == ["Listen", "One two.", "Three four.", "Five six.", "Seven eight."]


def test_the_sentence_being_read_is_kept_in_view(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    window.open_page("talk/long")
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.body is not None
    body = screen.body
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    qtbot.waitUntil(lambda: reading(window) == "Word30.", timeout=10_000)
    selections = body.extraSelections()
    mark = body.cursorRect(selections[0].cursor)  # type: ignore[attr-defined]
    top_left = body.viewport().mapTo(screen.viewport(), mark.topLeft())
    assert screen.verticalScrollBar().value() > 0
    assert top_left.y() >= 0 and top_left.y() + mark.height() <= screen.viewport().height()
    # The button scrolled away with the page: a copy floats in the corner.
    button = button_of(window)
    assert button.floating is not None and button.floating.isVisible()
    qtbot.mouseClick(button.floating.toggle, LEFT)
    assert window.read_aloud.state == PAUSED and button.floating.toggle.text() == "Go on"
    qtbot.mouseClick(button.floating.stop_button, LEFT)
    assert window.read_aloud.state == IDLE and not button.floating.isVisible()


def test_pause_and_go_on_and_stop(qtbot: QtBot, kiosk: Callable[..., KioskWindow]) -> None:
    window = kiosk()
    window.open_page("talk/listen")
    button, reader = button_of(window), window.read_aloud
    qtbot.mouseClick(button.toggle, LEFT)
    qtbot.waitUntil(lambda: reading(window) == "One two.")

    qtbot.mouseClick(button.toggle, LEFT)
    assert reader.state == PAUSED and button.toggle.text() == "Go on"
    qtbot.waitUntil(lambda: reader.voice_state == "paused")
    assert reading(window) == "One two."  # still marked where it stopped

    qtbot.mouseClick(button.toggle, LEFT)
    assert reader.state == READING and button.toggle.text() == "Pause"
    qtbot.waitUntil(lambda: reading(window) == "Three four.")

    qtbot.mouseClick(button.stop_button, LEFT)
    assert reader.state == IDLE and reading(window) == ""
    assert reader.voice_state == "ready" and button.toggle.text() == "Listen"


def test_a_tap_on_another_paragraph_reads_from_there(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    window.open_page("talk/listen")
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.body is not None
    heard = said(window.read_aloud)
    tap_text(screen.body, "Five six")  # not reading yet: a tap on the text does nothing
    assert window.read_aloud.state == IDLE

    qtbot.mouseClick(button_of(window).toggle, LEFT)
    qtbot.waitUntil(lambda: reading(window) == "One two.")
    tap_text(screen.body, "Seven eight")
    qtbot.waitUntil(lambda: reading(window) == "Seven eight.")
    assert heard == ["Listen", "One two.", "Seven eight."]


@pytest.mark.parametrize("how", ["navigation", "language", "idle", "staff"])
def test_reading_stops_when_the_visitor_moves_on(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow], how: str
) -> None:
    window = kiosk()
    window.open_page("talk/listen")
    screen = window.screen_widget
    assert isinstance(screen, ArticleScreen) and screen.body is not None
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    qtbot.waitUntil(lambda: reading(window) == "One two.")
    if how == "navigation":
        qtbot.mouseClick(window.topbar.back_button, LEFT)
    elif how == "language":
        window.set_language("zh-CN")
    elif how == "idle":
        window.timers.idle.timeout.emit()
    else:
        window.open_staff()
    assert window.read_aloud.state == IDLE
    assert window.read_aloud.voice_state == "ready"  # silent at once
    assert screen.body.extraSelections() == []  # and nothing left marked on the page


def test_a_guide_step_reads_its_own_title_and_text(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    window.open_page("talk/steps")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    guide.go_to(2, animate=False)
    heard = said(window.read_aloud)
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    qtbot.waitUntil(lambda: window.read_aloud.state == IDLE, timeout=5000)
    assert heard == ["Rest", "Rest now.", "Then sleep."]

    qtbot.mouseClick(button_of(window).toggle, LEFT)
    qtbot.waitUntil(lambda: reading(window) == "Rest now.")
    guide.go_to(0, animate=False)  # another step: reading stops
    assert window.read_aloud.state == IDLE


def test_a_question_reads_itself_and_its_answers_then_the_feedback(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    window.open_page("talk/listen")
    page = window.library.get("talk/listen", "en")
    assert page is not None
    window.open_check(page)
    check = window.screen_widget
    assert isinstance(check, CheckScreen)
    heard = said(window.read_aloud)
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    assert reading(window) == "Is this a test?"
    qtbot.waitUntil(lambda: window.read_aloud.state == IDLE, timeout=5000)
    assert heard == ["Is this a test?", "Yes", "No"]

    qtbot.mouseClick(button_of(window).toggle, LEFT)
    check.answer(0)  # answering stops the reading
    assert window.read_aloud.state == IDLE and reading(window) == ""
    heard.clear()
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    qtbot.waitUntil(lambda: window.read_aloud.state == IDLE, timeout=5000)
    assert heard == ["Is this a test?", "That's right!", "It is."]


def test_no_voice_for_the_language_no_button_and_one_line_in_the_log(
    kiosk: Callable[..., KioskWindow], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    window = kiosk()
    window.set_language("zh-CN")  # the mock engine speaks no Chinese
    for _ in range(2):
        window.open_page("talk/listen")
        window.go_home()
    window.open_page("talk/listen")
    assert [b for b in window.screen_widget.findChildren(ReadAloudButton) if b.isVisible()] == []
    lines = [r.getMessage() for r in caplog.records if "read-aloud" in r.getMessage()]
    assert len(lines) == 1 and "no voice for zh-CN" in lines[0]


def test_no_speech_engine_no_button_and_one_line_in_the_log(
    kiosk: Callable[..., KioskWindow], caplog: pytest.LogCaptureFixture
) -> None:
    window = kiosk(Config(default_language="en", speech_engine="nonesuch"))
    for page_id in ("talk/listen", "talk/steps", "talk/listen"):
        window.open_page(page_id)
        shown = [b for b in window.screen_widget.findChildren(ReadAloudButton) if b.isVisible()]
        if page_id == "talk/steps":  # only its step with a recording has one
            guide = window.screen_widget
            assert isinstance(guide, GuideScreen) and shown == [guide.views[1].listen]  # type: ignore[attr-defined]
        else:
            assert shown == []
    lines = [r.getMessage() for r in caplog.records if "read-aloud" in r.getMessage()]
    assert len(lines) == 1 and "no speech engine 'nonesuch'" in lines[0]


def test_read_aloud_switched_off_in_the_config_shows_no_button(
    kiosk: Callable[..., KioskWindow],
) -> None:
    window = kiosk(Config(default_language="en", read_aloud=False))
    window.open_page("talk/recorded")
    assert not any(b.isVisible() for b in window.screen_widget.findChildren(ReadAloudButton))


class FakePlayer(QObject):
    """Stands in for the recording player: remembers what it was asked, plays nothing."""

    finished = Signal()
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def play(self, path: Path) -> None:
        self.calls.append(f"play {path.name}")

    def pause(self) -> None:
        self.calls.append("pause")

    def resume(self) -> None:
        self.calls.append("resume")

    def stop(self) -> None:
        self.calls.append("stop")


def test_a_recording_is_played_instead_of_synthesis(
    qtbot: QtBot, kiosk: Callable[..., KioskWindow]
) -> None:
    window = kiosk()
    player = FakePlayer()
    window.read_aloud.player = player  # type: ignore[assignment]
    window.open_page("talk/recorded")
    button = button_of(window)
    qtbot.mouseClick(button.toggle, LEFT)
    assert player.calls == ["play recorded.en.mp3"]
    assert window.read_aloud.using == "recording" and reading(window) == ""
    qtbot.mouseClick(button.toggle, LEFT)
    qtbot.mouseClick(button.toggle, LEFT)
    player.finished.emit()  # played to its end
    assert player.calls[1:] == ["pause", "resume", "stop"]
    assert window.read_aloud.state == IDLE and button.toggle.text() == "Listen"

    # A guide plays each screen's own recording; a screen without one is read aloud.
    window.open_page("talk/steps")
    guide = window.screen_widget
    assert isinstance(guide, GuideScreen)
    guide.go_to(1, animate=False)
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    assert player.calls[-1] == "play wash.mp3"
    guide.go_to(2, animate=False)
    qtbot.mouseClick(button_of(window).toggle, LEFT)
    assert window.read_aloud.using == "speech"


def test_the_button_speaks_the_pages_language(kiosk: Callable[..., KioskWindow]) -> None:
    window = kiosk()
    recording = window.library.roots.content / "talk" / "recorded.en.mp3"
    # The mock engine has no Chinese voice, but a page with a recording has a button.
    button = ReadAloudButton(window.read_aloud, "zh-CN", window.theme, lambda: [], recording)
    assert button.offered
    assert (button.toggle.text(), button.toggle.accessibleName()) == ("听一听", "朗读这部分内容")
    assert button.stop_button.accessibleName() == "停止朗读"


def test_starting_the_kiosk_does_not_load_speech_or_multimedia() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import kiosk.ui.app\n"
        "from kiosk import resources\n"
        "from kiosk.core import loader\n"
        "from kiosk.core.config import Config\n"
        "from kiosk.ui.theme import Theme\n"
        "from kiosk.ui.window import KioskWindow, Timers\n"
        "app = QApplication([])\n"
        "library = loader.load(resources.content_dir(), resources.assets_dir())\n"
        "config = Config()\n"
        "window = KioskWindow(library, config, Theme.for_screen(1920, 1080, 'Sans'),\n"
        "                     timers=Timers.from_config(config))\n"
        "window.show_attract()\n"
        "window.show_home()\n"
        "print(sorted(m for m in sys.modules if 'TextToSpeech' in m or 'Multimedia' in m))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


class _Voice:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


class _SpeechDispatcher:
    """What speech-dispatcher offers Qt: English under its locale, and espeak-ng's
    Mandarin ("cmn") under no locale Qt knows, so only among all voices."""

    def __init__(self) -> None:
        from PySide6.QtCore import QLocale

        self.english = [_Voice("English (America)+Annie"), _Voice("English (America)")]
        self.mandarin = [_Voice("Chinese (Mandarin, latin as English)+Adam")]
        self.mandarin.append(_Voice("Chinese (Mandarin, latin as English)"))
        self.locales = [QLocale("en_US")]

    def availableLocales(self) -> list[object]:  # noqa: N802 (Qt's name)
        return self.locales

    def allVoices(self, locale: object) -> list[_Voice]:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QLocale

        assert isinstance(locale, QLocale)
        if locale == QLocale.c():
            return [*self.english, *self.mandarin]
        return self.english if locale.language() == QLocale.Language.English else []


def test_chinese_is_read_with_a_mandarin_voice_the_engine_gives_no_locale() -> None:
    from kiosk.ui.speech.synthesis import Synthesizer

    synth = Synthesizer("mock")
    synth.tts = _SpeechDispatcher()  # type: ignore[assignment]
    chinese, english = synth.voice_for("zh-CN"), synth.voice_for("en")
    assert chinese is not None and chinese.name() == "Chinese (Mandarin, latin as English)"
    assert english is not None and english.name() == "English (America)"  # the plain one
    named = synth.voice_for("zh-CN", "Chinese (Mandarin, latin as English)+Adam")
    assert named is not None and named.name().endswith("+Adam")
    assert synth.voice_for("fr") is None
