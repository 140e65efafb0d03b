"""Asking for the next part of a long answer on the phone: "verder", "ga door", "meer".

Handled in the channel, like "herhaal" (``bot.voice.repeat``): only when the last turn was said in
parts (``bot.voice.parts``). An utterance counts only if it consists of these words alone, so
"ik wil verder met school" is a question for the assistant; a danger signal never counts.
"""
from __future__ import annotations

import re

from bot.voice.spoken_command import SpokenCommand

MAX_WORDS = 8
# Phrases that ask for more ...
_CORE = re.compile(r"\bverder\b|\bga (maar )?door\b|\bgaat u door\b|\bdoorgaan\b|\bmeer\b|\bvolgende\b|\bvervolg\b")
# ... and the only other words such a request may contain.
_ALLOWED = frozenset("""
verder ga gaat door doorgaan meer volgende vervolg deel stuk rest graag ja oké ok okay alsjeblieft
alstublieft aub maar u je even nog eens dan en vertel vertellen zeg horen wil wilt ik de het eh ehm uh
euh hm
""".split())
_COMMAND = SpokenCommand(_CORE, _ALLOWED, MAX_WORDS)


def is_more_request(text: str) -> bool:
    return _COMMAND.matches(text)
