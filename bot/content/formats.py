"""How contact details are written in an answer: web addresses bare, and text made safe to read aloud.

Plain functions, shared by the region answers (``bot.turn.regio_replies``) and the step plan
(``bot.stappenplan.render``). Phone numbers are spoken digit by digit with
``bot.content.contacts.spoken_digits`` (one implementation).
"""
from __future__ import annotations

import re

from bot.content.contacts import spoken_digits

_PHONE = re.compile(r"(?<![\w.])(?:\+31[\s-]?|0)\d[\d\s-]{6,12}\d(?![\w])")
_WEB = re.compile(r"\(?\b(?:https?://|www\.)\S+|\S+@\S+|\b[\w.-]+\.(?:nl|com|org|eu|net|frl)\b\S*\)?", re.I)


def voice_safe(text: str) -> str:
    """Make a text safe to read aloud: no web or e-mail addresses, digits spoken one by one,
    '&' as 'en', no list dashes."""
    text = _PHONE.sub(lambda m: spoken_digits(m.group(0)), text)
    text = re.sub(r"\s*\(zoek op '[^']*'\)", "", text)  # a caller cannot search
    text = _WEB.sub("", text)
    text = re.sub(r"\b2015\b", "tweeduizend vijftien", text)
    text = re.sub(r"\d{4,}", lambda m: " ".join(m.group(0)), text)
    text = re.sub(r"(?<=\d)\s*[-‐‑–—]\s*(?=\d)", ", ", text)
    text = text.replace("&", "en")
    text = re.sub(r"[*_#\[\]`]", "", text)
    lines = [re.sub(r"^\s*[-•]?\s*", "", line) for line in text.splitlines()]
    text = "\n".join(lines)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"[ \t]+([,.:;])", r"\1", text)
    text = re.sub(r",\s*\.", ".", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip()


def bare_web(url: str) -> str:
    """'https://www.swv.nl/' -> 'swv.nl' (content rule: web addresses written bare)."""
    url = re.sub(r"^https?://", "", url.strip(), flags=re.I)
    url = re.sub(r"^www\.", "", url, flags=re.I)
    return url.rstrip("/")
