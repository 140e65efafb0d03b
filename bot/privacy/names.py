"""Names, where feasible (span assembly; the word tests are in name_words.py, the cue rules in
name_cues.py, the rules from the surroundings in name_context.py): after a cue ("ik ben", "mijn naam is", "mijn zoon", "juf", "mevrouw",
"groetjes,") and, anywhere, capitalised first names from the list in redaction_patterns.yml.

A name is a first token (capitalised and not a known non-name, or a listed first name in lower case)
followed by surname tokens: capitalised words, possibly after particles ("de Vries", "van der Linden").
Words in capitals only (GGD, SWV) end a name. Tokens are looked at in a short window after each cue,
so the work stays linear in the length of the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.wordlists import wordlists
from bot.privacy.name_context import (_PERSON_NEXT, _SENTENCE_END, _around, _initials_names, _lower_list_and_apposition,
                                       _unknown_names)
from bot.privacy.name_cues import CUE, _name_from, _tokens
from bot.privacy.name_mentions import find_name_mentions
from bot.privacy.name_words import FAMILY, STRONG, TITLE, TOKEN, WEAK, _capitalised, _double_first_name
from bot.privacy.name_words import _could_be_name
from bot.privacy.name_words import _name_like  # noqa: F401  (re-exported for bot/privacy/schools/at_school.py)
from bot.privacy.span import Span

# first names that are also a verb at the start of a sentence ("Mark dit gesprek als dringend")
_ALSO_A_VERB = frozenset({"mark"})
_IMPERATIVE_NEXT = re.compile(r"[ ]{1,2}(?:dit|deze|dat|die|het|een|mijn|ons|onze|uw|jullie|alstublieft|aub|even|"
                             r"maar|alles|iets|niets|me|mij|hem|haar)(?![\w])", re.IGNORECASE)


# words before a listed first name in lower case that make it a thing or a word ("de bas", "een rob")
_NOT_BEFORE_LOWER_NAME = frozenset({"de", "het", "een", "die", "dat", "deze", "dit", "geen", "elke", "ieder", "zo'n"})
_LOWER_SURNAME = re.compile(r"[ ](?P<part>(?:(?:van|de|der|den|ter|ten|'t|el|al|ben|bin)[ ]){0,3})(?P<w>[a-zà-ÿ][a-zà-ÿ'’\-]{1,30})"
                            r"(?![\w])")


# listed first names that are common words in English or French, where a lower-case form is the word ("my son will
# not", "il a 14 ans", "harm", "ties"): only with a cue or a capital
_LOWER_ALSO_A_WORD = frozenset({"harm", "ties", "rob", "rose", "mark", "frank", "dick", "bas", "ans", "cas", "rien",
                                "lien", "beau", "demi", "hein", "grace", "hope", "joy", "will", "may", "june", "april",
                                "guy", "art", "bill", "pat", "sue", "ray", "don", "sky", "dawn", "chance", "eden"})


def _lower_first_name(text: str, s: int, e: int) -> tuple[int, int] | None:
    """A listed first name in lower case without a cue ("daan zit thuis", "lisa de jong groep 8"), with a
    lower-case surname after particles or from the name lists; not a word after an article ("de bas")."""
    lists = wordlists()
    word = text[s:e]
    if (len(word) < 3 or word in lists.alleen_na_aanleiding or word in lists.geen_naam or lexicon.is_place(word)
            or word in _LOWER_ALSO_A_WORD):
        return None
    if text[s - 1:s] in ("/", ".", "@", "_", ":", "=") or text[e:e + 1] in ("/", "@", "_", "="):
        return None   # part of a web or mail address
    before = text[max(0, s - 12):s].split()
    if before and before[-1].lower() in _NOT_BEFORE_LOWER_NAME:
        return None
    end = e
    m = _LOWER_SURNAME.match(text, e)
    if m:
        w = m.group("w")
        if w not in lists.geen_naam and w not in lists.geen_achternaam_klein and len(w) > 2 and (
                (m.group("part") and not lexicon.is_place(w))
                or w in lists.achternamen or (w in lists.namen_bron and lexicon.zipf(w) < 3.5)):
            end = m.end("w")   # "lisa de jong", "timo bos" (a listed surname), "noah brouwer"
    return s, end


_BRAND_AFTER = re.compile(r"[ ]([A-ZÀ-Þ][\w'’]+)")
# a condition named after a person: "Gilles de la Tourette"
_EPONYM_AFTER = re.compile(r"[ ]de[ ]la[ ]Tourette", re.IGNORECASE)


def find_names(text: str) -> Iterator[Span]:
    taken_until = -1
    taken: list[tuple[int, int]] = []
    for m in CUE.finditer(text):
        strength = next((k for k in (STRONG, TITLE, FAMILY, WEAK) if m.group(k)), WEAK)
        found = _name_from(text, _tokens(text, m.end()), cue=True, strength=strength)
        if found and found[0] >= taken_until:
            taken_until = found[1]
            taken.append(found)
    # listed first names without a cue (capitalised only), double first names ("Anna-Sophie")
    lists = wordlists()
    for m in TOKEN.finditer(text):
        word = m.group(0)
        if word[-2:] in ("'s", "’s") and word[:-2].lower() in lists.voornamen and _capitalised(word):
            taken.append((m.start(), m.end() - 2))   # "Sem's moeder": the name without the possessive
            continue
        if not _capitalised(word):
            if word.islower() and word in lists.voornamen:
                found = _lower_first_name(text, m.start(), m.end())
                if found:
                    taken.append(found)
            continue
        if word.lower() in lists.voornamen:
            if word.lower() in _ALSO_A_VERB and _IMPERATIVE_NEXT.match(text, m.end()) and \
                    _SENTENCE_END.search(text[max(0, m.start() - 40):m.start()]):
                continue   # "Mark dit gesprek als dringend": a verb at the start of a sentence, not "Mark de Jong"
            nxt = _BRAND_AFTER.match(text, m.end())
            if nxt and nxt.group(1).lower() in lists.geen_naam or _EPONYM_AFTER.match(text, m.end()):
                continue   # "Albert Heijn", "Klaas Vaak", "Gilles de la Tourette": a shop, a character, a condition
            found = _name_from(text, _tokens(text, m.start()), cue=False)
        elif _double_first_name(word):
            found = (m.start(), m.end())
        else:
            found = None
        if (not found and word.lower() in lists.alleen_na_aanleiding and lexicon.zipf(word) < 4.3
                and _PERSON_NEXT.match(text, m.end()) and _SENTENCE_END.search(text[max(0, m.start() - 40):m.start()])):
            found = (m.start(), m.end())   # "Fleur heeft autisme", "Iris zit thuis": a name that is also a word
        if found:
            taken.append(found)
    taken += list(_initials_names(text))
    taken += [(s.start, s.end) for s in _unknown_names(text, taken)]
    taken += list(_around(text, taken))
    taken += list(_lower_list_and_apposition(text, taken))
    taken += list(find_name_mentions(text, taken))
    for a, b in _merged(text, taken):
        yield Span("naam", a, b, text[a:b])


# a second surname after a spaced dash: "Wilma Kuipers - van den Heuvel"
_DASH_SURNAME = re.compile(r"[ ]?[-–][ ]?(?:(?:van|de|der|den|ter|ten|'t)[ ]){0,3}[A-ZÀ-Þ][a-zà-ÿ'’]{1,30}(?![\w])")


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Name spans that overlap or touch (one space apart) as one ("Hodan" + "Abdi Warsame"): the overlap
    resolution in redaction.py would otherwise keep only one of them and leave the rest of the name."""
    out: list[list[int]] = []
    for a, b in sorted(set(spans)):
        if out and a <= out[-1][1] + 1 and text[out[-1][1]:a].strip() == "":
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    from bot.privacy.name_tails import extend_name
    for span in out:
        span[0], span[1] = extend_name(text, span[0], span[1])
        m = _DASH_SURNAME.match(text, span[1])
        last = m.group(0).split()[-1].lstrip("-–") if m else ""
        particle = bool(m) and re.search(r"[ \-–](?:van|de|der|den|ter|ten|'t)[ ]", m.group(0)) is not None
        if m and last.lower() not in wordlists().geen_naam and (particle or not lexicon.is_place(last)):
            span[1] = m.end()
    return [(a, b) for a, b in out if not _place_with_article(text, a, b)]


_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[\W]))(de|het|'t|den)[ ]$", re.IGNORECASE)


def _place_with_article(text: str, a: int, b: int) -> bool:
    """"De Pol", "'t Goy", "Den Hoorn": a place whose name starts with an article."""
    m = _ARTICLE_BEFORE.search(text, max(0, a - 4), a)
    return bool(m) and lexicon.is_place(f"{m.group(1)} {text[a:b]}")
