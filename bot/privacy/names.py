"""Names, where feasible: after a cue ("ik ben", "mijn naam is", "mijn zoon", "juf", "mevrouw",
"groetjes,") and, anywhere, capitalised first names from the list in redaction_patterns.yml.

A name is a first token (capitalised and not a known non-name, or a listed first name in lower case)
followed by surname tokens: capitalised words, possibly after particles ("de Vries", "van der Linden").
Words in capitals only (GGD, SWV) end a name. Tokens are looked at in a short window after each cue,
so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_FAMILY = (r"zoon|dochter|kind|kinderen|man|vrouw|partner|vriend|vriendin|broer|broertje|zus|zusje|"
           r"moeder|vader|neef|nicht|pleegzoon|pleegdochter|stiefzoon|stiefdochter|kleinzoon|kleindochter")
CUE = re.compile(
    r"(?:(?<![\w])(?:ik\s{1,3}ben|ik\s{1,3}heet|heet|(?:mijn\s{1,3})?naam\s{1,3}is|naam\s*:|(?:mijn|onze|ons)\s{1,3}(?:" + _FAMILY + r")|"
    r"(?:moeder|vader|mama|papa|ouder|oma|opa|zoon|dochter|broer|zus|voogd)\s{1,3}van|"
    r"juf|juffrouw|meester|mevrouw|meneer|mw\.?|mevr\.?|dhr\.?|de\s{1,3}heer|dokter|familie|fam\.|"
    r"groet(?:en|jes)?(?:\s{1,3}van)?|gr\.|mvg|met\s{1,3}vriendelijke\s{1,3}groet(?:en)?)|^\s*met)[\s,:]{1,4}",
    re.IGNORECASE)
# initials first ("J.P.", "R." before a space), then words
TOKEN = re.compile(r"[^\W\d_]\.[^\W\d_]\.(?:[^\W\d_]\.)?|[A-Z]\.(?=[ ])|'t(?=[ ])|[^\W\d_][\w'’\-]*")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# particles after which a lower-case surname follows a lower-case first name ("sanne de jong")
LOWER_SURNAME_PARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "el", "al", "'t"})
WINDOW = 80
MAX_TOKENS = 6


def _tokens(text: str, pos: int) -> list[tuple[int, int, str]]:
    """Words right after ``pos``, separated only by single spaces (punctuation ends the run)."""
    out = []
    end_window = min(len(text), pos + WINDOW)
    while len(out) < MAX_TOKENS:
        m = TOKEN.match(text, pos, end_window)
        if not m:
            break
        out.append((m.start(), m.end(), m.group(0)))
        pos = m.end()
        if pos < end_window and text[pos] == " ":
            pos += 1
        else:
            break
    return out


def _capitalised(word: str) -> bool:
    if INITIALS.fullmatch(word):
        return True   # "R.", "J.P."
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _name_from(text: str, tokens: list, cue: bool) -> tuple[int, int] | None:
    """The name at the start of ``tokens``, as (start, end), or None."""
    lists = wordlists()
    i, start, end = 0, None, None
    # particles before a surname: "mevrouw de Boer", "meneer Van Dijk"
    while i < len(tokens) and tokens[i][2].lower() in lists.tussenvoegsels and i < 3:
        i += 1
    if i >= len(tokens):
        return None
    s, e, word = tokens[i]
    low = word.lower()
    if low in lists.geen_naam:
        return None
    if _capitalised(word):
        if not cue and (low not in lists.voornamen or low in lists.alleen_na_aanleiding or i > 0):
            return None
    elif not (cue and i == 0 and low in lists.voornamen):
        return None
    start, end = tokens[0][0] if i > 0 else s, e
    lower_first = not _capitalised(word)
    i += 1
    # surname: [particles] Capitalised, repeated
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j][2].lower() in lists.tussenvoegsels:
            j += 1
        if j < len(tokens) and _capitalised(tokens[j][2]) and tokens[j][2].lower() not in lists.geen_naam:
            end = tokens[j][1]
            i = j + 1
        elif (lower_first and j > i and j < len(tokens) and all(t[2] in LOWER_SURNAME_PARTICLES for t in tokens[i:j])
              and tokens[j][2].islower() and len(tokens[j][2]) > 2 and tokens[j][2] not in lists.geen_naam
              and tokens[j][2] not in lists.geen_achternaam_klein):
            end = tokens[j][1]   # "sanne de jong", "sven van der meer": particles, then a lower-case surname
            i = j + 1
            break
        else:
            break
    return start, end


def find_names(text: str) -> Iterator[Span]:
    taken_until = -1
    for m in CUE.finditer(text):
        found = _name_from(text, _tokens(text, m.end()), cue=True)
        if found and found[0] >= taken_until:
            taken_until = found[1]
            yield Span("naam", found[0], found[1], text[found[0]:found[1]])
    # listed first names without a cue (capitalised only)
    lists = wordlists()
    for m in TOKEN.finditer(text):
        word = m.group(0)
        if not _capitalised(word) or word.lower() not in lists.voornamen:
            continue
        found = _name_from(text, _tokens(text, m.start()), cue=False)
        if found:
            yield Span("naam", found[0], found[1], text[found[0]:found[1]])
