"""Splitting text into the sentences read aloud one at a time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.sentences import spans, spoken


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in spans(text)]


def test_english_sentences_end_at_a_stop_a_question_or_an_exclamation() -> None:
    assert _split("Drop one feed. Is it sore? Rest!") == ["Drop one feed.", "Is it sore?", "Rest!"]


def test_chinese_sentences_end_at_chinese_punctuation_with_any_closing_quote() -> None:
    text = "断奶要慢慢来。一次少喂一顿！疼吗？“没关系。”然后休息"
    assert _split(text) == ["断奶要慢慢来。", "一次少喂一顿！", "疼吗？", "“没关系。”", "然后休息"]


def test_a_western_question_mark_in_chinese_ends_a_sentence_too() -> None:
    assert _split("会不会致癌?要不要挤出来?") == ["会不会致癌?", "要不要挤出来?"]


def test_numbers_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    text = "Dr A. Example says e.g. this. It costs 1.5 yuan."
    assert _split(text) == ["Dr A. Example says e.g. this.", "It costs 1.5 yuan."]


def test_paragraphs_and_list_items_are_sentences_of_their_own_and_pictures_are_skipped() -> None:
    # Qt's raw text: U+2029 between paragraphs, U+FFFC for a picture.
    text = "Signs to watch for\u2029\ufffc\u2029A lump\u2029A fever"
    assert _split(text) == ["Signs to watch for", "A lump", "A fever"]


def test_spoken_text_has_no_pictures_and_no_line_breaks() -> None:
    assert spoken("Look \ufffc here\u2028now.") == "Look here now."


@given(st.text(alphabet="ab .。!?\u2029\ufffc ", max_size=60))
def test_sentences_are_in_order_within_the_text_and_never_empty(text: str) -> None:
    found = spans(text)
    last = 0
    for start, end in found:
        assert last <= start < end <= len(text)
        assert text[start:end].strip()
        last = end
