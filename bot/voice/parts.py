"""Long answers in parts on the phone: no turn says more than about 80 words.

A turn (``SpokenTurn``) is cut at sentence boundaries into pages. Every page but the last ends with
"Zeg verder voor meer." (``texts.yml``: ``verder``) instead of a question; the last page ends with
the turn's own choices and question, so the caller hears one question, at the end. A sentence that
alone is too long is cut at commas, and as a last resort between words.

The page just said travels in the <Gather> action URL (``?deel=N``), like the silence count, so the
server keeps no state: "verder" and "herhaal" rebuild the pages from the assistant's last turn in the
conversation's events (``bot.voice.events``) and say page N+1 or page N again.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.voice.speech_text import SpokenTurn, sentences
from bot.voice.twiml import PART_PARAM  # noqa: F401  (re-exported: the query key)

MAX_WORDS = 80  # all <Say> of one turn together, prompt included
MAX_PARTS = 30
_COMMA = re.compile(r"(?<=,)\s+")


def word_count(text: str) -> int:
    """Words as the caller hears them; a digit said alone ("0 8 0 0") counts as a word."""
    return len(text.split())


def turn_words(turn: SpokenTurn) -> int:
    return sum(word_count(p) for p in turn.parts) + word_count(turn.prompt)


def part_so_far(value: Optional[str]) -> Optional[int]:
    """The ``deel`` query value as a page index; anything odd counts as no page (None)."""
    if value is None:
        return None
    value = str(value).strip()
    if not value.isdigit() or len(value) > 2:
        return None
    return min(int(value), MAX_PARTS - 1)


def _pieces(sentence: str, budget: int) -> list[str]:
    """A sentence, cut at commas (or between words) into pieces of at most ``budget`` words."""
    if word_count(sentence) <= budget:
        return [sentence]
    pieces: list[str] = []
    for chunk in _COMMA.split(sentence):
        words = chunk.split()
        while len(words) > budget:
            pieces.append(" ".join(words[:budget]))
            words = words[budget:]
        if words:
            pieces.append(" ".join(words))
    merged: list[str] = []
    for piece in pieces:  # put comma chunks back together while they fit
        if merged and word_count(merged[-1]) + word_count(piece) <= budget:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def split_turn(turn: SpokenTurn, more_prompt: str, max_words: int = MAX_WORDS) -> list[SpokenTurn]:
    """The turn as pages of at most ``max_words`` words each (prompt included), in order."""
    final_budget = max(max_words - word_count(turn.prompt), 1)
    more_budget = max(max_words - word_count(more_prompt), 1)
    units: list[tuple[int, str]] = []  # (index of the message part, sentence)
    for index, part in enumerate(turn.parts):
        for sentence in sentences(part) or [part]:
            units += [(index, piece) for piece in _pieces(sentence, min(final_budget, more_budget))]
    if sum(word_count(u) for _, u in units) <= final_budget:
        return [turn]
    pages: list[SpokenTurn] = []
    start = 0
    while start < len(units) and len(pages) < MAX_PARTS - 1:
        rest = units[start:]
        if sum(word_count(u) for _, u in rest) <= final_budget:
            break
        taken, used = [], 0
        for unit in rest:
            if taken and used + word_count(unit[1]) > more_budget:
                break
            taken.append(unit)
            used += word_count(unit[1])
        pages.append(SpokenTurn(parts=_group(taken), prompt=more_prompt))
        start += len(taken)
    pages.append(SpokenTurn(parts=_group(units[start:]), prompt=turn.prompt, own_question=turn.own_question))
    return pages


def _group(units: list[tuple[int, str]]) -> tuple[str, ...]:
    """Sentences back into one <Say> per message part."""
    parts: list[str] = []
    last: Optional[int] = None
    for index, sentence in units:
        if parts and index == last:
            parts[-1] = f"{parts[-1]} {sentence}"
        else:
            parts.append(sentence)
        last = index
    return tuple(parts)
