"""What a head word is and which words around it name a school: a head word ("college", "lyceum", the
extra heads "technasium", "kindcampus"), also written with one typo ("gymnasuim", "colege"; in a compound
"daltonscool"); kinds of school and adjectives before it ("montessori", "Chinese", "utrechts stedelijk"); and the
words after it that name the school (a capital that is no common word, a place, a word Dutch does not know).
"""
from __future__ import annotations

from bot.privacy import lexicon
from bot.privacy.schools.words import HEADS, NAME, NAME_PARTS, STOP, _KIND_WORDS, _classify
from bot.privacy.wordlists import wordlists


LONG_HEADS = ("college", "school", "lyceum", "gymnasium", "atheneum", "basisschool", "academie", "montessori",
              "scholengemeenschap")

_TYPO_HEADS_IN_COMPOUND = ("school", "college", "lyceum")

_RARE = 2.0


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one substitution, insertion, deletion or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) < len(b):
        a, b = b, a
    return any(a[:i] + a[i + 1:] == b for i in range(len(a)))


def typo_head(word: str) -> bool:
    """A head word with one typo ("gymnasuim", "colege"), or a compound ending in one ("daltonscool")."""
    low = word.lower()
    if not low.isalpha() or len(low) < 6 or low in HEADS or lexicon.zipf(low) >= _RARE:
        return False
    if any(_one_edit(low, h) for h in LONG_HEADS if len(h) >= 6):
        return True
    for head in _TYPO_HEADS_IN_COMPOUND:
        for cut in (len(head) - 1, len(head), len(head) + 1):
            stem, tail = low[:-cut], low[-cut:]
            if len(stem) >= 4 and tail != head and _one_edit(tail, head) and lexicon.zipf(stem.rstrip("s")) >= 3.0 \
                    and not lexicon.has_word_ending(stem):
                return True   # "daltonscool": a known first part and a head word with one typo
    return False


EXTRA_HEADS = frozenset({"technasium", "kindergemeenschap", "kindcampus", "kindercampus", "kinderopvang"})


def _is_head(word: str) -> bool:
    low = word.lower()
    return low in HEADS or (low in EXTRA_HEADS and low != "kinderopvang") or typo_head(word)


_ARTICLES = frozenset({"de", "het", "'t", "’t", "t"})

_LEAD_WORDS = frozenset({"de", "het", "'t", "’t", "t", "op", "naar", "bij", "van", "aan"})


def _modifier(word: str) -> bool:
    """A kind of school or an adjective before a head word ("montessori", "Chinese", "utrechts stedelijk")."""
    low = word.lower()
    return low in _KIND_WORDS or low in HEADS or low in ("stedelijk", "stedelijke", "christelijk", "katholiek",
                                                         "openbaar", "bijzonder", "algemeen", "algemene") \
        or (low.endswith(("se", "sche", "ische")) and low.isalpha() and len(low) > 4) \
        or (low.endswith("s") and len(low) > 4 and lexicon.is_place(low[:-1]))   # "utrechts", "achterhoeks"


def _name_after_head(word: str) -> bool:
    """A word after a head word that names the school: capitalised and no common word, a place, or a word
    Dutch does not know at all ("duinwijck"); not "de school belt", "de school hem", "de school binnen"."""
    low = word.lower().rstrip(".")
    if low in wordlists().geen_naam or low in wordlists().geen_school or low in HEADS or lexicon.has_word_ending(low):
        return False
    if lexicon.is_place(low) and (word[:1].isupper() or lexicon.zipf(low) < 3.0):
        return True   # "Lyceum Almere", "basisschool overvecht"; not "de school belt", "de school hem"
    if word[:1].isupper():
        return lexicon.zipf(low) < 4.0 and _classify(word, strict=False) != STOP
    return lexicon.zipf(low) < 2.0 and not low.endswith(("t", "en")) and not lexicon.is_compound(low)


def _name_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    if low in NAME_PARTS or word.lower() in NAME_PARTS:
        return True
    if low in wordlists().geen_naam or low in wordlists().geen_school or low in HEADS:
        return False
    return lexicon.is_place(low) or _classify(word, strict=False) == NAME


def _rare_compound_name(word: str) -> bool:
    low = word.lower()
    return low.isalpha() and len(low) >= 6 and lexicon.zipf(low) < 1.5 and lexicon.is_compound(low) and \
        low not in wordlists().geen_naam and low not in wordlists().geen_school and not lexicon.has_word_ending(low)


_STRONG_HEADS = frozenset({"college", "lyceum", "gymnasium", "atheneum", "technasium", "scholengemeenschap"})


def _compound_on_any_head(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low.isalpha() and any(low.endswith(h) and len(low) >= len(h) + 3 for h in ("school", "college", "lyceum"))
