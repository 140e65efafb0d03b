"""School names in the forms pupils and parents type without capitals:

- a lower-case name after a school type: "op obs de regenboog", "op basisschool klavertje vier";
- a lower-case name before a head word, after an article: "het da vinci college", "het bouwmeester college";
- a lower-case compound on -school/-college/-lyceum after an article: "op de regenboogschool" (not a kind of
  school: "de basisschool", "de muziekschool").
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.schools.with_place import _KIND_SCHOOL
from bot.privacy.schools.words import _ADJECTIVE_ENDINGS, _GENERIC_BEFORE_TYPE, _KIND_PARTS, _NOT_IN_SCHOOL_NAME
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_LOWER_AFTER_TYPE = re.compile(
    r"(?<![\w])(?:(?P<abbr>obs|cbs|pcbs|rkbs|sbo|ikc|csg|rsg|osg|isk|kbs|ibs|gbs|vso)[ ]{1,2}(?P<part>(?:de|het|'t)[ ]{1,2})?"
    r"|(?:op|naar|bij|van|in)[ ]{1,2}(?:basisschool|jenaplanschool|montessorischool|daltonschool|lyceum|college|gymnasium|"
    r"scholengemeenschap)[ ]{1,2}(?!(?:de|het|'t)[ ])"   # "zit op lyceum oostpoort"
    r"|(?<![\w])(?:basisschool|jenaplanschool|montessorischool|daltonschool|kindcentrum|praktijkschool|lyceum|college|"
    r"gymnasium|scholengemeenschap|scholengroep|mavo|vrije[ ]school|vrijeschool|vmbo|havo|vwo|mbo|atheneum|"
    r"praktijkonderwijs|[a-zà-ÿ]{3,14}(?:school|college|lyceum)|"   # "daltoncollege de vaart", "praktijkonderwijs de ..."
    r"(?:christelijke|openbare|katholieke|protestantse|islamitische|speciale|gereformeerde|reformatorische|"
    r"evangelische|joodse|hindoe)[ ]school)[ ]{1,2}"   # "de christelijke school de hoeksteen"
    r"(?P<tpart>(?:de|het|'t)[ ]{1,2}))"
    r"(?P<name>[a-zà-ÿ][a-zà-ÿ'\-]{1,30}(?:[ ][a-zà-ÿ][a-zà-ÿ'\-]{1,30}){0,2})", re.IGNORECASE)

# a past participle on ge- ("gepest", "doorgestuurd", "geïntimideerd"), however rare: no name
_PARTICIPLE = re.compile(r"[a-z]{0,6}ge[^\W\d_]{2,}[dt]$")

_ADJECTIVE_AFTER_ARTICLE = frozenset({"hele", "eerste", "laatste", "volgende", "andere", "zelfde", "juiste", "goede",
                                      "beste", "vorige", "komende", "afgelopen", "rest", "keer", "week", "dag", "weg",
                                      "brief", "mail", "school", "klas", "les", "lessen", "juf", "meester", "mentor"})


def find_lower_case_after_type(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _LOWER_AFTER_TYPE.finditer(text):
        if m.group("abbr") and not m.group("abbr").islower() and not m.group("abbr").isupper():
            pass
        words = []
        for w in m.group("name").split():
            if w.lower() in _NOT_IN_SCHOOL_NAME or w.lower() in lists.geen_naam and w.lower() not in lists.assistent_naam:
                break
            if words and w.lower().endswith(("t", "de", "te", "ig", "lijk")):
                break   # "cbs de wegwijzer belde": a verb or adverb after the name, not part of it
            words.append(w)
        plain = not m.group("abbr") and not m.group("tpart")   # "op basisschool <name>"
        if not words or lexicon.is_place(words[0]) or (plain and lexicon.zipf(words[0].lower()) >= 4.5):
            continue   # "op school gepest"; "naar basisschool groningen"
        if plain and len(words) == 1 and (lexicon.zipf(words[0].lower()) >= 4.0 or (words[0].lower().endswith(
                ("t", "d", "de", "te", "ig", "lijk", "en")) and (lexicon.zipf(words[0].lower()) >= 2.5
                                                               or _PARTICIPLE.match(words[0].lower())))):
            continue   # one ordinary word after a school type ("op basisschool gepest"; not "op lyceum oostpoort")
        if m.group("abbr") and not m.group("part") and lexicon.is_ordinary(words[0], 4.0):
            continue
        if m.group("tpart") and (words[0].lower() in _ADJECTIVE_AFTER_ARTICLE or words[0].lower() in lists.geen_achternaam_klein
                                 or (lexicon.zipf(words[0].lower()) >= 4.0 and len(words) > 1)):
            continue   # "de basisschool de hele dag", "het lyceum de volgende keer"; not "praktijkschool de brug"
        start = m.start()
        if not m.group("abbr") and not m.group("tpart"):
            start = m.start() + len(m.group(0).split()[0]) + 1   # the school type belongs to the name, "op" does not
        end = m.start("name") + len(" ".join(words))
        yield Span("school", start, end, text[start:end])


# a name in lower case before a school word, after an article: "het da vinci college", "het rijnlands lyceum"
_LOWER_NAME_TYPE = re.compile(
    r"(?<![\w'])(?:het|de|'t|t)[ ](?P<name>[a-zà-ÿ][a-zà-ÿ'\-]{1,30}(?:[ ][a-zà-ÿ][a-zà-ÿ'\-]{1,30}){0,2})[ ]"
    r"(?P<word>college|lyceum|gymnasium|scholengemeenschap|scholengroep|atheneum|school|basisschool)(?![\w])")


# school words that, after a noun in lower case, name one school ("het bouwmeester college"); not "school"
_HEAD_WORDS = frozenset({"college", "lyceum", "gymnasium", "atheneum", "scholengemeenschap"})


def find_lower_name_before_head(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _LOWER_NAME_TYPE.finditer(text):
        words = m.group("name").split()
        if any(w in _GENERIC_BEFORE_TYPE or w in lists.geen_naam or w in _NOT_IN_SCHOOL_NAME for w in words):
            continue   # "het nieuwe college", "de middelbare scholengemeenschap", "het college van bestuur"
        if _KIND_SCHOOL.match(text, m.start("name")):
            continue   # "het stedelijk lyceum": the kind rule has it
        if not any(lexicon.zipf(w) < 3.5 and not lexicon.has_word_ending(w) for w in words) and not (
                len(words) == 1 and m.group("word") in _HEAD_WORDS and lexicon.zipf(words[0]) < 4.5
                and not lexicon.has_word_ending(words[0]) and not words[0].endswith(_ADJECTIVE_ENDINGS + ("e",))):
            continue   # only ordinary words: "het goed college"; but one noun names one: "het bouwmeester college"
        if m.group("word") in ("school", "basisschool") and (len(words) > 1 or lexicon.zipf(words[0]) >= 3.0
                                                              or words[0].endswith(_ADJECTIVE_ENDINGS)):
            continue   # "de kornalijn school"; not "de kerstvakantie belt school", "de oekraïense school"
        yield Span("school", m.start("name"), m.end("word"), text[m.start("name"):m.end("word")])


_ARTICLE = r"(?<![\w'’])(?:de|het|'t|t)[ ]{1,2}"


# "de regenboogschool", "het beeldvakcollege"
_LOWER_COMPOUND = re.compile(_ARTICLE + r"(?P<word>[a-zà-ÿ][a-zà-ÿ\-]{2,24}(?:school|college|lyceum))(?![\w])")


def find_lower_compounds(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _LOWER_COMPOUND.finditer(text):
        word = m.group("word")
        if word in lists.geen_school or word.startswith(_KIND_PARTS) or word in lists.school_woorden:
            continue
        if word.rstrip("-").endswith(("-school", "-college", "-lyceum")) and \
                word.split("-")[0] in lists.school_afkortingen:
            continue   # "de sbo-school": a kind of school
        yield Span("school", m.start("word"), m.end("word"), word)
