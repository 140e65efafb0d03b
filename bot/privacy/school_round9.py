"""School names by their structure, round 9 (session 14, issue 18). Four shapes the earlier rounds left:

- a short kind of school, then a name, in any case: "OBS Het Koraal", "ODBS De Zeester", "sg de Veste",
  "rebound bij sg west", "cs vincent van gogh", "op pro het Ambacht". A word on the list of organisations
  (a care organisation is also a school's name: "Het Koraal") counts after a kind and an article;
- a capitalised head word, then the name: "Vakschool Westland", "Gesamtschule Kranenburg", "Internationale
  Schakelklas Het Palet", "De Vrije School Lindenhout" (the kinds before the head word belong to it), "School
  met de Bijbel Het Mosterdveld", "centrum De Wending", "Groenvak college Rijnsweerd";
- a name that Dutch does not know before a capitalised head word, even when it is also an organisation's name
  ("het Lindenhout College"), and an English "X International Department";
- a quoted name after "op/naar/bij" or a school word in a message about school ("zat op 'de kleine prins'",
  "de speciale school 'de Ankerplaats'"), and a name after "school," ("De oude school, De Kinderboom").

Fail closed: in these shapes a capitalised name is a school's name.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

_CAP = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ]+)*"
_LOW = r"[a-zà-ÿ][a-zà-ÿ'’]+(?:-[a-zà-ÿ]+)*"
_CAP_NAME = _CAP + r"(?:[ ](?:van[ ](?:de[ ]|der[ ]|den[ ])?|de[ ])?" + _CAP + r"){0,2}"
_LOW_NAME = _LOW + r"(?:[ ](?:van[ ](?:de[ ]|der[ ]|den[ ])?|de[ ])?" + _LOW + r"){0,2}"

# kinds of school written as a few letters; the short ones are ordinary words in lower case ("so", "pro", "cs"),
# so in lower case they need a preposition, "school" or a comma before them
_ABBR = ("odbs", "obs", "cbs", "pcbs", "kbs", "rkbs", "ps", "cs", "sg", "isc", "pro", "sbo", "vso", "so", "ikc",
         "csg", "rsg", "osg", "ibs", "gbs", "isk")
_SHORT = frozenset({"ps", "cs", "sg", "pro", "so", "isc"})
_ABBR_NAME = re.compile(
    r"(?<![\w'’\-])(?P<abbr>(?i:" + "|".join(_ABBR) + r"))[ ](?P<art>(?:[Dd]e|[Hh]et|'t|’t|t)[ ])?"
    r"(?:(?P<cap>" + _CAP_NAME + r")|(?P<low>" + _LOW_NAME + r"))(?![\w'’\-])")
_BEFORE_SHORT = re.compile(r"(?:(?<![\w])(?:op|bij|naar|van|school|is|was)[ ]|,[ ]|^)$", re.IGNORECASE)

# a capitalised head word (or a compound ending in one), then an optional article and a capitalised name
_HEAD_NAME = re.compile(
    r"(?<![\w'’\-])(?P<head>(?:[A-Za-zÀ-ÿ][a-zà-ÿ\-]*)?(?:[Ss]chool|schule|[Ss]chakelklas|[Cc]ollege|[Ll]yceum|"
    r"[Gg]ymnasium|[Cc]entrum)(?:[ ]met[ ]de[ ]Bijbel)?)[ ](?P<art>(?:De|Het|de|het|'t)[ ])?(?P<name>" + _CAP_NAME
    + r")(?![\w'’\-])")
_LEADING = frozenset({"de", "het", "internationale", "nieuwe", "oude", "eerste", "kleine", "grote"})
_LEFT_WORD = re.compile(r"(?P<w>[A-ZÀ-Þ][\w\-]*)[ ]$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)$")

_NAME_HEAD = re.compile(r"(?<![\w'’\-])(?P<name>" + _CAP + r")[ ](?P<head>College|Lyceum|Gymnasium|Atheneum)"
                        r"(?![\w'’\-])")
_INTERNATIONAL = re.compile(r"(?<![\w'’\-])(?:(?P<name>" + _CAP + r")[ ]International[ ](?:Department|Stream|School)|"
                            r"International[ ]School[ ]of[ ](?P<of>" + _CAP + r"(?:[ ]" + _CAP + r")?))(?![\w'’\-])")
_QUOTED = re.compile(r"(?<![\w])(?:op|naar|bij|van|school|college|lyceum)[ ](?P<q>['‘“\"])(?P<name>[^'‘’“”\"\n]{2,40})"
                     r"(?P<close>['’”\"])", re.IGNORECASE)
_APPOSITION = re.compile(r"(?<![\w])(?i:school|college|lyceum),[ ](?P<name>(?:De|Het|'t)[ ]" + _CAP_NAME
                         + r")(?![\w'’\-])")
_SCHOOL_TALK = re.compile(r"(?<![\w])(?:\w*school\w*|\w*college|\w*lyceum|z(?:at|it)[ ]op|klas|juf|mentor|"
                          r"ingeschreven|uitgeschreven|afgewezen|geschorst)(?![\w])", re.IGNORECASE)
_NOT_NAMES = frozenset({"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                        "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                        "zaterdag", "zondag", "jeugd", "voor", "van", "bestuur", "tarieven", "wegwijzer"})


_HYPHEN_BEFORE = re.compile(r"(?<![\w'’\-])(?P<name>[a-zà-ÿ]{2,4}-[a-zà-ÿ]{3,20})[ ](?:school|college)(?![\w])",
                            re.IGNORECASE)
_PERSON_NAMED = re.compile(r"(?<![\w])(?:op|naar|bij|van)[ ](?:het|de|'t)[ ](?P<name>(?P<first>[a-zà-ÿ]{3,15})[ ]"
                           r"(?P<last>[a-zà-ÿ]{3,20}))(?![\w'’\-])")
_KIND_PLACE = re.compile(r"(?<![\w'’\-])(?:(?P<kind>[a-zà-ÿ]+school)[ ](?:de|het|'t)[ ][a-zà-ÿ]{3,20}|"
                         r"(?:het|de)[ ](?P<adj>[a-zà-ÿ]{3,20})[ ](?:college|lyceum|gymnasium))[ ](?P<place>[A-Za-zà-ÿ\-]{3,30})"
                         r"(?![\w'’\-])")


def find_round9_schools(text: str) -> Iterator[Span]:
    yield from _abbreviation_names(text)
    yield from _unknown_before_head(text)
    yield from _head_names(text)
    yield from _names_before_head(text)
    if _SCHOOL_TALK.search(text):
        yield from _quoted(text)
        yield from _person_named(text)
    for m in _APPOSITION.finditer(text):
        if not _stop(m.group("name").split(" ")[1:]):
            yield Span("school", m.start("name"), m.end("name"), m.group("name"))


def _stop(words: list[str]) -> bool:
    lists = wordlists()
    return any(w.lower() in _NOT_NAMES or w.lower() in lists.assistent_naam for w in words) or not words


def _abbreviation_names(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _ABBR_NAME.finditer(text):
        abbr, art = m.group("abbr"), m.group("art")
        low_abbr = abbr.lower()
        if abbr.islower() and low_abbr in _SHORT and not _BEFORE_SHORT.search(text[max(0, m.start() - 8):m.start()]):
            continue   # "so de", "pro het" as ordinary words
        if not (abbr.islower() or abbr.isupper()):
            continue   # "So", "Pro", "Ps": a word at the start of a sentence
        if m.group("cap"):
            words = [w for w in m.group("cap").split(" ") if w not in ("van", "de", "der", "den")]
            if _stop(words) or (not art and any(lists.not_a_school_name(w.lower()) for w in words)):
                continue
            end = m.end("cap")
        else:
            if not abbr.islower():
                continue   # lower-case names only in a lower-case message ("sg west", "cs vincent van gogh")
            toks = m.group("low").split(" ")
            if toks[0] in ("van", "de", "der", "den"):
                continue
            # the first word must be a name, not an ordinary word: a first name, a compass part, or a rare word
            first = toks[0]
            if not (first in lists.voornamen or first in ("noord", "zuid", "oost", "west", "centrum")
                    or lexicon.zipf(first) < 3.0 or lexicon.is_place(first)) or _stop([first]):
                continue
            keep = 1
            for k in range(1, len(toks)):
                if toks[k] in ("van", "de", "der", "den") or toks[k - 1] in ("van", "de", "der", "den") \
                        or lexicon.zipf(toks[k]) < 4.0 or lexicon.is_place(toks[k]):
                    keep = k + 1
                else:
                    break
            while toks[keep - 1] in ("van", "de", "der", "den"):
                keep -= 1
            end = m.start("low") + len(" ".join(toks[:keep]))
        yield Span("school", m.start(), end, text[m.start():end])


def _head_names(text: str) -> Iterator[Span]:
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


def _names_before_head(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NAME_HEAD.finditer(text):
        name = m.group("name")
        low = name.lower()
        if low in _NOT_NAMES or low in lists.school_woorden or lexicon.zipf(low) >= 3.0 or low in ("het", "de"):
            continue
        yield Span("school", m.start(), m.end(), m.group(0))
    for m in _INTERNATIONAL.finditer(text):
        if m.group("of") or m.group("name").lower() not in ("the", "our", "their", "an", "a", "het", "de", "een"):
            yield Span("school", m.start(), m.end(), m.group(0))


def _quoted(text: str) -> Iterator[Span]:
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if not 1 <= len(words) <= 5 or not any(c.isalpha() for c in name) or _stop(words):
            continue
        if m.group("q") == "'" and m.group("close") != "'":
            continue
        if not (words[0].lower() in ("de", "het", "'t", "’t") and len(words) > 1) \
                and not all(w[:1].isupper() or w in ("van", "de", "der", "den") for w in words):
            continue   # "volgens de school 'niet langer kan'", "'handelingsverlegen'": a quoted phrase, no name
        yield Span("school", m.start("name"), m.end("name"), m.group("name"))


def _unknown_before_head(text: str) -> Iterator[Span]:
    """"an-nahda school", "al-amana college": a hyphenated name Dutch does not know before the head word."""
    for m in _HYPHEN_BEFORE.finditer(text):
        name = m.group("name").lower()
        if lexicon.zipf(name) < 1.5 and lexicon.zipf(name.replace("-", "")) < 1.5:
            yield Span("school", m.start(), m.end(), m.group(0))
    for m in _KIND_PLACE.finditer(text):
        # "taalschool de brug haarlem", "het grafisch college Leiden": a kind, its name and the town after it
        if not lexicon.is_place(m.group("place")):
            continue
        if m.group("adj") and (m.group("adj") in wordlists().school_woorden or lexicon.zipf(m.group("adj")) < 2.5):
            continue
        start = m.start("adj") if m.group("adj") else m.start()
        yield Span("school", start, m.end(), text[start:m.end()])


def _person_named(text: str) -> Iterator[Span]:
    """"zat op het tjalling harkema": a school named after a person, written in lower case."""
    lists = wordlists()
    for m in _PERSON_NAMED.finditer(text):
        first, last = m.group("first"), m.group("last")
        if ((first in lists.voornamen and lexicon.zipf(first) < 4.0) or lexicon.zipf(first) < 2.0) \
                and lexicon.zipf(last) < 2.0 and not lexicon.is_place(first) \
                and not lexicon.is_place(last):
            yield Span("school", m.start("name"), m.end("name"), m.group("name"))
