"""The speech engine in a process of its own: ``python -m kiosk.ui.speech.server``.

Why a process: PySide6 holds Python's GIL for the whole of every Qt call, and
speech-dispatcher's engine takes one to three seconds to construct (it lists
every voice of every synthesiser). In the kiosk's process, even in another
thread, that froze the screen. Here it freezes nobody, and an engine that hangs
or crashes takes only this process with it.

It speaks JSON lines. From the kiosk, on standard input:
    {"op": "say", "texts": [...], "lang": "en", "index": 0, "voice": ""}
    {"op": "go_to", "index": 3}, {"op": "pause"}, {"op": "resume"}, {"op": "stop"}
To the kiosk, on standard output:
    {"event": "ready", "name": ..., "problem": null | "why", "locales": [...],
     "voices": {"en": true, "zh-CN": false}}          (once, when the engine is up)
    {"event": "sentence", "index": 3}, {"event": "finished"},
    {"event": "failed", "reason": ...}, {"event": "state", "state": "speaking"},
    {"event": "silent", "lang": "fr"}                  (no voice for a "say")
Qt's own messages go to standard error. The process ends when its input closes,
so it never outlives the kiosk.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal


class _Input(QObject):
    """Lines from standard input, read in a thread of its own, delivered in Qt's."""

    line = Signal(str)
    closed = Signal()

    def start(self) -> None:
        threading.Thread(target=self._read, name="speech-input", daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self.line.emit(line)
        self.closed.emit()


def send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _voices(pairs: list[str]) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in pairs if "=" in pair)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.ui.speech.server")
    parser.add_argument("engine", nargs="?", default="", help="a Qt speech engine; empty: Qt's")
    parser.add_argument("--lang", action="append", default=[], help="a language to voice")
    parser.add_argument("--voice", action="append", default=[], help="LANG=NAME: a chosen voice")
    args = parser.parse_args(argv)
    app = QCoreApplication([sys.argv[0]])
    stdin = _Input()
    stdin.closed.connect(app.quit)
    stdin.start()  # lines wait, queued, until the engine below is up

    from kiosk.ui.speech.synthesis import State, Synthesizer

    try:
        synth: Synthesizer | None = Synthesizer(args.engine)
        problem = synth.problem() if synth is not None else None
    except Exception as exc:  # no Addons, or a broken plugin
        synth, problem = None, f"{type(exc).__name__}: {exc}"
    named = _voices(args.voice)
    found = {
        lang: synth is not None
        and problem is None
        and synth.voice_for(lang, named.get(lang, "")) is not None
        for lang in args.lang
    }
    send(
        {
            "event": "ready",
            "name": synth.name if synth is not None else args.engine,
            "problem": problem,
            "locales": synth.locales() if synth is not None and problem is None else [],
            "voices": found,
        }
    )
    if synth is None or problem is not None:
        return 0  # nothing to speak with: the kiosk shows no speaker buttons
    synth.sentence.connect(lambda index: send({"event": "sentence", "index": index}))
    synth.finished.connect(lambda: send({"event": "finished"}))
    synth.failed.connect(lambda reason: send({"event": "failed", "reason": reason}))
    synth.tts.stateChanged.connect(
        lambda state: send({"event": "state", "state": State(state).name.lower()})
    )

    def handle(line: str) -> None:
        try:
            order = json.loads(line)
            op = order["op"]
            if op == "say":
                lang = order["lang"]
                voice = order.get("voice") or named.get(lang, "")
                if not synth.speak(list(order["texts"]), lang, int(order["index"]), voice):
                    send({"event": "silent", "lang": lang})
            elif op == "go_to":
                synth.go_to(int(order["index"]))
            elif op in ("pause", "resume", "stop"):
                getattr(synth, op)()
        except (ValueError, KeyError, TypeError) as exc:
            print(f"speech server: bad order {line.strip()!r}: {exc}", file=sys.stderr)

    stdin.line.connect(handle)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
