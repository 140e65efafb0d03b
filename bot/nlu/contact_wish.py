"""An explicit wish for contact with a person, anywhere in a message (issue 16).

"…en nu weet ik het echt niet meer. Kan iemand van de gemeente mij bellen?" is a wish to talk to a
person, whatever the story before it was about: the assistant answers with the help-request offer
(``bot.nlu.intent_override`` turns the intent into ``mens_spreken``). The patterns are data
(``contact_wish.yml``), run on the normalised text, one sentence at a time.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.signals.normalize import normalize_for_matching
from bot.signals.placeholders import placeholder_compiler

PATTERNS_FILE = Path(__file__).with_name("contact_wish.yml")
_WORD = r"[\w']+"


@lru_cache(maxsize=1)
def _patterns(path: Path = PATTERNS_FILE) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = {"w": _WORD, **{k: str(v) for k, v in (data.get("placeholders") or {}).items()}}
    compile_one = placeholder_compiler(names, path.name)
    return (tuple(compile_one(p) for p in data.get("patterns") or ()),
            tuple(compile_one(p) for p in data.get("not_a_wish") or ()))


def contact_wish(text: Optional[str]) -> Optional[str]:
    """The phrase that asks for contact with a person, or None."""
    if not text or not text.strip():
        return None
    wishes, not_wishes = _patterns()
    for sentence in normalize_for_matching(text).split(" . "):
        if any(p.search(sentence) for p in not_wishes):
            continue
        for pattern in wishes:
            found = pattern.search(sentence)
            if found:
                return found.group(0)
    return None
