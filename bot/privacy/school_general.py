"""School names by their structure, in any case (session 13, round 6). Earlier rounds found school names by
the forms the development sets used; these rules look at the shape of a name instead and ask ``wordfreq``
(through ``bot.privacy.lexicon``) whether its words are ordinary Dutch words:

- a head word ("college", "school", "lyceum", "mavo", "skoalle", ...) or a compound ending in one
  ("bosmanschool"), with the 1-4 words before it that are no ordinary words or are parts of a name ("sint",
  "st.", "meester", "dr.", "ds.", particles inside the name): "het drenthe poort college", "de aafke steenstra
  school", "de willem de zwijgerschool", "Dr. Kuipersschool". Ordinary words stop the name, so "de nieuwe
  school", "een goede school", "de middelbare school" stay;
- what follows a school's name and belongs to it: a branch ("locatie velp", "(locatie de kolk)"), a part of
  town ("noord", "westzijde") or a place ("Almere Haven");
- the 2-4 letter abbreviation pupils use for their school after "op/naar/van/bij de/het/'t" ("op het hzc",
  "naar de GBL"), when it is no known word, kind of school or organisation; and a clipped name after "op 't"
  ("op t mondri").

Fail closed: a word Dutch does not know counts as a name. Tokens are looked at in windows of a few words, so
the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

HEADS = frozenset({"college", "school", "lyceum", "scholengemeenschap", "scholengroep", "mavo", "skoalle", "skoalle's",
                   "academie", "campus", "gymnasium", "atheneum", "basisschool", "kindcentrum", "schoal"})
COMPOUND_HEADS = ("school", "college", "lyceum", "skoalle")
# words that are part of a school's name although Dutch knows them: titles and saints
NAME_PARTS = frozenset({"sint", "st", "st.", "meester", "mr", "mr.", "dr", "dr.", "ds", "ds.", "prof", "prof.", "pater",
                        "broeder", "zuster", "koning", "koningin", "prins", "prinses", "graaf", "gravin", "hertog",
                        "heilige", "h.", "kardinaal", "bisschop", "paus", "dominee", "juffrouw", "mgr", "mgr.",
                        "monseigneur", "pastoor", "kapelaan", "ir", "ir.", "drs", "drs."})
# particles inside a name ("jan van kampen", "willem de zwijger", "an nour al jadid")
PARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "het", "'t", "al", "el", "an", "la", "le", "da", "di",
                       "von", "du", "des", "y", "ibn", "bin", "abu", "ten"})
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?\.?|'t|’t")   # a closing quote is no part of a word ("‘tamar college’")
MAX_WORDS = 4
# words that make what follows a kind of school, not one school ("de christelijke school", "de vrije school")
_KIND_WORDS = frozenset({
    "openbare", "christelijke", "katholieke", "protestantse", "islamitische", "speciale", "gereformeerde",
    "reformatorische", "evangelische", "joodse", "hindoe", "vrije", "montessori", "jenaplan", "dalton", "waldorf",
    "internationale", "international", "europese", "engelse", "duitse", "franse", "turkse", "poolse", "arabische",
    "koran", "zomer", "lagere", "hogere", "middelbare", "basis", "praktijk", "particuliere", "private", "reguliere",
    "gewone", "taal", "muziek", "rij", "zwem", "dans", "kunst", "sport", "mbo", "hbo", "vmbo", "havo", "vwo",
    "tweetalige", "categorale", "zml", "mytyl", "tyltyl", "cluster", "brede", "kleine", "grote", "nieuwe", "oude",
    "andere"
})


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _adjacent(text: str, a: tuple, b: tuple) -> bool:
    gap = text[a[1]:b[0]]
    return 0 < len(gap) <= 2 and gap.strip() == ""


NAME, ORDINARY, STOP = "name", "ordinary", "stop"


def _classify(word: str, strict: bool = True) -> str:
    """What a word before a school's head word is: part of a name (a word Dutch does not know, a name on the
    name lists, a place, a title), an ordinary word that a name may hold ("poort", "weide"), or a word that
    ends the name (function words, kinds of school, adjectives: "de nieuwe school", "een goede school")."""
    from bot.privacy.school_lower_case import _NOT_IN_SCHOOL_NAME, _GENERIC_BEFORE_TYPE
    lists = wordlists()
    low = word.lower()
    if low in NAME_PARTS or re.fullmatch(r"[^\W\d_]\.", low):
        return NAME   # a title, or an initial ("carolus a. lapide school")
    low = low.rstrip(".")
    if len(low) < 2 or low in _NOT_IN_SCHOOL_NAME or low in _GENERIC_BEFORE_TYPE or low in _KIND_WORDS or \
            low in lists.geen_naam or low in lists.geen_school or low in lists.school_afkortingen or low in HEADS or \
            low in lists.school_woorden or lexicon.has_word_ending(low):
        return STOP
    z = lexicon.zipf(low)
    if lexicon.is_place(low):
        return NAME
    if low.endswith(("se", "sche", "ische")) and z >= lexicon.KNOWN:
        return STOP   # "de utrechtse school": an adjective, where it is, not which one
    if z < 3.0 and lexicon.is_compound(low):
        return ORDINARY if strict else NAME   # "kerstvakantie belt school"; but "het hofkwartier college"
    if z < 3.0 or (z < 4.0 and _on_name_lists(low)):
        return NAME
    if (low.endswith("e") and z >= 3.5) or z >= 5.0:
        return STOP   # "de juiste school", "zijn eigen school"
    return ORDINARY


def _on_name_lists(low: str) -> bool:
    lists = wordlists()
    return low in lists.voornamen or low in lists.achternamen or low in lists.namen_bron


def _is_compound_on_head(word: str) -> bool:
    """A compound on a head word that is not a kind of school ("basisschool", "muziekschool", "zomerschool")."""
    from bot.privacy.school_mentions import _KIND_PARTS
    lists = wordlists()
    low = word.lower()
    if not low.isalpha():
        return False   # "vraag_terug_naar_school", "zml-school", a web address
    for head in COMPOUND_HEADS:
        if low.endswith(head) and len(low) >= len(head) + 3 and low != head:
            stem = low[:-len(head)].rstrip("-")
            kind = stem in _KIND_PARTS or stem.rstrip("s") in _KIND_PARTS or (
                stem.startswith(_KIND_PARTS) and lexicon.is_compound(stem))   # "muziekschool", not "bosmanschool"
            return not (low in lists.geen_school or low in lists.school_woorden or kind
                        or stem in lists.school_afkortingen or len(stem) < 3)
    return False


def _compound_head(word: str) -> bool:
    """"bosmanschool", "Kuipersschool": a compound on a head word whose first part is a name, not an ordinary
    word ("droomschool")."""
    low = word.lower()
    for head in COMPOUND_HEADS:
        if low.endswith(head):
            stem = low[:-len(head)].rstrip("-")
            if lexicon.has_word_ending(stem):
                return False
            z = lexicon.zipf(stem)
            return z < 3.0 or (z < 4.0 and (_on_name_lists(stem) or _on_name_lists(stem.rstrip("s"))))
    return False


def _words_before(text: str, toks: list, k: int, compound: bool = False) -> tuple[int | None, bool]:
    """Index of the first token of the name that ends right before ``toks[k]`` (or None), and whether a title
    ("sint", "meester", "dr.") stands in it. A compound head ("zwijgerschool") is itself part of the name."""
    j, first, titled = k - 1, (k if compound else None), False
    names = 1 if compound and _compound_head(toks[k][2]) else 0
    # a compound of ordinary words names a college or a lyceum ("het hofkwartier college"), not a "school"
    strict = compound or toks[k][2].lower() in ("school", "basisschool", "schoal", "kindcentrum", "campus", "academie")
    while j >= 0 and k - j <= MAX_WORDS + 1 and _adjacent(text, toks[j], toks[j + 1]):
        word = toks[j][2]
        low = word.lower()
        if word.endswith(".") and low not in NAME_PARTS and not re.fullmatch(r"[^\W\d_]\.", word):
            break   # (an initial inside the name stays: "carolus a. lapide school")   # "... dat al vijf maanden thuiszit. School, ...": a sentence ends there
        kind = _classify(word, strict)
        if word.isupper() and len(word) > 1 and low not in NAME_PARTS:
            break   # "ZML school", "SCOPE scholengroep": a kind or an organisation in capitals
        if low in PARTICLES and first is not None and j > 0 and _adjacent(text, toks[j - 1], toks[j]) and \
                _classify(toks[j - 1][2], strict) != STOP and toks[j - 1][2].lower() not in PARTICLES:
            pass   # "willem de zwijger", "jan van kampen": a particle inside the name
        elif low in PARTICLES and first is not None and word[:1].isupper() and low in ("al", "el", "an", "da", "di", "la"):
            first = j   # "An Nour Al Jadid school": a capitalised particle starts the name
        elif kind == STOP or low in PARTICLES:
            break
        else:
            first = j
            if low in NAME_PARTS:
                titled = True
            elif kind == NAME:
                names += 1
        j -= 1
    if first is None or first == k:
        return None, titled
    # the name does not start with an ordinary lower-case word: "mijn dochter school" is no school
    while first < k and (toks[first][2] in PARTICLES or (
            _classify(toks[first][2], strict) == ORDINARY and not toks[first][2][:1].isupper()
            and toks[first][2].lower() not in wordlists().voornamen)):
        first += 1   # (a first name stays: "het pieter de hooch lyceum")
    if first >= k or (names == 0 and not titled):
        return None, False
    return first, titled


_AFTER = re.compile(
    r"[ ]{1,2}(?:\((?P<bloc>(?i:locatie|vestiging|afdeling)[ ](?:(?:de|het|'t)[ ])?[^\W\d_][\w'’\-]{1,30}"
    r"(?:[ ][^\W\d_][\w'’\-]{1,30})?)\)"
    r"|(?P<loc>(?i:locatie|vestiging)[ ](?:(?:de|het|'t)[ ])?[^\W\d_][\w'’\-]{1,30})"
    r"|(?P<compass>(?i:noord|zuid|oost|west|centrum)(?i:zijde|kant)?)(?![\w])"
    r"|(?P<place>[A-ZÀ-Þ][\w'’\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'’\-]{1,30})?))")


def school_tail(text: str, end: int) -> int:
    """The end of a school's name, with a branch, part of town or place that follows it."""
    m = _AFTER.match(text, end)
    if not m:
        return end
    if m.group("place"):
        place = m.group("place")
        if lexicon.is_place(place):
            return m.end()
        first = place.split()[0]
        # "Het Bakenhof Almere Haven": a place and its part; a place alone after the name is where it is
        if len(place.split()) == 2 and lexicon.is_place(first):
            return m.end()
        return end
    return m.end()


# what stands right before a school's name
_LEAD = re.compile(r"(?:(?<![\w'’])(?:de|het|'t|’t|t|op|naar|bij|van|aan|school|basisschool)[ ]{1,2}['‘’\"“]?|[(:][ ]{0,2})$",
                   re.IGNORECASE)


def _head_schools(text: str) -> Iterator[Span]:
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        low = word.lower()
        compound = low not in HEADS and _is_compound_on_head(word)
        if low not in HEADS and not compound:
            continue
        first, titled = _words_before(text, toks, k, compound)
        if compound and not (titled or _compound_head(word) or first is not None):
            continue   # "sint jozefschool": after a title or a name any compound on a head word names a school
        if first is None and not compound:
            continue
        a = toks[first][0] if first is not None else start
        if a == start and not compound:
            continue
        if not _LEAD.search(text, max(0, a - 12), a):
            continue   # a school's name follows an article or a preposition: "op de aafke steenstra school";
            #            not "wnt school", "i need help with my child's school", "naar een mytylschool"
        yield Span("school", a, school_tail(text, end), text[a:school_tail(text, end)])


# the abbreviation of one school: "op het hzc", "naar de GBL", "van 't CLZ"
_ABBR = re.compile(r"(?<![\w])(?:op|naar|van|bij|school(?:naam)?[ ]is)[ ]{1,2}(?:de|het|'t|’t|t)[ ]{1,2}"
                   r"(?P<abbr>[A-Za-z]{2,4})(?![\w'’\-])")
# kinds of school, courses and organisations pupils name with an abbreviation that are not one school
_NOT_ONE_SCHOOL = frozenset({
    "vmbo", "havo", "vwo", "mbo", "hbo", "wo", "mavo", "roc", "isk", "pro", "vso", "so", "sbo", "bso", "kdv", "psz",
    "azc", "coa", "ggd", "uwv", "cjg", "swv", "duo", "ind", "wmo", "ib", "pgb", "opp", "tlv", "svb", "cak", "ggz",
    "vo", "po", "avo", "bbl", "bol", "kb", "bb", "gl", "tl", "lwoo", "vavo", "ikc", "obs", "cbs", "ovk", "zat",
    "abc", "ict", "pc", "tv", "ok", "wc", "gym", "bus", "cito", "iq", "adhd", "add", "ass", "pdd", "odd", "ptss",
    "wijk", "mdt", "wet", "ivo", "mee", "rvdk", "vng", "oc", "ocw", "zon", "pdf", "app", "www", "nt", "nt2", "ns",
    "ov", "anwb", "ah", "hema", "gpo", "lkc", "rmc", "cvb", "gmr", "mr", "jgz", "ppo", "vsv", "bao", "zml", "mytyl",
    "mdo", "ot", "otp", "bo", "sova", "rt", "ib'er", "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep",
    "okt", "nov", "dec"
})


# wordfreq knows many letter combinations from the web ("gbl" 2.15); a school's initials stay below this
_ABBR_KNOWN = 2.5


def _abbreviations(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _ABBR.finditer(text):
        abbr = m.group("abbr")
        low = abbr.lower()
        if low in _NOT_ONE_SCHOOL or low in lists.school_afkortingen or low in lists.geen_naam or low in lists.geen_school:
            continue
        if not (abbr.isupper() or abbr.islower()) or lexicon.zipf(low) >= _ABBR_KNOWN or lexicon.is_place(low):
            continue   # "op de bank", "naar het bos": a word
        if not abbr.isupper() and any(c in "aeiou" for c in low[1:-1]) and len(low) == 4:
            continue   # a lower-case four-letter word with a vowel inside is more likely a word than initials
        end = school_tail(text, m.end("abbr"))
        yield Span("school", m.start("abbr"), end, text[m.start("abbr"):end])


# "op t mondri", "naar t ravelijn": a clipped or rare name after a spoken article, a word Dutch hardly knows
# ("op t werk", "naar t strand" stay)
_CLIPPED = re.compile(r"(?<![\w])(?:op|naar|van|bij)[ ]{1,2}(?P<art>'t|’t|t)[ ]{1,2}(?P<name>[a-z][a-z\-]{3,14})(?![\w'’])")


def _clipped(text: str) -> Iterator[Span]:
    for m in _CLIPPED.finditer(text):
        name = m.group("name")
        if lexicon.zipf(name) >= _ABBR_KNOWN or lexicon.is_place(name) or lexicon.is_place(name) or \
                name in wordlists().geen_naam or name in wordlists().geen_school:
            continue
        yield Span("school", m.start("art"), m.end("name"), text[m.start("art"):m.end("name")])


# a kind of school that, followed by a name, names one school: "roc zuidkust", "bs de springplank", "jenaplan de
# hoge weide", "montessorischool de lindeboom" (also misspelled: "montesorri school")
_TYPE_THEN_NAME = re.compile(
    r"(?<![\w])(?P<type>(?i:obs|cbs|pcbs|rkbs|kbs|ibs|sbo|vso|ikc|roc|csg|(?-i:BS|SO|KC)|bs(?=[ ](?:de|het|'t)[ ])|"
    r"(?:montessori|montesorri|montesori|jenaplan|dalton|waldorf|vrije)(?:[ ]?school)?))[ ]{1,2}"
    r"(?P<art>(?:de|het|'t|De|Het)[ ]{1,2})?(?P<name>[^\W\d_][\w'’\-]{1,30}(?:[ ][^\W\d_][\w'’\-]{1,30}){0,2})")


def _type_then_name(text: str) -> Iterator[Span]:
    from bot.privacy.school_lower_case import _NOT_IN_SCHOOL_NAME
    lists = wordlists()
    for m in _TYPE_THEN_NAME.finditer(text):
        words = []
        for w in m.group("name").split():
            low = w.lower()
            if low in _NOT_IN_SCHOOL_NAME or low in lists.geen_naam or low in HEADS or low in lists.school_afkortingen \
                    or low in lists.school_woorden or lexicon.has_word_ending(low) or \
                    (not words and not m.group("art") and lexicon.is_place(low)) or (words and lexicon.zipf(low) >= 5.0):
                break
            words.append(w)
        if not words:
            continue
        if not m.group("art") and (_classify(words[0]) == STOP or lexicon.zipf(words[0]) >= 4.0):
            continue   # "roc zuidkust"; not "montessori onderwijs", "de vrije school heeft ..."
        if m.group("art") and all(_classify(w) == STOP for w in words):
            continue
        end = m.start("name") + len(" ".join(words))
        end = school_tail(text, end)
        yield Span("school", m.start("type"), end, text[m.start("type"):end])


# a form's label for the school, then its name: "School: Het Brummense Heem (locatie Dieren)", "Vorige school: De
# Wissel", "School tot vorige week: Het Nieuwe Eemhof (havo)"
_LABEL = re.compile(r"(?<![\w])(?:(?:vorige|huidige|oude|nieuwe|laatste)[ ])?(?:[Ss]chool|SCHOOL)(?:naam)?"
                    r"(?:[ ][a-zà-ÿ0-9]{1,12}){0,4}[ ]?:[ ]{1,3}(?P<value>[^\W\d_][\w'’\-]{0,30}(?:[ ][^\W\d_][\w'’\-.]{0,30}){0,4})")


def _labelled(text: str) -> Iterator[Span]:
    from bot.privacy.school_lower_case import _NOT_IN_SCHOOL_NAME
    lists = wordlists()
    for m in _LABEL.finditer(text):
        words = []
        for w in m.group("value").split(" "):
            low = w.lower().rstrip(".")
            if words and (low in _NOT_IN_SCHOOL_NAME and low not in ("de", "het", "van") or w.endswith(".")):
                if w.endswith(".") and low not in _NOT_IN_SCHOOL_NAME:
                    words.append(w.rstrip("."))
                break
            words.append(w)
        while words and words[-1].lower() in PARTICLES:
            words.pop()
        lows = [w.lower() for w in words]
        if not words or lows[0] in lists.geen_naam and lows[0] not in ("de", "het") or lows[0] in _NOT_IN_SCHOOL_NAME \
                and lows[0] not in ("de", "het", "'t"):
            continue   # "school: geen", "school: nog niet"
        named = [w for w in words if w.lower() not in PARTICLES]
        kinds = lists.school_woorden | lists.school_afkortingen | lists.geen_school
        first = named[0].lower() if named else ""
        if not named or first in kinds or (first in _KIND_WORDS and lows[0] not in ("de", "het", "'t")):
            continue   # "School: basisschool", "school: vmbo": a kind of school
        if not any(_classify(w, strict=False) == NAME or (w[:1].isupper() and lexicon.zipf(w) < 4.5
                                                           and not lexicon.is_place(w)) for w in named):
            continue   # "school: thuis", "School: Ja"
        if all(lexicon.is_place(w) for w in named):
            continue   # "School: Utrecht": where, not which
        end = m.start("value") + len(" ".join(words))
        end = school_tail(text, end)
        yield Span("school", m.start("value"), end, text[m.start("value"):end])


def find_general_schools(text: str) -> Iterator[Span]:
    yield from _labelled(text)
    yield from _type_then_name(text)
    yield from _head_schools(text)
    yield from _abbreviations(text)
    yield from _clipped(text)
