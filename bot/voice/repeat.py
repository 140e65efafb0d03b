"""Repeating the last answer on the phone: "herhaal", "wat zei je", "kunt u dat nog een keer zeggen".

Handled in the channel, not by the NLU model: the phrases are few and fixed, it must work in every
state of the dialogue, and the answer is whatever the assistant said last (``bot.voice.events``).
An utterance counts as a repeat request only if it consists of repeat words alone, so "ik wil
opnieuw naar school" is a question, not a request to repeat; a danger signal never is.
"""
from __future__ import annotations

import re

from bot.voice.spoken_command import SpokenCommand

MAX_WORDS = 10
# Phrases that ask for a repeat ...
_CORE = re.compile(
    r"\bherhaal\b|\bherhalen\b|\bherhaling\b|\bnog (een )?keer\b|\bnog eens\b|\bwat zei\b|\bwat zegt\b"
    r"|\bpardon\b|\bopnieuw\b|\bverstond\b.*\bniet\b|\bniet (goed )?(verstaan|gehoord|gehoorde)\b"
    r"|\bhoorde\b.*\bniet\b|\bzeg (dat|het) nog\b|\bnog een keertje\b"
)
# ... and the only other words such a request may contain.
_ALLOWED = frozenset("""
herhaal herhalen herhaling nog een keer keertje eens wat zei zegt zeg zeggen je u jij jullie sorry pardon
eh ehm uh euh hm kunt kun kan wil wilt dat het dit even alsjeblieft alstublieft aub graag opnieuw ik
verstond versta verstaan niet goed heb hoorde gehoord gehoorde laatste antwoord mag nummer de die
telefoonnummer zin vraag alles nou ja hè he oké ok
""".split())
_COMMAND = SpokenCommand(_CORE, _ALLOWED, MAX_WORDS)


def is_repeat_request(text: str) -> bool:
    return _COMMAND.matches(text)
