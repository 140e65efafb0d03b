"""Postcodes in a message: 6-character postcodes anywhere; a 4-digit postcode only after a cue, as the
whole message, or when the bot just asked for the place. Part of ``bot.regio.lookup``."""
from __future__ import annotations

import re

from bot.regio.normalize import fold
from bot.regio.place_cues import COMMON_2, FILLER, POSTCODE_CUES
from bot.regio.place_index import PlaceIndex
from bot.regio.place_resolution import DUBBELZINNIG, GEVONDEN, ONBEKEND, Candidate, Resolution

_PC6 = re.compile(r"(?<![\w])([1-9]\d{3})[ \t]?([A-Za-z]{2})(?![\w])")
_PC4 = re.compile(r"(?<![\w.,:/-])([1-9]\d{3})(?![\w]|[.,:]\d|-\d)")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def resolve_postcode(idx: PlaceIndex, text: str, expecting: bool) -> Resolution | None:
    found: list[tuple[str, str | None]] = []
    for m in _PC6.finditer(text):
        letters = m.group(2)
        spaced = m.group(0)[4] in " \t"
        before = fold(text[max(0, m.start() - 25):m.start()]).split()
        cue = any(w in POSTCODE_CUES for w in before[-3:])
        if spaced and not (letters.isupper() or cue or letters.lower() not in COMMON_2):
            continue
        found.append((m.group(1), letters.upper()))
    if not found:
        words = _WORD.findall(fold(text))
        only = [w for w in words if w not in FILLER]
        for m in _PC4.finditer(text):
            before = fold(text[max(0, m.start() - 25):m.start()]).split()
            cue = any(w in POSTCODE_CUES for w in before[-3:])
            if cue or expecting or only == [m.group(1)]:
                found.append((m.group(1), None))
                break
    if not found:
        return None
    pc4, letters = found[0]
    e = idx.pc4.get(pc4)
    pcs = pc4 + (letters or "")
    if e is None:
        return Resolution(ONBEKEND, match="postcode", place=pcs, postcode=pcs, reden="postcode_onbekend")
    gm = e["gm"]
    if e.get("gedeeld"):
        if letters and letters in e.get("pc6", {}):
            gm = e["pc6"][letters]
        else:
            cands = tuple(Candidate(s["gm"], idx.gm_name(s["gm"]), idx.label(s["gm"], "gemeente", idx.gm_name(s["gm"])))
                          for s in e["gedeeld"] if s["gm"] in idx.gemeenten)
            return Resolution(DUBBELZINNIG, match="postcode", place=pcs, postcode=pcs, candidates=cands,
                              swv_po=e.get("po"), swv_vo=e.get("vo"))
    if gm not in idx.gemeenten:
        return Resolution(ONBEKEND, match="postcode", place=pcs, postcode=pcs, reden="postcode_onbekend")
    return Resolution(GEVONDEN, gm_code=gm, gemeente=idx.gm_name(gm), match="postcode", place=pcs, postcode=pcs,
                      matched_text=pcs, swv_po=e.get("po"), swv_vo=e.get("vo"))
