"""Words that name a guidance topic (``topic_words.yml``): "schorsing", "een tlv", "het mdo".

The classifier reads a whole message; these say which topics a message, or one sentence of it,
names by name. Used for follow-ups that name another topic and for a second question in the same
message. Short names (four letters or fewer: "opp", "tlv", "ziek") count as whole words only; longer
ones as word starts ("aanmeld" in "aanmelden", "verhuis" in "verhuisd").
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

WORDS_FILE = Path(__file__).with_name("topic_words.yml")
_WHOLE_WORD_UP_TO = 4


@lru_cache(maxsize=1)
def topic_patterns(path: Path = WORDS_FILE) -> Mapping[str, re.Pattern[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    patterns = {}
    for topic, names in (data.get("names") or {}).items():
        parts = [re.escape(str(n)) + (r"\b" if len(str(n)) <= _WHOLE_WORD_UP_TO else "")
                 for n in sorted(names, key=len, reverse=True)]
        patterns[str(topic)] = re.compile(rf"\b(?:{'|'.join(parts)})")
    return patterns


def names_topic(normalised: str, topic: str) -> bool:
    """The (normalised) text names ``topic`` itself."""
    pattern = topic_patterns().get(topic)
    return bool(pattern and pattern.search(normalised))


def named_topics(normalised: str) -> tuple[str, ...]:
    """Every topic the (normalised) text names, in the order they first appear. A name inside a
    longer one names nothing of its own: "leerplichtambtenaar" is not also "leerplicht"."""
    matches = []  # (start, end of the word, length of the name matched, topic)
    for topic, pattern in topic_patterns().items():
        for match in pattern.finditer(normalised):
            end = match.end()
            while end < len(normalised) and normalised[end].isalnum():
                end += 1  # the whole word the name starts
            matches.append((match.start(), end, match.end() - match.start(), topic))
    kept = [(start, topic) for start, end, length, topic in matches
            if not any(o[3] != topic and o[0] <= start and end <= o[1] and o[2] > length for o in matches)]
    first: dict[str, int] = {}
    for start, topic in sorted(kept):
        first.setdefault(topic, start)
    return tuple(sorted(first, key=first.get))
