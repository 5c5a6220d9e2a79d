"""One reader for the whole kiosk: what is read aloud now, by which means, and where.

The window makes one ``ReadAloud`` and hands it to the screens; each screen's
speaker button asks it whether to show itself and what to do when tapped. The
window stops it on every change of screen, language and at idle reset.

Nothing of PySide6-Addons is imported until a page first asks whether it can be
read aloud (QtTextToSpeech) or a recording is first played (QtMultimedia).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, qInstallMessageHandler

from kiosk.core import audio

if TYPE_CHECKING:  # imported when a page is first read aloud: the home screen has none
    from kiosk.ui.speech.engines import Speech
    from kiosk.ui.speech.parts import Part, Sentence
    from kiosk.ui.speech.recording import Recording
    from kiosk.ui.widgets.richtext import RichText

log = logging.getLogger(__name__)

IDLE, READING, PAUSED = "idle", "reading", "paused"

# Qt Multimedia looks for PipeWire when it loads and says so where there is none;
# sound still plays (through PulseAudio or ALSA).
QT_NOISE = ("pipewire",)


@contextlib.contextmanager
def qt_messages() -> Iterator[list[str]]:
    """Collect what Qt says while an engine loads, instead of letting it reach the screen.

    A missing speech engine is one line in the log (ours, with Qt's words in it),
    not a warning for every attempt.
    """
    said: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if any(noise in message for noise in QT_NOISE):
            log.debug("qt: %s", message)
        else:
            said.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield said
    finally:
        qInstallMessageHandler(previous)


def _some(names: list[str], most: int = 12) -> str:
    if not names:
        return "none"
    shown = ", ".join(names[:most])
    return shown if len(names) <= most else f"{shown} and {len(names) - most} more"


class ReadAloud(QObject):
    """Reads parts of a screen aloud, or plays a recording, for one owner at a time.

    Signals:
        changed(): the owner, or its state (idle, reading, paused), changed.
        sentence(int): the sentence with this index is being read (synthesis only).
        started(str, str): reading began, in this language, by "speech" or "recording".
        ready(): the speech engine is up (or could not start): ask ``offers`` again.
    """

    changed = Signal()
    sentence = Signal(int)
    ready = Signal()
    started = Signal(str, str)

    # The engine when none is configured; "" lets Qt choose. (Tests make it "mock".)
    default_engine = ""
    # The engine runs in a process of its own (see kiosk.ui.speech.server for why);
    # tests run Qt's mock engine in this one.
    separate_process = True
    # An engine that could not start is tried again when a page asks for it this long
    # after (speech-dispatcher may still have been starting, or restarting).
    retry_seconds = 300.0

    def __init__(
        self,
        enabled: bool,
        engine: str = "",
        voices: dict[str, str] | None = None,
        parent: QObject | None = None,
        languages: tuple[str, ...] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.languages = languages  # whose voices the engine looks for when it starts
        self.engine = engine or self.default_engine
        self.voices = voices or {}  # a voice's name by language, where staff chose one
        self.owner: object | None = None
        self.state = IDLE
        self.using = ""  # "speech" or "recording" while reading
        self.sentences: list[Sentence] = []
        self.index = -1  # the sentence being read
        self._lang = ""
        self._speech: Speech | None = None
        self._qt_said: list[str] = []
        self._clock = clock
        self._failed_at: float | None = None  # when the engine last could not speak
        # Plays recordings; made on first use (tests may give their own).
        self.player: Recording | None = None
        self._wired: Recording | None = None
        self._taps: list[RichText] = []

    # --- what can be read -----------------------------------------------------------

    def offers(self, lang: str, recording: Path | None = None) -> bool:
        """Whether a page in ``lang`` (with ``recording``, if it has one) gets a button."""
        if not self.enabled:
            return False
        return recording is not None or self.can_say(lang)

    def can_say(self, lang: str) -> bool:
        """Whether the speech engine has a voice for ``lang``.

        The first ask starts the engine; until it is up (a second or two for
        speech-dispatcher) the answer is no, and ``ready`` says when to ask again.
        """
        speech = self._engine()
        return speech is not None and speech.problem is None and bool(speech.has_voice(lang))

    def prepare(self) -> None:
        """Start the speech engine now, before a visitor's first page asks for it (or,
        if it failed a while ago, try it again)."""
        self._engine()

    @property
    def engine_ready(self) -> bool:
        return self._speech is not None and self._speech.loaded

    def _engine(self) -> Speech | None:
        """The speech engine, started on first use (None if it cannot speak)."""
        if not self.enabled:
            return None
        if self._speech is not None and self._retry_due():
            log.info("read-aloud: trying the speech engine again")
            self._speech.close()
            self._speech.deleteLater()
            self._speech = None
        if self._speech is None:
            with qt_messages() as said:
                try:
                    from kiosk.ui.speech.engines import LocalSpeech, SpeechProcess

                    if self.separate_process:
                        speech: Speech = SpeechProcess(
                            self.engine, self.languages, self.voices, self
                        )
                    else:
                        speech = LocalSpeech(self.engine, self)
                except Exception as exc:  # no Addons, or a broken plugin: read nothing
                    log.info("read-aloud: no speech engine: %s: %s", type(exc).__name__, exc)
                    self.enabled = False
                    return None
            self._qt_said = said
            self._speech = speech
            speech.sentence.connect(self._on_sentence)
            speech.finished.connect(self.stop)
            speech.failed.connect(self._failed)
            if speech.loaded:
                self._engine_up()
            else:
                speech.ready.connect(self._engine_up)
        return self._speech if self._speech.problem is None else None

    def _retry_due(self) -> bool:
        return (
            self._failed_at is not None
            and self._clock() - self._failed_at >= self.retry_seconds
            and self.state == IDLE
        )

    def _engine_up(self) -> None:
        speech = self._speech
        assert speech is not None
        if speech.problem is not None:
            self._failed_at = self._clock()
            qt = f" (Qt said: {'; '.join(self._qt_said)})" if self._qt_said else ""
            log.log(
                logging.WARNING if self.engine else logging.INFO,
                "read-aloud: no speech engine%s: %s%s; "
                "only pages with a recording get a speaker button",
                f" '{self.engine}'" if self.engine else "",
                speech.problem,
                qt,
            )
        else:
            self._failed_at = None
            for lang in self.languages:
                if not speech.has_voice(lang):
                    log.info(
                        "read-aloud: the %s speech engine has no voice for %s (it has: %s); "
                        "pages in %s get a speaker button only where they have a recording",
                        speech.name,
                        lang,
                        _some(speech.locales),
                        lang,
                    )
        self.ready.emit()

    def close(self) -> None:
        """Stop reading and let the speech engine go (when the kiosk ends)."""
        self.stop()
        if self._speech is not None:
            self._speech.close()

    # --- reading ----------------------------------------------------------------------

    @property
    def voice_state(self) -> str:
        """What the speech engine is doing: "speaking", "paused", "ready" (or "" if none)."""
        return self._speech.state if self._speech is not None else ""

    def state_of(self, owner: object) -> str:
        return self.state if owner is self.owner else IDLE

    def toggle(
        self, owner: object, parts: list[Part], lang: str, recording: Path | None = None
    ) -> None:
        """What a tap on ``owner``'s button does: read, pause or go on."""
        state = self.state_of(owner)
        if state == READING:
            self.pause()
        elif state == PAUSED:
            self.resume()
        else:
            self.read(owner, parts, lang, recording)

    def read(
        self,
        owner: object,
        parts: list[Part],
        lang: str,
        recording: Path | None = None,
        start: int = 0,
    ) -> None:
        """Read ``parts`` from sentence ``start``; a usable recording is played instead."""
        from kiosk.ui.speech.parts import RichPart, split

        self.stop()
        self.owner, self._lang = owner, lang
        if recording is not None and audio.problem(recording) is None and self._play(recording):
            self.started.emit(lang, "recording")
            return
        speech = self._speech if self.can_say(lang) else None
        self.sentences = split(parts)
        if speech is None or not self.sentences:
            self.owner = None
            self.changed.emit()
            return
        self.using, self.state = "speech", READING
        for part in {id(p.widget): p for p in parts if isinstance(p, RichPart)}.values():
            part.rich.text_tapped.connect(self._tapped)
            self._taps.append(part.rich)
        self.changed.emit()
        speech.speak([s.text for s in self.sentences], lang, start, self.voices.get(lang, ""))
        self.started.emit(lang, "speech")

    def _play(self, path: Path) -> bool:
        if self.player is None:
            with qt_messages() as said:
                try:
                    from kiosk.ui.speech.recording import Recording

                    self.player = Recording(self)
                except Exception as exc:
                    log.warning("read-aloud: recordings cannot be played: %s %s", exc, said)
                    return False
            for message in said:
                log.info("qt: %s", message)
        if self._wired is not self.player:
            self.player.finished.connect(self.stop)
            self.player.failed.connect(self._failed)
            self._wired = self.player
        self.using, self.state = "recording", READING
        self.changed.emit()
        self.player.play(path)
        return True

    def pause(self) -> None:
        if self.state != READING:
            return
        self.state = PAUSED
        self._backend_call("pause")
        self.changed.emit()

    def resume(self) -> None:
        if self.state != PAUSED:
            return
        self.state = READING
        self._backend_call("resume")
        self.changed.emit()

    def stop(self) -> None:
        """Stop reading, unmark the sentence, and forget what was read."""
        if self.owner is None and self.state == IDLE:
            return
        self._backend_call("stop")
        self._mark(-1)
        for rich in self._taps:
            with contextlib.suppress(RuntimeError):  # the screen may be gone already
                rich.text_tapped.disconnect(self._tapped)
        self._taps.clear()
        self.sentences, self.owner, self.state, self.using = [], None, IDLE, ""
        self.changed.emit()

    def jump(self, widget: object, position: int) -> None:
        """Read on from the sentence at ``position`` in ``widget`` (a tap on the text)."""
        if self.using != "speech" or self._speech is None:
            return
        found = [
            number
            for number, sentence in enumerate(self.sentences)
            if sentence.part.widget is widget and sentence.end >= position
        ]
        if not found:
            return
        self.state = READING
        self.changed.emit()
        self._speech.go_to(found[0])

    def _tapped(self, position: int) -> None:
        self.jump(self.sender(), position)

    def _backend_call(self, name: str) -> None:
        backend = self._speech if self.using == "speech" else self.player
        if backend is not None and self.using:
            getattr(backend, name)()

    def _on_sentence(self, index: int) -> None:
        if self.using != "speech":
            return
        self._mark(index)
        self.sentence.emit(index)

    def _mark(self, index: int) -> None:
        if 0 <= self.index < len(self.sentences):
            self.sentences[self.index].mark(False)
        self.index = index
        if 0 <= index < len(self.sentences):
            self.sentences[index].mark(True)
            self.sentences[index].show()

    def _failed(self, reason: str) -> None:
        log.warning("read-aloud: %s failed: %s", self.using or "reading", reason)
        self.stop()
        if self._speech is not None and self._speech.problem is not None:
            self._failed_at = self._clock()  # its process ended: start it again, later
