"""Recognise the municipality a user means in a free-text message.

``resolve_place(text)`` returns a :class:`Resolution` with status ``gevonden`` (one municipality),
``dubbelzinnig`` (ask one question; ``candidates`` has short labels) or ``onbekend``.

How a message is read, in order:

1. Postcodes: 6-character postcodes (``1234AB``, ``1234 ab``) anywhere; a 4-digit postcode only after a
   cue ("postcode 9712"), as the whole message, or when the bot just asked for the place
   (``expecting_place=True``) - so years and house numbers are not taken as postcodes.
2. Names, exactly (after folding case, diacritics and punctuation), with a spaCy PhraseMatcher over all
   municipality names, common spellings, former municipalities and woonplaatsen. Names that are also
   ordinary words ("best", "born", "een") need a capital or a cue; see gewone_woorden.txt.
3. Typos, with rapidfuzz (optimal string alignment distance), only right after a cue ("ik woon in
   amstrdam") or for a short message ("Amstrdam"). Length-dependent thresholds: names of at most
   4 letters are never fuzzy-matched (so "Ede" never becomes "Edam"); 5-7 letters allow 1 edit,
   8-11 letters 2 edits, longer names 3.

Precedence when a name means several things: current municipality names beat former municipalities,
which beat woonplaatsen. Within the winning kind, more than one municipality means ``dubbelzinnig``.
Lower-ranked meanings are returned in ``ook_mogelijk`` so the dialogue can confirm if it wants.

The module has no Rasa imports. Indexes are built once per content directory (``get_index``).
"""
from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.regions.normalize import fold, key, phrase, split_suffix

CONTENT_DIR = Path(os.environ.get("WEGWIJZER_REGIO_DIR", Path(__file__).resolve().parents[2] / "content" / "regio"))
WORDS_FILE = Path(__file__).with_name("gewone_woorden.txt")
MAX_CHARS = 5000  # longer messages are cut (the place is nearly always near the start)

GEVONDEN, DUBBELZINNIG, ONBEKEND = "gevonden", "dubbelzinnig", "onbekend"
TIER = {"gemeente": 1, "alternatief": 1, "voormalig": 2, "woonplaats": 3}
MATCH_KIND = {"gemeente": "name", "alternatief": "alternative", "voormalig": "former", "woonplaats": "woonplaats"}

# words (folded) that signal that a place follows
RESIDENCE_CUES = {
    "woon", "woont", "wonen", "woonde", "woonden", "gewoond", "wonend", "woonachtig", "woonplaats",
    "verhuisd", "verhuizen", "verhuis", "verhuist", "verhuizing", "gemeente", "gemeentes", "regio", "dorp",
    "plaats", "stad", "postcode", "omgeving", "buurt", "vandaan", "bedoel", "bedoelde",
}
PREP_CUES = {"in", "naar", "uit", "bij", "te", "vanuit", "rond", "richting", "nabij", "op", "around", "from"}
AWAY_CUES = {"van", "vanuit", "uit"}  # place someone came from (weaker when there is also a 'naar')
POSTCODE_CUES = {"postcode", "pc", "postcodegebied", "pc4", "postcodes"}
COMMON_2 = {"en", "in", "op", "of", "is", "al", "na", "om", "te", "de", "ik", "je", "we", "ze", "zo", "nu", "er",
            "ja", "uw", "um", "eh", "km", "cm", "mm", "kg", "ml", "pm", "am", "uu", "tm", "of", "ok", "he", "hi",
            "nl", "vo", "po", "wo", "ho", "mb", "gb", "st", "nr", "tot", "me", "mn", "zn", "an", "at", "as", "be",
            "by", "do", "go", "if", "it", "my", "no", "on", "or", "so", "to", "up", "us", "sa", "sd", "ss"}
FILLER = {"ik", "wij", "we", "woon", "wonen", "woont", "in", "de", "gemeente", "te", "naar", "bij", "uit", "het",
          "postcode", "is", "mijn", "onze", "dat", "die", "hier", "nee", "ja", "bedoel", "sorry", "btw", "hoor",
          "eigenlijk", "dus", "nou", "oh", "o", "ok", "oke", "okay", "toch", "net", "verhuisd", "zijn", "wel"}

FUZZY_SKIP = {"school", "scholen", "huis", "thuis", "klas", "groep", "dagen", "weken", "maanden", "jaar",
              "contact", "gesprek", "overleg", "leerplicht", "zorg", "jeugdzorg", "buurt", "straat", "wijk",
              "centrum", "stad", "dorp", "gemeente", "regio", "provincie", "omgeving", "de", "het", "een",
              "mijn", "zoon", "dochter", "kind", "kinderen", "moeder", "vader", "ouders", "onderwijs",
              "basisschool", "middelbare", "speciaal", "praktijk", "behandeling", "therapie", "rust",
              "paniek", "problemen", "principe", "plaats", "buitenland", "nederland", "belgie", "duitsland",
              "hallo", "hoi", "hey", "hee", "goedemorgen", "goedemiddag", "goedenavond", "dag", "doei", "bedankt",
              "dankje", "dankjewel", "thanks", "prima", "sorry", "help", "hulp", "vraag", "vragen", "graag",
              "misschien", "weet", "niet", "geen", "klopt", "precies", "goed", "ouder", "jongere", "stoppen",
              "opnieuw", "terug", "verder", "anders", "andere", "ander", "allebei", "beide", "geen idee"}


@dataclass(frozen=True)
class Candidate:
    gm_code: str
    gemeente: str
    label: str


@dataclass(frozen=True)
class Resolution:
    status: str
    gm_code: str | None = None
    gemeente: str | None = None
    match: str | None = None  # name | alternative | former | woonplaats | postcode | fuzzy
    matched_text: str | None = None  # the span of the user's text
    place: str | None = None  # the known name it matched ("Zaandam", "Beemster", "9712")
    candidates: tuple[Candidate, ...] = ()
    ook_mogelijk: tuple[Candidate, ...] = ()
    postcode: str | None = None
    swv_po: str | None = None  # for postcode matches (2015 layout)
    swv_vo: str | None = None
    reden: str | None = None  # for onbekend: leeg | geen_plaats | postcode_onbekend | provincie_of_land

    @property
    def vraag(self) -> str | None:
        """A short Dutch question for ``dubbelzinnig`` (the dialogue may use its own wording)."""
        if self.status != DUBBELZINNIG or not self.candidates:
            return None
        labels = [c.label for c in self.candidates]
        opties = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " of " + labels[-1]
        if self.match == "former" and self.place:
            return f"{self.place} is opgesplitst. Woont u nu in {opties}?"
        if self.match == "postcode":
            return f"Postcode {self.place} ligt in meer dan één gemeente. Is het {opties}?"
        return f"Bedoelt u {opties}?"


@dataclass
class _Entry:
    tier: int
    soort: str
    gm: tuple[str, ...]
    naam: str


@dataclass
class _Hit:
    start: int  # char offsets in the original text
    end: int
    key: str
    entries: list
    score: float = 0.0
    fuzzy: bool = False
    token_start: int = 0
    token_end: int = 0
    province: str | None = None  # province qualifier code found after the name


def _load_words(path: Path) -> dict[str, str]:
    classes: dict[str, str] = {}
    current = "woord"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            current = m.group(1)
            continue
        classes[key(line)] = current
    return classes


class PlaceIndex:
    """All indexes needed by resolve(); build once, use from many threads (read-only after init)."""

    def __init__(self, content_dir: Path | str = CONTENT_DIR, words_file: Path = WORDS_FILE):
        import spacy
        from spacy.matcher import PhraseMatcher

        content_dir = Path(content_dir)
        gem = json.loads((content_dir / "gemeenten.json").read_text(encoding="utf-8"))
        pl = json.loads((content_dir / "plaatsen.json").read_text(encoding="utf-8"))
        pc = json.loads((content_dir / "postcodes.json").read_text(encoding="utf-8"))
        self.gemeenten: dict = gem["gemeenten"]
        self.pc4: dict = pc["pc4"]
        self.provincie_afk: dict[str, str] = {}
        for code, afks in gem.get("provincie_afkortingen", {}).items():
            for a in afks:
                self.provincie_afk[key(a)] = code
        self.province_names = {key(v): c for c, v in
                               {g["provincie_code"]: g["provincie"] for g in self.gemeenten.values()}.items()}
        self.province_names.update({"friesland": "PV21", "brabant": "PV30"})
        self.word_class = _load_words(words_file)

        self.by_key: dict[str, list[_Entry]] = {}
        phrases: set[str] = set()

        def add(naam: str, soort: str, gm: list[str]):
            k = key(naam)
            if not k:
                return
            self.by_key.setdefault(k, []).append(_Entry(TIER[soort], soort, tuple(gm), naam))
            phrases.add(phrase(naam))
            for a, b in ((" aan den ", " aan de "), (" aan de ", " aan den ")):
                if a in f" {phrase(naam)} ":
                    variant = f" {phrase(naam)} ".replace(a, b).strip()
                    self.by_key.setdefault(key(variant), []).append(_Entry(TIER[soort], soort, tuple(gm), naam))
                    phrases.add(variant)

        for p in pl["plaatsen"]:
            add(p["naam"], p["soort"], p["gm"])
            for alt in p.get("alternatieven", []):
                add(alt, p["soort"], p["gm"])
        # display name per key: prefer the highest-tier, first name
        self.display = {k: sorted(v, key=lambda e: e.tier)[0].naam for k, v in self.by_key.items()}

        self.nlp = spacy.blank("nl")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        patterns = [self.make_doc(p)[0] for p in sorted(phrases)]
        for i in range(0, len(patterns), 1000):
            self.matcher.add("PLAATS", patterns[i:i + 1000])

        # fuzzy choices: keys of at least 5 letters, bucketed by first letter; no guarded names
        self.fuzzy_buckets: dict[str, list[str]] = {}
        for k in self.by_key:
            if len(k.replace(" ", "")) >= 5 and k not in self.word_class:
                self.fuzzy_buckets.setdefault(k[0], []).append(k)
        for b in self.fuzzy_buckets.values():
            b.sort()
        self.lock = threading.Lock()

    # ---- helpers -------------------------------------------------------------------------------

    def make_doc(self, folded: str):
        """spaCy Doc over the words of folded text (letters/digits only), with char offsets per token.
        Folded text has all punctuation turned into spaces, so this is the tokenisation spaCy's own
        tokenizer would give, minus the whitespace tokens that would break multi-word phrases."""
        from spacy.tokens import Doc

        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(folded)]
        words = [folded[a:b] for a, b in spans]
        return Doc(self.nlp.vocab, words=words, spaces=[True] * len(words)), spans

    def gm_name(self, gm: str) -> str:
        g = self.gemeenten.get(gm)
        return g["naam"] if g else gm

    def label(self, gm: str, soort: str, naam: str) -> str:
        g = self.gemeenten.get(gm, {})
        base = g.get("korte_naam") or self.gm_name(gm)
        shown = split_suffix(naam)[0]
        if soort in ("gemeente", "alternatief") or key(shown) == key(base):
            return f"{base} ({g.get('provincie', '')})" if g.get("provincie") else base
        if soort == "voormalig":
            return self.gm_name(gm)
        return f"{shown} (gemeente {base})"

    def word_class_of(self, k: str) -> str:
        if k in self.word_class:
            return self.word_class[k]
        if len(k.replace(" ", "")) <= 3:
            return "naam"
        return "gewoon"


_INDEX: dict[str, PlaceIndex] = {}
_INDEX_LOCK = threading.Lock()


def get_index(content_dir: Path | str | None = None) -> PlaceIndex:
    d = str(Path(content_dir or CONTENT_DIR).resolve())
    idx = _INDEX.get(d)
    if idx is None:
        with _INDEX_LOCK:
            idx = _INDEX.get(d)
            if idx is None:
                idx = _INDEX[d] = PlaceIndex(d)
    return idx


# ---- postcodes -------------------------------------------------------------------------------

_PC6 = re.compile(r"(?<![\w])([1-9]\d{3})[ \t]?([A-Za-z]{2})(?![\w])")
_PC4 = re.compile(r"(?<![\w.,:/-])([1-9]\d{3})(?![\w]|[.,:]\d|-\d)")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_TOKEN = re.compile(r"[a-z0-9]+")


def _postcode(idx: PlaceIndex, text: str, expecting: bool) -> Resolution | None:
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


# ---- names -----------------------------------------------------------------------------------

def _sentence_starts(text: str) -> set[int]:
    starts = set()
    for m in re.finditer(r"(?:^|[.!?]\s+|\n\s*)([^\W\d_])", text):
        starts.add(m.start(1))
    return starts


def _first_alpha(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i].isalpha():
            return i
    return start


def _accept(idx: PlaceIndex, k: str, text: str, tokens: list[str], hit: _Hit, starts: set[int], whole: bool,
            expecting: bool) -> bool:
    cls = idx.word_class_of(k)
    if cls == "nooit":
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
    if cls == "functiewoord":
        return cap and (prep or res or whole)
    if cls == "woord":
        if k.split(" ")[0] in ("de", "den", "het", "t", "s"):
            # "De Wijk", "De Punt": "in de wijk" is ordinary Dutch; needs capitals in the text
            words = re.findall(r"[^\W\d_]+", text[hit.start:hit.end])
            return (any(w[0].isupper() for w in words[1:]) and (prep or res or not initial or whole)) or \
                (whole and expecting)
        return (cap and not initial) or res or (whole and (cap or expecting))
    # naam (and short names)
    return prep or res or whole


def _qualifier(idx: PlaceIndex, text: str, tokens: list[str], offsets: list[tuple[int, int]], j: int) -> str | None:
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


def _resolve_entries(idx: PlaceIndex, entries: list[_Entry], province: str | None):
    """-> (status, gm list, soort, lower-tier alternatives)."""
    def in_prov(gm):
        return idx.gemeenten.get(gm, {}).get("provincie_code") == province

    if province:
        filtered = [(e, [g for g in e.gm if in_prov(g)]) for e in entries]
        filtered = [_Entry(e.tier, e.soort, tuple(gms), e.naam) for e, gms in filtered if gms]
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

    pc = _postcode(idx, text, expecting)
    if pc is not None and pc.status != ONBEKEND:
        return pc

    folded = fold(text)
    doc, offsets = idx.make_doc(folded)
    tokens = [t.text for t in doc]
    content = [t for t in tokens if t not in FILLER]
    starts = _sentence_starts(text)

    hits: list[_Hit] = []
    with idx.lock:  # PhraseMatcher is not guaranteed thread-safe
        matches = idx.matcher(doc)
    for _, s, e in matches:
        k = key(doc[s:e].text)
        entries = idx.by_key.get(k)
        if not entries:
            continue
        h = _Hit(offsets[s][0], offsets[e - 1][1], k, entries, token_start=s, token_end=e)
        whole = all(t in FILLER for t in tokens[:s] + tokens[e:]) and e - s >= 1
        whole = whole and len(content) <= e - s + 2
        if not _accept(idx, k, text, tokens, h, starts, whole, expecting):
            continue
        hits.append(h)
    # longest spans first; drop hits inside longer ones
    hits.sort(key=lambda h: (-(h.token_end - h.token_start), h.token_start))
    kept: list[_Hit] = []
    for h in hits:
        if all(h.token_end <= o.token_start or h.token_start >= o.token_end for o in kept):
            kept.append(h)
    if not kept:
        kept = _fuzzy(idx, text, tokens, offsets, content, expecting)
    if not kept:
        if pc is not None:
            return pc  # an unknown postcode and no name
        province_only = any(t in idx.province_names or t in ("nederland", "belgie", "duitsland")
                            for t in tokens)
        return Resolution(ONBEKEND, reden="provincie_of_land" if province_only else "geen_plaats")

    for h in kept:
        h.province = _qualifier(idx, text, tokens, offsets, h.token_end)
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
        gms, soort, naam, lower = _resolve_entries(idx, h.entries, h.province)
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


def _max_edits(n: int) -> int:
    if n <= 4:
        return 0
    if n <= 7:
        return 1
    if n <= 11:
        return 2
    return 3


def _fuzzy(idx: PlaceIndex, text: str, tokens: list[str], offsets, content: list[str],
           expecting: bool = False) -> list[_Hit]:
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    starts: list[int] = []
    cued: set[int] = set()
    for i, t in enumerate(tokens):
        if t in RESIDENCE_CUES or t in PREP_CUES:
            j = i + 1
            while j < len(tokens) and tokens[j] in PREP_CUES | {"de", "het", "t", "s"} - {"s"}:
                j += 1
            if j < len(tokens):
                starts.append(j)
                cued.add(j)
    if len(content) <= 3:
        for i, t in enumerate(tokens):
            if t not in FILLER and t.isalpha():
                starts.append(i)
                break
    best: list[_Hit] = []
    best_rel = 1.0
    seen = set()
    for s in starts:
        if s in seen or tokens[s] in FUZZY_SKIP or not tokens[s].isalpha():
            continue
        seen.add(s)
        for n in (1, 2, 3, 4):
            e = s + n
            if e > len(tokens) or not all(t.isalpha() for t in tokens[s:e]):
                break
            q = key(" ".join(tokens[s:e]))
            L = len(q.replace(" ", ""))
            k = _max_edits(L)
            if k == 0 or q in idx.word_class:
                continue
            if L <= 6 and s not in cued and not expecting and not text[offsets[s][0]].isupper():
                continue  # short lowercase word without a cue ("hallo"): too risky
            bucket = idx.fuzzy_buckets.get(q[0], [])
            res = process.extract(q, bucket, scorer=OSA.distance, score_cutoff=k, limit=5)
            if not res:
                continue
            dmin = min(r[1] for r in res)
            if dmin == 0:
                continue  # exact but rejected earlier (guarded word): do not sneak it in
            rel = dmin / L
            winners = [r[0] for r in res if r[1] == dmin]
            if rel < best_rel:
                best_rel = rel
                best = []
            if rel == best_rel:
                for w in winners:
                    best.append(_Hit(offsets[s][0], offsets[e - 1][1], w, idx.by_key[w], fuzzy=True,
                                     token_start=s, token_end=e))
    return best
