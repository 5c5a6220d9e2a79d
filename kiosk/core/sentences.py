"""Where sentences begin and end, for reading a page aloud one sentence at a time.

Chinese ends a sentence at 。！？ (with any closing quote or bracket after it);
English at . ! ? followed by a space or the end. A paragraph, list item or line
break always ends one. Common abbreviations and initials ("e.g.", "Dr", "A.")
do not. Positions are those of the text given, so a caller can mark the sentence
being read in the text it came from.
"""

from __future__ import annotations

import re

# Qt's plain text of a document: paragraphs are split by U+2029, lines by U+2028,
# and each picture is one U+FFFC.
BREAKS = "\n\r\u2028\u2029"
OBJECT = "\ufffc"

_CLOSERS = "”’\"'）)」』】"
_END = re.compile(
    rf"[。！？]+[{_CLOSERS}]*"  # Chinese: the sentence ends here
    # English: only before a space, the end, or Chinese (a Chinese page may use "?").
    rf"|[.!?…]+[{_CLOSERS}]*(?=\s|$|[\u3000-\u9fff\uff00-\uffef])"
    rf"|[{BREAKS}]+"
)
# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset({"e.g", "i.e", "dr", "mr", "mrs", "ms", "st", "vs", "no", "approx"})
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_SPOKEN = re.compile(r"[^\W_]")  # a letter or digit: something to say


def spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` positions, spaces trimmed.

    Pieces with nothing to say (only spaces, punctuation or pictures) are left out.
    """
    found: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end() if text[match.start()] not in BREAKS else match.start()
        if text[match.start()] == "." and _abbreviation(text[start : match.start() + 1]):
            continue
        _add(text, start, end, found)
        start = match.end()
    _add(text, start, len(text), found)
    return found


def spoken(text: str) -> str:
    """A sentence as a speech engine should get it: no pictures, one line."""
    return " ".join(text.replace(OBJECT, " ").split())


def _abbreviation(piece: str) -> bool:
    match = _WORD_BEFORE.search(piece)
    if match is None:
        return False
    word = match.group(1)
    # A single capital is an initial ("Dr A. Example"); digits are a number ("1.").
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _add(text: str, start: int, end: int, found: list[tuple[int, int]]) -> None:
    while start < end and (text[start].isspace() or text[start] == OBJECT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == OBJECT):
        end -= 1
    if start < end and _SPOKEN.search(text, start, end):
        found.append((start, end))
