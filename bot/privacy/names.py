"""Names, where feasible (span assembly; the word tests are in name_words.py, the cue rules in
name_cues.py, the rules from the surroundings in name_context.py): after a cue ("ik ben", "mijn naam is", "mijn zoon", "juf", "mevrouw",
"groetjes,") and, anywhere, capitalised first names from the list in redaction_patterns.yml.

A name is a first token (capitalised and not a known non-name, or a listed first name in lower case)
followed by surname tokens: capitalised words, possibly after particles ("de Vries", "van der Linden").
Words in capitals only (GGD, SWV) end a name. Tokens are looked at in a short window after each cue,
so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.wordlists import wordlists
from bot.privacy.name_context import (_SENTENCE_END, _around, _initials_names, _lower_list_and_apposition,
                                       _unknown_names)
from bot.privacy.name_cues import CUE, _name_from, _tokens
from bot.privacy.name_words import FAMILY, STRONG, TITLE, TOKEN, WEAK, _capitalised, _double_first_name
from bot.privacy.name_words import _name_like  # noqa: F401  (re-exported for schools.py)
from bot.privacy.span import Span

# first names that are also a verb at the start of a sentence ("Mark dit gesprek als dringend")
_ALSO_A_VERB = frozenset({"mark"})
_IMPERATIVE_NEXT = re.compile(r"[ ]{1,2}(?:dit|deze|dat|die|het|een|mijn|ons|onze|uw|jullie|alstublieft|aub|even|"
                             r"maar|alles|iets|niets|me|mij|hem|haar)(?![\w])", re.IGNORECASE)


def find_names(text: str) -> Iterator[Span]:
    taken_until = -1
    taken: list[tuple[int, int]] = []
    for m in CUE.finditer(text):
        strength = next((k for k in (STRONG, TITLE, FAMILY, WEAK) if m.group(k)), WEAK)
        found = _name_from(text, _tokens(text, m.end()), cue=True, strength=strength)
        if found and found[0] >= taken_until:
            taken_until = found[1]
            taken.append(found)
    # listed first names without a cue (capitalised only), double first names ("Anna-Sophie")
    lists = wordlists()
    for m in TOKEN.finditer(text):
        word = m.group(0)
        if not _capitalised(word):
            continue
        if word.lower() in lists.voornamen:
            if word.lower() in _ALSO_A_VERB and _IMPERATIVE_NEXT.match(text, m.end()) and \
                    _SENTENCE_END.search(text[max(0, m.start() - 40):m.start()]):
                continue   # "Mark dit gesprek als dringend": a verb at the start of a sentence, not "Mark de Jong"
            found = _name_from(text, _tokens(text, m.start()), cue=False)
        elif _double_first_name(word):
            found = (m.start(), m.end())
        else:
            continue
        if found:
            taken.append(found)
    taken += list(_initials_names(text))
    taken += [(s.start, s.end) for s in _unknown_names(text, taken)]
    taken += list(_around(text, taken))
    taken += list(_lower_list_and_apposition(text, taken))
    for a, b in taken:
        yield Span("naam", a, b, text[a:b])
