"""Names found from their surroundings rather than a cue: capitalised words Dutch does not know, the other
side of "en"/"of" next to a name, a name in brackets, initials + surname, lists of lower-case names, apposition."""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists
from bot.privacy.name_cues import _FAMILY
from bot.privacy.name_words import (INITIALS, TOKEN, _NOT_A_NAME_ENDING, _capitalised, _could_be_name, _name_like,
                                     _rare_word, _source_name, _surname_like)
from bot.privacy.span import Span

# after these words a capitalised unknown word is a place or a language, not a person ("uit Eritrea")
_PLACE_BEFORE = frozenset({"in", "uit", "naar", "te", "richting", "regio", "gemeente", "provincie", "wijk",
                           "buurt", "het", "de", "een", "via", "op"})
_EPONYM = re.compile(r"(?:ziekte|syndroom|syndrome|stoornis|methode|wet|ziekte[ ]van[ ]\w+[ ]en)[ ]van[ ]$", re.IGNORECASE)
_EPONYM_AFTER = re.compile(r"[ ]de[ ]la[ ]Tourette", re.IGNORECASE)   # "Gilles de la Tourette"
_SENTENCE_END = re.compile(r"(?:^[\W\d]*|[.!?:;\n]\W*|\s-\s*)$")


def _unknown_names(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    """Capitalised words that Dutch does not know and that are no place ("Mirthe", "Bogdan Ionescu"):
    two or more in a row anywhere; one alone only inside a sentence, not right after "in", "uit", ..."""
    lists = wordlists()
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
    taken_starts = set()
    for a, b in taken:
        taken_starts.update(range(a, b))
    k = 0
    while k < len(toks):
        s, e, word = toks[k]
        low = word.lower()
        if (not _capitalised(word) or INITIALS.fullmatch(word) or low in lists.geen_naam
                or s in taken_starts or not (_name_like(word) or low in lists.voornamen)):
            k += 1
            continue
        # the words after it: [particles] Capitalised, while they are adjacent
        last, j = k, k + 1
        while j < len(toks) and text[toks[j - 1][1]:toks[j][0]] == " ":
            w = toks[j][2]
            if w.lower() in lists.tussenvoegsels or w.lower() in lists.tussenvoegsels_binnen:
                j += 1
                continue
            if _capitalised(w) and not INITIALS.fullmatch(w) and w.lower() not in lists.geen_naam and (
                    _name_like(w) or w.lower() in lists.achternamen or w.lower() in lists.voornamen
                    or (j == last + 1 and lexicon.zipf(w) == 0.0 and "-" not in w and _could_be_name(w))):
                # a word Dutch does not know right after a name: "Hodan Abdi Warsame"
                last, j = j, j + 1
                continue
            break
        before = text[max(0, s - 80):s]   # a bounded window: text[:s] made long text quadratic
        prev = before.split()[-1].lower() if before.split() else ""
        abbreviation = len(word) <= 3 and text[e:e + 1] == "."   # "Stb.", "Art."
        if _EPONYM.search(before[-30:]) or _EPONYM_AFTER.match(text, e) or _POSTCODE_BEFORE.search(before[-12:]):
            # (after a postcode a word Dutch does not know is the town: "8861 AB Harns")
            k = last + 1
            continue   # "de ziekte van Crohn", "syndroom van Down": a condition named after someone long ago
        at_start = bool(_SENTENCE_END.search(before[-40:]))
        single_ok = (prev not in _PLACE_BEFORE and _name_like(word) and not abbreviation
                     and (not at_start or ((lexicon.zipf(word) == 0.0 or (_source_name(word) and lexicon.zipf(word) < 3.5))
                                       and _PERSON_NEXT.match(text, e))))
        if last > k or single_ok:
            yield Span("naam", s, toks[last][1], text[s:toks[last][1]])
        k = last + 1


_POSTCODE_BEFORE = re.compile(r"(?<![\w])\d{4}[ ]?[A-Z]{2}[ ,]{1,2}$")
# a word that makes a capitalised unknown word at the start of a sentence a person: "Dawit (15)", "Mirthe zit"
_PERSON_NEXT = re.compile(r"[ ]{1,3}(?:\(|(?:zit|zat|is|was|heeft|had|wil|wilde|gaat|ging|kan|kon|mag|mocht|moet|"
                          r"woont|komt|krijgt|kreeg|doet|durft|weigert|hier|en[ ]ik|wordt|werd|heet)(?![\w]))")
# "Bel mij (Ria)": a capitalised word alone in brackets right after a word for a person
_IN_BRACKETS = re.compile(r"(?<![\w])(?:mij|me|ik|wij|we|ons|hem|haar|moeder|vader|mama|papa|oma|opa|" + _FAMILY + r")"
                          r"[ ]{0,2}\((?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})(?:\)|,[ ]{0,2}\d{1,2}(?:[ ]jaar)?\))", re.IGNORECASE)
# "Hans of Gerda", "Henk en Ans de Boer": the other side of "en"/"of"/"&" next to a name
_AND_AFTER = re.compile(r"[ ]{1,3}(?:en|of|&)[ ]{1,3}(?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})"
                        r"(?P<sur>(?:[ ](?:(?:van|de|der|den|ter|ten|'t|el|al)[ ]){0,3}[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})?)(?![\w])")
_AND_BEFORE = re.compile(r"(?<![\w])(?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})[ ]{1,3}(?:en|of|&)[ ]{1,3}$")



def _listed_surname_after(m: re.Match) -> bool:
    """A first name that is also a word, with a listed surname after it, next to a name: "Tim en Roos Vermeulen"."""
    lists = wordlists()
    w, sur = m.group("w").lower(), m.groupdict().get("sur") or ""
    return bool(sur) and sur.split()[-1].lower() in lists.achternamen and w not in lists.geen_naam and (
        w in lists.voornamen or w in lists.alleen_na_aanleiding) and not lexicon.is_place(w)


def _around(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for m in _IN_BRACKETS.finditer(text):
        if m.group("w")[:1].isupper() and _could_be_name(m.group("w")):
            yield m.start("w"), m.end("w")
    seen = set(spans)
    covered: set[int] = set()
    for a, b in spans:
        covered.update(range(a, b))
    todo = list(spans)
    while todo:
        a, b = todo.pop()
        nxt = _AND_AFTER.match(text, b)
        prev = _AND_BEFORE.search(text, max(0, a - 40), a)
        for m in (nxt, prev):
            if m and (_could_be_name(m.group("w")) or _listed_surname_after(m)):
                end = m.end("w")
                if m.re is _AND_AFTER and m.group("sur"):
                    last = m.group("sur").split()[-1]
                    if last.lower() not in wordlists().geen_naam and not lexicon.is_place(last):
                        end = m.end("sur")   # "Kees en Margreet Vos"
                span = (m.start("w"), end)
                if span not in seen and not covered.intersection(range(span[0], span[1])):
                    seen.add(span)
                    covered.update(range(span[0], span[1]))
                    todo.append(span)
                    yield span


# initials, then a surname, anywhere: "S. Mulder", "D. Oosterhuis-Kramer", "J.P. van der Berg", "H. Aydın"
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?P<ini>(?:[A-Z]\.[ ]?){1,3})[ ]?(?P<part>(?:(?:van|de|der|den|ter|ten|'t|el|al|Van|De|El)[ ]){0,3})"
    r"(?P<sur>[A-ZÀ-Þ][a-zà-ÿ'’]{1,30}(?:-[A-ZÀ-Þ][a-zà-ÿ'’]{1,30})?)(?![\w])")


def _initials_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _INITIALS_NAME.finditer(text):
        if len(m.group("ini").replace(" ", "")) == 2 and text[max(0, m.start() - 2):m.start()].strip() == "" and \
                _SENTENCE_END.search(text[max(0, m.start() - 40):m.start()]) and not m.group("part"):
            # one capital and a dot at the start of a sentence may end the one before: "plan B. Daarna"
            if m.group("sur").lower() not in wordlists().achternamen:
                continue
        sur = m.group("sur")
        if _surname_like(sur) or (m.group("part").islower() and not lexicon.is_ordinary(sur, 4.0)) or (
                "-" in sur and not lexicon.is_place(sur)
                and any(_surname_like(p) or not lexicon.is_ordinary(p, 4.0) for p in sur.split("-"))):
            yield m.start(), m.end()   # (also "J. ter Horst", "T. Oudshoorn-Baas": a place or a word in a surname)


# people around a child whose name may follow in apposition: "de intern begeleider, Marjolein Bakker,"
_PERSON_ROLE = (r"buurvrouw|buurman|advocaat|advocate|mentor|mentrix|begeleider|intern[ ]begeleider|ib'er|coach|docent|"
                r"leerkracht|juf|meester|directeur|directrice|jeugdarts|huisarts|schoolarts|leerplichtambtenaar|"
                r"consulent|casemanager|jeugdconsulent|gezinscoach|voogd|oma|opa|tante|oom|schoonmoeder|schoonvader")
# a lower-case name in a list after a lower-case name: "vader van yassin en soufiane", "van daan, lotte en sem"
_AND_LOWER = re.compile(r"(?:,[ ]{0,2}|[ ]{1,3}(?:en|of|&)[ ]{1,3})(?P<w>[a-zà-ÿ][a-zà-ÿ'\-]{2,30})(?![\w])"
                        r"(?P<sur>[ ](?:(?:van|de|der|den|ter|ten|'t|el|al)[ ]){1,3}[a-zà-ÿ][a-zà-ÿ'\-]{2,30}(?![\w]))?")
# a name in apposition a few words after a family word: "mijn man bellen, ahmed, 0648 ...", "mijn zoon, amir, is"
# (also a pupil named after "een": "een leerling, Wei Chen, komt", "een jongere, Destiny Rozenblad, geboren")
_PUPIL = r"leerling|leerlinge|jongere|cliënt|client|pupil|jeugdige"   # (not "een jongen, Fries": a description)
_APPOSITION = re.compile(r"(?<![\w])(?:mijn|onze|m'n|mn|de|het|haar|zijn|hun|een)[ ]{1,3}(?:" + _FAMILY + "|" + _PERSON_ROLE
                         + "|" + _PUPIL
                         + r")(?:[ ]{1,3}[\w']{1,20}){0,3},[ ]{1,3}"
                         r"(?P<w>[A-Za-zà-ÿ][a-zà-ÿ'\-]{1,30})(?P<sur>[ ](?:(?:van|de|der|den|ter|ten|'t|el|al)[ ]){0,3}"
                         r"[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})?[ ]{0,2}(?=[,.;:)(!?]|[ ]{0,2}\d|$)", re.IGNORECASE)


_OUR_NAME = re.compile(r"(?:(?<=[\w,] )|^)(?:onze|ons|Onze|Ons)[ ](?P<w>[A-ZÀ-Þ][a-zà-ÿ'\-]{1,30})(?![\w])")


def _lower_list_and_apposition(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    lists = wordlists()
    covered: set[int] = set()
    for a, b in spans:
        covered.update(range(a, b))
    for a, b in list(spans):
        if not text[a:b].islower():
            continue
        while True:
            m = _AND_LOWER.match(text, b)
            if not m:
                break
            w = m.group("w")
            if not (w in lists.voornamen or (w in lists.alleen_na_aanleiding and lexicon.zipf(w) < 5.0)
                    or _rare_word(w)) or w in lists.geen_naam:
                break
            a, b = m.start("w"), m.end("w")
            last = (m.group("sur") or "-").split()[-1]
            if m.group("sur") and last not in lists.geen_naam and last not in lists.geen_achternaam_klein:
                b = m.end("sur")   # "thijs en floor van der berg"
            if covered.intersection(range(a, b)):
                break   # a name found already: the walk on from there is its own (linear on long lists)
            covered.update(range(a, b))
            yield a, b
    for m in _OUR_NAME.finditer(text):   # "onze Floor zit thuis": a capital after "onze" in a sentence
        w = m.group("w")
        if w.lower() in lists.geen_naam or m.start("w") in covered or lexicon.is_place(w):
            continue
        if w.lower() in lists.voornamen or w.lower() in lists.alleen_na_aanleiding or _could_be_name(w):
            yield m.start("w"), m.end("w")
    for m in _APPOSITION.finditer(text):
        w = m.group("w")
        low = w.lower()
        if low in lists.geen_naam or m.start("w") in covered or (len(w) > 1 and w.isupper()):
            continue   # (an abbreviation after the comma is a label: "Haar zoon Mees, BSN 312966210")
        if low in lists.voornamen or _rare_word(low) or (w[:1].isupper() and _could_be_name(w)):
            sur = (m.group("sur") or "").split()
            # (between commas a capitalised word after the name is its surname: "een leerling, Wei Chen,")
            end = m.end("sur") if sur and sur[-1][:1].isupper() and (_could_be_name(sur[-1]) or (
                text[m.end("sur"):m.end("sur") + 1] == "," and sur[-1].lower() not in lists.geen_naam
                and not lexicon.is_place(sur[-1]))) else m.end("w")
            yield m.start("w"), end   # "mijn buurvrouw, Gerrie Wolters"
