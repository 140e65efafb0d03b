"""Exact name matches: whether a matched name counts (ordinary words need a capital or a cue), a
province written after it, and which municipalities the matched entries mean (tier precedence).
Part of ``bot.regio.lookup``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.regio.place_cues import PREP_CUES, RESIDENCE_CUES
from bot.regio.place_index import PlaceEntry, PlaceIndex


@dataclass
class PlaceHit:
    start: int  # char offsets in the original text
    end: int
    key: str
    entries: list
    score: float = 0.0
    fuzzy: bool = False
    token_start: int = 0
    token_end: int = 0
    province: str | None = None  # province qualifier code found after the name
    unsure: bool = False  # a fuzzy hit on a word that exists in Dutch: suggest, do not assert


def sentence_starts(text: str) -> set[int]:
    starts = set()
    for m in re.finditer(r"(?:^|[.!?]\s+|\n\s*)([^\W\d_])", text):
        starts.add(m.start(1))
    return starts


def _first_alpha(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i].isalpha():
            return i
    return start


# "de gemeente", "jullie regio": the body itself, not the name of a place after it; unless the words before
# say where someone lives ("wij wonen in de gemeente best").
_BODY_NOUNS = {"gemeente", "gemeentes", "regio"}
_DETERMINERS = {"de", "die", "deze", "dat", "het", "een", "jullie", "onze", "uw", "mijn", "hun", "zijn", "haar"}
_WHERE_WORDS = {"in", "uit", "naar", "te"}


def _body_not_place(prev: list[str]) -> bool:
    if len(prev) < 2 or prev[-1] not in _BODY_NOUNS or prev[-2] not in _DETERMINERS:
        return False
    return not any(t in _WHERE_WORDS or (t in RESIDENCE_CUES and t not in _BODY_NOUNS) for t in prev[:-2])


# "mevrouw De Boer", "meneer Van Dam": a title before a name (with its particles) makes it a surname, not a place
_TITLES = {"mevrouw", "mevr", "mw", "meneer", "dhr", "familie", "fam"}
_PARTICLES = {"de", "van", "der", "den", "ten", "ter", "het", "t"}


def _after_title(prev: list[str]) -> bool:
    words = list(prev)
    while words and words[-1] in _PARTICLES:
        words.pop()
    return bool(words) and words[-1] in _TITLES


def accept_name(idx: PlaceIndex, k: str, text: str, tokens: list[str], hit: PlaceHit, starts: set[int],
                whole: bool, expecting: bool) -> bool:
    cls = idx.word_class_of(k)
    if cls == "nooit":
        return False
    if _after_title(tokens[max(0, hit.token_start - 4):hit.token_start]):
        return False
    if cls == "gewoon":
        return True
    i = _first_alpha(text, hit.start, hit.end)
    cap = text[i].isupper()
    initial = i in starts
    prev = tokens[max(0, hit.token_start - 3):hit.token_start]
    prep = bool(prev) and prev[-1] in PREP_CUES
    res = bool(prev) and (prev[-1] in RESIDENCE_CUES or (len(prev) >= 2 and prev[-1] in PREP_CUES
                                                         and prev[-2] in RESIDENCE_CUES))
    if res and not cap and _body_not_place(prev):
        res = False  # "iemand van de gemeente belt": the municipality as a body, then an ordinary word
    if cls == "functiewoord":
        return cap and (prep or res or whole)
    if cls == "hoofdletter":
        return cap or prep or res or whole
    if cls == "met_cue":
        return prep or res or (whole and expecting)
    if cls == "woord":
        if k.split(" ")[0] in ("de", "den", "het", "t", "s"):
            # "De Wijk", "De Punt": "in de wijk" is ordinary Dutch; needs capitals in the text
            words = re.findall(r"[^\W\d_]+", text[hit.start:hit.end])
            return (any(w[0].isupper() for w in words[1:]) and (prep or res or not initial or whole)) or \
                (whole and expecting)
        return (cap and not initial) or res or (whole and (cap or expecting))
    # naam (and short names)
    return prep or res or whole


def province_qualifier(idx: PlaceIndex, text: str, tokens: list[str], offsets: list[tuple[int, int]],
                       j: int) -> str | None:
    """Province written after a name: 'Bergen NH', 'Hengelo (Gld)', 'Beek in Limburg'."""
    if j < len(tokens) and tokens[j] in ("in", "provincie"):
        j += 1
        if j < len(tokens) and tokens[j] == "provincie":
            j += 1
    for n in (2, 1):
        if j + n <= len(tokens):
            k = " ".join(tokens[j:j + n])
            code = idx.province_names.get(k) or idx.provincie_afk.get(k)
            if code:
                s, e = offsets[j][0], offsets[j + n - 1][1]
                if len(k) == 1 and not text[s:e].isupper():
                    continue
                return code
    return None


def resolve_entries(idx: PlaceIndex, entries: list[PlaceEntry], province: str | None):
    """-> (status, gm list, soort, lower-tier alternatives)."""
    def in_prov(gm):
        return idx.gemeenten.get(gm, {}).get("provincie_code") == province

    if province:
        filtered = [(e, [g for g in e.gm if in_prov(g)]) for e in entries]
        filtered = [PlaceEntry(e.tier, e.soort, tuple(gms), e.naam) for e, gms in filtered if gms]
        if filtered:
            entries = filtered
    best = min(e.tier for e in entries)
    top = [e for e in entries if e.tier == best]
    gms: list[str] = []
    for e in top:
        for g in e.gm:
            if g not in gms and g in idx.gemeenten:
                gms.append(g)
    soort = next((e.soort for e in top if e.soort == "gemeente"), top[0].soort)
    lower: list[tuple[str, str, str]] = []
    for e in sorted(entries, key=lambda e: e.tier):
        if e.tier == best:
            continue
        for g in e.gm:
            if g not in gms and g in idx.gemeenten and g not in [x[0] for x in lower]:
                lower.append((g, e.soort, e.naam))
    return gms, soort, top[0].naam, lower
