"""A head word written with a typo: one edit away from a long head word with name words before it ("t
utrechts stedelijk gymnasuim") or a name after it ("de daltonscool de vuurtoren"), and a head spelt as it sounds
after a name ("het da vinci collage", "het zonnewende colege").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.schools.head_words import _LEAD_WORDS, _modifier, _name_word, typo_head
from bot.privacy.schools.tokens import _adjacent
from bot.privacy.schools.word_checks import _common, _first_name
from bot.privacy.schools.words import STOP, _classify, _tokens
from bot.privacy.span import Span


def find_typo_heads(text: str) -> Iterator[Span]:
    """A head word with a typo, where the head-word rules would have seen one: name words before it
    ("t utrechts stedelijk gymnasuim") or a name after it ("de daltonscool de vuurtoren")."""
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        if not typo_head(word):
            continue
        first = k
        while first > 0 and k - first < 4 and _adjacent(text, toks[first - 1], toks[first]) and (
                _modifier(toks[first - 1][2]) or _name_word(toks[first - 1][2])) and \
                toks[first - 1][2].lower() not in _LEAD_WORDS:
            first -= 1
        if first == 0 or toks[first - 1][2].lower() not in _LEAD_WORDS:
            continue
        if first == k and not (k + 1 < len(toks) and toks[k + 1][2].lower() in ("de", "het")):
            continue   # "naar schoool": a typo alone is the word, not a name
        b = end
        if k + 2 < len(toks) and toks[k + 1][2].lower() in ("de", "het") and _adjacent(text, toks[k], toks[k + 1]) \
                and _classify(toks[k + 2][2], strict=False) != STOP:
            b = toks[k + 2][1]   # "de daltonscool de vuurtoren"
        yield Span("school", toks[first][0], b, text[toks[first][0]:b])


# a head word spelt as it sounds, after a name: "het da vinci collage", "het zonnewende colege"
_MISSPELT_HEAD = re.compile(r"(?<![\w'’])(?:het|'t|t|de)[ ](?P<s>(?:[^\W\d_][\w'’\-]{1,25}[ ]){1,3}"
                            r"(?:col+age|colege|col+egue|lyc[ie]um|lycium|liceum|gymnasuim|gymasium|atheneaum))(?![\w'’\-])",
                            re.IGNORECASE)


def find_misspelt_heads(text: str) -> Iterator[Span]:
    for m in _MISSPELT_HEAD.finditer(text):
        words = m.group("s").split()[:-1]
        while words and _common(words[0], 4.0) and not _first_name(words[0]) and \
                words[0].lower() not in ("da", "van", "de", "la", "le", "ter", "ten"):
            words = words[1:]   # "het oude da vinci collage": from the first word that can be a name
        if not words or all(_common(w, 3.5) and not _first_name(w) for w in words):
            continue   # "het mooie collage": an ordinary word, not a school (but "de johan de wit colege")
        a = m.end("s") - len(" ".join(words) + " " + m.group("s").split()[-1])
        yield Span("school", a, m.end("s"), text[a:m.end("s")])
