"""One short sentence that acknowledges a story before the answer (issue 16).

"Onze zoon van 12 zit sinds 2 november thuis, hij wordt gepest. Wat kunnen wij doen?" gets
"Wat vervelend dat uw zoon van 12 al 3 weken thuiszit." before the answer about bullying. The
facts come from the step plan's extraction (age, since when at home), the person from the words
the parent used; the sentences are content (``content/antwoorden/erkenning*.yml``). Nothing is
acknowledged that the message did not say, and a short question gets no acknowledgement.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from bot.signals.normalize import normalize_for_matching
from bot.signals.story import tells_a_school_situation
from bot.turn.replies import YOUTH
from bot.stappenplan import extract_situation
from bot.stappenplan.spoken import elapsed

WITH_DURATION, WITHOUT_DURATION = "erkenning", "erkenning_verhaal"
MIN_WORDS = 15
_CHILD = re.compile(
    r"\b(?:mijn|onze|ons|m'n)\s+(zoon|dochter|kind|kleinzoon|kleindochter|kleinkind|pleegzoon|"
    r"pleegdochter|pleegkind|stiefzoon|stiefdochter|neef|nicht|broertje|zusje)\b")


def who(text: str, age: Optional[int]) -> Optional[str]:
    """'uw zoon van 12', 'uw dochter', or None when the message names no child."""
    found = _CHILD.search(normalize_for_matching(text))
    if not found:
        return None
    person = f"uw {found.group(1)}"
    return f"{person} van {age}" if age and 4 <= age <= 23 else person


def acknowledgement(text: str, variant: str, today: date, library) -> Optional[str]:
    """The sentence for this story, or None (short message, nothing to acknowledge, no content)."""
    if len(text.split()) < MIN_WORDS or not tells_a_school_situation(text):
        return None
    situation = extract_situation(text, today, None)
    since = situation.thuis_sinds.value if situation.thuis_sinds else None
    duration = elapsed(since, today) if since and 7 <= (today - since).days <= 3 * 365 else None
    youth = variant == YOUTH
    person = None if youth else who(text, situation.leeftijd)
    if not youth and person is None:
        return None
    answer = library.get(WITH_DURATION if duration else WITHOUT_DURATION)
    if answer is None or (youth and not duration):
        return None
    template = answer.tekst.get(variant) or answer.tekst.get("ouder", "")
    return template.format(wie=person or "", duur=duration or "").strip()
