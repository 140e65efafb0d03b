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

from bot.privacy.span import Span

_MONTH = (r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
          r"january|february|march|may|june|july|august|october|"
          r"jan|feb|febr|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.?")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:(?:19|20)\d\d|'\d\d)"
DATE = (r"(?:" + _DAY + r"(?P<s1>[-/.])" + _MON + r"(?P=s1)(?:19|20)?\d\d"          # 12-03-2014, 02.11.10
        r"|" + _DAY + r"[ ]" + _MON + r"[ ](?:19|20)\d\d"                              # 11 11 2013
        r"|(?:19|20)\d\d(?P<s2>[-/.])" + _MON + r"(?P=s2)" + _DAY +                    # 2012-07-21
        r"|" + _DAY + r"(?:e|ste|de)?[ ]{1,2}" + _MONTH + r"(?:,?[ ]{1,2}" + _YEAR + r")?"  # 3 maart 2013
        r")(?![\w])")
_CUE_BEFORE = (r"(?:geboren|geb\.?|gb\.?|geboortedatum|geboortedag|geboorte[ ]?datum|geb\.?[ ]?datum|gb[ ]?datum|"
               r"dob|born|date[ ]of[ ]birth|verjaardag)")
AFTER_CUE = re.compile(
    r"(?<![\w])" + _CUE_BEFORE + r"[ ]{0,3}[:=]?[ ]{0,3}(?:(?:is|op|was|den)[ ]{1,3}){0,2}(?P<date>" + DATE + r")",
    re.IGNORECASE)
BEFORE_CUE = re.compile(
    r"(?<![\w])(?P<date>" + DATE + r")[ ]{1,3}(?:(?:is|ben|was|werd)[ ]{1,3})?(?:(?:hij|zij|ze|ik)[ ]{1,3})?"
    r"geboren(?![\w])", re.IGNORECASE)


def find_birth_dates(text: str) -> Iterator[Span]:
    for pattern in (AFTER_CUE, BEFORE_CUE):
        for m in pattern.finditer(text):
            yield Span("geboortedatum", m.start("date"), m.end("date"), m.group("date"))
