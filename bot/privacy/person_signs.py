"""What marks a capitalised name as a person's rather than a school's or a place's: an age or a birth right after it
("Dunya (9)", "Hodan (geb. 1 maart 2013)", "Wang Hao, geboren 2011-06-18", "Daniël, 5 jaar") or a family word and
"van" right before it ("moeder van Selam", "de ouders van Oliwia Kowalski"). Bounded regular expressions only."""
from __future__ import annotations

import re

# an age or a birth right after a name
_AGE_OR_BIRTH_AFTER = re.compile(
    r"[ ]{0,2}(?:\([ ]?(?:\d{1,2}(?:[ ]?(?:jaar|jr\.?))?[ ]?\)|geb(?:\.|oren)?(?![\w])|\d{1,2}[ ]?(?:jaar|jr)(?![\w]))"
    r"|,[ ]{1,2}(?:geb(?:\.|oren)|\d{1,2}[ ](?:jaar|jr)(?![\w])))", re.IGNORECASE)

# a family word (or a guardian) and "van" right before a name
_FAMILY_OF_BEFORE = re.compile(
    r"(?<![\w])(?:moeder|vader|mama|papa|ouders?|pleegouders?|pleegmoeder|pleegvader|stiefmoeder|stiefvader|oma|opa|"
    r"voogd|tante|oom|broer|zus|grootouders?)[ ]{1,2}van[ ]{1,2}$", re.IGNORECASE)


def age_or_birth_after(text: str, end: int) -> bool:
    """An age or a birth right after ``end``: "(9)", "(13 jaar)", "(geb. ...", ", geboren ...", ", 5 jaar"."""
    return _AGE_OR_BIRTH_AFTER.match(text, end) is not None


def family_of_before(text: str, start: int) -> bool:
    """"moeder van ", "de ouders van ", "voogd van " right before ``start``."""
    return _FAMILY_OF_BEFORE.search(text, max(0, start - 24), start) is not None
