"""Searching conversations the way a role that may not see originals sees them: in the masked text.

A content editor sees only redacted text. If the search ran over the original text, every search would
be an oracle: "0612" matches, "06123" matches, ... and a masked phone number, name or address is rebuilt
digit by digit (issue 18, finding 1). For such roles a message matches only when the search text occurs in
``redact(message)``, exactly what the editor would see on the page.

Redacting every message of the tracker store per search would be slow, so two exact shortcuts are used:

- ``prefilter_words``: words of the search text that must also occur in the *original* message (and so in
  its raw JSON, which SQL can filter on). A word of the search text without whitespace, "[" or "]" lies, in
  the redacted text, either wholly inside a placeholder or wholly in text that redaction left as it was;
  words that are part of a placeholder are left out, the rest are in the original.
- ``matches``: when the search text occurs nowhere in the original and cannot touch a placeholder, the
  message cannot match, and it is not redacted at all.

Both are tested against the plain definition (tests/unit/console/test_masked_search.py).
"""
from __future__ import annotations

import re

from bot.privacy.redaction import PLACEHOLDER_TEXTS, redact

_PLACEHOLDERS_LOWER = tuple(p.lower() for p in PLACEHOLDER_TEXTS)
_DIGIT = re.compile(r"\d")
_AT_WORD = re.compile(r"\S{0,200}@\S{0,200}")


def may_touch_placeholder(needle: str) -> bool:
    """True when ``needle`` (lower case) could overlap a placeholder in redacted text."""
    return "[" in needle or "]" in needle or any(needle in p for p in _PLACEHOLDERS_LOWER)


def prefilter_words(needle: str) -> list[str]:
    """Words of ``needle`` that every original message matching it in masked form contains."""
    return [w for w in needle.split()
            if "[" not in w and "]" not in w and not any(w in p for p in _PLACEHOLDERS_LOWER)]


def matches(text: str, needle: str, memo: dict[str, str] | None = None) -> bool:
    """Does the redacted ``text`` contain ``needle`` (lower case, not empty)? ``memo`` (one search's own
    dict, dropped after it) keeps redacted texts: the assistant's answers repeat in every conversation."""
    if needle not in text.lower() and not may_touch_placeholder(needle):
        return False
    if memo is None:
        return needle in redact(text).lower()
    masked = memo.get(text)
    if masked is None:
        masked = memo[text] = redact(text).lower()
    return needle in masked


def masked_query(query: str) -> str:
    """The search text as the audit log keeps it: redacted, a word with "@" as [e-mail], and every digit as
    '#' (part of a phone number or e-mail address is personal data too; the shape and length still show a
    search done digit by digit)."""
    return _DIGIT.sub("#", _AT_WORD.sub("[e-mail]", redact(query)))
