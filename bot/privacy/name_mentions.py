"""Names found from names already found, and from short forms young people type (session 13, round 5), run
by ``bot.privacy.names`` after the other rules:

- a capitalised first name right before a found surname: "Ouders: Kelly [Bakker]", "ik ben Eric [Nzeyimana]",
  "Wei Chen [Zhang]" (not a cue, a greeting, a place or a common Dutch word);
- a found name again elsewhere in the message, also in lower case: "Daniël Mulder ... en daniël op ...";
- "ik ben roos 13", "mn zoon is dean", "mijn dochter evy, geb ...", "heet noa-lynn";
- the names in a list after "kids:"/"kinderen:": "3 kids: kai, liv en jens";
- a full name before its role: "(Marianne Bakker, pleegmoeder van ...)".

Bounded patterns and one pass per found name, so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.name_cues import _FAMILY, CUE
from bot.privacy.wordlists import wordlists

# words that never become a name by being next to one or repeated (months, days, greetings)
_NEVER = frozenset({"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                    "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
                    "zondag", "dag", "hoi", "hallo", "hey", "hi", "goedemorgen", "goedemiddag", "goedenavond",
                    "beste", "geachte", "lieve", "groet", "groeten", "groetjes", "casus", "leerling", "ouders",
                    "pleegouders", "contact", "school", "wegwijzer", "stichting", "vereniging", "bestuur",
                    "schoolbestuur", "gemeente", "praktijk", "team", "afdeling", "naam", "geboortedatum", "adres"})
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])(?P<w>[A-ZÀ-Þ][a-zà-ÿ'’]{1,20})[ ]$")


def _listed(low: str) -> bool:
    lists = wordlists()
    return low in lists.voornamen or low in lists.namen_bron or low in lists.alleen_na_aanleiding \
        or low in lists.achternamen


def _first_name_before(text: str, a: int) -> int | None:
    """Start of one or two capitalised first names right before a found name at ``a``."""
    lists = wordlists()
    start = None
    for _ in range(2):
        m = _WORD_BEFORE.search(text, max(0, (start if start is not None else a) - 24), start if start is not None else a)
        if not m:
            break
        low = m.group("w").lower()
        if (low in lists.geen_naam or low in _NEVER or low in lists.tussenvoegsels or lexicon.is_place(low)
                or lexicon.zipf(low) >= 4.5 or CUE.fullmatch(m.group("w") + " ") or lexicon.is_compound(low)
                or lexicon.has_word_ending(low)):
            break   # (not "Schoolbestuur Innovo", "Geboortedatum Lars": a Dutch noun)
        start = m.start("w")
    return start


_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:de|het|'t|een)[ ]$", re.IGNORECASE)


def _repeats(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    words: set[str] = set()
    for a, b in spans:
        if _ARTICLE_BEFORE.search(text, max(0, a - 6), a) or re.match(r"(?:de|het|'t)[ ]", text[a:b], re.IGNORECASE):
            continue   # "naam: De Kindertelefoon": an organisation, not a person
        for tok in _TOKEN.findall(text[a:b]):
            low = tok.lower()
            if (len(low) >= 3 and tok[:1].isupper() and low not in lists.geen_naam and low not in _NEVER
                    and low not in lists.tussenvoegsels and lexicon.zipf(low) < 5.0 and not lexicon.is_place(low)):
                words.add(tok)
    if not words:
        return
    lowered = {w.lower() for w in words}   # the same name, or the name in lower case ("Daniël" ... "daniël")
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not (word in words or (word.islower() and word in lowered)) or _ARTICLE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue   # "T GOY", "De Kindertelefoon": not a person
        chunk_start = text.rfind(" ", 0, m.start()) + 1
        chunk_end = text.find(" ", m.end())
        chunk = text[chunk_start:chunk_end if chunk_end >= 0 else len(text)]
        if any(c in chunk for c in "@/_") or re.search(r"\w[.-]\w", chunk):
            continue   # part of a web or mail address or a longer word
        yield m.start(), m.end()


# a child, whose name may follow "is" ("mn zoon is dean"); not "mijn man is visser" (a job)
_CHILD = r"zoon|zoontje|dochter|dochtertje|kind|pleegzoon|pleegdochter|pleegkind|broertje|zusje|jongste|oudste"
_SHORT_FORMS = re.compile(
    # "ik ben roos 13": a word, then an age
    r"(?<![\w])(?:ik[ ]ben|ik[ ]heet)[ ](?P<age_w>[a-zà-ÿ][a-zà-ÿ\-]{1,20})(?![\w\-])(?=[ ,]{1,2}\d{1,2}(?![\d\-/.]))"
    # "mn zoon is dean", "mijn dochter is sara en"
    r"|(?<![\w])(?:mijn|mn|m'n|onze)[ ](?:" + _CHILD + r")[ ]is[ ](?P<is_w>[a-zà-ÿ][a-zà-ÿ\-]{1,20})(?![\w\-])"
    r"(?=[ ]?(?:[,.]|en[ ]|$))"
    # "mijn dochter evy, geb ...": a word between a family word and a birth date or age
    r"|(?<![\w])(?:mijn|mn|m'n|onze)[ ](?:" + _FAMILY + r")[ ](?P<geb_w>[a-zà-ÿ][a-zà-ÿ\-]{1,20})(?![\w\-])"
    r"(?=[ ]?[,(][ ]?(?:geb|geboren|\d))"
    # "heet noa-lynn": two short parts with a hyphen after "heet"
    r"|(?<![\w])heet[ ](?P<dash_w>[a-zà-ÿ]{2,10}-[a-zà-ÿ]{2,10})(?![\w])", re.IGNORECASE)


def _short_forms(text: str) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    for m in _SHORT_FORMS.finditer(text):
        group = next(g for g in ("age_w", "is_w", "geb_w", "dash_w") if m.group(g))
        w = m.group(group).lower()
        if w in lists.geen_naam or w in _NEVER or lexicon.is_place(w) or re.fullmatch(_FAMILY, w):
            continue   # (not "mijn jongste pleegkind (7)": a family word)
        if group == "dash_w":
            ok = any(_listed(p) for p in w.split("-"))
        elif group == "geb_w":
            ok = _listed(w) or (lexicon.zipf(w) < 3.5 and not lexicon.has_word_ending(w))
        elif group == "is_w":
            ok = w in lists.voornamen or w in lists.alleen_na_aanleiding or lexicon.zipf(w) < 2.0
        else:
            ok = _listed(w) or lexicon.zipf(w) < 2.0
        if ok:
            yield m.start(group), m.end(group)


# "3 kids: kai, liv en jens", "kinderen: Sam, Noor en Jip"
_LIST_CUE = re.compile(r"(?<![\w])(?:kids|kinderen|kindjes|zonen|dochters|pleegkinderen|jongens|meiden|meisjes)"
                       r"[ ]?:[ ]{0,2}")
# an item: a name of up to three words, perhaps a note in brackets ("kwame asante-boateng (2010), efua (2012) en
# kofi (geb. ...)"), then a comma or "en"
_LIST_ITEM = re.compile(r"(?P<w>[^\W\d_][\w'’\-]{1,20}(?:[ ](?!(?:en|of|and)(?![\w'’\-]))[^\W\d_][\w'’\-]{1,20}){0,2})(?:[ ]?\([^()]{1,30}\))?"
                        r"(?P<sep>[ ]?,[ ]{0,2}|[ ](?:en|&)[ ])?")


def _lists_of_names(text: str) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    for m in _LIST_CUE.finditer(text):
        pos, found = m.end(), []
        for _ in range(8):
            item = _LIST_ITEM.match(text, pos)
            if not item:
                break
            words = item.group("w").split(" ")
            w = words[0].lower()
            if w in lists.geen_naam or w in _NEVER or not (_listed(w) or lexicon.zipf(w) < 3.0):
                found = []   # not a list of names ("kinderen: geen school, ...")
                break
            keep = 1
            for rest in words[1:]:   # "kwame asante-boateng": a surname that Dutch does not know, or a particle
                low = rest.lower()
                if low in lists.tussenvoegsels or (low not in lists.geen_naam and lexicon.zipf(low) < 2.5):
                    keep += 1
                else:
                    break
            end = item.start("w") + len(" ".join(words[:keep]))
            found.append((item.start("w"), end))
            if keep < len(words) or not item.group("sep"):
                break   # "kinderen: Sam en Noor zitten thuis": the list ends with the sentence
            pos = item.end()
        if len(found) >= 2:
            yield from found


# "(Marianne Bakker, pleegmoeder van Jelle)": a full name right before a role
_BEFORE_ROLE = re.compile(
    r"(?:^|(?<=[(\s]))(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’\-]{1,20}(?:[ ](?:(?:van|de|der|den|ter|ten)[ ]){0,3}[A-ZÀ-Þ][a-zà-ÿ'’\-]{1,30})"
    r"{1,2}),[ ](?:pleeg|stief|schoon)?(?:moeder|vader|ouder|oma|opa|tante|oom|voogd|mentor|mentrix|begeleider|"
    r"ambulant[ ]begeleider|intern[ ]begeleider|leerkracht|juf|meester|docent|gezinsvoogd|jeugdconsulent)(?![\w])")


def _names_before_role(text: str) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    for m in _BEFORE_ROLE.finditer(text):
        words = m.group("name").split()
        if words[0].lower() in lists.geen_naam or words[0].lower() in _NEVER or lexicon.is_place(words[-1]) \
                or words[0].lower() in lists.tussenvoegsels:
            continue
        yield m.start("name"), m.end("name")


# "Storm (geb. 12/03/2011) zit thuis": a capitalised word before a birth date or an age in brackets
_BEFORE_BIRTH_BRACKETS = re.compile(
    r"(?<![\w'’-])(?P<w>[A-ZÀ-Þ][a-zà-ÿ'’\-]{1,20})[ ]\((?:geb\.?|geboren|°|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\)|"
    r"(?P<age>\d{1,2}(?:[ ]jaar)?\)))")


def _names_before_birth_brackets(text: str) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    for m in _BEFORE_BIRTH_BRACKETS.finditer(text):
        low = m.group("w").lower()
        if low in lists.geen_naam or low in _NEVER or lexicon.is_place(low) or lexicon.has_word_ending(low) \
                or re.fullmatch(_FAMILY, low) or low in lists.tussenvoegsels:
            continue   # "Zoon (9)": a word, not a name
        if not (_listed(low) or (not m.group("age") and lexicon.zipf(low) < 4.0)):
            continue   # "Groep (7)", "Telefoon (...)": only a name from the lists before an age alone
        yield m.start("w"), m.end("w")


def find_name_mentions(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    found = list(_short_forms(text)) + list(_lists_of_names(text)) + list(_names_before_role(text)) + \
        list(_names_before_birth_brackets(text))
    spans = list(spans) + found
    extended = []
    for a, b in spans:
        start = _first_name_before(text, a)
        if start is not None:
            extended.append((start, b))
    yield from found
    yield from extended
    yield from _repeats(text, spans + extended)
