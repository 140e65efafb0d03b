"""The questions in a message, each as it was written (issue 16: a story with a question, two questions in one).

A question is a sentence that ends in "?" or opens like one ("hoe lang", "kan ik", "moet de school");
"…en hoe vraag ik dat aan" inside one sentence starts another. Used by the turn (which topic a question
names) and by the topic classifier (each question of a message classified on its own).
"""
from __future__ import annotations

import re

from bot.signals.normalize import normalize_for_matching

_QUESTION_WORDS = (r"wie|wat|waar|waarom|wanneer|welke|welk|hoe|hoelang|kan|kun|kunt|kunnen|mag|mogen|"
                   r"moet|moeten|is|zijn|heeft|hebben|krijg|krijgt|geldt|gelden|wordt|word|bestaat|klopt")
OPENS_LIKE_A_QUESTION = re.compile(rf"^(?:en |maar |ook |of |dan |en ook |verder )?(?:{_QUESTION_WORDS})\b")
_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")
_AND_ANOTHER = re.compile(rf"\s(?:en|of)\s(?=(?:{_QUESTION_WORDS})\b)", re.IGNORECASE)


def questions(text: str) -> tuple[str, ...]:
    """The questions in ``text``, each as it was written."""
    found = []
    for sentence in _SENTENCE.split(text or ""):
        sentence = sentence.strip()
        if not sentence:
            continue
        parts = [p.strip() for p in _AND_ANOTHER.split(sentence) if p.strip()]
        for index, part in enumerate(parts):
            opens = bool(OPENS_LIKE_A_QUESTION.match(normalize_for_matching(part)))
            last_of_a_question = part.endswith("?") or (index < len(parts) - 1 and sentence.endswith("?"))
            if opens or (last_of_a_question and len(parts) == 1):
                found.append(part)
    return tuple(found)
