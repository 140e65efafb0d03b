"""A head word, then the school's name:

- after an article or preposition (with the kinds of school before it): "het atheneum college duinwijck", "de
  montessori basisschool overvecht", "het Gymnasium Sterrenwijk" (ordinary words stop the name);
- a capitalised head word (or compound on one): "Vakschool Westland", "De Vrije School Lindenhout", "School met de
  Bijbel Het Mosterdveld", "centrum De Wending", "Groenvak college Rijnsweerd";
- a head word and a word Dutch does not know: "op t gymnasium aquilanum";
- a capitalised school type between capitalised words: "de Open Havo Zuidwest", "het Nieuwe Lyceum Bilthoven"
  (the type alone, "de Havo", stays).
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.head_words import _ARTICLES, _is_head, _modifier, _name_after_head, _rare_compound_name
from bot.privacy.schools.lower_case import _ARTICLE
from bot.privacy.schools.name_shapes import _CAP_NAME, _stop
from bot.privacy.schools.name_tail import school_tail
from bot.privacy.schools.tokens import _adjacent
from bot.privacy.schools.word_checks import _common
from bot.privacy.schools.words import PARTICLES, _COMPASS, _tokens
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


def find_head_then_name(text: str) -> Iterator[Span]:
    toks = _tokens(text)
    for k, (start, end, word) in enumerate(toks):
        if not _is_head(word):
            continue
        # walk back over kinds of school to the article or preposition that leads the name
        first = k
        while first > 0 and k - first < 3 and _adjacent(text, toks[first - 1], toks[first]) and \
                _modifier(toks[first - 1][2]):
            first -= 1
        if first == 0 or not _adjacent(text, toks[first - 1], toks[first]) or \
                toks[first - 1][2].lower() not in _ARTICLES and not toks[first][2][:1].isupper():
            continue   # "naar school ngl": without an article "school" is the place one goes, not a name
        last, j, titled_article = None, k + 1, False
        while j < len(toks) and j - k <= 4 and _adjacent(text, toks[j - 1], toks[j]):
            w = toks[j][2]
            if titled_article and w[:1].isupper() and w.lower() not in wordlists().geen_naam and \
                    not _is_head(w) and not lexicon.has_word_ending(w.lower()) and lexicon.zipf(w.lower()) < 6.0:
                last = j   # "Kindergemeenschap De Zeven Linden": capitalised words after a capitalised article
                j += 1
                continue
            if w in ("De", "Het") and last is None and j + 1 < len(toks) and _adjacent(text, toks[j], toks[j + 1]) \
                    and toks[j + 1][2][:1].isupper():
                titled_article = True
                j += 1
                continue
            if w.lower() in PARTICLES and last is None and j + 1 < len(toks) and w[:1].isupper() and \
                    _adjacent(text, toks[j], toks[j + 1]) and _name_after_head(toks[j + 1][2]):
                j += 1   # "Lyceum Ter Duinen", "College De Hofvijver": a capitalised particle inside the name
                continue
            if not _name_after_head(w) and not (first < k and last is None and _rare_compound_name(w)):
                break   # after a kind and a head ("t stedelijk lyceum weverspark") a rare compound is the name too
            last = j
            if w.endswith("."):
                break
            j += 1
        if last is None:
            continue
        a, b = toks[first][0], school_tail(text, toks[last][1])
        if first < k and toks[first - 1][2] == "t":
            a = toks[first - 1][0]   # a spoken "t" before a kind stays with the name: "t stedelijk lyceum weverspark"
        yield Span("school", a, b, text[a:b])


# a capitalised head word (or a compound ending in one), then an optional article and a capitalised name
_HEAD_NAME = re.compile(
    r"(?<![\w'’\-])(?P<head>(?:[A-Za-zÀ-ÿ][a-zà-ÿ\-]*)?(?:[Ss]chool|schule|[Ss]chakelklas|[Cc]ollege|[Ll]yceum|"
    r"[Gg]ymnasium|[Cc]entrum)(?:[ ]met[ ]de[ ]Bijbel)?)[ ](?P<art>(?:De|Het|de|het|'t)[ ])?(?P<name>" + _CAP_NAME
    + r")(?![\w'’\-])")

_LEADING = frozenset({"de", "het", "internationale", "nieuwe", "oude", "eerste", "kleine", "grote"})

_LEFT_WORD = re.compile(r"(?P<w>[A-ZÀ-Þ][\w\-]*)[ ]$")

_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)$")


def find_capital_head_then_name(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _HEAD_NAME.finditer(text):
        head, art, name = m.group("head"), m.group("art") or "", m.group("name")
        words = [w for w in name.split(" ") if w not in ("van", "de", "der", "den")]
        last_head = head.split(" ")[0]
        centre = last_head.lower().endswith("centrum")
        capital_article = art[:1].isupper()
        if _stop(words):
            continue
        start = m.start("head")
        if head[:1].isupper():
            if _SENTENCE_START.search(text[max(0, start - 3):start]) and not capital_article:
                continue   # "School Maandag ..." at the start of a sentence: the head word is not a name part
        elif not capital_article:
            left = _LEFT_WORD.search(text, max(0, start - 30), start)
            if not (head.lower() in ("college", "lyceum") and left and lexicon.zipf(left.group("w").lower()) < 3.0):
                continue   # lower-case head: only "Groenvak college Rijnsweerd" (a name before it)
        if centre and not capital_article:
            continue   # "Centrum Jeugd en Gezin": only "centrum De Wending"
        # the kinds before the head word belong to the name: "De Vrije School", "Internationale Schakelklas"
        head_start = start
        while True:
            left = _LEFT_WORD.search(text, max(0, start - 30), start)
            if not left:
                break
            low = left.group("w").lower()
            if low in _LEADING or low in lists.school_voorwoorden:
                start = left.start("w")
            else:
                break
        if not capital_article and start == head_start and any(lists.not_a_school_name(w.lower()) for w in words):
            continue   # "School Veilig Thuis"; but "De Vrije School Lindenhout" is a school
        if centre:
            start = m.start("art")
        yield Span("school", start, m.end("name"), text[start:m.end("name")])


# "het gymnasium aquilanum": a head word, then a word Dutch does not know
_TYPE_RARE_WORD = re.compile(_ARTICLE + r"(?P<school>(?:gymnasium|lyceum|college|atheneum)[ ]{1,2}"
                                        r"(?P<name>[a-zà-ÿ][a-zà-ÿ\-]{3,30}))(?![\w])")


def find_head_then_rare_word(text: str) -> Iterator[Span]:
    for m in _TYPE_RARE_WORD.finditer(text):
        name = m.group("name")
        if lexicon.zipf(name) >= lexicon.KNOWN or lexicon.has_word_ending(name) or lexicon.is_place(name):
            continue   # "het lyceum morgen", "het college gisteren"
        yield Span("school", m.start("school"), m.end("school"), m.group("school"))


# "de Open Havo Zuidwest", "het Nieuwe Lyceum Bilthoven"
_TYPE_INSIDE = re.compile(
    r"(?<![\w'’])(?:de|het|'t)[ ](?P<s>[A-ZÀ-Þ][a-zà-ÿ'’]{2,20}[ ](?:Havo|Mavo|Vwo|Vmbo|Lyceum|Gymnasium|Atheneum|"
    r"College|School)[ ](?P<last>[A-ZÀ-Þ][\w'’\-]{2,25}))(?![\w'’\-])")


def find_type_inside_name(text: str) -> Iterator[Span]:
    for m in _TYPE_INSIDE.finditer(text):
        last = m.group("last")
        if not (last.lower() in _COMPASS or lexicon.is_place(last) or not _common(last, 4.0)):
            continue
        yield Span("school", m.start("s"), m.end("s"), m.group("s"))
