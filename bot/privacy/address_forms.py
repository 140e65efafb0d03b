"""Street addresses found from the words around them (session 13, round 5), run by ``bot.privacy.addresses``:

- a street name without a street word after "op/aan/bij de", when a word about living or moving stands shortly
  before: "verhuisd naar mijn vader op de Vaartsche Rijn 12 bis", "we wonen bij de kaai 3" (in lower case only a
  street word: "kaai", "markt");
- a street after the name of a neighbourhood: "in de Vogelbuurt, Ekster 12".

Not a count ("op de Regenboog 3 jaar"), a class ("op de havo 4") or a postcode area.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

# words that are no street name before a number ("op nummer 12", "in groep 7", "op 3 hoog")
NOT_STREET = frozenset({"nummer", "huisnummer", "nr", "no", "adres", "woonadres", "postadres", "bezoekadres", "groep", "klas", "etage", "verdieping", "kamer",
                         "hoog", "leerjaar", "jaar", "week", "weken", "dag", "dagen", "maand", "maanden", "pagina",
                         "bladzijde", "artikel", "lijn", "bus", "tram", "bed", "postbus", "havo", "vwo", "vmbo",
                         "mavo", "mbo", "niveau", "km", "kilometer", "minuten", "uur", "een", "ruim", "bijna",
                         "ongeveer", "maar", "pas", "al", "nog", "zo", "wel", "niet", "ook", "meer", "dan",
                         "sinds", "vanaf", "tot", "rond", "om", "per", "met", "zonder", "fase", "stap", "periode",
                         "blok", "ronde", "hoofdstuk", "route", "versie", "deel", "seizoen", "aflevering", "covid",
                         "windows", "iphone", "ios", "android", "kind", "zoon", "dochter", "leeftijd", "klas",
                         "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari",
                         "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                         "november", "december"})

_LIVE_BEFORE = re.compile(r"(?<![\w])(?:woon|woont|wonen|woonde|woonden|verhuisd|verhuizen|verhuist|verhuizing|"
                          r"adres|ingetrokken|inwonend|logeert|logeren|verblijft|verblijven)(?![\w])", re.IGNORECASE)
_CAP = r"[A-ZÀ-Þ][a-zà-ÿ'’\-]{1,30}"
_ON_THE_STREET = re.compile(
    r"(?<![\w])(?:op|aan|bij)[ ](?:de|het|'t)[ ](?P<street>" + _CAP + r"(?:[ ]" + _CAP + r"){0,2}|[a-zà-ÿ]{3,20})"
    r"[ ](?P<nr>\d{1,4})(?P<add>[ ]?-?[ ]?(?:bis|hs|[a-zA-Z]|I{1,3}|IV|\d{1,3})(?![\w]))?(?![\w]|[.,:]\d)")
_NEIGHBOURHOOD = re.compile(r"(?<![\w])[A-ZÀ-Þ][a-zà-ÿ]{2,30}(?:buurt|wijk|kwartier|dorp),[ ](?P<street>" + _CAP +
                            r"(?:[ ]" + _CAP + r")?)[ ](?P<nr>\d{1,4})(?P<add>[ ]?-?[ ]?[a-zA-Z](?![\w]))?(?![\w]|[.,]\d)")
_UNIT_AFTER = re.compile(r"[ ]{0,3}(?:jaar|jr|maanden|maand|weken|week|dagen|dag|uur|minuten|min|km|kilometer|meter|"
                         r"kinderen|kids|keer|procent|%|euro|leerlingen|klassen|groepen|plekken|plaatsen)(?![\w])",
                         re.IGNORECASE)


def _street_ok(street: str) -> bool:
    lists = wordlists()
    words = street.split()
    low = [w.lower() for w in words]
    if any(w in NOT_STREET or (w in lists.geen_naam and w not in lists.straat_achtervoegsels) for w in low):
        return False
    if lexicon.is_place(street) or lexicon.is_place(words[0]):
        return False
    if street.islower():   # in lower case only a word for a street: "de kaai 3", "de markt 12"
        suffixes = lists.straat_achtervoegsels + lists.straat_achtervoegsels_hoofdletter
        return any(low[0] == s or (low[0].endswith(s) and len(low[0]) > len(s) + 2) for s in suffixes)
    return True


def find_address_forms(text: str) -> Iterator[Span]:
    for m in _ON_THE_STREET.finditer(text):
        if not _LIVE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue
        end = m.end("add") if m.group("add") else m.end("nr")
        if _UNIT_AFTER.match(text, end) or not _street_ok(m.group("street")):
            continue
        yield Span("postcode_huisnummer", m.start("street"), end, text[m.start("street"):end])
    for m in _NEIGHBOURHOOD.finditer(text):
        end = m.end("add") if m.group("add") else m.end("nr")
        if _UNIT_AFTER.match(text, end) or not _street_ok(m.group("street")):
            continue
        yield Span("postcode_huisnummer", m.start("street"), end, text[m.start("street"):end])
