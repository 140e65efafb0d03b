"""School names by their structure, round 7 (session 13, issue 18). Generalises round 6
(``school_general.py``) where its rules stopped:

- a head word written with one typo ("gymnasuim", "lyceu", "colege"; in a compound "daltonscool"): one edit,
  one insertion, one deletion or two swapped letters away from a head word of six letters or more, and no word
  Dutch knows;
- a head word (after an article or preposition, with the kinds of school before it) followed by the name:
  "het atheneum college duinwijck", "de montessori basisschool overvecht", "het Gymnasium Sterrenwijk", "de
  Chinese school Lotusbloem": words Dutch does not know, places and name parts; ordinary words stop it;
- a short kind of school spoken before an article and a name: "naar so de zandloper", "obs t kraaiennest",
  "kbs st. lidwina", "ibs el amal".

Fail closed: a word Dutch does not know after a head word counts as a name.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists
from bot.privacy.school_general import HEADS, NAME, NAME_PARTS, PARTICLES, STOP, _KIND_WORDS, _adjacent, _classify, _on_name_lists, \
    _tokens, school_tail

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


def _head_then_name(text: str) -> Iterator[Span]:
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        if not _is_head(word):
            continue
        # walk back over kinds of school to the article or preposition that leads the name
        first = k
        while first > 0 and k - first < 3 and _adjacent(text, toks[first - 1], toks[first]) and \
                _modifier(toks[first - 1][2]):
            first -= 1
        if first == 0 or not _adjacent(text, toks[first - 1], toks[first]) or \
                toks[first - 1][2].lower() not in _ARTICLES and not toks[first][2][:1].isupper():
            continue   # "naar school ngl": without an article "school" is the place one goes, not a name
        last, j, titled_article = None, k + 1, False
        while j < len(toks) and j - k <= 4 and _adjacent(text, toks[j - 1], toks[j]):
            w = toks[j][2]
            if titled_article and w[:1].isupper() and w.lower() not in wordlists().geen_naam and \
                    not _is_head(w) and not lexicon.has_word_ending(w.lower()) and lexicon.zipf(w.lower()) < 6.0:
                last = j   # "Kindergemeenschap De Zeven Linden": capitalised words after a capitalised article
                j += 1
                continue
            if w in ("De", "Het") and last is None and j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]) \
                    and toks[j + 1][2][:1].isupper():
                titled_article = True
                j += 1
                continue
            if w.lower() in PARTICLES and last is None and j + 1 < len(toks) and w[:1].isupper() and \
                    _adjacent(text, toks[j], toks[j + 1]) and _name_after_head(toks[j + 1][2]):
                j += 1   # "Lyceum Ter Duinen", "College De Hofvijver": a capitalised particle inside the name
                continue
            if not _name_after_head(w) and not (first < k and last is None and _rare_compound_name(w)):
                break   # after a kind and a head ("t stedelijk lyceum weverspark") a rare compound is the name too
            last = j
            if w.endswith("."):
                break
            j += 1
        if last is None:
            continue
        a, b = toks[first][0], school_tail(text, toks[last][1])
        if first < k and toks[first - 1][2] == "t":
            a = toks[first - 1][0]   # a spoken "t" before a kind stays with the name: "t stedelijk lyceum weverspark"
        yield Span("school", a, b, text[a:b])


def _typo_heads(text: str) -> Iterator[Span]:
    """A head word with a typo, where round 6 would have seen a head word: name words before it
    ("t utrechts stedelijk gymnasuim") or a name after it ("de daltonscool de vuurtoren")."""
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        if not typo_head(word):
            continue
        first = k
        while first > 0 and k - first < 4 and _adjacent(text, toks[first - 1], toks[first]) and (
                _modifier(toks[first - 1][2]) or _name_word(toks[first - 1][2])) and \
                toks[first - 1][2].lower() not in _LEAD_WORDS:
            first -= 1
        if first == 0 or toks[first - 1][2].lower() not in _LEAD_WORDS:
            continue
        if first == k and not (k + 1 < len(toks) and toks[k + 1][2].lower() in ("de", "het")):
            continue   # "naar schoool": a typo alone is the word, not a name
        b = end
        if k + 2 < len(toks) and toks[k + 1][2].lower() in ("de", "het") and _adjacent(text, toks[k], toks[k + 1]) \
                and _classify(toks[k + 2][2], strict=False) != STOP:
            b = toks[k + 2][1]   # "de daltonscool de vuurtoren"
        yield Span("school", toks[first][0], b, text[toks[first][0]:b])


# a short kind of school before an article (also the spoken "t") and a name: "naar so de zandloper"
_SHORT_KIND = re.compile(r"(?<![\w])(?P<type>(?i:so|vso|sbo|obs|cbs|kbs|rkbs|pcbs|ibs|bs))[ ]{1,2}"
                         r"(?P<art>(?i:de|het|'t|’t|t|st\.|sint|el|al|an))[ ]{1,2}"
                         r"(?P<name>[^\W\d_][\w'’\-]{1,30}(?:[ ][^\W\d_][\w'’\-]{1,30})?)")


def _short_kind(text: str) -> Iterator[Span]:
    for m in _SHORT_KIND.finditer(text):
        words = m.group("name").split(" ")
        keep = []
        for w in words:
            if not keep or _name_word(w) or (w[:1].isupper() and lexicon.zipf(w) < 4.5):
                if w.lower() in wordlists().geen_naam or w.lower() in HEADS or _classify(w) == STOP and keep:
                    break
                keep.append(w)
            else:
                break
        if not keep or (lexicon.zipf(keep[0].lower()) >= 5.0 and not keep[0][:1].isupper()):
            continue   # "so de rest"; but "so De Witte Olifant"
        if m.group("type").lower() == "so" and m.group("type") == "so" and not _name_word(keep[0]) and \
                lexicon.zipf(keep[0].lower()) >= 3.0:
            continue   # "so de rest ...": lower-case "so" is English too; the name must be rare
        end = school_tail(text, m.start("name") + len(" ".join(keep)))
        yield Span("school", m.start("type"), end, text[m.start("type"):end])


# adjectives of a region that name where a school stands ("zeeuwse", "achterhoekse"); adjectives of a place
# are found from the place itself ("almeerse" -> almere, "utrechts" -> utrecht)
_REGION_ADJECTIVES = frozenset({
    "zeeuws", "fries", "gronings", "drents", "overijssels", "gelders", "utrechts", "noord-hollands",
    "zuid-hollands", "brabants", "limburgs", "flevolands", "achterhoeks", "twents", "veluws", "westfries",
    "west-fries", "zaans", "gooise", "gooi", "betuws", "kempisch", "hollands", "rijnlands", "delflands",
    "westlands", "zeeuws-vlaams", "haags", "amsterdams", "rotterdams"})


def place_adjective(word: str) -> bool:
    """"almeerse", "zeeuwse", "utrechts", "achterhoeks": an adjective made from a place or a region."""
    low = word.lower()
    if not low.isalpha() and "-" not in low:
        return False
    for suffix in ("sche", "se", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 3:
            stem = low[:-len(suffix)]
            if stem + "s" in _REGION_ADJECTIVES:
                return True
            for cand in (stem, stem + "e", stem + "en", stem + "a", stem.replace("ee", "e") + "e",
                         stem.replace("oo", "o") + "e", stem.replace("aa", "a") + "e", stem.replace("uu", "u") + "e"):
                if lexicon.is_place(cand):
                    return True
    return False


_STRONG_HEADS = frozenset({"college", "lyceum", "gymnasium", "atheneum", "technasium", "scholengemeenschap"})


def _compound_on_any_head(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low.isalpha() and any(low.endswith(h) and len(low) >= len(h) + 3 for h in ("school", "college", "lyceum"))


def _place_adjective_schools(text: str) -> Iterator[Span]:
    """"op het almeerse daltoncollege", "de zeeuwse havenvakschool", "t utrechts stedelijk gymnasium": an article,
    the adjective of a place or region, and a college, lyceum, gymnasium or a compound on a head word. A plain
    "de utrechtse school" stays (round 6: where, not which)."""
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower()
        if not (low in _STRONG_HEADS or typo_head(word) or _compound_on_any_head(word)) or k < 2:
            continue
        first = k - 1
        while first > 0 and k - first < 3 and not place_adjective(toks[first][2]) and _modifier(toks[first][2]) and \
                _adjacent(text, toks[first - 1], toks[first]):
            first -= 1   # "utrechts stedelijk gymnasium"
        if not place_adjective(toks[first][2]) or not _adjacent(text, toks[first], toks[first + 1]):
            continue
        if first == 0 or toks[first - 1][2].lower() not in _ARTICLES or not _adjacent(text, toks[first - 1], toks[first]):
            continue
        b = school_tail(text, end)
        yield Span("school", toks[first][0], b, text[toks[first][0]:b])


def _named_kind_compounds(text: str) -> Iterator[Span]:
    """A compound on a head word that alone is a kind of school ("vakschool", "praktijkschool",
    "technasium") after a title or a name: "Mr. Tichelaar Praktijkschool", "De Kroonvaart Vakschool", "het
    Genneper Technasium", "de Titus van Ommerenschool", "de prins willem alexanderschool"."""
    from bot.privacy.school_general import _words_before
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower().rstrip(".")
        compound = _compound_on_any_head(word)
        if not (compound or low in ("technasium", "kindergemeenschap")):
            continue
        first, titled = _words_before(text, toks, k, compound=compound)
        if first is None and compound:
            first, titled = _words_before(text, toks, k, compound=False)   # "De Kroonvaart Vakschool"
        if first is None and compound and word[:1].isupper():
            first = _first_name_before(text, toks, k)   # "de Jan van Tongerenschool"
        if first is None:
            continue
        if first > 0 and toks[first - 1][2] in ("De", "Het", "'t", "’t") and first - 1 > 0 and \
                not re.search(r"[.!?:]\s*$", text[:toks[first - 1][0]]):
            first -= 1   # "en De Kroonvaart Vakschool": a capitalised article inside the sentence is the name's
        end = end - 1 if word.endswith(".") else end
        a, b = toks[first][0], school_tail(text, end)
        yield Span("school", a, b, text[a:b])


def _first_name_before(text: str, toks: list, k: int) -> int | None:
    """"Jan van Tongerenschool": a capitalised first name, particles and capitalised words before a capitalised
    compound on a head word."""
    j, first, named = k - 1, None, False
    while j >= 0 and k - j <= 4 and _adjacent(text, toks[j], toks[j + 1]):
        w = toks[j][2]
        if w in ("van", "de", "der", "den", "ter", "ten") and (first is not None or j == k - 1):
            named = named or j == k - 1   # "... van Tongerenschool": a particle right before the compound
        elif w[:1].isupper() and w not in ("De", "Het") and w.lower() not in wordlists().geen_naam:
            first = j
            named = named or w.lower() in wordlists().voornamen or _on_name_lists(w.lower())
        else:
            break
        j -= 1
    while first is not None and toks[first][2] in ("van", "de", "der", "den", "ter", "ten"):
        first += 1
    return first if named and first is not None and first < k else None


# a school's name after a verb that names it: "mijn oude school heette De Sterrenwachter", "school heet al-ihsaan
# school", "Zijn school was de Titus ..."
_NAMED = re.compile(r"(?<![\w])(?i:school|basisschool|college)[ ](?i:heet|heette|heten|heetten|genaamd|noemt|noemde)"
                    r"(?:[ ](?:nu|toen|eerst|vroeger))?[ ](?P<name>(?:(?:De|Het|de|het|'t)[ ])?[^\W\d_][\w'’\-]{1,30}"
                    r"(?:[ ][^\W\d_][\w'’\-]{1,30}){0,2})")


def _named_by_verb(text: str) -> Iterator[Span]:
    for m in _NAMED.finditer(text):
        words = m.group("name").split(" ")
        keep = []
        for w in words:
            low = w.lower()
            if keep and not (_name_word(w) or _is_head(w) or (w[:1].isupper() and lexicon.zipf(low) < 4.5)):
                break
            keep.append(w)
        named = [w for w in keep if w.lower() not in ("de", "het", "'t")]
        if not named or not any(_name_word(w) or (w[:1].isupper() and lexicon.zipf(w.lower()) < 4.5
                                                  and w.lower() not in wordlists().geen_naam) for w in named):
            continue   # "de school heet gewoon ...": no name
        if all(w.lower() in HEADS or lexicon.is_place(w) for w in named):
            continue
        a = m.start("name")
        b = school_tail(text, a + len(" ".join(keep)))
        yield Span("school", a, b, text[a:b])


# an abbreviation with its full name in brackets: "het sgm (sint gregorius mavo)", "de CLZ (Christelijk Lyceum
# Zeeland)": both the letters and the name
_ABBR_EXPANDED = re.compile(r"(?<![\w])(?P<abbr>[A-Za-z]{2,5})[ ]\((?P<full>[^()]{4,60})\)")


def _spelled_in(abbr: str, full: str) -> bool:
    """The letters of ``abbr`` stand in ``full`` in order, the first one first: "rwl" in "rijnwaard lyceum"."""
    if not full.startswith(abbr[:1]):
        return False
    pos = 0
    for c in abbr:
        pos = full.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def _expanded_abbreviations(text: str) -> Iterator[Span]:
    for m in _ABBR_EXPANDED.finditer(text):
        abbr, full = m.group("abbr"), m.group("full")
        words = [w for w in re.split(r"[ \-]+", full) if w]
        if len(words) < 2 or not any(_is_head(w) or _compound_on_any_head(w) for w in words):
            continue
        initials = "".join(w[0] for w in words if w.lower() not in ("de", "het", "van", "der", "den", "'t")).lower()
        if abbr.lower() != initials and not initials.startswith(abbr.lower()) and not _spelled_in(abbr.lower(), full.lower()):
            continue   # the letters must be the name's initials, or spelled by it in order ("rwl": rijnwaard lyceum)
        if abbr.lower() in wordlists().school_afkortingen and len(words) < 3:
            continue
        yield Span("school", m.start("abbr"), m.end("abbr"), abbr)
        yield Span("school", m.start("full"), m.end("full"), full)


def find_round7_schools(text: str) -> Iterator[Span]:
    yield from _place_adjective_schools(text)
    yield from _named_kind_compounds(text)
    yield from _named_by_verb(text)
    yield from _expanded_abbreviations(text)
    yield from _head_then_name(text)
    yield from _typo_heads(text)
    yield from _short_kind(text)
