"""Regular-expression shapes of a capitalised and of a lower-case name (with "van de"/"de" inside),
and the words that stop such a name (months, weekdays, the bot's own name).
"""
from __future__ import annotations

from bot.privacy.wordlists import wordlists


_CAP = r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ]+)*"

_LOW = r"[a-zà-ÿ][a-zà-ÿ'’]+(?:-[a-zà-ÿ]+)*"

_CAP_NAME = _CAP + r"(?:[ ](?:van[ ](?:de[ ]|der[ ]|den[ ])?|de[ ])?" + _CAP + r"){0,2}"

_LOW_NAME = _LOW + r"(?:[ ](?:van[ ](?:de[ ]|der[ ]|den[ ])?|de[ ])?" + _LOW + r"){0,2}"

_NOT_NAMES = frozenset({"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                        "oktober", "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                        "zaterdag", "zondag", "jeugd", "voor", "van", "bestuur", "tarieven", "wegwijzer"})


def _stop(words: list[str]) -> bool:
    lists = wordlists()
    return any(w.lower() in _NOT_NAMES or w.lower() in lists.assistent_naam for w in words) or not words
