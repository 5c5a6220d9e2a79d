"""Recorded sound files that pages may ship instead of synthetic speech.

Only a file's name and first bytes are looked at, so ``kiosk check`` can say that
a recording is missing, empty or not a sound file without any audio library.
"""

from __future__ import annotations

from pathlib import Path

# What the kiosk plays (Qt Multimedia with its FFmpeg backend plays them all).
EXTENSIONS = (".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav")
HEADER_BYTES = 12


def kind_of(header: bytes) -> str | None:
    """The format a file's first bytes show, or None if they show no sound file."""
    if header.startswith(b"ID3"):  # an MP3 with a tag in front
        return "MP3"
    if len(header) >= 2 and header[0] == 0xFF and header[1] & 0xE0 == 0xE0:
        return "MP3"  # an MPEG audio frame
    if header.startswith(b"OggS"):
        return "OGG"  # Vorbis or Opus inside
    if header.startswith(b"RIFF") and header[8:12] == b"WAVE":
        return "WAV"
    if header[4:8] == b"ftyp":
        return "M4A"
    return None


def problem(path: Path) -> str | None:
    """Why ``path`` cannot be played, for the author; None if it looks like a sound file."""
    name = path.name
    if path.suffix.lower() not in EXTENSIONS:
        wanted = ", ".join(EXTENSIONS)
        return f"'{name}' is not a kind of sound file the kiosk plays (use {wanted})"
    try:
        with path.open("rb") as file:
            header = file.read(HEADER_BYTES)
    except OSError as exc:
        return f"'{name}' cannot be read: {exc.strerror or exc}"
    if not header:
        return f"'{name}' is empty"
    if kind_of(header) is None:
        return f"'{name}' is not a sound file: it does not start like MP3, OGG, WAV or M4A"
    return None
