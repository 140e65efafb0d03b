"""The place index: every municipality name, spelling, former municipality, woonplaats and postcode
from content/regio, with the spaCy PhraseMatcher and the fuzzy buckets. Built once per content directory
(``get_index``) and read-only afterwards. Part of ``bot.regio.lookup`` (which re-exports the public names).
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from bot import settings
from bot.regio.dutch_words import DutchWords
from bot.regio.normalize import key, phrase, split_suffix

CONTENT_DIR = settings.read("WEGWIJZER_REGIO_DIR")
WORDS_FILE = Path(__file__).with_name("ordinary_words.txt")

TIER = {"gemeente": 1, "alternatief": 1, "voormalig": 2, "woonplaats": 3}

_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass
class PlaceEntry:
    tier: int
    soort: str
    gm: tuple[str, ...]
    naam: str


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

        self.by_key: dict[str, list[PlaceEntry]] = {}
        phrases: set[str] = set()

        def add(naam: str, soort: str, gm: list[str]):
            k = key(naam)
            if not k:
                return
            self.by_key.setdefault(k, []).append(PlaceEntry(TIER[soort], soort, tuple(gm), naam))
            phrases.add(phrase(naam))
            for a, b in ((" aan den ", " aan de "), (" aan de ", " aan den ")):
                if a in f" {phrase(naam)} ":
                    variant = f" {phrase(naam)} ".replace(a, b).strip()
                    self.by_key.setdefault(key(variant), []).append(PlaceEntry(TIER[soort], soort, tuple(gm), naam))
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
        # how common a word is in Dutch (wordfreq): ordinary words are never typos of places
        self.words = DutchWords(exclude=set(self.by_key))
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
