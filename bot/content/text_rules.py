"""The rules for one text a user reads or hears: voice safety (no numbers, addresses or screen actions
on the phone), chat form, contact placeholders and readability (Flesch-Douma, sentence length).

Plain functions over a string; ``bot.content.check`` applies them to every answer and other text.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.content import contacts, schema
from bot.content.readability import avg_sentence_length, flesch_douma, split_sentences, words

_TEXT_VARIANTS = ("ouder", "jongere", "spraak")
MIN_SCORE: Mapping[str, float] = {"ouder": 65.0, "jongere": 70.0, "spraak": 65.0}
MAX_AVG_SENTENCE_LENGTH = 15.0

_VOICE_WEB_MARKERS = ("http", "www.", ".nl", ".com", "@")
_VOICE_MARKDOWN_CHARS = "*_#[]`"
_VOICE_LIST_LINE = re.compile(r"^\s*- ", re.MULTILINE)
# What a caller cannot do on the phone: search, click, type, choose from what is shown (issue 19).
_VOICE_SCREEN_ACTIONS = re.compile(
    r"\bzoek(?:en)?\s+(?:dan\s+|even\s+|het\s+)?op\b(?!\s+internet)|\bklik|\btyp(?:t|en)?\b|\bhieronder\b|\bhierboven\b"
    r"|\bkies (?:een |de )?knop|\bknop(?:pen)?\b|\bscroll|\btik (?:op|aan)\b",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\d{4,}")
_DIGIT_DASH_DIGIT = re.compile(r"\d\s*[-‐‑–—]\s*\d")
_SENTENCE_CLOSERS = ")]\"'’”»"
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"\*|__|(?<![\w])_[^_\s][^_\n]*_(?![\w])|`")
_EMOJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x1F000, 0x1FAFF),  # mahjong .. symbols & pictographs extended-A (incl. flags)
    (0x2600, 0x27BF),  # miscellaneous symbols, dingbats
    (0x2300, 0x23FF),  # miscellaneous technical (watch, hourglass, ...)
    (0x2B00, 0x2BFF),  # arrows and stars (⭐, ⬆)
    (0xFE00, 0xFE0F),  # variation selectors
    (0x200D, 0x200D),  # zero width joiner
    (0x20E3, 0x20E3),  # combining keycap
    (0xE0020, 0xE007F),  # tag characters
)



@dataclass(frozen=True)
class ReadabilityRow:
    file: str
    variant: str
    score: float
    avg_sentence_length: float
    word_count: int
    minimum: float | None  # None: exempt from the readability rule

    @property
    def ok(self) -> bool:
        if self.minimum is None:
            return True
        return self.score >= self.minimum and self.avg_sentence_length <= MAX_AVG_SENTENCE_LENGTH


def contains_emoji(text: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in _EMOJI_RANGES)


def voice_problems(text: str) -> list[str]:
    """Problems that make a text unsafe to read aloud."""
    problems: list[str] = []
    lowered = text.lower()
    for marker in _VOICE_WEB_MARKERS:
        if marker in lowered:
            problems.append(f"web address or URL ('{marker}') in voice text")
    for char in _VOICE_MARKDOWN_CHARS:
        if char in text:
            problems.append(f"markdown character '{char}' in voice text")
    if _VOICE_LIST_LINE.search(text):
        problems.append("list line ('- ') in voice text")
    if contains_emoji(text):
        problems.append("emoji in voice text")
    if _DIGIT_RUN.search(text):
        problems.append("run of 4 or more digits in voice text (write digits separately)")
    if _DIGIT_DASH_DIGIT.search(text):
        problems.append("digit-dash-digit in voice text (write digits separately)")
    if "?" in text and not _ends_with_question(text):
        problems.append("voice text asks a question, but the question is not the last sentence")
    problems += screen_action_problems(text)
    return problems


def screen_action_problems(text: str) -> list[str]:
    """Something a caller cannot do ("zoek op", "klik", "typ", "kies hieronder") in a voice text."""
    return [f"voice text asks for something a caller cannot do ('{m.group(0)}')"
            for m in _VOICE_SCREEN_ACTIONS.finditer(text)]


def _ends_with_question(text: str) -> bool:
    sentences = split_sentences(text)
    return bool(sentences) and sentences[-1].rstrip(_SENTENCE_CLOSERS).endswith("?")


def chat_problems(text: str) -> list[str]:
    problems: list[str] = []
    if _MARKDOWN_LINK.search(text):
        problems.append("markdown link (write web addresses bare)")
    if _MARKDOWN_EMPHASIS.search(text):
        problems.append("markdown emphasis or code ('*', '_..._', '`')")
    return problems


def contact_problems(text: str, variant: str) -> list[str]:
    """A number, e-mail or web address written literally, or a contact key that does not exist.

    Contact details of organisations come only from content/regio/landelijk.yml, by key
    ({{ouders_onderwijs.telefoon}}), so that changing a number is one edit."""
    problems = [
        f"'{found}' written literally: use a key from content/regio/landelijk.yml, e.g. {{{{org.telefoon}}}}"
        for found in contacts.literal_contacts(text, variant)
    ]
    problems += [f"contact key: {p}" for p in contacts.key_problems(text, variant)]
    return problems


def readability_row(file: str, answer_id: str, variant: str, text: str) -> ReadabilityRow:
    exempt = answer_id == schema.OTHER_LANGUAGE_ID and variant == schema.ENGLISH_VARIANT
    return ReadabilityRow(
        file=file,
        variant=variant,
        score=flesch_douma(text),
        avg_sentence_length=avg_sentence_length(text),
        word_count=len(words(text)),
        minimum=None if exempt else MIN_SCORE.get(variant),
    )


def readability_problems(row: ReadabilityRow) -> list[str]:
    if row.minimum is None:
        return []
    problems = []
    if row.score < row.minimum:
        problems.append(
            f"tekst.{row.variant}: Flesch-Douma {row.score:.1f} is below {row.minimum:.0f}"
        )
    if row.avg_sentence_length > MAX_AVG_SENTENCE_LENGTH:
        problems.append(
            f"tekst.{row.variant}: average sentence length {row.avg_sentence_length:.1f} "
            f"words is above {MAX_AVG_SENTENCE_LENGTH:.0f}"
        )
    return problems
