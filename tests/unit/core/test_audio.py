"""Recorded sound in front matter: found, sniffed, and reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core import audio, loader
from kiosk.core.model import Page
from tests.conftest import TODAY, write

TRUST = "source: Hospital\nreviewed_by: Nurse\nreviewed: 2026-01-01\n"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 100


def _library(root: Path, assets: Path) -> loader.Library:
    return loader.load(root, assets, default_lang="en", expected_languages=("en",), today=TODAY)


def _page(library: loader.Library, page_id: str) -> Page:
    page = library.get(page_id, "en")
    assert page is not None
    return page


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (MP3, "MP3"),
        (b"\xff\xfb\x90\x64" + b"\x00" * 8, "MP3"),
        (b"OggS\x00\x02" + b"\x00" * 6, "OGG"),
        (b"RIFF\x24\x00\x00\x00WAVE", "WAV"),
        (b"\x00\x00\x00\x20ftypM4A ", "M4A"),
        (b"<html><body>", None),
        (b"just some text", None),
    ],
)
def test_sound_files_are_known_by_their_first_bytes(header: bytes, kind: str | None) -> None:
    assert audio.kind_of(header) == kind


def test_a_page_names_its_recording_and_a_guide_one_per_screen(
    tmp_path: Path, assets: Path
) -> None:
    (tmp_path / "talk.en.mp3").write_bytes(MP3)
    (tmp_path / "intro.ogg").write_bytes(b"OggS" + b"\x00" * 40)
    (tmp_path / "two.wav").write_bytes(b"RIFF\x24\x00\x00\x00WAVE" + b"\x00" * 40)
    write(tmp_path, "talk.en.md", f"---\ntitle: Talk\n{TRUST}audio: talk.en.mp3\n---\n\nHi.\n")
    write(
        tmp_path,
        "steps.en.md",
        f"---\ntitle: Steps\ntype: guide\n{TRUST}audio:\n  - intro.ogg\n  -\n  - two.wav\n---\n\n"
        "Intro.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n",
    )
    library = _library(tmp_path, assets)
    assert _page(library, "talk").audio == (tmp_path / "talk.en.mp3",)
    assert _page(library, "steps").audio == (tmp_path / "intro.ogg", None, tmp_path / "two.wav")
    assert [d for d in library.check_all() if "audio" in d.message] == []


def test_a_missing_or_unreadable_recording_is_reported_at_its_line(
    tmp_path: Path, assets: Path
) -> None:
    (tmp_path / "empty.mp3").write_bytes(b"")
    (tmp_path / "page.mp3").write_bytes(b"<!DOCTYPE html><html>")
    (tmp_path / "music.flac").write_bytes(b"fLaC" + b"\x00" * 40)
    front = "audio:\n  - missing.mp3\n  - empty.mp3\n  - page.mp3\n  - music.flac\n"
    file = write(
        tmp_path,
        "guide.en.md",
        f"---\ntitle: Guide\ntype: guide\n{TRUST}{front}---\n\nIntro.\n\n"
        + "".join(f"## Step {n}\n\nText {n}.\n\n" for n in range(1, 5)),
    )
    library = _library(tmp_path, assets)
    found = [str(d) for d in library.check_all() if "audio" in d.message]
    assert len(found) == 4
    assert found[0].startswith(f"{file}:8: warning: audio: sound file 'missing.mp3' not found")
    assert found[1] == f"{file}:9: warning: audio: 'empty.mp3' is empty"
    assert found[2].startswith(f"{file}:10: warning: audio: 'page.mp3' is not a sound file")
    assert found[3].startswith(f"{file}:11: warning: audio: 'music.flac' is not a kind of sound")
    # The page still shows, and is read by the computer voice.
    assert _page(library, "guide").audio == (None, None, None, None)


def test_a_guide_with_more_recordings_than_screens_is_told_so(tmp_path: Path, assets: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.mp3").write_bytes(MP3)
    file = write(
        tmp_path,
        "guide.en.md",
        f"---\ntitle: Guide\ntype: guide\n{TRUST}audio: [a.mp3, b.mp3, c.mp3]\n---\n\n"
        "Intro.\n\n## Only step\n\nText.\n",
    )
    found = [str(d) for d in _library(tmp_path, assets).check_all() if "audio" in d.message]
    assert found == [
        f"{file}:7: warning: audio: 3 files, but the guide has 2 screens "
        "(its introduction and 1 step); the rest are ignored"
    ]


def test_an_article_has_one_recording(tmp_path: Path, assets: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(MP3)
    (tmp_path / "b.mp3").write_bytes(MP3)
    file = write(tmp_path, "a.en.md", f"---\ntitle: A\n{TRUST}audio:\n  - a.mp3\n  - b.mp3\n---\n")
    found = [str(d) for d in _library(tmp_path, assets).check_all() if "audio" in d.message]
    assert found == [
        f"{file}:8: warning: audio: an article has one recording; the rest are ignored"
    ]
