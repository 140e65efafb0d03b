"""Dutch readability measures (Flesch-Douma) for answer texts.

Sentence splitting is deliberately simple (see ``split_sentences``): a sentence ends at
``.``, ``!``, ``?`` or ``:`` at the end of a whitespace-separated token, or at a line break.
Because splitting happens on token ends only, dots and colons *inside* a token never split
(``3.5``, ``12:30``, ``oudersonderwijs.nl``). A token that is a known abbreviation
(``o.a.``, ``bijv.``, ``bv.``, ...) or a list number at the start of a line (``1.``) does not
end a sentence. ``enz.`` and ``etc.`` are not treated as abbreviations because they usually
end a sentence.
"""

from __future__ import annotations

import functools
import re

import pyphen

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "art.",
        "bijv.",
        "bv.",
        "ca.",
        "d.w.z.",
        "dhr.",
        "e.d.",
        "excl.",
        "i.p.v.",
        "incl.",
        "m.b.t.",
        "mevr.",
        "mr.",
        "n.a.v.",
        "nr.",
        "o.a.",
        "t.a.v.",
        "t.z.t.",
        "vs.",
        "z.s.m.",
    }
)

_SENTENCE_END = re.compile(r"[.!?:]+[)\]\"'’”»]*$")
_LIST_NUMBER = re.compile(r"^\d+[.)]$")
_OPENING_PUNCTUATION = "([\"'‘“«"
# A word: letters/digits, optionally joined by inner punctuation (e-mail, 0800-5010, 3,5, site.nl).
_WORD = re.compile(r"[^\W_]+(?:[-'’./@:,&][^\W_]+)*")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@functools.lru_cache(maxsize=8192)
def count_syllables(word: str) -> int:
    """Syllables in ``word``: pyphen hyphenation positions + 1, at least 1.

    Digits-only tokens count as 1. In mixed tokens (``e-mail``, ``5a``) every run of letters
    is counted separately; a token without letters counts as 1.
    """
    if word.isdigit():
        return 1
    runs = _LETTER_RUN.findall(word)
    total = sum(len(_dictionary().positions(run.lower())) + 1 for run in runs)
    return max(1, total)


def words(text: str) -> list[str]:
    """The words in ``text``; punctuation around words is dropped."""
    return _WORD.findall(text)


def _ends_sentence(token: str, first_on_line: bool) -> bool:
    if not _SENTENCE_END.search(token):
        return False
    if first_on_line and _LIST_NUMBER.match(token):
        return False
    return token.lstrip(_OPENING_PUNCTUATION).lower() not in ABBREVIATIONS


def _split_line(line: str) -> list[str]:
    sentences: list[str] = []
    current: list[str] = []
    for token in line.split():
        current.append(token)
        if _ends_sentence(token, first_on_line=len(sentences) == 0 and len(current) == 1):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences (with their end punctuation); empty ones are dropped."""
    return [sentence for line in text.splitlines() for sentence in _split_line(line)]


def _counted_sentences(text: str) -> list[list[str]]:
    """Words per sentence, for sentences that contain at least one word."""
    return [w for w in (words(s) for s in split_sentences(text)) if w]


def avg_sentence_length(text: str) -> float:
    """Average number of words per sentence; 0.0 for a text without words."""
    sentences = _counted_sentences(text)
    if not sentences:
        return 0.0
    return sum(len(s) for s in sentences) / len(sentences)


def flesch_douma(text: str) -> float:
    """Flesch-Douma: 206.835 - 0.93 * (words/sentences) - 77 * (syllables/words).

    Higher is easier; 0.0 for a text without words.
    """
    sentences = _counted_sentences(text)
    all_words = [word for sentence in sentences for word in sentence]
    if not all_words:
        return 0.0
    syllables = sum(count_syllables(word) for word in all_words)
    return (
        206.835
        - 0.93 * (len(all_words) / len(sentences))
        - 77 * (syllables / len(all_words))
    )
