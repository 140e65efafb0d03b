"""Reference numbers for help requests: ``WW-XXXX-XXXX``.

The alphabet leaves out characters people confuse when reading aloud or copying (0 and O, 1, I and L,
U, Z next to 2): 29 symbols, a prime, so the last symbol is a check character that catches any
single wrong symbol and any swap of two neighbours. Seven random symbols give 29**7 ≈ 1.7·10^10
numbers; uniqueness is still enforced by the database (the store retries on a collision).
"""
from __future__ import annotations

import re
import secrets
from typing import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY"
assert len(ALPHABET) == 29
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
PREFIX = "WW"
_SHAPE = re.compile(r"^WW-[%s]{4}-[%s]{4}$" % (ALPHABET, ALPHABET))


def check_symbol(body: str) -> str:
    return ALPHABET[sum((i + 1) * _VALUE[c] for i, c in enumerate(body)) % len(ALPHABET)]


def new_reference(choice: Callable[[str], str] = secrets.choice) -> str:
    body = "".join(choice(ALPHABET) for _ in range(7))
    full = body + check_symbol(body)
    return f"{PREFIX}-{full[:4]}-{full[4:]}"


def is_valid(reference: str) -> bool:
    if not isinstance(reference, str) or not _SHAPE.match(reference):
        return False
    chars = reference[3:7] + reference[8:12]
    return check_symbol(chars[:7]) == chars[7]


def normalize(text: str) -> str | None:
    """A reference as a person may type or say it ("ww 3k7p 9xq2", "WW3K7P9XQ2") → canonical form,
    or None when it is not a valid reference number."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    chars = re.sub(r"[\s\-_.]", "", text).upper()
    if chars.startswith(PREFIX):
        chars = chars[len(PREFIX):]
    if len(chars) != 8:
        return None
    candidate = f"{PREFIX}-{chars[:4]}-{chars[4:]}"
    return candidate if is_valid(candidate) else None
