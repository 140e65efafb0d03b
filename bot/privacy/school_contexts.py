"""School names found from their context rather than a school word in front: a name that acts like a
school ("Het Baken zegt ..."), after "op/van/naar de", in lower case after a type, with a place or a
branch, in brackets (``bot.privacy.schools`` runs them all)."""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy import lexicon
from bot.privacy.names import _name_like
from bot.privacy.school_lower_case import _ADJECTIVE_ENDINGS, _KIND_SCHOOL, _NOT_IN_SCHOOL_NAME
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists


_NAME = r"[A-ZÀ-Þ][\w'’\-]{1,40}"
# a capitalised name right after a word for going to or sitting at a school: "hij zit op de Hoeksteen",
# "ze gaat naar Reggesteyn", "ingeschreven bij het Kompas"; or after "de school heet"
_AT_SCHOOL = re.compile(
    r"(?<![\w])(?:(?P<at>(?:zit|zat|zitten|zaten|sta|staat|staan|stond|stonden)[ ]{1,3}(?:(?:nu|nog|al|ingeschreven)[ ]{1,3}){0,2}op"
    r"|(?:groep|klas|leerjaar)[ ]\d{1,2}[ ](?:van|op))"   # "in groep 8 van de Zonnewijzer"
    r"|(?P<to>(?:ging|gaat|gaan|gingen|kan|kon|mag|mocht|moet|moest|wil|wilde)[ ]{1,3}(?:(?:nu|nog|al)[ ]{1,3}){0,2}naar)"
    r"|(?:ingeschreven|aangemeld|geplaatst|toegelaten)[ ]{1,3}(?:op|bij)|(?P<named>school(?:naam)?(?:[ ]{1,3}(?:heet|is)|[ ]?:)))"
    r"[ ]{1,3}(?P<art>(?:[Dd]e|[Hh]et|'t)[ ]{1,3})?"
    r"(?P<name>" + _NAME + r"(?:[ ](?:" + _NAME + r"|de|het|van|der)){0,5}?)(?=[ ]?[,.!?;:()]|$|[ ](?!" + _NAME + r"))")
_SCHOOL_WORD_AFTER = re.compile(r"[ ](?:school|basisschool|college|lyceum|gymnasium|mavo|scholengemeenschap)(?![\w])",
                                re.IGNORECASE)
# a name followed by its school type in brackets: "de Hoeksteen (speciaal onderwijs)"
_TYPE_IN_BRACKETS = re.compile(
    r"(?<![\w])(?P<art>(?:[Dd]e|[Hh]et|'t)[ ])?(?P<name>" + _NAME + r"(?:[ ](?:(?:van|de|der|den|het|aan|op)[ ])?" + _NAME +
    r"){0,2})[ ]{0,2}\((?:[^\W\d_]{3,20}[ ])?(?i:speciaal[ ](?:basis)?onderwijs|sbo|so|vso|"
    r"basisschool|middelbare[ ]school|vmbo|havo|vwo|mavo|praktijkonderwijs|pro|mbo|school|lyceum|college)"
    r"(?:[ ][^()]{0,30})?\)")
# "De Berkenschutse", "naar het Hooghuis locatie Zuid": an article, then a word Dutch does not know (an institution,
# in these chats nearly always a school)
_ARTICLE_NAME = re.compile(r"(?<![\w])(?P<art>[Dd]e|[Hh]et|'t)[ ](?P<name>" + _NAME + r")(?P<loc>[ ]locatie[ ]" + _NAME + r")?")


def _school_like(word: str) -> bool:
    """After "zit op" / "gaat naar" a name may be made of ordinary words ("Kalsbeek", "Tarwekamp"), but not be
    one common word ("Magister", "Instagram"), a place, a kind of school or education ("Praktijkschool",
    "Entreeopleiding"), or a word with a noun ending."""
    lists = wordlists()
    low = word.lower()
    if "-" in low and (low.split("-")[0] in lists.school_afkortingen or low.split("-")[-1] in lists.school_woorden):
        return False   # "SO-school", "VSO-school": a kind of school
    return (len(low) >= 3 and low.replace("-", "").isalpha() and not word.isupper() and lexicon.zipf(low) < lexicon.COMMON
            and not lexicon.has_word_ending(low) and not lexicon.is_place(low) and low not in lists.geen_school
            and low not in lists.geen_naam and low not in _NOT_SCHOOL)


def _context_schools(text: str) -> Iterator[Span]:
    lists = wordlists()
    for pattern in (_AT_SCHOOL, _TYPE_IN_BRACKETS):
        for m in pattern.finditer(text):
            name = m.group("name")
            words = name.split()
            if not name[:1].isupper() or any(w.lower() in lists.geen_naam and w.lower() not in ("de", "het", "van")
                                             for w in words[:1]) or name.isupper():
                continue
            if pattern is _TYPE_IN_BRACKETS and any(w.lower() in lists.geen_naam for w in words):
                continue
            if pattern is _TYPE_IN_BRACKETS and not m.group("art") and (
                    words[0].lower() in lists.voornamen or any(w.islower() for w in words)):
                continue   # "Jan van Dijk (school)": a person's name with a particle, not a school (with an article:
                #            "De Parel van Noord (Islamitische basisschool)")
            if lexicon.is_place(name) or lexicon.is_place(words[0]) or words[0].lower() in _NOT_SCHOOL:
                continue
            if "-" in words[0] and words[0].split("-")[0].lower() in lists.school_afkortingen:
                continue   # "aangemeld bij de SO-school": a kind of school
            if (pattern is _AT_SCHOOL and (m.group("at") and m.group("art") or m.group("named")) and len(words[0]) >= 3
                    and "".join(w.lower() for w in words[:2]) not in lists.geen_school
                    and words[0].lower() not in lists.geen_school and words[0].lower() not in lists.geen_naam
                    and words[0].lower() not in _NOT_SCHOOL):
                pass   # "zat op de Kameleon", "de school heet De Wissel": capitalised there, even an ordinary word
            elif pattern is _AT_SCHOOL and not _school_like(words[0]):
                continue   # "zit op Magister", "gaat naar de Efteling", "naar de Praktijkschool": no school name
            if pattern is _AT_SCHOOL and m.group("to") and not m.group("art"):
                continue   # one goes to many places: "mag naar Fietsenwerkplaats Noord", "terug naar Kyiv"
            start = m.start("art") if m.group("art") else m.start("name")   # the article belongs to the name
            word_after = _SCHOOL_WORD_AFTER.match(text, m.end("name"))
            end = word_after.end() if word_after else m.end("name")   # "de Rehoboth school"
            yield Span("school", start, end, text[start:end])
    for m in _ARTICLE_NAME.finditer(text):
        low = m.group("name").lower()
        if (not _name_like(m.group("name")) or low in _NOT_SCHOOL or lexicon.is_place(m.group(0))   # "De Pol"
                or wordlists().not_a_school_name(low)):   # "De Bascule": a care provider on the lists
            continue
        end = m.end("loc") if m.group("loc") else m.end("name")
        yield Span("school", m.start("art"), end, text[m.start("art"):end])


# institutions that are no school, after "naar de ..." ("naar de Kinderombudsman")
_NOT_SCHOOL = frozenset({"kinderombudsman", "ombudsman", "inspectie", "onderwijsinspectie", "rechter", "rechtbank",
                         "gemeente", "huisarts", "ggd", "jeugdzorg", "raad", "politie", "kinderbescherming",
                         "wijkteam", "jeugdarts", "psycholoog", "psychiater", "dokter", "tandarts", "ziekenhuis",
                         "geschillencommissie", "commissie", "minister", "overheid", "leerplicht", "leerplichtambtenaar",
                         "samenwerkingsverband", "swv", "wegwijzer", "veilig", "juridisch", "ouders", "stichting",
                         "zorgboerderij", "dagbesteding", "kinderopvang", "bso", "opvang", "kindertelefoon"})


# "bij De Wilgenhoek", "op 't Palet", "naar Het Baken": after "bij"/"op"/"naar" (not "van": "Jeroen van 't Hof")
# an article written with a capital
# in the middle of a sentence (or "'t") starts a proper name; in these chats nearly always a school. Places
# ("De Bilt"), organisations and apps (word lists, _NOT_SCHOOL) and school types stay.
_PREP_ARTICLE_NAME = re.compile(
    r"(?:(?<![\w'])(?:bij|op|naar|Bij|Op|Naar)[ ]{1,2}(?P<art>De|Het|'t|'T)|(?<=[a-z] )van[ ](?P<art2>De|Het))[ ](?P<name>" + _NAME +
    r"(?:[ ](?:" + _NAME + r"))?)(?![\w'])")


# words before "naar"/"op"/"bij" that make what follows a show, a pastime or a care provider, not a school
_NOT_SCHOOL_VERB = re.compile(
    r"(?<![\w])(?:kijk|kijkt|kijken|keek|keken|luister|luistert|luisteren|dol|gek|verslaafd|wacht|wachten|let|"
    r"letten|reageert|trots|zin|fan|lid|afspraak|afspraken|behandeling|therapie|onderzoek|opname|intake|hulp|zorg|"
    r"vakantie|uitje|kamp|logeren|logeert)[ ]{1,3}$", re.IGNORECASE)
# endings of organisations, care providers and shows ("De Opvoedpoli", "Het Centrum voor Jeugd en Gezin")
_NOT_SCHOOL_ENDINGS = ("poli", "centrum", "kliniek", "zorg", "team", "loket", "journaal", "opvang", "praktijk",
                       "ziekenhuis", "dienst", "bureau", "fonds", "stichting", "bond", "vereniging", "winkel", "bank",
                       "huis", "park", "museum", "bieb", "bibliotheek", "kerk", "moskee")


def _prep_article_schools(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _PREP_ARTICLE_NAME.finditer(text):
        name = m.group("name")
        words = name.split()
        if _NOT_SCHOOL_VERB.search(text, max(0, m.start() - 30), m.start()) or \
                words[0].lower().endswith(_NOT_SCHOOL_ENDINGS):
            continue   # "kijkt naar Het Jeugdjournaal", "een afspraak bij De Bascule", "naar De Opvoedpoli"
        art = m.group("art") or m.group("art2")
        if m.group("art2") and not _after_a_word(text, m.start()):
            continue   # "Jan van De Velde": a particle inside a surname
        full = f"{art} {name}"
        if lexicon.is_place(full) or lexicon.is_place(f"{art} {words[0]}") or lexicon.is_place(words[0]):
            continue
        kind_after = len(words) == 2 and words[1].isupper() and words[1].lower() in lists.school_afkortingen
        if any(w.lower() in lists.geen_naam or w.lower() in _NOT_SCHOOL or (w.isupper() and not kind_after)
               for w in words[:1 if kind_after else 2]):
            continue   # (not "naar De Delta SO": a name with its kind of school after it)
        if any(w.lower() in lists.geen_school or w.lower() in lists.school_woorden for w in words[:1]):
            continue   # "op De Basisschool": a kind of school
        if len(words) == 2 and words[1].lower() in _NOT_IN_SCHOOL_NAME:
            words = words[:1]   # "bij De Wissel Maar ...": keep the name alone (not "op De Bonte Koe")
        end = m.start("name") + len(" ".join(words))
        start = m.start("art") if m.group("art") else m.start("art2")
        yield Span("school", start, end, text[start:end])


def _after_a_word(text: str, pos: int) -> bool:
    """"is van De Driemaster af gestuurd": the word before "van" is an ordinary lower-case word, not a name."""
    prev = re.search(r"([^\W\d_]+)[ ]$", text[max(0, pos - 30):pos])
    if not prev:
        return False
    word = prev.group(1)
    return word.islower() and word not in wordlists().voornamen


# a lower-case name after an abbreviation or a school type without an article: "obs de kleine prins",
# "op basisschool klavertje vier" (a type without "de" before it is used as a name)
_PROVINCES = frozenset({"groningen", "friesland", "fryslân", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht",
                        "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "brabant", "limburg", "twente",
                        "achterhoek", "veluwe", "betuwe"})


def _place_or_province(word: str) -> bool:
    return lexicon.is_place(word) or word.lower() in _PROVINCES


def _kind_schools(text: str) -> Iterator[Span]:
    for m in _KIND_SCHOOL.finditer(text):
        if m.group("pre"):
            continue   # "een christelijk lyceum": a kind, not a school
        end = m.end("word")
        rest = (m.group("rest") or "").split()
        if rest and (len(rest) == 1 or lexicon.zipf(rest[-1]) < 4.0):
            end = m.end("rest")   # "... de driestar", "... zuid"; not "het stedelijk lyceum de hele dag"
        elif m.group("place") and _place_or_province(m.group("place").strip()):
            end = m.end("place")   # "het montessori lyceum flevoland": the town or region names the school
        yield Span("school", m.start("kind"), end, text[m.start("kind"):end])


# a capitalised name before a lower-case "college"/"lyceum"/"gymnasium": "mijn school Calvijn college"
_NAME_LOWER_TYPE = re.compile(r"(?<=[a-z,:] )(?P<name>[A-ZÀ-Þ][\w'\-]{2,30}(?:[ ][A-ZÀ-Þ][\w'\-]{2,30})?)[ ]"
                              r"(?P<type>college|lyceum|gymnasium|scholengemeenschap|scholengroep)(?![\w])")


def _name_then_lower_type(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NAME_LOWER_TYPE.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in lists.geen_naam or lexicon.is_place(w) or lexicon.zipf(w.lower()) >= 4.0 for w in words):
            continue
        yield Span("school", m.start("name"), m.end("type"), m.group(0))


# the name in brackets after a word for the school: "de school (De Sterrenwachter) doet niks"
_NAME_IN_BRACKETS = re.compile(r"(?<![\w])(?:school|basisschool|middelbare[ ]school|scholen)[ ]{0,2}\([ ]?"
                               r"(?P<name>(?:(?:[Dd]e|[Hh]et|'t)[ ])?" + _NAME + r"(?:[ ]" + _NAME + r"){0,3})[ ]?\)",
                               re.IGNORECASE)


# a school of a rare kind in a named place points at one school: "de vrije school in Zutphen"
_KIND_IN_PLACE = re.compile(
    r"(?<![\w])(?P<kind>vrije[ ]?school|montessori[ ]?school|jenaplan[ ]?school|dalton[ ]?school|waldorf[ ]?school|"
    r"islamitische[ ](?:basis)?school|hindoe(?:[ ]?basis)?school|evangelische[ ](?:basis)?school|reformatorische[ ]"
    r"(?:basis)?school)[ ](?:in|te)[ ](?P<place>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'\-]{1,30})?)", re.IGNORECASE)


def _kind_in_place(text: str) -> Iterator[Span]:
    for m in _KIND_IN_PLACE.finditer(text):
        place = m.group("place")
        if not place[:1].isupper():
            continue
        if not lexicon.is_place(place):
            place = place.split()[0]
            if not lexicon.is_place(place):
                continue
        end = m.start("place") + len(place)
        yield Span("school", m.start(), end, text[m.start():end])


# a name that does what only a school does with a pupil, or that is called a school: "Het Kompas heeft hem
# geschorst", "De Rietlanden is een vso-school" (not a kind alone: "de school heeft hem geschorst")
_SCHOOL_ACTS = re.compile(
    r"(?<![\w])(?P<art>[Dd]e|[Hh]et|'t)[ ](?P<name>" + _NAME + r"(?:[ ]" + _NAME + r"){0,2})[ ]"
    r"(?:(?:heeft|had|hebben|wil|wilde|kan|kon|gaat|ging)[ ](?:(?:hem|haar|ons|mijn[ ]\w+|onze[ ]\w+|hun[ ]\w+|"
    r"niet|nu|al|toen|weer|meteen|direct|gewoon|gisteren|vandaag|ook|zomaar|opnieuw)[ ]){0,3}(?:geschorst|verwijderd|uitgeschreven|van[ ]school[ ]gestuurd|"
    r"naar[ ]huis[ ]gestuurd|weggestuurd|niet[ ](?:meer[ ])?terug)"
    r"|(?:schorst|schorste|stuurde|stuurt)[ ](?:hem|haar|ons|mijn[ ]\w+|onze[ ]\w+)[ ](?:naar[ ]huis|weg|van[ ]school)"
    r"|(?:hem|haar|mijn[ ]\w+|onze[ ]\w+)[ ](?:(?:niet|nog|wel|ook|zomaar|gewoon)[ ]){0,2}(?:mag|mocht|kan|kon|wil|wilde|"
    r"gaat|ging)[ ](?:weigeren|schorsen|verwijderen|uitschrijven|toelaten|inschrijven|aannemen)"   # "dat het X hem niet mag weigeren"
    r"|(?:hem|haar|mijn[ ]\w+|onze[ ]\w+)[ ]niet[ ](?:meer[ ])?(?:wil|wilde|wilden|hoeft|terug[ ]wil)(?:[ ]hebben)?"   # "als De X hem niet meer wil"
    r"|(?:heeft|had)[ ](?:hem|haar|mijn[ ]\w+|onze[ ]\w+)[ ](?:(?:niet|nog|wel|ook)[ ]){0,2}(?:toegelaten|aangenomen|"
    r"ingeschreven|geweigerd)"
    r"|(?:is|was)[ ](?:een|de|onze|zijn|haar|hun)[ ](?:[\w]+[ ])?(?:[\w]+-)?(?:basisschool|school|college|lyceum|"
    r"gymnasium|scholengemeenschap)"
    r"|(?P<says>(?:zegt|zei|belt|belde|mailt|mailde|schrijft|schreef)[ ](?:dat[ ](?:hij|zij|ze|mijn|onze|het[ ]niet)|"
    r"(?:ons|mij|me)[ ](?:steeds|elke[ ]dag|telkens|weer|op)|steeds|elke[ ]dag|telkens)))(?![\w])")


def _acting_schools(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _SCHOOL_ACTS.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in lists.geen_naam or w.lower() in _NOT_SCHOOL or w.lower() in lists.geen_school
               or w.lower() in lists.school_woorden or w.isupper() for w in words):
            continue   # "De school", "Het SWV", "De Inspectie"
        if m.group("says") and any(lexicon.zipf(w.lower()) >= 4.0 for w in words):
            continue   # "De Wet zegt dat ...", "De Directeur belt steeds": a common word, not a name
        if (words[0].lower().endswith(_NOT_SCHOOL_ENDINGS) and not words[0].lower().endswith("huis")) or \
                lexicon.is_place(m.group("name")) or \
                lexicon.is_place(f"{m.group('art')} {m.group('name')}"):
            continue
        yield Span("school", m.start("art"), m.end("name"), text[m.start("art"):m.end("name")])


# a capitalised name before a lower-case "basisschool"/"school" after an article or a preposition: "naar de Al Amal
# basisschool", "op de Wilhelmina school" (not "op de Nederlandse school": a common word)
_NAME_LOWER_SCHOOL = re.compile(
    r"(?<![\w])(?:de|het|'t|op|naar|bij|van)[ ](?P<name>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'\-]{1,30}){0,2})[ ]"
    r"(?P<type>basisschool|school|kindcentrum)(?![\w])")


# adjectives of a country or a kind ("Oekraïense", "Syrische", "Turkse") end like this; a school's name does not


def _name_then_lower_school(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _NAME_LOWER_SCHOOL.finditer(text):
        words = m.group("name").split()
        last = words[-1].lower()
        if any(w.lower() in lists.geen_naam or w.lower() in _NOT_SCHOOL or w.isupper() for w in words) or \
                lexicon.is_place(m.group("name")) or lexicon.is_place(words[-1]) or lexicon.zipf(last) >= 4.0 or \
                lexicon.has_word_ending(last) or last in lists.geen_school or last.endswith(_NOT_SCHOOL_ENDINGS) or \
                last.endswith(_ADJECTIVE_ENDINGS):   # "van Oekraïense school": where it is, not which one
            continue
        yield Span("school", m.start("name"), m.end("type"), text[m.start("name"):m.end("type")])


# "Het Baken Almere heeft ...", "Het Hooghuis locatie Zuid stuurde ...": an article with a capital, a capitalised
# name and then a town or "locatie <name>" (an institution with branches; care providers are on the lists)
_ARTICLE_NAME_PLACE = re.compile(
    r"(?<![\w])(?P<art>De|Het|'t|de|het)[ ](?P<name>[A-ZÀ-Þ][\w'\-]{2,30})[ ]"
    r"(?:(?P<loc>locatie[ ][A-ZÀ-Þ][\w'\-]{1,30})|(?P<place>[A-ZÀ-Þ][\w'\-]{1,30}(?:[ ][A-ZÀ-Þ][\w'\-]{1,30})?))(?![\w])")


def _article_name_place(text: str) -> Iterator[Span]:
    lists = wordlists()
    for m in _ARTICLE_NAME_PLACE.finditer(text):
        name, low = m.group("name"), m.group("name").lower()
        if (name.isupper() or low in lists.geen_naam or low in _NOT_SCHOOL or low in lists.geen_school
                or low in lists.school_woorden or lists.not_a_school_name(low)
                or (low.endswith(_NOT_SCHOOL_ENDINGS) and not (m.group("loc") and low.endswith("huis")))
                or lexicon.is_place(name) or lexicon.is_place(f"{m.group('art')} {name}")):
            continue   # "De Bascule Amsterdam", "Het Jeugdteam Almere", "De Bilt Utrecht"
        end = m.end("loc") if m.group("loc") else None
        if end is None:
            place = m.group("place")
            if not lexicon.is_place(place):
                place = place.split()[0]
                if not lexicon.is_place(place):
                    continue
            end = m.start("place") + len(place)
        yield Span("school", m.start("art"), end, text[m.start("art"):end])


# words before a school's name that belong to it: "St. Bonifatius Lyceum", "mbo Lingestroom College"
