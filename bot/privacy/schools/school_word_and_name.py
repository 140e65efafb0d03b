"""A school word or abbreviation and the capitalised name next to it, token by token:

- an abbreviation, then the name: "OBS De Klimop", "cbs de wegwijzer", "ROC Midden Nederland";
- a kind of school in one word, then its name: "de SBO-school De Kring" (the kind alone stays);
- a school word, then the name ("Basisschool De Regenboog", "RK basisschool Sint Jozef"), or a name, then a
  capitalised school word ("Da Vinci College", "Johan de Witt Scholengroep"; not "Welke school");
- one capitalised compound that ends in school/college/lyceum and is not a school type itself: "Jan Pieterszoon
  Coenschool", "Montessorischool Noord".

Word lists (school words, abbreviations, generic compounds) are in redaction_patterns.yml.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.tokens import _adjacent, _cap, _name_after, _name_before, _tokens
from bot.privacy.schools.words import _COMPASS
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


def find_school_word_and_name(text: str) -> Iterator[Span]:
    lists = wordlists()
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower()
        span = None
        if low in lists.school_afkortingen and (word.isupper() or low not in lists.school_afkortingen_alleen_hoofdletters):
            # "OBS De Klimop", "cbs de wegwijzer"
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                last = _name_after(text, toks, k + 1, lowercase_ok=True)
                if last is not None:
                    span = (start, toks[last][1])
        elif "-" in low and low.split("-")[0] in lists.school_afkortingen and low.split("-")[-1] in lists.school_woorden:
            # "de SBO-school De Kring": a kind of school, then its name (the kind alone stays)
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                last = _name_after(text, toks, k + 1, lowercase_ok=False)
                if last is not None:
                    span = (toks[k + 1][0], toks[last][1])
        elif low in lists.school_woorden:
            # a type word, then a name ("Basisschool De Regenboog"), or a name, then it ("Da Vinci College")
            first = k
            while first > 0 and _adjacent(text, toks[first - 1], toks[first]) and \
                    toks[first - 1][2].lower() in lists.school_voorwoorden:
                first -= 1   # "RK basisschool", "openbare basisschool"
            after = None
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                after = _name_after(text, toks, k + 1, lowercase_ok=False)
            # a name before the school word only when the word itself is capitalised ("Vathorst College");
            # "Welke school", "Middelbare school" are questions and kinds, not names
            before = _name_before(text, toks, first) if _cap(word) else None
            if before is not None:
                span = (toks[before][0], toks[after][1] if after is not None else end)
            elif after is not None and (low not in lists.school_woorden_alleen_na_naam
                                        or toks[k + 1][2] in ("De", "Het", "'t", "'T", "Ter", "Ten", "Den")):
                span = (toks[first][0], toks[after][1])   # "Lyceum De Vaart"; not "College van Bestuur"
            elif (_cap(word) and after == k + 1 and (toks[k + 1][2].lower() in _COMPASS or lexicon.is_place(toks[k + 1][2]))
                  and re.search(r"(?:^|[^\w])(?:het|de|'t)[ ]$", text[max(0, start - 5):start], re.IGNORECASE)):
                span = (toks[first][0], toks[after][1])   # "van het Atheneum Zuid", "het Lyceum Almere"
        elif _cap(word) and low not in lists.geen_school and low.split("-")[0] not in lists.school_afkortingen and any(
                low.endswith(s) and len(low) > len(s) + 2 for s in lists.school_achtervoegsels):
            # "Coenschool", "Jan Pieterszoon Coenschool", "Montessorischool Noord"
            before = _name_before(text, toks, k)
            after = None
            if k + 1 < len(toks) and _adjacent(text, toks[k], toks[k + 1]):
                after = _name_after(text, toks, k + 1, lowercase_ok=False)
            span = (toks[before][0] if before is not None else start, toks[after][1] if after is not None else end)
        if span:
            yield Span("school", span[0], span[1], text[span[0]:span[1]])
