"""Redaction of personal data in chat text, for the staff console (transcripts, search, exports).

    find_personal_data(text) -> list[Span]   kinds: telefoon, email, bsn, iban, postcode_huisnummer, naam,
                                             geboortedatum, school
    redact(text) -> str                      each span replaced by a Dutch placeholder

Detection is rule-based (regular expressions with bounded repetition, the 11-proef, phonenumbers for
phone validation, word lists in redaction_patterns.yml) and linear in the length of the text. What is
masked and why is described in docs/privacy.md; measured recall and precision in reports/redaction.md.
"""
from __future__ import annotations

import logging
from bisect import bisect_right

from bot.privacy.addresses import find_addresses
from bot.privacy.birth_dates import find_birth_dates
from bot.privacy.contact_details import find_emails, find_phones, find_spelled_emails, find_spoken_phones
from bot.privacy.identifiers import find_bsns, find_ibans
from bot.privacy.names import find_names
from bot.privacy.public_contacts import public_contacts
from bot.privacy.schools import find_schools
from bot.privacy.span import KINDS, Span

log = logging.getLogger(__name__)

__all__ = ["Span", "KINDS", "PLACEHOLDERS", "PLACEHOLDER_TEXTS", "find_personal_data", "redact", "redact_spans"]

PLACEHOLDERS = {
    "telefoon": "[telefoonnummer]",
    "email": "[e-mail]",
    "bsn": "[BSN]",
    "iban": "[rekeningnummer]",
    "postcode_huisnummer": "[adres]",
    "naam": "[naam]",
    "geboortedatum": "[geboortedatum]",
    "school": "[school]",
}
# when two findings overlap, the more specific kind wins (an e-mail address may contain a phone number)
PRIORITY = {kind: i for i, kind in enumerate(("email", "iban", "telefoon", "bsn", "geboortedatum",
                                                  "postcode_huisnummer", "school", "naam"))}
FAILED = "[tekst verborgen: niet te controleren op persoonsgegevens]"
UNKNOWN = "[verborgen]"
# every text redact() may put in place of personal data (the console's masked search needs them)
PLACEHOLDER_TEXTS = (*PLACEHOLDERS.values(), UNKNOWN, FAILED)


def _as_text(text) -> str:
    if text is None:
        return ""
    return text if isinstance(text, str) else str(text)


def _detect(text: str) -> list[Span]:
    phones, emails = public_contacts()
    found = [*find_emails(text, emails), *find_spelled_emails(text), *find_ibans(text), *find_phones(text, phones),
             *find_spoken_phones(text),
             *find_bsns(text), *find_birth_dates(text), *find_addresses(text), *find_schools(text),
             *find_names(text)]
    # keep the higher-priority (then longer, then earlier) finding where findings overlap
    found.sort(key=lambda s: (PRIORITY[s.kind], -(s.end - s.start), s.start))
    kept: list[Span] = []
    starts: list[int] = []   # kept spans never overlap, so sorted starts give sorted ends as well
    ends: list[int] = []
    for span in found:
        if span.end <= span.start:
            continue
        i = bisect_right(starts, span.start)
        if (i > 0 and ends[i - 1] > span.start) or (i < len(starts) and starts[i] < span.end):
            span = _name_before_overlap(text, span, starts[i] if i < len(starts) else None,
                                        ends[i - 1] if i > 0 else None)
            if span is None:
                continue
        starts.insert(i, span.start)
        ends.insert(i, span.end)
        kept.append(span)
    kept.sort(key=lambda s: s.start)
    return kept


_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "'t", ""})


def _name_before_overlap(text: str, span: Span, next_start: int | None, prev_end: int | None) -> Span | None:
    """A name cut short by a more specific finding after it keeps its first part: "juf Ineke van De Fontein",
    where "De Fontein" is a school, still masks "Ineke" (the particles before the school stay)."""
    if span.kind != "naam" or next_start is None or not span.start < next_start < span.end:
        return None
    if prev_end is not None and prev_end > span.start:
        return None
    from bot.privacy.wordlists import wordlists
    particles = wordlists().tussenvoegsels | _PARTICLES
    words = text[span.start:next_start].rstrip(" ,").split(" ")
    while words and words[-1].lower() in particles:
        words.pop()
    if not words or not any(c.isalpha() for c in words[0]) or all(w.lower() in particles for w in words):
        return None   # ("mijn moeder op De Savornin Lohmanlaan 33": nothing of a name before the address)
    end = span.start + len(" ".join(words).rstrip(" ,"))
    return Span("naam", span.start, end, text[span.start:end])


def find_personal_data(text) -> list[Span]:
    """Personal data in ``text``, in order, without overlaps."""
    return _detect(_as_text(text))


def redact_spans(text: str, spans: list[Span]) -> str:
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos:
            continue
        out.append(text[pos:span.start])
        out.append(PLACEHOLDERS.get(span.kind, UNKNOWN))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def redact(text) -> str:
    """``text`` with personal data replaced by placeholders. Never raises: when the text cannot be
    checked at all, it is hidden completely (fail closed) rather than shown unchecked."""
    try:
        value = _as_text(text)
        return redact_spans(value, _detect(value))
    except Exception:  # noqa: BLE001 - a console page must never break on one message
        log.exception("redactie mislukt; tekst volledig verborgen")
        return FAILED
