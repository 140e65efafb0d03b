"""Keeping personal data out: BSN-like numbers, and cleaning free text before it is kept.

A BSN is 8 or 9 digits that pass the "elfproef" (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of
11). The form never asks for one and never stores one: a message with a BSN-like number (or the
word BSN with a number) is refused as a whole, with a kind explanation.
"""
from __future__ import annotations

import re
import unicodedata

# a run of digits, possibly split by spaces, dots or dashes ("123 456 782", "1234.56.782")
_NUMBER_RUN = re.compile(r"(?<![\d+])\d(?:[ .\-]?\d){6,12}(?!\d)")
_BSN_WORD = re.compile(r"\b(?:bsn|burgerservicenummer|burger service nummer|sofinummer|sofi nummer)\b", re.I)
_ANY_DIGITS = re.compile(r"\d(?:[ .\-]?\d){7,}")
_TAG = re.compile(r"<[^<>]{0,500}>")
_SCRIPT_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def passes_elfproef(digits: str) -> bool:
    """True for 9 digits (or 8, with a leading zero added) that pass the BSN check."""
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def bsn_like_numbers(text: str) -> list[str]:
    """Digit runs in ``text`` that look like a BSN (9 digits passing the elfproef)."""
    found = []
    for match in _NUMBER_RUN.finditer(text or ""):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 9 and passes_elfproef(digits):
            found.append(digits)
    return found


def mentions_bsn(text: str) -> bool:
    """A BSN-like number, or the word BSN next to a long number."""
    if not text:
        return False
    if bsn_like_numbers(text):
        return True
    return bool(_BSN_WORD.search(text) and _ANY_DIGITS.search(text))


def _keep_char(ch: str) -> bool:
    if ch in "\n\t":
        return True
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs", "Co", "Cn"):
        return False
    # format characters: keep only the zero-width joiner and variation selectors (emoji)
    return category != "Cf" or ch in "\u200d\ufe0f"


def clean_free_text(text: str) -> str:
    """Free text as it may be kept: no HTML tags or script blocks, no control characters,
    tidy spaces. The text is kept as plain text (escaping is the job of whoever shows it)."""
    text = unicodedata.normalize("NFC", str(text or ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SCRIPT_BLOCK.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = "".join(ch for ch in text if _keep_char(ch))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
