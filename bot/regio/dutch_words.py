"""How common a word is in Dutch, so that an ordinary word is never read as a typo of a place
("maken" is not Marken, "bellen" is not Beilen). Part of ``bot.regio.lookup``.

The frequencies come from the kept library ``wordfreq`` (its Dutch list: subtitles, Wikipedia, web
text, ...; data CC-BY-SA 4.0, see https://github.com/rspeer/wordfreq), on the Zipf scale: 6 is a word
like "maken", 4.9 "bellen", 3 a word seen about once in a million words, 0 unknown. Only words down to
``KEEP_ZIPF`` are kept in memory.

Without wordfreq (a declared dependency, so only in a broken install) every word counts as unknown and
a warning is logged; the committed fallback is then the section ``[geen_tikfout]`` of
ordinary_words.txt (ordinary words once taken for places, never fuzzy-matched, with or without
wordfreq). ``source`` says which list is in use.

Place names are in the frequency list too ("amsterdam" 5.4): callers ask about the user's word only
when it is *not* a place name (a typo candidate), and leave place names out of ``typo_of``.
"""
from __future__ import annotations

import logging
import math
import threading
from pathlib import Path

from bot.regio.normalize import key

log = logging.getLogger(__name__)

KEEP_ZIPF = 2.0  # words rarer than this are forgotten (treated as unknown)
COMMON_ZIPF = 3.0  # a word at least this common is an ordinary word, never a typo of a place
UNSURE_ZIPF = 2.0  # a rarer word that still exists: a place typo only as a suggestion ("Bedoelt u ...?")
# endings that make a word of a place name ("zwolse", "leeuwarder", "amsterdammer", "utrechts"): such
# words are not ordinary words that a place typo could be mistaken for
PLACE_ENDINGS = ("s", "se", "e", "er", "ers", "aar", "aren", "enaar", "enaren", "mer", "mers", "ner", "ners")


_TABLE: tuple[dict[str, float], str] | None = None
_LOCK = threading.Lock()


def _load() -> tuple[dict[str, float], str]:
    try:
        from importlib.metadata import version

        import wordfreq

        path = Path(wordfreq.DATA_PATH) / "large_nl.msgpack.gz"
        table: dict[str, float] = {}
        for i, words in enumerate(wordfreq.read_cBpack(str(path))):  # bucket i: words at -i centibel
            z = round(9 - i / 100, 2)
            if z < KEEP_ZIPF:
                break
            for w in words:
                if w.isalpha() and w not in table:
                    table[w] = z
        return table, f"wordfreq {version('wordfreq')}"
    except (ImportError, OSError, ValueError) as e:
        log.warning("wordfreq unavailable (%s): ordinary words are guarded by ordinary_words.txt only", e)
        return {}, "ordinary_words.txt [geen_tikfout] only"


def zipf_table() -> tuple[dict[str, float], str]:
    """(folded word -> Zipf frequency, source), loaded once per process."""
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                _TABLE = _load()
    return _TABLE


class DutchWords:
    """Zipf frequency per folded Dutch word, and the common words bucketed for typo checks
    (without the place names in `exclude`, key form). One per place index."""

    def __init__(self, exclude: set[str] | frozenset[str] = frozenset()):
        self.zipf_of, self.source = zipf_table()
        # common words in the key form of place names ('ij' -> 'y'), by first letter; without the
        # place names and the words made of them
        stems = {k[:n] for k in exclude if " " not in k and len(k) >= 5 for n in range(max(4, len(k) - 3), len(k) + 1)}
        self.common_buckets: dict[str, list[str]] = {}
        self.common_zipf: dict[str, float] = {}
        for w, z in self.zipf_of.items():
            if z >= COMMON_ZIPF and w.isascii():
                k = key(w)
                if not k or k in exclude or any(k.endswith(e) and k[:-len(e)] in stems for e in PLACE_ENDINGS):
                    continue
                if k not in self.common_zipf:
                    self.common_buckets.setdefault(k[0], []).append(k)
                self.common_zipf[k] = max(z, self.common_zipf.get(k, 0.0))

    def zipf(self, text: str) -> float:
        """Zipf frequency of a folded word or phrase (a phrase is as rare as wordfreq combines it:
        1/f = sum of 1/f per word), 0.0 when a word is unknown."""
        words = text.split()
        if not words:
            return 0.0
        inv = 0.0
        for w in words:
            z = self.zipf_of.get(w)
            if z is None:
                return 0.0
            inv += 10 ** (-z)
        return round(-math.log10(inv), 2)

    def typo_of(self, q: str, max_distance: int) -> tuple[str, int, float] | None:
        """The nearest common word (key form) within `max_distance` edits of `q` (key form), as
        (word, distance, zipf), if any: "schoool" may be a typo of "school" as much as of Schoorl."""
        if max_distance <= 0 or not q or " " in q:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        res = process.extract(q, self.common_buckets.get(q[0], []), scorer=OSA.distance,
                              score_cutoff=max_distance, limit=10)
        if not res:
            return None
        d = min(r[1] for r in res)
        word = max((r[0] for r in res if r[1] == d), key=lambda w: self.common_zipf[w])
        return word, d, self.common_zipf[word]
