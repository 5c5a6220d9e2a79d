"""Synthetic speech with Qt's QTextToSpeech, one sentence at a time (PySide6-Addons).

Imported only when a page first offers to read aloud. Sentences are said one by
one with ``say``: the next starts when the engine is ready again, so the kiosk
always knows which sentence is being heard and can mark it. (Qt's queue ids,
from ``enqueue``, do not match those of ``aboutToSynthesize`` and ``sayingWord``
in Qt 6.11, so they cannot tell it.)
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

State = QTextToSpeech.State
# Words in the names of voices that an engine gives no usable locale, by language:
# speech-dispatcher names espeak-ng's "cmn" voice "Chinese (Mandarin, ...)".
NAMED_LANGUAGES = {"zh": ("Mandarin",)}


def qt_locale(lang: str) -> QLocale:
    return QLocale(lang.replace("-", "_"))


class Synthesizer(QObject):
    """Says a list of sentences in order, from any one of them.

    Signals:
        sentence(int): the sentence with this index is being said now.
        finished(): the last sentence was said.
        failed(str): the engine failed; carries its reason.
    """

    sentence = Signal(int)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        self.tts.stateChanged.connect(self._changed)
        self._texts: list[str] = []
        self._index = 0
        self._active = False  # reading: a Ready state means a sentence ended
        self._restart = False  # stopped to start again at ``_index``
        self._held = False  # paused by stopping (an engine that cannot pause)

    @property
    def name(self) -> str:
        return self.tts.engine() or "default"

    def problem(self) -> str | None:
        """Why this engine cannot speak at all, or None."""
        if self.tts.state() == State.Error:
            return self.tts.errorString() or "the speech engine did not start"
        if not self.tts.availableLocales():
            return "the speech engine has no voices"
        return None

    def locales(self) -> list[str]:
        return sorted({locale.bcp47Name() for locale in self.tts.availableLocales()})

    def voice_for(self, lang: str, named: str = "") -> QVoice | None:
        """The voice to read ``lang`` in: the one ``named``, if the engine has it; else
        a plain voice ("English", not "English+Annie") of the same country, else of
        the same language, else one whose name says the language.

        The last is for speech-dispatcher, which gives espeak-ng's Mandarin voice
        ("cmn") no locale Qt knows: without it, Chinese would have no voice at all.
        """
        wanted = qt_locale(lang)
        offered = self.tts.availableLocales()
        exact = [
            locale
            for locale in offered
            if locale.language() == wanted.language() and locale.territory() == wanted.territory()
        ]
        same = [locale for locale in offered if locale.language() == wanted.language()]
        voices = [v for locale in (exact or same)[:1] for v in self.tts.allVoices(locale)]
        unplaced = [
            v
            for v in self.tts.allVoices(QLocale.c())  # every voice (QLocale() varies)
            if any(hint in v.name() for hint in NAMED_LANGUAGES.get(lang.split("-")[0], ()))
        ]
        if named:
            for voice in [*voices, *unplaced]:
                if voice.name() == named:
                    return voice
        for found in (voices, unplaced):
            plain = [v for v in found if "+" not in v.name()]
            if plain or found:
                return (plain or found)[0]
        return None

    def speak(self, texts: list[str], lang: str, index: int = 0, voice: str = "") -> bool:
        """Say ``texts`` from ``index`` in ``lang``'s voice (the one named ``voice``, if
        the engine has it); False if the engine has no voice for ``lang``."""
        chosen = self.voice_for(lang, voice)
        if chosen is None:
            return False
        if self.tts.voice() != chosen:
            self.tts.setVoice(chosen)
        self._texts, self._index, self._active, self._held = texts, index, True, False
        self._say()
        return True

    def go_to(self, index: int) -> None:
        self._index, self._active, self._held = index, True, False
        self._say()

    def pause(self) -> None:
        if self.tts.engineCapabilities() & QTextToSpeech.Capability.PauseResume:
            self.tts.pause()
        else:  # stop, and say the sentence again from its start on resume
            self._held = True
            self._active = False
            self.tts.stop()

    def resume(self) -> None:
        if self._held:
            self.go_to(self._index)
        else:
            self.tts.resume()

    def stop(self) -> None:
        self._active = self._restart = self._held = False
        if self.tts.state() in (State.Speaking, State.Paused, State.Synthesizing):
            self.tts.stop()

    def _say(self) -> None:
        if self.tts.state() in (State.Speaking, State.Paused, State.Synthesizing):
            # Said once the engine has stopped (at once, or when it says it has).
            self._restart = True
            self.tts.stop()
            return
        if self._index >= len(self._texts):
            self._active = False
            self.finished.emit()
            return
        self.sentence.emit(self._index)
        self.tts.say(self._texts[self._index])

    def _changed(self, state: State) -> None:
        if state == State.Error:
            self._active = self._restart = False
            self.failed.emit(self.tts.errorString() or "the speech engine failed")
        elif state == State.Ready:
            if self._restart:
                self._restart = False
                if self._active:
                    self._say()
            elif self._active:
                self._index += 1
                self._say()
