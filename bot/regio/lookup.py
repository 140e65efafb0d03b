"""Recognise the municipality a user means in a free-text message.

``resolve_place(text)`` returns a :class:`Resolution` with status ``gevonden`` (one municipality),
``dubbelzinnig`` (ask one question; ``candidates`` has short labels) or ``onbekend``.

How a message is read, in order:

1. Postcodes: 6-character postcodes (``1234AB``, ``1234 ab``) anywhere; a 4-digit postcode only after a
   cue ("postcode 9712"), as the whole message, or when the bot just asked for the place
   (``expecting_place=True``) - so years and house numbers are not taken as postcodes.
2. Names, exactly (after folding case, diacritics and punctuation), with a spaCy PhraseMatcher over all
   municipality names, common spellings, former municipalities and woonplaatsen. Names that are also
   ordinary words ("best", "born", "een") need a capital or a cue; see ordinary_words.txt.
3. Typos, with rapidfuzz (optimal string alignment distance), only right after a cue ("ik woon in
   amstrdam") or for a short message ("Amstrdam"). Length-dependent thresholds: names of at most
   4 letters are never fuzzy-matched (so "Ede" never becomes "Edam"); 5-7 letters allow 1 edit,
   8-11 letters 2 edits, longer names 3.

A typo match on a word that exists in Dutch but is rare (wordfreq Zipf 2-3, e.g. "leyden") is not
asserted: it comes back ``dubbelzinnig`` with ``voorstel=True`` and the question "Bedoelt u ...?".
Common words (Zipf >= 3: "maken", "bellen") are never typos of a place; see place_fuzzy.

Precedence when a name means several things: current municipality names beat former municipalities,
which beat woonplaatsen. Within the winning kind, more than one municipality means ``dubbelzinnig``.
Lower-ranked meanings are returned in ``ook_mogelijk`` so the dialogue can confirm if it wants.

The module has no Rasa imports. Indexes are built once per content directory (``get_index``).
The parts live next to it: place_resolution (answer types), place_cues (word lists), place_index,
place_postcode, place_names and place_fuzzy; every public name stays importable from here.
"""
from __future__ import annotations

import json
from pathlib import Path

from bot.regio.normalize import fold, key
from bot.regio.place_cues import (  # noqa: F401 - re-exported
    AWAY_CUES, COMMON_2, FILLER, FUZZY_SKIP, POSTCODE_CUES, PREP_CUES, RESIDENCE_CUES,
)
from bot.regio.place_fuzzy import fuzzy_hits
from bot.regio.place_index import CONTENT_DIR, TIER, WORDS_FILE, PlaceIndex, get_index  # noqa: F401 - re-exported
from bot.regio.place_names import (
    PlaceHit, accept_name, province_qualifier, resolve_entries, sentence_starts,
)
from bot.regio.place_postcode import resolve_postcode
from bot.regio.place_resolution import DUBBELZINNIG, GEVONDEN, ONBEKEND, Candidate, Resolution  # noqa: F401

MAX_CHARS = 5000  # longer messages are cut (the place is nearly always near the start)
MATCH_KIND = {"gemeente": "name", "alternatief": "alternative", "voormalig": "former", "woonplaats": "woonplaats"}


def resolve_place(text: str | None, *, expecting_place: bool = False, content_dir: Path | str | None = None) -> Resolution:
    """Find the municipality in `text`. Never raises on any input string."""
    try:
        return _resolve(get_index(content_dir), text or "", expecting_place)
    except (FileNotFoundError, json.JSONDecodeError):
        raise
    except Exception:  # pragma: no cover - defensive: a lookup must never crash the conversation
        return Resolution(ONBEKEND, reden="fout")


def _resolve(idx: PlaceIndex, text: str, expecting: bool) -> Resolution:
    if not isinstance(text, str):
        text = str(text)
    text = text[:MAX_CHARS]
    if not text.strip():
        return Resolution(ONBEKEND, reden="leeg")

    pc = resolve_postcode(idx, text, expecting)
    if pc is not None and pc.status != ONBEKEND:
        return pc

    folded = fold(text)
    doc, offsets = idx.make_doc(folded)
    tokens = [t.text for t in doc]
    content = [t for t in tokens if t not in FILLER]
    starts = sentence_starts(text)

    hits: list[PlaceHit] = []
    with idx.lock:  # PhraseMatcher is not guaranteed thread-safe
        matches = idx.matcher(doc)
    for _, s, e in matches:
        k = key(doc[s:e].text)
        entries = idx.by_key.get(k)
        if not entries:
            continue
        h = PlaceHit(offsets[s][0], offsets[e - 1][1], k, entries, token_start=s, token_end=e)
        whole = all(t in FILLER for t in tokens[:s] + tokens[e:]) and e - s >= 1
        whole = whole and len(content) <= e - s + 2
        if not accept_name(idx, k, text, tokens, h, starts, whole, expecting):
            continue
        hits.append(h)
    # longest spans first; drop hits inside longer ones
    hits.sort(key=lambda h: (-(h.token_end - h.token_start), h.token_start))
    kept: list[PlaceHit] = []
    for h in hits:
        if all(h.token_end <= o.token_start or h.token_start >= o.token_end for o in kept):
            kept.append(h)
    if not kept:
        kept = fuzzy_hits(idx, text, tokens, offsets, content, expecting)
    if not kept:
        if pc is not None:
            return pc  # an unknown postcode and no name
        province_only = any(t in idx.province_names or t in ("nederland", "belgie", "duitsland")
                            for t in tokens)
        return Resolution(ONBEKEND, reden="provincie_of_land" if province_only else "geen_plaats")

    for h in kept:
        h.province = province_qualifier(idx, text, tokens, offsets, h.token_end)
        prev = tokens[max(0, h.token_start - 4):h.token_start]
        score = 0.0
        if any(t in RESIDENCE_CUES for t in prev):
            score += 3
        if prev and prev[-1] in ("naar", "in", "te", "bij", "op"):
            score += 2
        elif prev and prev[-1] in AWAY_CUES:
            score -= 2
        if min(e.tier for e in h.entries) == 1:
            score += 0.3
        if h.fuzzy:
            score -= 0.5
        h.score = score
    best_score = max(h.score for h in kept)
    best = [h for h in kept if h.score == best_score]
    results = []
    for h in best:
        gms, soort, naam, lower = resolve_entries(idx, h.entries, h.province)
        if gms:
            results.append((h, gms, soort, naam, lower))
    if not results:
        return Resolution(ONBEKEND, reden="geen_plaats")
    all_gms: list[str] = []
    for r in results:
        for g in r[1]:
            if g not in all_gms:
                all_gms.append(g)
    h, gms, soort, naam, lower = results[0]
    matched = text[h.start:h.end]
    kind = "fuzzy" if h.fuzzy else MATCH_KIND[soort]
    if all(r[0].unsure for r in results):  # an uncertain typo: suggest it, never assert it
        cands = tuple(Candidate(g, idx.gm_name(g), idx.label(g, r[2], r[3])) for r in results for g in r[1])
        return Resolution(DUBBELZINNIG, match=kind, matched_text=matched, place=idx.display.get(h.key, naam),
                          candidates=tuple(dict.fromkeys(cands))[:6], voorstel=True)
    if len(all_gms) == 1:
        g = all_gms[0]
        ook = tuple(Candidate(x, idx.gm_name(x), idx.label(x, s, n)) for x, s, n in lower[:5])
        return Resolution(GEVONDEN, gm_code=g, gemeente=idx.gm_name(g), match=kind, matched_text=matched,
                          place=idx.display.get(h.key, naam), ook_mogelijk=ook)
    cands: list[Candidate] = []
    for h2, gms2, soort2, naam2, lower2 in results:
        for g in gms2:
            if g not in [c.gm_code for c in cands]:
                cands.append(Candidate(g, idx.gm_name(g), idx.label(g, soort2, naam2)))
    if len(results) == 1:
        for g, s, n in lower[:4]:
            if g not in [c.gm_code for c in cands]:
                cands.append(Candidate(g, idx.gm_name(g), idx.label(g, s, n)))
    return Resolution(DUBBELZINNIG, match=kind, matched_text=matched, place=idx.display.get(h.key, naam),
                      candidates=tuple(cands[:6]))
