"""The rest of a name after its first part (session 13, round 6): one structural pass over every name the
other rules found, instead of one rule per form of surname.

- a surname after a particle, in any case: "Mees ter Haar", "lieke vd berg", "abdullah al-sayed";
- a lower-case surname that Dutch does not know after a lower-case first name: "yonas ghebremedhin",
  "sjoerd hylkema", "kwame asante-boateng" (not "daan zit", "noor is": ordinary words go on with the sentence);
- a capitalised surname that is no common word after a capitalised name;
- a capitalised first name Dutch does not know before a found surname: "moeder Rachelle Sabajo".

Fail closed on rare words, open on ordinary ones (wordfreq through ``bot.privacy.lexicon``). Anchored at a
name's edges, so the work stays linear.
"""
from __future__ import annotations

import re

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists

_NEXT = re.compile(r"[ ]{1,2}(?P<part>(?:(?:van|de|der|den|ter|ten|vd|v\.d\.|v/d|'t|el|al|von|da|dos|do|du|le|la|di)[ ])"
                   r"{0,3})(?P<w>[^\W\d_][^\W\d_'’]*(?:['’-][^\W\d_]+){0,2})(?![\w'’\-])")
_STRONG_PARTICLES = ("vd ", "v.d. ", "v/d ", "ter ", "ten ", "van der ", "van den ", "der ", "den ")
_PREVIOUS = re.compile(r"(?<![\w'’\-])(?P<w>[A-ZÀ-Þ][a-zà-ÿ'’]{2,30})[ ]$")


def _rare(word: str, limit: float = 2.5) -> bool:
    return all(lexicon.zipf(p) < limit for p in word.lower().split("-") if p)


def _surname_ok(word: str, part: str, name_is_lower: bool) -> bool:
    lists = wordlists()
    low = word.lower()
    strong = part.startswith(_STRONG_PARTICLES)
    if word[:1].isupper() and strong and not word.isupper():
        return True   # "Mees ter Haar", "Rik van der Meer": a capitalised word after "ter"/"van der" is a surname
    if any(p in lists.geen_naam for p in low.split("-") if p) or low in lists.geen_naam:
        return False
    if word[:1].isupper():
        if word.isupper() and len(word) > 1:
            return False   # "GGD", "SWV": an organisation
        if part:
            return not lexicon.is_place(low) or part.strip() in ("van", "ter", "ten", "van der", "van den")
        return lexicon.zipf(low) < 3.5 and not lexicon.is_place(low) and not lexicon.has_word_ending(low)
    if not name_is_lower:
        return False   # "Sanne en", "Daan zit": a capitalised name is followed by a capitalised surname
    if strong:
        return lexicon.zipf(low) < 5.0   # "lieke vd berg": after "vd"/"ter" a surname, even an ordinary word
    if part:
        return _rare(low, 3.0) and not lexicon.has_word_ending(low)
    if lexicon.has_word_ending(low):
        return False
    if low in lists.voornamen and lexicon.zipf(low) < 5.0:
        return True   # "roos maria": a second first name
    low = re.sub(r"^(?:al|el|ul|ad|as|ben|bin|abu)-", "", low)   # "al-sayed": a particle joined by a dash
    if "-" not in low and lexicon.is_compound(low) and not (lexicon.is_place(low) and lexicon.zipf(low) < 3.0):
        return False
    if lexicon.is_place(low):
        return lexicon.zipf(low) < 3.0   # "daan oosterwijk": a rare place name is a surname here
    parts = [p for p in low.split("-") if p]
    if len(parts) > 1:   # "achterkamp-mulder": one rare part, none an ordinary word ("ouder-kind" stays)
        return any(lexicon.zipf(p) < 2.5 for p in parts) and all(lexicon.zipf(p) < 4.5 for p in parts)
    return _rare(low)


def extend_name(text: str, a: int, b: int) -> tuple[int, int]:
    """The name span ``text[a:b]`` with the surname words that follow it (up to three) and an unknown
    capitalised first name before it."""
    name_is_lower = text[a:b].islower()
    for _ in range(3):
        m = _NEXT.match(text, b)
        # "hoekstra-van dijk": a particle joined to the name by a dash counts as a particle before the next word
        joined = re.search(r"-(?:van|de|der|den|ter|ten)$", text[a:b], re.IGNORECASE)
        part = m.group("part") if m else ""
        if m and joined and not part:
            part = "van der "   # a strong particle
        if not m or not _surname_ok(m.group("w"), part, name_is_lower):
            break
        b = m.end()
    if text[a:a + 1].isupper():
        prev = _PREVIOUS.search(text, max(0, a - 32), a)
        if prev and lexicon.zipf(prev.group("w")) < 2.5 and not lexicon.is_place(prev.group("w")) and \
                prev.group("w").lower() not in wordlists().geen_naam and \
                not re.search(r"(?:^|[.!?:]\s*)$", text[max(0, prev.start() - 3):prev.start()]):
            a = prev.start()   # "zijn moeder Rachelle Sabajo" (not at the start of a sentence)
    return a, b
