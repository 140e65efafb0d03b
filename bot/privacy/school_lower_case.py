"""School names in lower case after a school type ("op obs de regenboog"), and a lower-case name before a
head word ("het stedelijk lyceum"), split from ``bot.privacy.school_contexts``; ``bot.privacy.schools`` runs
them."""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

# adjective endings: "het almeerse", "de stedelijke" are no name
_ADJECTIVE_ENDINGS = ("se", "sche", "ische", "ese", "ijke", "ige")

_LOWER_AFTER_TYPE = re.compile(
    r"(?<![\w])(?:(?P<abbr>obs|cbs|pcbs|rkbs|sbo|ikc|csg|rsg|osg|isk|kbs|ibs|gbs|vso)[ ]{1,2}(?P<part>(?:de|het|'t)[ ]{1,2})?"
    r"|(?:op|naar|bij|van|in)[ ]{1,2}(?:basisschool|jenaplanschool|montessorischool|daltonschool)[ ]{1,2}(?!(?:de|het|'t)[ ])"
    r"|(?<![\w])(?:basisschool|jenaplanschool|montessorischool|daltonschool|kindcentrum|praktijkschool|lyceum|college|"
    r"gymnasium|scholengemeenschap|scholengroep|mavo|vrije[ ]school|vrijeschool|vmbo|havo|vwo|mbo|atheneum|"
    r"praktijkonderwijs|[a-zà-ÿ]{3,14}(?:school|college|lyceum)|"   # "daltoncollege de vaart", "praktijkonderwijs de ..."
    r"(?:christelijke|openbare|katholieke|protestantse|islamitische|speciale|gereformeerde|reformatorische|"
    r"evangelische|joodse|hindoe)[ ]school)[ ]{1,2}"   # "de christelijke school de hoeksteen"
    r"(?P<tpart>(?:de|het|'t)[ ]{1,2}))"
    r"(?P<name>[a-zà-ÿ][a-zà-ÿ'\-]{1,30}(?:[ ][a-zà-ÿ][a-zà-ÿ'\-]{1,30}){0,2})", re.IGNORECASE)
_NOT_IN_SCHOOL_NAME = frozenset({"en", "maar", "want", "dus", "of", "in", "op", "bij", "naar", "is", "was", "zit", "zat",
                                 "heeft", "had", "gaat", "ging", "wil", "kan", "mag", "moet", "niet", "meer", "nog",
                                 "al", "ook", "nu", "daar", "hier", "die", "dat", "om", "tot", "te", "met", "voor",
                                 "van", "de", "het", "een", "hij", "zij", "ze", "ik", "we", "wij", "hem", "haar",
                                 "geweest", "gezeten", "gehad", "gezet", "gestuurd", "aangemeld", "ingeschreven",
                                 "geplaatst", "toen", "sinds", "tijdens", "na", "vanaf", "gedaan", "weg", "terug",
                                 "alleen", "s", "'s", "ochtends", "middags"})


_ADJECTIVE_AFTER_ARTICLE = frozenset({"hele", "eerste", "laatste", "volgende", "andere", "zelfde", "juiste", "goede",
                                      "beste", "vorige", "komende", "afgelopen", "rest", "keer", "week", "dag", "weg",
                                      "brief", "mail", "school", "klas", "les", "lessen", "juf", "meester", "mentor"})


def _lower_case_schools(text: str) -> Iterator[Span]:
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
        if plain and len(words) == 1 and (lexicon.zipf(words[0].lower()) >= 4.0 or words[0].lower().endswith(
                ("t", "d", "de", "te", "ig", "lijk", "en"))):
            continue   # one ordinary word after a school type ("op basisschool gepest")
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


# a kind of school with a school word, which in a town names one school: "het stedelijk lyceum zuid", "montessori
# college noord", "christelijk lyceum de driestar" (not after "een", "geen", "welk": "een christelijk lyceum")
_KIND_SCHOOL = re.compile(
    r"(?<![\w])(?P<pre>(?:een|geen|welk|welke|elk|elke|ander|andere|zo'n|ieder)[ ]{1,2})?"
    r"(?P<kind>stedelijk|christelijk|katholiek|montessori|dalton|jenaplan|openbaar|gereformeerd|reformatorisch|"
    r"islamitisch|interconfessioneel|protestants-christelijk|rooms-katholiek|rk|pc)[ ]{1,2}"
    r"(?P<word>lyceum|college|gymnasium|scholengemeenschap|scholengroep|atheneum)"
    r"(?P<rest>[ ]{1,2}(?:noord|zuid|oost|west|centrum|(?:de|het|'t)[ ]{1,2}[a-zà-ÿ][a-zà-ÿ'\-]{2,30}))?(?![\w])"
    r"(?P<place>[ ]{1,2}[^\W\d_][\w'\-]{1,30})?",
    re.IGNORECASE)


# a name in lower case before a school word, after an article: "het da vinci college", "het rijnlands lyceum"
_LOWER_NAME_TYPE = re.compile(
    r"(?<![\w'])(?:het|de|'t|t)[ ](?P<name>[a-zà-ÿ][a-zà-ÿ'\-]{1,30}(?:[ ][a-zà-ÿ][a-zà-ÿ'\-]{1,30}){0,2})[ ]"
    r"(?P<word>college|lyceum|gymnasium|scholengemeenschap|scholengroep|atheneum|school|basisschool)(?![\w])")
# school words that, after a noun in lower case, name one school ("het bouwmeester college"); not "school"
_HEAD_WORDS = frozenset({"college", "lyceum", "gymnasium", "atheneum", "scholengemeenschap"})
_GENERIC_BEFORE_TYPE = frozenset({"nieuwe", "oude", "goede", "andere", "eigen", "hele", "zelfde", "volgende", "vorige",
                                  "middelbare", "grote", "kleine", "speciale", "reguliere", "gewone", "dichtstbijzijnde",
                                  "huidige", "vorig", "nieuw", "oud", "ander", "zelfde", "regulier", "klein", "groot",
                                  "categoriaal", "categorale", "brede", "breed", "tweetalig", "tweetalige", "technisch",
                                  "technische", "agrarisch", "agrarische", "nieuwste", "beste", "slechtste", "duurste"})


def _lower_name_before_type(text: str) -> Iterator[Span]:
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
