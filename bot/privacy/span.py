"""A piece of personal data found in a text."""
from __future__ import annotations

from typing import NamedTuple

KINDS = ("telefoon", "email", "bsn", "iban", "postcode_huisnummer", "naam", "geboortedatum", "school")


class Span(NamedTuple):
    kind: str     # one of KINDS
    start: int    # offsets into the text, end exclusive
    end: int
    text: str
