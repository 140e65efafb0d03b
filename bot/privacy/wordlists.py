"""Word lists for redaction, read once from redaction_patterns.yml (data, not code)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PATTERNS_FILE = Path(__file__).with_name("redaction_patterns.yml")
# person names of many origins, generated from Faker by bench/build_name_lexicon.py (data; MIT licence)
NAME_SOURCE_FILE = Path(__file__).with_name("namen_bron.txt")


@dataclass(frozen=True)
class WordLists:
    voornamen: frozenset
    alleen_na_aanleiding: frozenset
    tussenvoegsels: frozenset
    geen_naam: frozenset
    postcode_stopwoorden: frozenset
    straat_achtervoegsels: tuple
    geen_straat: frozenset
    bsn_sleutelwoorden: tuple
    school_afkortingen: frozenset = frozenset()
    school_afkortingen_alleen_hoofdletters: frozenset = frozenset()
    school_woorden: frozenset = frozenset()
    school_voorwoorden: frozenset = frozenset()
    school_woorden_alleen_na_naam: frozenset = frozenset()
    school_achtervoegsels: tuple = ()
    geen_school: frozenset = frozenset()
    geen_achternaam_klein: frozenset = frozenset()
    assistent_naam: frozenset = frozenset()
    achternamen: frozenset = frozenset()
    straat_achtervoegsels_hoofdletter: tuple = ()
    namen_bron: frozenset = frozenset()
    tussenvoegsels_binnen: frozenset = frozenset()
    geen_schoolnaam: frozenset = frozenset()
    geen_schoolnaam_streken: frozenset = frozenset()
    zorg_met_scholen: frozenset = frozenset()

    def not_a_school_name(self, low: str) -> bool:
        return low in self.geen_naam and low not in self.assistent_naam


def _words(data: dict, key: str) -> list[str]:
    return [str(w).strip().lower() for w in data.get(key) or [] if str(w).strip()]


# a vowel that starts a new syllable after another vowel carries a diaeresis in Dutch spelling: "Daniël", "Zoë",
# "Noëlle", "Anaïs"; the lists hold the plain spelling, so each listed first name gets its spelling with the sign
_DIAERESIS = re.compile(r"(?<=[aeiou])([ei])")
_WITH_SIGN = {"e": "ë", "i": "ï"}


def _with_diaeresis(names: frozenset) -> frozenset:
    """The listed first names and their spellings with a diaeresis ("daniel" -> "daniël", "zoe" -> "zoë")."""
    out = set(names)
    for name in names:
        for m in _DIAERESIS.finditer(name):   # (a sign where none is written, "mariëke", is never met, so harmless)
            out.add(name[:m.start()] + _WITH_SIGN[m.group(1)] + name[m.end():])
    return frozenset(out)


def _name_source() -> frozenset:
    try:
        lines = NAME_SOURCE_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:   # the detector still works on its own lists, with fewer names
        return frozenset()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def wordlists() -> WordLists:
    data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8")) or {}
    return WordLists(
        voornamen=_with_diaeresis(frozenset(_words(data, "voornamen")) | frozenset(_words(data, "voornamen_meer"))),
        achternamen=frozenset(_words(data, "achternamen")),
        alleen_na_aanleiding=frozenset(_words(data, "alleen_na_aanleiding")),
        tussenvoegsels=frozenset(_words(data, "tussenvoegsels")),
        tussenvoegsels_binnen=frozenset(_words(data, "tussenvoegsels_binnen")),
        geen_naam=(frozenset(_words(data, "geen_naam")) | frozenset(_words(data, "geen_naam_overig"))
                   | frozenset(_words(data, "zorg_met_scholen"))
                   | frozenset(_words(data, "assistent_naam"))),
        assistent_naam=frozenset(_words(data, "assistent_naam")),
        postcode_stopwoorden=frozenset(_words(data, "postcode_stopwoorden")),
        # longest first, so "straatweg" wins over "weg"
        straat_achtervoegsels=tuple(sorted(set(_words(data, "straat_achtervoegsels")), key=len, reverse=True)),
        straat_achtervoegsels_hoofdletter=tuple(_words(data, "straat_achtervoegsels_hoofdletter")),
        geen_straat=frozenset(_words(data, "geen_straat")),
        bsn_sleutelwoorden=tuple(_words(data, "bsn_sleutelwoorden")),
        school_afkortingen=frozenset(_words(data, "school_afkortingen")),
        school_afkortingen_alleen_hoofdletters=frozenset(_words(data, "school_afkortingen_alleen_hoofdletters")),
        school_woorden=frozenset(_words(data, "school_woorden")),
        school_voorwoorden=frozenset(_words(data, "school_voorwoorden")),
        school_woorden_alleen_na_naam=frozenset(_words(data, "school_woorden_alleen_na_naam")),
        school_achtervoegsels=tuple(_words(data, "school_achtervoegsels")),
        geen_school=frozenset(_words(data, "geen_school")),
        geen_schoolnaam=frozenset(_words(data, "geen_schoolnaam")),
        zorg_met_scholen=frozenset(_words(data, "zorg_met_scholen")),
        geen_schoolnaam_streken=frozenset(_words(data, "geen_schoolnaam_streken")),
        geen_achternaam_klein=frozenset(_words(data, "geen_achternaam_klein")),
        # a source name that is also on a list of ours keeps that list's rules ("roos", "fleur": only after a cue)
        namen_bron=_name_source() - frozenset(_words(data, "alleen_na_aanleiding")) - frozenset(_words(data, "geen_naam"))
        - frozenset(_words(data, "geen_naam_overig")) - frozenset(_words(data, "zorg_met_scholen"))
        - frozenset(_words(data, "geen_achternaam_klein")),
    )
