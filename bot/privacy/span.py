"""A piece of personal data found in a text."""
from __future__ import annotations

from typing import NamedTuple

KINDS = ("telefoon", "email", "bsn", "iban", "postcode_huisnummer", "naam")


class Span(NamedTuple):
    kind: str     # telefoon | email | bsn | iban | postcode_huisnummer | naam
    start: int    # offsets into the text, end exclusive
    end: int
    text: str
