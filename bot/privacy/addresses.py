"""Postcode + house number, and street + house number ("Dorpsstraat 12"). Both are kind
``postcode_huisnummer`` (placeholder "[adres]"), and a person's postbus. A 6-position postcode is masked on its own as well;
a 4-digit postcode area ("3512") is not personal and stays."""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.address_forms import NOT_STREET as _NOT_STREET, find_address_forms
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

# house number with an addition: 12-2, 231-A, 18-III, 45bis, 4 hs, 7 huis, 61 zwart, 140-1 hoog, 130 3hg, 9 zw,
# 19 2e etage, 500 huisnr 2
_HOUSE = (r"(?P<nr>\d{1,5})(?:[ ]?-[ ]?(?:\d{1,4}(?:[ ]{0,2}(?:hoog|hg))?|I{1,3}|IV|[A-Za-z]|bis|hs|huis|zw|rood)(?![\w])"
          r"|[ ]{1,3}(?:toevoeging|toev\.?)[ :]{1,3}[A-Za-z0-9]{1,4}(?![\w])"   # "huisnummer 8 toevoeging 2"
          r"|,?[ ]{1,3}\d{1,2}(?:e|de|ste)?[ ]?(?:hg|hoog|etage|verdieping)(?![\w])"   # "7, 3 hoog", "12 2e etage"
          r"|[ ]{1,3}huis(?:nr|nummer)\.?[ ]?\d{1,4}(?![\w])"
          r"|[ ]{1,3}bus[ ]\d{1,4}(?![\w])"   # Belgian: "Stationsplein 1 bus 2"
          r"|[ ]{1,3}(?:k|kamer|kmr\.?|app\.?|appartement|unit|studio|woning)[ ]?\d{1,4}(?![\w])"   # "14 k2", "9 kamer 4"
          r"|,?[ ]{1,3}(?:boven|beneden|achter|voor)(?:huis|woning)(?![\w])"   # "24, bovenhuis"
          r"|[ ]{0,3}(?:hs|bis|hoog|hg|bg|huis|zwart|zw|rood|boven|beneden|I{1,3}|IV)(?![\w])"
          r"|[ ]?[A-Za-z](?![\w]))?"
          r"(?![\w])")
POSTCODE = re.compile(
    r"(?<![\w])(?P<pc>[1-9]\d{3})(?P<sp>[ ]?)(?P<letters>[A-Za-z]{2})(?![A-Za-z_])"
    r"(?P<house>[ ]{0,3},?[ ]{0,3}(?:(?:huis)?(?:nr|nummer)\.?[ ]{0,3}|no\.?[ ]{0,3})?" + _HOUSE + r")?")
HOUSE_NUMBER = re.compile(r"(?<![\w])huis(?:nummer|nr)\.?(?:[ ]{1,3}is)?[ :]{0,3}(?P<nr>\d{1,5})"
                          r"(?:[ ]?-?[ ]?(?:[A-Za-z]|bis)(?![\w]))?(?:[ ]{1,3}(?:toevoeging|toev\.?)[ :]{1,3}[A-Za-z0-9]{1,4})?(?![\w])",
                          re.IGNORECASE)
_PREFIX_WORDS = (r"(?:(?:Van|De|Den|Ter|Ten|Het|'t|Sint|Burgemeester|Dr\.|Prof\.|Koningin|Prins|Prinses|"
                 r"Graaf|Jhr\.|Lange|Korte|Nieuwe|Oude|Grote|Kleine|Hoge|Lage|Eerste|Tweede|Derde|Vierde|Achter|"
                 r"Noord|Zuid|Oost|West|Binnen|Buiten)[ ](?:(?:de|van|der|den|het|'t)[ ]){0,2}){0,3}")
_NAME_WORDS = (r"(?:\d(?:e|ste|de)[ ]|v\.[ ]?|v\.d\.[ ]?|vd[ ])?"   # "2e Hugo de Grootstraat", "v. Oldenbarneveltstraat"
               r"(?:(?:[A-ZÀ-Þ][A-Za-zÀ-ÿ'\.\-]{0,30})[ ](?:(?:de|van|der|den|het|'t)[ ]){0,2}){0,3}")
# "Kerkstraat 12", "Kerkstr. 12", "kerkstraat12"
_STREET_WORD = re.compile(r"(?<![\w'])(?P<pre>" + _NAME_WORDS + r")(?!(?:nr|nummer|no)\.?[ ])"
                          r"(?P<word>[A-Za-zÀ-ÿ'][A-Za-zÀ-ÿ'\-]{1,40})"
                          r"(?P<dot>\.)?[ ]{0,3}(?:(?:nr\.?|nummer|no\.?)[ ]{0,2})?" + _HOUSE)


# a street and its house number right before a postcode
_AFTER_HOUSE_NUMBER = re.compile(r"[A-Za-zÀ-ÿ]{3,}[ ]{1,2}\d{1,5}(?:[ ]?-?[ ]?(?:[A-Za-z]{1,3}|\d{1,3}|I{1,3}|IV))?[ ,]{1,3}$")


def _postcodes(text: str) -> Iterator[Span]:
    stop = wordlists().postcode_stopwoorden
    for m in POSTCODE.finditer(text):
        letters = m.group("letters")
        if not letters.isupper() and letters.lower() in stop and not _AFTER_HOUSE_NUMBER.search(
                text, max(0, m.start() - 40), m.start()):
            continue   # (but "smidserf 7 6942 kb", "annastraat 3 6524el": right after a street and its number)
        end = m.end("house") if m.group("house") else m.end("letters")
        yield Span("postcode_huisnummer", m.start(), end, text[m.start():end])
        if end != m.end("letters"):   # "1216 KS, 035-6218493": if the phone wins the digits, the postcode stays masked
            yield Span("postcode_huisnummer", m.start(), m.end("letters"), text[m.start():m.end("letters")])


def _street_at(text: str, m: re.Match) -> Span | None:
    lists = wordlists()
    word = m.group("word").lower()
    if word in lists.geen_straat:
        return None
    suffixes = lists.straat_achtervoegsels + (lists.straat_achtervoegsels_hoofdletter
                                               if m.group("word")[:1].isupper() else ())
    bare_with_prefix = word in suffixes and any(w[:1].isupper() and w.lower() not in lists.geen_naam
                                                for w in m.group("pre").split())   # "Oude Gracht 23"
    base = re.sub(r"-(?:noord|zuid|oost|west|noordzijde|zuidzijde|oostzijde|westzijde)$", "", word)   # "Ringbaan-Oost"
    if not bare_with_prefix and not any(w.endswith(s) and len(w) > len(s) for w in {word, base} for s in suffixes + ("str",)):
        return None
    if lexicon.is_place(word) or _NOT_AFTER_NUMBER.match(text, m.end("nr")):
        return None   # "Kinderdijk 2 keer", "Schiedam 3": a place or a count, not a street
    if m.group("dot") and not word.endswith("str"):
        return None   # "Kerkstr. 12" is a street; "de Dorpsstraat. 12 kinderen" is not
    # leading words that belong to the sentence, not the street ("Wij Kerkstraat": "Wij")
    start = m.start()
    pos = 0
    for w in re.finditer(r"\S+[ ]", m.group("pre")):
        if w.group(0).strip().lower() in lists.geen_naam or w.group(0).strip().lower() in _NOT_STREET:
            pos = w.end()
    for w in re.finditer(r"(\S+)\.[ ]", m.group("pre")):
        if len(w.group(1)) > 3 and w.group(1).lower() not in _ABBREVIATIONS:
            pos = max(pos, w.end())   # "OBS De Bongerd. Adres Kloosterhof 3": the sentence before ends there
    start += pos
    if not m.group("pre") and m.group("word").islower():
        lower = _LOWER_PREFIX.search(text, max(0, start - 30), start)
        if lower and (lower.group("st") or (lower.group("first") not in lists.geen_naam
                                            and lower.group("first") not in _NOT_STREET)):
            start = lower.start()   # "jan van galenstraat 204", "st annastraat 3": the street's name in lower case
    return Span("postcode_huisnummer", start, m.end(), text[start:m.end()])


# abbreviations with a dot inside a street's name ("Dr. Schaepmanstraat", "Burg. de Withstraat")
_ABBREVIATIONS = frozenset({"burg", "prof", "mgr", "past", "ds", "gen", "mr", "dr", "st", "jhr", "kon", "pr", "pres",
                            "luit", "kol", "adm", "ir", "ing", "drs"})
# a street's name in lower case before its street word: a first name and a particle, or "st"/"sint"
_LOWER_PREFIX = re.compile(r"(?<![\w])(?:(?P<st>st\.?|sint)|(?P<first>[a-zà-ÿ]{2,15})[ ](?:van|de|der|den)"
                           r"(?:[ ](?:de|der|den))?)[ ]$")


def _streets(text: str) -> Iterator[Span]:
    pos = 0
    while pos <= len(text):
        m = _STREET_WORD.search(text, pos)
        if not m:
            return
        span = _street_at(text, m)
        if span:
            yield span
            pos = m.end()
        else:   # not a street: look again from the next word ("de 1e Jan Steenstraat 5": "de 1e" is no street)
            first = re.match(r"\S+", text[m.start():m.end()])
            pos = max(m.start() + (first.end() if first else 1), pos + 1)


# "wij wonen op het Spui 21", "ons adres is Damrak 14-2", "woont op Achter de Hoven 5": any street name after
# a word about living or an address, then a house number
_LIVE = (r"(?:woon|woont|wonen|woonde|woonden|wonend|verhuisd|verhuizen|verhuist|adres|postadres|bezoekadres|"
         r"woonadres|zitten)")
_CONTEXT_STREET = re.compile(
    r"(?<![\w])" + _LIVE + r"(?:[ ](?:nu|al|sinds[ ]kort|tijdelijk|is|wij|we|ik|hij|zij|ze|nog)){0,2}"
    r"(?:[ ]{1,3}(?P<prep>op|aan|in|naar)|[ ]{0,3}:|[ ]is)[ ]{1,3}(?:(?:de|het|'t)[ ]{1,3})?"
    r"(?P<street>(?:[A-Za-zÀ-ÿ'][A-Za-zÀ-ÿ'\.\-]{1,40}[ ]{1,3}){1,4}?)(?=\d)" + _HOUSE, re.IGNORECASE)
_NOT_AFTER_NUMBER = re.compile(r"[ ]{0,3}(?:jaar|jr|maanden|maand|weken|week|dagen|dag|uur|minuten|min|km|kilometer|"
                               r"meter|kinderen|kids|keer|procent|%|euro)(?![\w])", re.IGNORECASE)


def _context_streets(text: str) -> Iterator[Span]:
    for m in _CONTEXT_STREET.finditer(text):
        street = m.group("street").strip()
        words = street.split()
        if not words[0][:1].isupper():
            continue   # "in postcodegebied 3512"; a lower-case street with a suffix is found by _streets
        if any(w.lower() in ("op", "aan", "bij") for w in words[1:]):
            continue   # "wonen in Zoetermeer op de Dorpsstraat 151": a place, then the street (found by _streets)
        if any(w.lower() in _NOT_STREET or w.lower() in wordlists().geen_naam and w.lower() not in
               ("de", "het", "van", "der", "den", "op", "aan", "bij", "in", "achter", "over", "'t") for w in words):
            continue
        if (m.group("prep") or "").lower() in ("in", "naar") and (lexicon.is_place(street) or lexicon.is_place(words[-1])):
            continue   # one lives in a town ("wij wonen in Utrecht 3 jaar"), on or at a street ("op het Spui 21")
        if _NOT_AFTER_NUMBER.match(text, m.end("nr")) or POSTCODE.match(text, m.start("nr")):
            continue   # "3 jaar"; "in rotterdm 3072 AP" is a postcode
        yield Span("postcode_huisnummer", m.start("street"), m.end(), text[m.start("street"):m.end()])


# "Laan van Nieuw-Oost-Indië 112", "Plein van de Republiek 3": a street word, then "van" and a name
_STREET_OF = re.compile(r"(?<![\w'])(?:Laan|Plein|Kade|Weg|Singel|Dreef|Hof|Park|Straat)[ ]van[ ]"
                        r"(?:(?:de|der|den|het)[ ])?[A-ZÀ-Þ][A-Za-zÀ-ÿ'\-]{1,40}[ ]{1,3}" + _HOUSE)


# "Tjalk 14, Lelystad", "Ekster 12, 1313 AB Almere": capitalised words and a house number, then a known place
_STREET_THEN_PLACE = re.compile(
    r"(?<![\w'])(?P<street>[A-ZÀ-Þ][\w'\.\-]{1,40}(?:[ ](?:[A-ZÀ-Þ][\w'\.\-]{1,40}|de|van|der|den|het|'t)){0,3})"
    r"[ ]{1,3}" + _HOUSE + r"(?=,?[ ]{1,3}(?:[1-9]\d{3}[ ]?[A-Z]{2}[ ]{1,3})?(?P<place>[A-ZÀ-Þ][\w'\-]+(?:[ ][A-ZÀ-Þ][\w'\-]+)?))")


def _streets_before_a_place(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _STREET_THEN_PLACE.finditer(text):
        place = m.group("place")
        if not (lexicon.is_place(place) or lexicon.is_place(place.split()[0])):
            continue
        words = m.group("street").split()
        for k in range(len(words) - 1, -1, -1):
            if words[k].endswith(".") and len(words[k]) > 4 and words[k][:-1].lower() not in _ABBREVIATIONS:
                words = words[k + 1:]   # "OBS De Vlonder. Adres Kerkhoflaan 9": the sentence before ends there
                break
        while words and (words[0].lower() in lists.geen_naam or words[0].lower() in _NOT_STREET):
            words.pop(0)   # "Wij Tjalk 14": the sentence, not the street
        if not words or any(w.lower() in _NOT_STREET for w in words) or lexicon.is_place(" ".join(words)):
            continue
        if len(words) == 1 and words[0].lower() in lists.voornamen:
            continue   # "Lisa 14, Amersfoort": a name and an age
        start = m.end("street") - len(" ".join(words))
        yield Span("postcode_huisnummer", start, m.end(), text[start:m.end()])


# a street word that is the whole street name ("Markt 12", "markt 1a", "Brink 3"): capitalised with a number, or
# in lower case with a number and a letter or dash addition ("markt 1a", "kade 12-2"; "de markt 3 keer" stays)
_BARE = r"(?:markt|plein|kade|dijk|haven|singel|brink|gracht|dreef|wal|steeg|hoogstraat|nieuwstad|vismarkt)"
_BARE_STREET = re.compile(r"(?<![\w'])(?P<word>" + _BARE + r")[ ]{1,2}(?P<nr>\d{1,4})(?P<add>[ ]?-?[ ]?[A-Za-z](?![\w])|-\d{1,3}(?![\w]))?"
                          r"(?![\w]|[.,]\d)", re.IGNORECASE)


# "wij wonen op nummer 12 van de Vossenlaan": the number first, then the street (with a street-name ending)
_NUMBER_OF_STREET = re.compile(r"(?<![\w])(?:huis)?(?:nummer|nr\.?)[ ]{1,2}(?P<nr>\d{1,5}(?:[ ]?[A-Za-z](?![\w]))?)[ ]{1,2}"
                               r"(?:van|aan|op|in)[ ]{1,2}(?:(?:de|het|'t)[ ]{1,2})?(?P<street>[A-Za-zÀ-ÿ'\-]{3,40})(?![\w])",
                               re.IGNORECASE)


def _number_of_street(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NUMBER_OF_STREET.finditer(text):
        word = m.group("street").lower()
        suffixes = lists.straat_achtervoegsels + (lists.straat_achtervoegsels_hoofdletter
                                                   if m.group("street")[:1].isupper() else ())
        if word in lists.geen_straat or not any(word.endswith(s) and len(word) > len(s) for s in suffixes):
            continue
        yield Span("postcode_huisnummer", m.start(), m.end(), text[m.start():m.end()])   # "nummer 14 van de Esdoornlaan"


def _bare_street_words(text: str) -> Iterator[Span]:
    for m in _BARE_STREET.finditer(text):
        if not (m.group("word")[:1].isupper() or m.group("add")):
            continue
        if _NOT_AFTER_NUMBER.match(text, m.end()) or POSTCODE.match(text, m.start("nr")):
            continue
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))


# A postbus of a person ("post graag naar postbus 10412 in Zwolle, want ik heb geen vast adres") is masked;
# one of an organisation named next to it ("Postbus 51 van de Rijksoverheid", "gemeente, Postbus 16") stays.
_POSTBUS = re.compile(r"(?<![\w])postbus[ ]{1,2}\d{1,6}(?![\w])", re.IGNORECASE)
_ORGANISATION_NEAR = re.compile(
    r"(?<![\d][ ])(?<![\d])(?-i:[A-Z]{2,6})(?![\w])"   # "DUO", "UWV" (not the letters of a postcode: "2601 DB")
    r"|(?<![\w])(?:gemeente|inspectie|duo|belastingdienst|ministerie|rijksoverheid|overheid|samenwerkingsverband|swv|"
    r"school|stichting|raad|rechtbank|ombudsman|kinderombudsman|geschillencommissie|commissie|ggd|uwv|svb|cak|cjib|"
    r"ind|politie|jeugdzorg|bureau|loket|bestuur|vereniging|organisatie|instelling|bedrijf|b\.?v\.?|zorgverzekeraar|"
    r"verzekeraar|ziekenhuis|antwoordnummer|\w{0,20}(?:overheid|dienst|bureau|centrum|fonds))(?![\w])", re.IGNORECASE)


def _postbus(text: str) -> Iterator[Span]:
    for m in _POSTBUS.finditer(text):
        around = text[max(0, m.start() - 40):m.start()] + " " + text[m.end():m.end() + 40]
        if _ORGANISATION_NEAR.search(around):
            continue
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))


def find_addresses(text: str) -> Iterator[Span]:
    from bot.privacy.address_tails import extend_addresses, find_unknown_streets
    yield from extend_addresses(text, [*_find_addresses(text), *find_unknown_streets(text)])


def _find_addresses(text: str) -> Iterator[Span]:
    yield from find_address_forms(text)
    yield from _postbus(text)
    yield from _postcodes(text)
    yield from _streets(text)
    yield from _context_streets(text)
    yield from _streets_before_a_place(text)
    for m in _STREET_OF.finditer(text):
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))
    for m in HOUSE_NUMBER.finditer(text):
        if POSTCODE.match(text, m.start("nr")):
            continue   # "huisnummer: 1068 XK 45bis": the postcode comes first, POSTCODE takes all of it
        yield Span("postcode_huisnummer", m.start(), m.end(), m.group(0))
    yield from _bare_street_words(text)
    yield from _number_of_street(text)
