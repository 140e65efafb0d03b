"""Birth dates in the Chinese/Japanese form, "2013年1月8日" (session 13, round 5), run by ``bot.privacy.birth_dates``
when the year is one in which a child or young adult was born (the range of ``birth_dates``).

A year alone ("hij is van 2011", "hij is in 2012 geboren") stays readable, as decided in session 11: it says no
more than an age, and the development sets list it among the texts without personal data.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

from bot.privacy.span import Span

_CJK_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)[ ]?年[ ]?(?P<m>0?[1-9]|1[0-2])[ ]?月[ ]?(?P<d>0?[1-9]|[12]\d|3[01])[ ]?日")


def find_cjk_dates(text: str, plausible_year: Callable[[int], bool]) -> Iterator[Span]:
    """``plausible_year``: whether a child or young adult can have been born in that year (``birth_dates``)."""
    for m in _CJK_DATE.finditer(text):
        if int(m.group("m")) == 1 and int(m.group("d")) == 1:
            continue   # 1 January: the date of a law or a price far more often than a birthday (as in birth_dates)
        if plausible_year(int(m.group("y"))):
            yield Span("geboortedatum", m.start(), m.end(), m.group(0))
