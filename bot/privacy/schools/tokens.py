"""Looking at a school name word by word: the tokens of a text, capitals, and the capitalised name that stands
right before or after a school word (used by ``school_word_and_name``). Short windows, so the work stays linear.
"""
from __future__ import annotations

import re

from bot.privacy.wordlists import wordlists


TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|'t|'T")

PARTICLES = {"de", "het", "'t", "den", "der", "van", "sint", "st.", "la", "le", "da", "di", "ter", "ten"}

MAX_NAME = 4


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _adjacent(text: str, a: tuple, b: tuple) -> bool:
    """Only spaces between two tokens (punctuation ends a name)."""
    gap = text[a[1]:b[0]]
    return 0 < len(gap) <= 2 and gap.strip() == ""


# capitalised prepositions that start a school's name after its school word ("Aan de Amstel", "Achter de Dijk")
_NAME_PREPOSITIONS = frozenset({"aan", "over", "in", "op", "bij", "onder", "achter", "tussen", "langs", "om", "door"})


def _name_after(text: str, toks: list, i: int, lowercase_ok: bool) -> int | None:
    """Index of the last token of a name starting at ``toks[i]``, or None."""
    lists = wordlists()
    j, last, had_particle = i, None, False
    while j < len(toks) and j - i < MAX_NAME + 2:
        if j > i and not _adjacent(text, toks[j - 1], toks[j]):
            break
        word = toks[j][2]
        low = word.lower()
        if low in PARTICLES and last is None and not had_particle:
            had_particle = True
        elif (low in PARTICLES and last is not None and j + 1 < len(toks) and _cap(toks[j + 1][2])
              and _adjacent(text, toks[j], toks[j + 1])):
            pass   # "Johan de Witt": a particle inside the name
        elif (_cap(word) and low in _NAME_PREPOSITIONS and not had_particle and j + 2 < len(toks)
              and toks[j + 1][2].lower() in ("de", "het", "'t", "den") and _cap(toks[j + 2][2])
              and _adjacent(text, toks[j], toks[j + 1]) and _adjacent(text, toks[j + 1], toks[j + 2])):
            pass   # "Montessorischool Aan de Amstel", "Basisschool Over de Brug": a capitalised preposition
        elif _cap(word) and not lists.not_a_school_name(low) and low not in lists.school_woorden:
            last = j
        elif last is None and lowercase_ok and had_particle and not lists.not_a_school_name(low) and len(word) > 2:
            last = j   # "cbs de wegwijzer": a lower-case name after a particle
            break
        else:
            break
        j += 1
    return last


def _name_before(text: str, toks: list, k: int) -> int | None:
    """Index of the first token of a capitalised name that ends right before ``toks[k]``, or None."""
    lists = wordlists()
    j, first = k - 1, None
    while j >= 0 and k - j <= MAX_NAME + 1 and _adjacent(text, toks[j], toks[j + 1]):
        word, low = toks[j][2], toks[j][2].lower()
        if _cap(word) and not lists.not_a_school_name(low) and low not in PARTICLES and low not in lists.school_woorden:
            first = j
        elif low in ("sint", "st.") and _cap(word):
            first = j   # "Sint Jozefschool"
            break
        elif low in PARTICLES and first is not None and _cap(word):
            first = j  # "Da Vinci College": a capitalised particle starts the name
            break
        elif low in PARTICLES and first is not None and j > 0 and _cap(toks[j - 1][2]):
            pass  # "Johan de Witt": a particle inside the name
        else:
            break
        j -= 1
    return first
