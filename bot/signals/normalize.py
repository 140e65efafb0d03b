"""Dutch text normalisation shared by the NLU features, safety and audience detection.

* ``fold`` – lower case, straight apostrophes, no diacritics ("Suïcide" -> "suicide").
* ``normalize_token`` – one token to standard Dutch: folded, letter stretching undone
  ("neeee" -> "nee"), youth spelling and chat abbreviations mapped ("nie" -> "niet",
  "mn" -> "mijn", "ipv" -> "in plaats van"). The mapping is data: ``spelling.yml``.
* ``normalize_text`` – ``normalize_token`` per whitespace token, punctuation kept around it.
* ``normalize_for_matching`` – ``normalize_text`` for phrase patterns: words separated by single
  spaces, sentence punctuation kept as " . " so a pattern cannot run across sentences.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

SPELLING_FILE = Path(__file__).with_name("spelling.yml")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
_TOKEN_EDGES = re.compile(r"^([^\w']*)(.*?)([^\w']*)$", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?;:]+")
_NOT_WORD = re.compile(r"[^\w.]+|_")


@dataclass(frozen=True)
class Spelling:
    mapping: Mapping[str, str]
    known_words: frozenset[str]


def fold(text: str) -> str:
    """Lower case, straight apostrophes, diacritics removed (ë -> e, ï -> i, é -> e)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def load_spelling(path: Path = SPELLING_FILE) -> Spelling:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    mapping = {fold(str(key)): str(value) for key, value in (raw.get("mapping") or {}).items()}
    known = {fold(str(word)) for word in raw.get("known_words") or ()}
    known.update(key for key in mapping if " " not in key)
    known.update(value for value in mapping.values() if " " not in value)
    return Spelling(mapping=mapping, known_words=frozenset(known))


def unstretch(word: str, known_words: frozenset[str] = frozenset()) -> str:
    """Undo letter stretching: runs of 3+ equal letters become two ("doooood" -> "dood"),
    or one when that gives a known word ("leeeeven" -> "leven", "nieee" -> "nie")."""
    if not _STRETCHED.search(word):
        return word
    double = _STRETCHED.sub(r"\1\1", word)
    single = _STRETCHED.sub(r"\1", word)
    for candidate in (double, single):
        if candidate in known_words:
            return candidate
    return double


def normalize_token(token: str) -> str:
    """One token in standard Dutch spelling; may return several words ("ipv" -> "in plaats van")."""
    spelling = load_spelling()
    word = unstretch(fold(token), spelling.known_words)
    if word in spelling.mapping:
        return spelling.mapping[word]
    bare = word.strip("'")
    if bare != word and bare in spelling.mapping:
        return spelling.mapping[bare]
    return word


def normalize_text(text: str) -> str:
    """``normalize_token`` on every whitespace token; punctuation around a token is kept
    ("Nie, mn mentor!" -> "niet, mijn mentor!"), elision apostrophes go ("'k" -> "ik")."""
    return " ".join(_normalize_chunk(chunk) for chunk in text.split())


@lru_cache(maxsize=64)
def normalize_for_matching(text: str) -> str:
    """Normalised words separated by single spaces; sentence ends become " . ".

    Cached: safety, the wish for contact, the story and its cause all read the same message."""
    spaced = _SENTENCE_END.sub(" . ", normalize_text(text))
    return " ".join(_NOT_WORD.sub(" ", spaced).split())


def _normalize_chunk(chunk: str) -> str:
    folded = fold(chunk)
    match = _TOKEN_EDGES.match(folded)
    prefix, core, suffix = match.groups() if match else ("", folded, "")
    if not core:
        return folded
    return f"{prefix}{normalize_token(core)}{suffix}"
