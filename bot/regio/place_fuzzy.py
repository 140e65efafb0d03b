"""Typos in place names, with rapidfuzz (optimal string alignment distance), only right after a cue or
for a short message; names of at most 4 letters are never fuzzy-matched. Part of ``bot.regio.lookup``.

An ordinary Dutch word is never a typo of a place (``bot.regio.dutch_words``): not when the word
itself is common ("maken" is not Marken, "bellen" not Beilen), nor when it is as close to a common
word as to the place ("schoool" is school, not Schoorl). A rarer word that still exists in Dutch text
gives a hit marked ``unsure``: the lookup offers it as a suggestion instead of asserting it."""
from __future__ import annotations

from bot.regio.dutch_words import COMMON_ZIPF, UNSURE_ZIPF
from bot.regio.normalize import key, phrase, split_suffix
from bot.regio.place_cues import FILLER, FUZZY_SKIP, PREP_CUES, RESIDENCE_CUES
from bot.regio.place_index import PlaceIndex
from bot.regio.place_names import PlaceHit


def max_edits(n: int) -> int:
    if n <= 4:
        return 0
    if n <= 7:
        return 1
    if n <= 11:
        return 2
    return 3


def typo_of_common_word(idx: PlaceIndex, q: str, dmin: int, places: list[str]) -> bool:
    """Whether `q` is rather a typo of a common Dutch word than of the places (keys) `dmin` edits away:
    a common word is closer, or as close and more common than the place ("schoool" is school, not
    Schoorl; "zwole" is Zwolle, not zwoele)."""
    near = idx.words.typo_of(q, dmin)
    if near is None:
        return False
    word, distance, zipf = near
    if distance < dmin:
        return True
    return zipf > max(idx.words.zipf(phrase(split_suffix(idx.display[p])[0])) for p in places)


def fuzzy_hits(idx: PlaceIndex, text: str, tokens: list[str], offsets, content: list[str],
               expecting: bool = False) -> list[PlaceHit]:
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
    best: list[PlaceHit] = []
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
            k = max_edits(L)
            if k == 0 or q in idx.word_class:
                continue
            if L <= 6 and s not in cued and not expecting and not text[offsets[s][0]].isupper():
                continue  # short lowercase word without a cue ("hallo"): too risky
            zipf = idx.words.zipf(" ".join(tokens[s:e]))
            if zipf >= COMMON_ZIPF:
                continue  # an ordinary Dutch word ("maken", "bellen", "oude school")
            bucket = idx.fuzzy_buckets.get(q[0], [])
            res = process.extract(q, bucket, scorer=OSA.distance, score_cutoff=k, limit=5)
            if not res:
                continue
            dmin = min(r[1] for r in res)
            if dmin == 0:
                continue  # exact but rejected earlier (guarded word): do not sneak it in
            winners = [r[0] for r in res if r[1] == dmin]
            if typo_of_common_word(idx, q, dmin, winners):
                continue
            unsure = zipf >= UNSURE_ZIPF  # a rare word that exists: ask, do not assert
            rel = dmin / L
            if rel < best_rel:
                best_rel = rel
                best = []
            if rel == best_rel:
                for w in winners:
                    best.append(PlaceHit(offsets[s][0], offsets[e - 1][1], w, idx.by_key[w], fuzzy=True,
                                         token_start=s, token_end=e, unsure=unsure))
    return best
