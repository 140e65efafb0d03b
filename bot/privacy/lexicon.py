"""Is a word an ordinary Dutch word, a place, or a possible name? Used by the name and address detectors
to tell "Mirthe" or "ionescu" (a name) from "Thuiszitten" or "jeugdzorg" (ordinary words).

- how common a word is in Dutch: the Zipf frequency from ``wordfreq`` (already a product dependency, via
  ``bot.regio.dutch_words``; words rarer than Zipf 2 count as unknown, 0.0). Names are in that list too
  ("daan" 3.8, "bakker" 4.3), so a frequency alone never makes a word a name: it only says that a rare
  word is *not* an ordinary word;
- compounds of ordinary words ("kinderombudsman", "leerplichtwet", "vogelbuurt") are ordinary words even
  when the compound itself is rare;
- place names: every gemeente, former gemeente and woonplaats in content/regio (the console needs them).

All lookups are dictionary hits; tables are loaded once per process.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache

from bot import settings

log = logging.getLogger(__name__)

COMMON = 3.0      # a word at least this common is an ordinary Dutch word
KNOWN = 2.0       # a word at least this common exists in Dutch (rarer words count as unknown)
# joints between the parts of a compound ("kinder-s-...", "leerling-en-...")
JOINTS = ("", "s", "e", "en")
MIN_PART = 3
# prefixes of Dutch verbs and nouns ("inschrijf", "wegkwijnen", "ontslag")
PREFIXES = ("aan", "af", "bij", "in", "mee", "na", "om", "onder", "op", "over", "terug", "toe", "uit", "voor", "weg",
            "door", "ver", "be", "ont", "her", "ge", "samen", "vast", "los", "thuis")
# endings of Dutch nouns and adjectives that names do not have ("hoogbegaafdheid", "thuiszittersaanpak")
SUFFIXES = ("heid", "heden", "ing", "ingen", "schap", "teit", "atie", "aties", "isme", "plicht", "aanpak", "pact",
            "beleid", "zorg", "wet", "recht", "lijk", "lijke", "isch", "ische", "baar", "bare", "loos", "loze",
            "zaam", "zame", "achtig", "ieel", "iële", "ologie", "ologe", "ende",
            # nationalities and languages ("Eritrees", "Marokkaans", "Surinaamse", "Polish")
            "ees", "aans", "aanse", "aams", "aamse", "ese", "ish")


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in Dutch (lower-cased), 0.0 when rarer than 2 or unknown."""
    from bot.regio.dutch_words import zipf_table
    return zipf_table()[0].get(word.lower(), 0.0)


def _parts(left: str, right: str) -> bool:
    """Two parts of a compound: one common, the other at least known ("wijkteam" + "medewerker")."""
    if len(left) < MIN_PART or len(right) < MIN_PART + 1:
        return False
    zl, zr = zipf(left), zipf(right)
    return (zl >= COMMON and zr >= KNOWN) or (zl >= KNOWN and zr >= COMMON)


@lru_cache(maxsize=4096)
def is_compound(word: str) -> bool:
    """True when ``word`` is made of ordinary Dutch words ("thuiszitten", "zorgboerderij", "inschrijf")."""
    low = word.lower().replace("-", "")
    if not low.isalpha():
        return False
    for prefix in PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 4 and zipf(low[len(prefix):]) >= COMMON:
            return True
    for i in range(MIN_PART, len(low) - MIN_PART):
        left, right = low[:i], low[i:]
        for joint in JOINTS:
            if joint and left.endswith(joint) and _parts(left[:-len(joint)], right):
                return True
            if not joint and _parts(left, right):
                return True
    return False


def has_word_ending(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(s) and len(low) >= len(s) + 3 for s in SUFFIXES)


def is_ordinary(word: str, threshold: float = COMMON) -> bool:
    """An ordinary Dutch word: common (Zipf >= threshold), made of ordinary words, or with a noun or
    adjective ending that names do not have."""
    return (zipf(word) >= threshold or has_word_ending(word)
            or (len(word) >= 2 * MIN_PART and is_compound(word)))


@lru_cache(maxsize=1)
def place_names() -> frozenset:
    """Lower-case names of gemeenten, former gemeenten and woonplaatsen, and the words of the names that
    have more than one ("den haag" gives "den haag" and "haag")."""
    base = settings.read("WEGWIJZER_REGIO_DIR")
    names: set[str] = set()
    try:
        gem = json.loads((base / "gemeenten.json").read_text(encoding="utf-8")).get("gemeenten", {})
        for g in gem.values():
            names.update(str(g.get(k, "")) for k in ("naam", "korte_naam"))
            names.update(str(v) for v in g.get("voormalige_gemeenten") or [])
        pl = json.loads((base / "plaatsen.json").read_text(encoding="utf-8")).get("plaatsen", [])
        names.update(str(p.get("naam", "")) for p in pl)
    except (OSError, ValueError, AttributeError) as exc:   # redaction must work without the place tables
        log.warning("plaatsnamen niet gelezen voor de redactie: %s", exc)
    out: set[str] = set()
    for name in names:
        low = name.strip().lower()
        if not low:
            continue
        out.add(low)
        words = low.replace("-", " ").split()
        if len(words) > 1:
            out.update(w for w in words if len(w) > 3)
    return frozenset(out)


def is_place(word: str) -> bool:
    return word.lower() in place_names()
