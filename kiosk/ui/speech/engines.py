"""The speech engine as ReadAloud sees it: in a process of its own, or (tests) in this one.

Both kinds say a list of sentences from any one of them and report, with the
same signals, which sentence is being said. ``SpeechProcess`` is what the kiosk
uses: the engine starts in ``kiosk.ui.speech.server`` without holding up the
screen (see there why). ``LocalSpeech`` runs the engine here; tests use it with
Qt's ``mock`` engine, which starts at once.
"""

from __future__ import annotations

import json
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from kiosk.ui.speech.service import QT_NOISE

log = logging.getLogger(__name__)


class Speech(QObject):
    """A speech engine that may still be starting.

    Signals:
        ready(): the engine is up (or could not start): ``problem``, ``voices`` known.
        sentence(int): the sentence with this index is being said now.
        finished(): the last sentence was said.
        failed(str): the engine failed; carries its reason.
    """

    ready = Signal()
    sentence = Signal(int)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = engine or "default"
        self.loaded = False
        self.problem: str | None = None  # why it cannot speak at all
        self.locales: list[str] = []
        self._state = ""  # as the engine last said

    @property
    def state(self) -> str:
        """What the engine is doing: "speaking", "paused", "ready", ... ("" before it is up)."""
        return self._state

    def has_voice(self, lang: str) -> bool | None:
        """Whether there is a voice for ``lang``; None while the engine is starting."""
        raise NotImplementedError

    def speak(self, texts: list[str], lang: str, index: int = 0, voice: str = "") -> None:
        raise NotImplementedError

    def go_to(self, index: int) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Let the engine go (at exit)."""


class LocalSpeech(Speech):
    """The engine in this process: ready as soon as it is made."""

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(engine, parent)
        from kiosk.ui.speech.synthesis import Synthesizer

        self.synth = Synthesizer(engine, self)
        self.name = self.synth.name
        self.problem = self.synth.problem()
        if self.problem is None:
            self.locales = self.synth.locales()
        self.synth.sentence.connect(self.sentence)
        self.synth.finished.connect(self.finished)
        self.synth.failed.connect(self.failed)
        self.loaded = True

    @property
    def state(self) -> str:
        return self.synth.tts.state().name.lower()

    def has_voice(self, lang: str) -> bool | None:
        return self.problem is None and self.synth.voice_for(lang) is not None

    def speak(self, texts: list[str], lang: str, index: int = 0, voice: str = "") -> None:
        if not self.synth.speak(texts, lang, index, voice):
            self.failed.emit(f"no voice for {lang}")

    def go_to(self, index: int) -> None:
        self.synth.go_to(index)

    def pause(self) -> None:
        self.synth.pause()

    def resume(self) -> None:
        self.synth.resume()

    def stop(self) -> None:
        self.synth.stop()


class SpeechProcess(Speech):
    """The engine in ``python -m kiosk.ui.speech.server``, started at once, ready later.

    The voices are looked for, once, in ``languages``; any other language has none.
    """

    def __init__(
        self,
        engine: str,
        languages: tuple[str, ...],
        voices: dict[str, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(engine, parent)
        self._voices: dict[str, bool] = {}
        self._buffer = b""
        self._closed = False  # closed on purpose: its end is no failure
        self.process = QProcess(self)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.readyReadStandardError.connect(self._errors)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._error)
        args = ["-m", "kiosk.ui.speech.server", engine]
        for lang in languages:
            args += ["--lang", lang]
        for lang, name in voices.items():
            args += ["--voice", f"{lang}={name}"]
        self.process.start(sys.executable, args)
        app = QCoreApplication.instance()
        if app is not None:  # however the kiosk ends, the engine ends with it
            app.aboutToQuit.connect(self.close)

    def has_voice(self, lang: str) -> bool | None:
        return self._voices.get(lang, False) if self.loaded else None

    def _send(self, **order: object) -> None:
        if self.process.state() == QProcess.ProcessState.Running:
            self.process.write((json.dumps(order, ensure_ascii=False) + "\n").encode())

    def speak(self, texts: list[str], lang: str, index: int = 0, voice: str = "") -> None:
        self._send(op="say", texts=texts, lang=lang, index=index, voice=voice)

    def go_to(self, index: int) -> None:
        self._send(op="go_to", index=index)

    def pause(self) -> None:
        self._send(op="pause")

    def resume(self) -> None:
        self._send(op="resume")

    def stop(self) -> None:
        self._send(op="stop")

    def close(self) -> None:
        """Close the engine's input, so it ends; give it a moment, then end it.

        Called when the window shuts down and again when the application quits,
        in either order: only the first call does anything.
        """
        if self._closed:
            return
        self._closed = True
        if self.process.state() == QProcess.ProcessState.NotRunning:
            return
        self.process.closeWriteChannel()
        if not self.process.waitForFinished(2000):
            self.process.kill()
            self.process.waitForFinished(1000)

    # --- what the engine says -------------------------------------------------------

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
                self._heard(message["event"], message)
            except (ValueError, KeyError, TypeError):
                log.warning("read-aloud: the speech engine said %r", line[:200])

    def _heard(self, event: str, message: dict[str, object]) -> None:
        if event == "ready":
            self.name = str(message.get("name") or self.name)
            problem = message.get("problem")
            self.problem = str(problem) if problem else None
            self.locales = [str(code) for code in message.get("locales") or ()]  # type: ignore[attr-defined]
            found = message.get("voices") or {}
            assert isinstance(found, dict)
            self._voices = {str(lang): bool(has) for lang, has in found.items()}
            self.loaded = True
            self.ready.emit()
        elif event == "sentence":
            self.sentence.emit(int(message["index"]))  # type: ignore[call-overload]
        elif event == "finished":
            self.finished.emit()
        elif event == "failed":
            self.failed.emit(str(message.get("reason")))
        elif event == "silent":
            self.failed.emit(f"no voice for {message.get('lang')}")
        elif event == "state":
            self._state = str(message.get("state"))

    def _errors(self) -> None:
        text = bytes(self.process.readAllStandardError().data()).decode(errors="replace")
        for line in text.splitlines():
            if line.strip():
                level = logging.DEBUG if any(n in line for n in QT_NOISE) else logging.INFO
                log.log(level, "speech engine: %s", line)

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._closed:
            return
        if not self.loaded:
            self.problem = f"the speech engine's process ended (exit status {code})"
            self.loaded = True
            self.ready.emit()
        elif self.problem is None:
            self.problem = "the speech engine's process ended"
            self.failed.emit(f"{self.problem} (exit status {code})")

    def _error(self, error: QProcess.ProcessError) -> None:
        if self._closed:
            return
        if error == QProcess.ProcessError.FailedToStart and not self.loaded:
            self.problem = "the speech engine's process could not start"
            self.loaded = True
            self.ready.emit()
