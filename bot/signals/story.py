"""Does a message tell a child's school situation? (issue 16: such a story is never met with a
bare "niet begrepen"; ``bot.nlu.intent_override`` reads it as ``situatie_thuiszitten``, whose answer
gives the step plan or the general steps and invites the parent to tell more.)

A story is long enough (``min_words``) and names both a person (a child, or "ik" for a young
person) and the school situation. The word lists are data: ``story.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.signals.normalize import normalize_for_matching

CUES_FILE = Path(__file__).with_name("story.yml")
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class StoryCues:
    min_words: int
    person: frozenset[str]
    school: frozenset[str]


@lru_cache(maxsize=1)
def load_cues(path: Path = CUES_FILE) -> StoryCues:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return StoryCues(int(data.get("min_words", 12)), frozenset(map(str, data.get("persoon") or ())),
                     frozenset(map(str, data.get("school") or ())))


def tells_a_school_situation(text: Optional[str]) -> bool:
    if not text:
        return False
    cues = load_cues()
    words = _WORDS.findall(normalize_for_matching(text))
    if len(words) < cues.min_words:
        return False
    present = set(words)
    return bool(present & cues.person) and bool(present & cues.school)
