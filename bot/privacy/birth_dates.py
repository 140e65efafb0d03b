"""Birth dates: a date right after a birth cue ("geboren (op)", "geb.", "geboortedatum", "geboortedag",
"geb.datum", "DOB", "born", "verjaardag is"), or right before "geboren" ("op 7 juni 2015 is ze geboren").
Kind ``geboortedatum`` (placeholder "[geboortedatum]").

Only dates next to such a cue: a date on its own (an appointment, "sinds 1 september") is no personal
data and stays, and so does a year alone ("geboren in 2012" says little more than an age). Dates are
numeric (12-03-2014, 14/9/2011, 02.11.2010, 2012-07-21, 11 11 2013) or with a month name, full or short
(3 maart 2013, 5 okt. 2009, 1 januari '12, 30 maart). Bounded patterns, linear in the text.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.birth_dates_cjk import find_cjk_dates
from bot.privacy.span import Span

_MONTH = (r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
          r"january|february|march|may|june|july|august|october|"
          r"jan|feb|febr|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|"
          # German, French, Spanish, Portuguese, Polish (genitive), Turkish: how parents from elsewhere write a date
          r"januar|februar|märz|oktober|dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|"
          r"septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
          r"octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
          r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|"
          r"listopada|grudnia|ocak|şubat|subat|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|"
          r"kasım|kasim|aralık|aralik|"
          # Ukrainian and Russian (genitive, as after a day): "5 травня 2012", "12 марта 2013"
          r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
          r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\.?")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
# a year written out: "tweeduizend twaalf", "tweeduizend en negen"
_SPOKEN_YEAR = (r"(?:tweeduizend|twee[ ]duizend)(?:[ -]?en)?[ -]?(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|"
                r"twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|eenentwintig|"
                r"tweeëntwintig|drieëntwintig)")
_YEAR = r"(?:(?:19|20)\d\d|'\d\d|" + _SPOKEN_YEAR + ")"
# a day written out: "veertien april", "tweeëntwintig augustus", "de eerste van mei"
_SPOKEN_DAY = (r"(?:(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:ën|[ -]?en[ -]?)twintig|"
               r"(?:een|één)(?:[ -]?en[ -]?)dertig|dertig|twintig|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|"
               r"twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|"
               r"eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)")
DATE = (r"(?:" + _DAY + r"(?P<s1>[-/.])" + _MON + r"(?P=s1)(?:(?:19|20)?\d\d|'\d\d)"          # 12-03-2014, 02.11.10
        r"|" + _DAY + r"[ ]" + _MON + r"[ ](?:19|20)\d\d"                              # 11 11 2013
        r"|(?:19|20)\d\d(?P<s2>[-/.])" + _MON + r"(?P=s2)" + _DAY +                    # 2012-07-21
        r"|" + _DAY + r"(?:e|ste|de|st|nd|rd|th|\.)?[ ]{1,2}(?:van[ ]{1,2}|of[ ]{1,2}|de[ ]{1,2})?" + _MONTH
        + r"(?:,?[ ]{1,2}(?:de[ ]{1,2})?" + _YEAR + r")?"                                # 3 maart 2013, 12th of march 2014, 3. März 2013, 21 de marzo de 2013
        r"|" + _DAY + r"[ ]?-[ ]?" + _MONTH + r"[ ]?-[ ]?(?:(?:19|20)?\d\d)"             # 14-mrt-2012
        r"|" + _MONTH + r"[ ]{1,2}" + _DAY + r"(?:st|nd|rd|th)?,?[ ]{1,2}(?:19|20)\d\d"   # March 12, 2014
        r"|" + _MONTH + r",?[ ]{1,2}(?:(?:19|20)\d\d|" + _SPOKEN_YEAR + r")"              # (geboren in) maart 2012
        r"|" + _SPOKEN_DAY + r"[ ]{1,2}(?:van[ ]{1,2})?" + _MONTH + r"(?:,?[ ]{1,2}" + _YEAR + r")?"   # veertien april tweeduizend dertien
        r")(?![\w])")
_CUE_BEFORE = (r"(?:geboren(?:[ ]in)?|geb\.?|gb\.?|(?:geboortedatum|geboortedag|geboorte[ ]?datum|geb\.?[ ]?datum|gb[ ]?datum|geboorte)"
               r"(?:[ ]van[ ](?:[\w'-]{1,20}[ ]?){1,3}|[ ]volgens[ ](?:de[ ]|het[ ])?[\w'-]{1,20}|[ ](?:zoon|dochter|kind|zoontje|dochtertje|moeder|vader|ouder))?|geb\.?[ ]?dat\.?|dob|d\.o\.b\.?|born|date[ ]of[ ]birth|birthday|verjaardag|verjaart|jarig|°|ur\.|urodzon[ya]|née?[ ]le|geboren[ ]am|nacid[oa](?:[ ]el)?|nascid[oa](?:[ ]em)?|doğum[ ]tarihi|dogum[ ]tarihi|"
               r"(?:paspoort|id-kaart|identiteitskaart|identiteitsbewijs|verblijfspas|verblijfsvergunning)[ ](?:staat|stond)|"
               r"(?:(?:is|ben|zijn|was)[ ]van|geboren[ ]in)[ ](?:19|20)\d\d,?[ ](?:van|op|en[ ]wel)|geboren[ ](?:te|in)[ ][A-ZÀ-Þ][\w'-]{1,30}(?:[ ][A-ZÀ-Þ][\w'-]{1,30})?,?"
               r"|(?:wordt|werd|word|worden|werden)[ ]\d{1,2}(?:[ ]jaar)?)")   # "hij wordt 12 op 3 mei", "werd 12 op"
AFTER_CUE = re.compile(
    r"(?<![\w])" + _CUE_BEFORE + r"[ ]{0,3}[:=]?[ ]{0,3}(?:(?:is|op|was|den|de|on|the|d\.d\.?|dd\.?)[ ]{1,3}){0,2}(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?[ ]{1,3})?(?P<date>" + DATE
    + r"|" + _DAY + r"[-/]" + _MON + r"(?![\w/\-]|[.,]\d|[ ]?(?:kg|kilo|gram|cm|weken|week)))",   # "geb. 14-3" (not "1.5 kilo")
    re.IGNORECASE)
BEFORE_CUE = re.compile(
    r"(?<![\w])(?P<date>" + DATE + r")[ ]{1,3}(?:(?:is|ben|was|werd|wordt)[ ]{1,3})?(?:(?:hij|zij|ze|ik)[ ]{1,3})?"
    r"(?:geboren|(?:(?:zijn|haar|mijn|de)[ ]{1,3})?verjaardag|jarig|ter[ ]wereld[ ]gekomen)(?![\w])", re.IGNORECASE)   # "3 juli is zijn verjaardag"

_BEFORE_CUE_WORD = re.compile(r"geboren|verjaardag|jarig|ter[ ]wereld", re.IGNORECASE)


# a date with a day and a month (a year alone is no birth date)
_DAY_DATE = DATE.replace("(?P<s1>", "(?P<t1>").replace("(?P=s1)", "(?P=t1)").replace("(?P<s2>", "(?P<t2>").replace(
    "(?P=s2)", "(?P=t2)")
# a person, then "is/ben van <date>": "ze is van 12 december 2011", "mijn zoon amir is van 3 juni 2010"
# (not "de brief is van 3 november 2025": the subject must be a person)
_PERSON = (r"(?P<who>ik|hij|zij|ze|(?:zoon|zoontje|dochter|dochtertje|kind|broer|broertje|zus|zusje|pleegzoon|"
           r"pleegdochter|pleegkind|jongste|oudste)(?:[ ][\w'-]{2,20}){0,3}|[A-Z][a-zà-ÿ'-]{1,20})")
IS_FROM = re.compile(r"(?<![\w])" + _PERSON + r"[ ]{1,3}(?:is|ben|zijn|was)[ ]{1,3}(?:van|geboren[ ]op)[ ]{1,3}"
                     r"(?P<date>" + _DAY_DATE + r")", re.IGNORECASE)
# a full date in brackets right after a person: "mijn dochter (12-06-2012)", "Sara (14-03-2012)"
IN_BRACKETS = re.compile(r"(?<![\w])" + _PERSON + r"[ ]{0,2}\([ ]?(?P<date>" + _DAY_DATE + r")[ ]?\)", re.IGNORECASE)
_PERSON_WORDS = re.compile(r"(?:ik|hij|zij|ze|zoon|zoontje|dochter|dochtertje|kind|broer|broertje|zus|zusje|pleegzoon|"
                           r"pleegdochter|pleegkind|jongste|oudste)(?![\w])", re.IGNORECASE)
_BIRTH_YEAR = re.compile(r"(?:19[3-9]\d|20[01]\d|202[0-4]|'\d\d|(?<![\d-])\d\d)$")


def _ordinary(word: str) -> bool:
    """"Het", "Dat": an ordinary word, not a name, before "is van <date>"."""
    from bot.privacy import lexicon
    from bot.privacy.wordlists import wordlists
    low = word.lower()
    return low in wordlists().geen_naam or (lexicon.is_ordinary(low) and low not in wordlists().voornamen)


def _plausible(date: str) -> bool:
    """No year, or a year in which someone alive now was born (not a date of a letter or a meeting)."""
    tail = re.search(r"(\d{4}|'\d\d)\s*$", date)
    return tail is None or bool(_BIRTH_YEAR.search(tail.group(1)))


# A full date (day, month, four-digit year) whose year makes a child of school age or a young adult: in these chats
# (parents of children without a school place) such a date is nearly always a birth date, with or without a cue
# ("2011-03-12 is zijn geboortedatum", "ze zijn van 2-2-2014 en 19-9-2015", "Bram Kuipers, 12-3-2012, ...").
# Dates of events are written without a year ("sinds 3 maart") or with a recent year, outside the range; a date
# after a word for an event ("sinds", "vanaf", "brief van") stays.
_FULL_DATE = re.compile(
    r"(?<![\w\-/.])(?P<date>" + _DAY + r"(?P<u1>[-/.])" + _MON + r"(?P=u1)(?P<y1>(?:19|20)\d\d)"
    r"|" + _DAY + r"[ ]" + _MON + r"[ ](?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)(?P<u2>[-/.])" + _MON + r"(?P=u2)" + _DAY +
    r"|" + _DAY + r"(?:e|ste|de)?[ ]{1,2}(?:van[ ]{1,2})?" + _MONTH + r",?[ ]{1,2}(?P<y4>(?:19|20)\d\d)"
    r"|" + _DAY + r"-" + _MONTH + r"-(?P<y5>(?:19|20)\d\d)"
    r"|(?P<y6>(?:19|20)\d\d)[ ]" + _MON + r"[ ]" + _DAY +                              # 2011 08 19 (year first, spaces)
    r"|(?P<y7>(?:19|20)\d\d),[ ]{1,2}" + _DAY + r"(?:e|ste|de)?[ ]{1,2}" + _MONTH +      # 2010, 4 mei
    r")(?![\w]|[-/.]\d)", re.IGNORECASE)
OLDEST, YOUNGEST = 22, 3   # years before this year: born 2004-2023 when it is 2026
_EVENT_BEFORE = re.compile(
    r"(?<![\w])(?:sinds|vanaf|per|tot|t/m|tm|tot[ ]en[ ]met|uiterlijk|voor|na|vóór|brief|mail|e-mail|besluit|beschikking|"
    r"datum|gedateerd|afspraak|gesprek|vergadering|zitting|geschorst|verwijderd|ingeschreven|uitgeschreven|"
    r"aangemeld|aanmelding|ontvangen|verstuurd|gestuurd|gebeld|gemaild|geweest|gestart|begonnen|gestopt|"
    r"thuis|ziek|opgenomen|verhuisd|ingegaan|ingang|geldig|deadline|termijn|week|dag|maandag|dinsdag|woensdag|"
    r"donderdag|vrijdag|zaterdag|zondag|van[ ](?:de|het)[ ]\w+|versie|regeling|staatscourant|wet|nota|"
    r"uitspraak|vonnis|bericht|verslag|rapport|advies|kamerbrief|commit|bron|peildatum|einddatum|begindatum|"
    r"die|dat|van)(?:[ ]van)?"
    r"[ ,:\"'(=]{1,4}(?:(?:de|het|op|dd\.?)[ ]{1,2})?$",
    re.IGNORECASE)


# "op"/"in"/"om" before a date: an event when the year is recent, a birth when it lies further back
# a past participle before the date: "getekend op", "is geschorst op", "ingevoerd" ("geboren" ends in -n)
_PARTICIPLE_BEFORE = re.compile(r"(?<![\w])(?:ge|be|ver|ont|aange|opge|uitge|inge|onderge|onderte)\w{2,20}[dt]"
                                r"(?:[ ]{1,3}(?:op|in|per))?[ ,:]{1,3}$", re.IGNORECASE)
_WEAK_EVENT_BEFORE = re.compile(r"(?<![\w])(?:op|in|om|en)[ ]{1,3}$", re.IGNORECASE)
RECENT = 6


def _recent(year: int) -> bool:
    from bot import clock
    return year >= clock.today().year - RECENT


def _school_age_year(year: int) -> bool:
    from bot import clock
    now = clock.today().year
    return now - OLDEST <= year <= now - YOUNGEST


_WORD_VAN = re.compile(r"(?<![\w])([^\W\d_]{2,20})[ ]van[ ]{1,3}$")


def _person_of(before: str) -> bool:
    """"Bram van 12-3-2012", "de jongste van 3-4-2014": a first name or a word for a child, then "van"."""
    from bot.privacy.wordlists import wordlists
    m = _WORD_VAN.search(before)
    return bool(m) and (m.group(1).lower() in wordlists().voornamen or bool(_PERSON_WORDS.fullmatch(m.group(1))))


def _full_dates(text: str) -> Iterator[Span]:
    for m in _FULL_DATE.finditer(text):
        year = int(next(y for y in (m.group("y1"), m.group("y2"), m.group("y3"), m.group("y4"), m.group("y5"),
                                    m.group("y6"), m.group("y7")) if y))
        if not _school_age_year(year) or re.fullmatch(r"0?1\D0?1\D\d{4}|\d{4}\D0?1\D0?1|1 jan\w*\.? \d{4}", m.group("date")):
            continue   # 1 January: the date of a law, a merger or a price, far more often than a birthday
        before = text[max(0, m.start() - 40):m.start()]
        if (_EVENT_BEFORE.search(before) or _PARTICIPLE_BEFORE.search(before) or (_WEAK_EVENT_BEFORE.search(before) and _recent(year))) \
                and not _BIRTH_WORD.search(before) and not _person_of(before):
            continue   # "sinds 1 september 2022"; "op 3 maart 2023" (but "op 3 maart 2010 kwam hij ter wereld")
        yield Span("geboortedatum", m.start("date"), m.end("date"), m.group("date"))


# a birth or person word shortly before a date outweighs an event word ("geboren op", "van mijn zoon")
_BIRTH_WORD = re.compile(r"(?:geboren|geb\b|geboorte|jarig|verjaardag|zoon|dochter|kind|zijn[ ]van|is[ ]van|"
                         r"ben[ ]van)\W{0,3}(?:\w+\W{1,3}){0,2}$", re.IGNORECASE)


# the birth year told after a birthday without a year: "zijn verjaardag is 4 juli, geboren in 2012"
_YEAR_AFTER = re.compile(r",?[ ]{1,2}(?:geboren(?:[ ]in)?|geb\.?|(?:uit|van)[ ](?:het[ ]jaar[ ])?)[ ]?(?:19|20)\d\d(?![\w])",
                         re.IGNORECASE)
# the birth year told before the day and month: "geboren in 2011, op 23 september", "is in 2014 geboren op 6 maart"
_YEAR_BEFORE = re.compile(r"(?<![\w])(?P<y>(?:19|20)\d\d)(?:,?[ ]{1,2}|[ ]{1,2}(?:geboren|ter[ ]wereld[ ]gekomen),?[ ]{1,2})"
                          r"(?:op[ ]{1,2})?$", re.IGNORECASE)
# more dates in a list after a birth date: "geboren 3-5-2012 en 7-9-2014", "geboren op 3 mei en 7 september"
_MORE_DATES = re.compile(r"(?:[ ]?,[ ]?|[ ]{1,2}(?:en|&)[ ]{1,2}|[ ]?/[ ]?)(?:(?:op|de)[ ])?(?P<date>" + DATE.replace(
    "(?P<s1>", "(?P<m1>").replace("(?P=s1)", "(?P=m1)").replace("(?P<s2>", "(?P<m2>").replace("(?P=s2)", "(?P=m2)") + ")",
    re.IGNORECASE)


def find_birth_dates(text: str) -> Iterator[Span]:
    yield from find_cjk_dates(text, _school_age_year)
    yield from _full_dates(text)
    for pattern in (AFTER_CUE, BEFORE_CUE):
        if pattern is BEFORE_CUE and not _BEFORE_CUE_WORD.search(text):
            continue   # the same result, without trying a date at every word of a text that has no cue after one
        for m in pattern.finditer(text):
            start, end = m.start("date"), m.end("date")
            if not re.search(r"(?:\d{4}|" + _SPOKEN_YEAR + r")\s*$", m.group("date")):
                year = _YEAR_AFTER.match(text, end)
                end = year.end() if year else end
                before = _YEAR_BEFORE.search(text, max(0, start - 40), start) if not year else None
                start = before.start("y") if before else start
            yield Span("geboortedatum", start, end, text[start:end])
            for _ in range(8):   # bounded: a list of a family's children
                more = _MORE_DATES.match(text, end)
                if not more:
                    break
                end = more.end("date")
                yield Span("geboortedatum", more.start("date"), end, more.group("date"))
    for pattern in (IS_FROM, IN_BRACKETS):
        for m in pattern.finditer(text):
            who = m.group("who")
            a_person = _PERSON_WORDS.match(who) or (who[:1].isupper() and not _ordinary(who))
            if a_person and _plausible(m.group("date")):
                yield Span("geboortedatum", m.start("date"), m.end("date"), m.group("date"))
