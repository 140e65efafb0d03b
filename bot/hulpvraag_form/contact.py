"""How to reach the user: a phone number and/or an e-mail address in one answer.

Phone numbers are checked with ``phonenumbers`` (region NL, so "06 12345678", "+31 6 1234 5678",
"0031 20 123 4567" and "(020) 123 45 67" all work) and stored as E.164 ("+31612345678").
E-mail addresses are checked with ``email-validator`` without a DNS look-up.
Digits said as words on the phone ("nul zes een twee ...") are read as digits.
A BSN-like number is refused before this module is called (``privacy``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import phonenumbers
from email_validator import EmailNotValidError, validate_email

MAX_INPUT = 500
_DIGIT_WORDS = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4",
                "vijf": "5", "zes": "6", "zeven": "7", "acht": "8", "negen": "9"}
_DIGIT_WORD_RUN = re.compile(
    r"\b(?:(?:" + "|".join(_DIGIT_WORDS) + r")[\s,\-]*){6,}", re.I)
_EMAIL_CANDIDATE = re.compile(r"[^\s<>()\[\],;:\"'@]+@[^\s<>()\[\],;:\"'@]+")
_AT_WORD = re.compile(r"\s+(?:apenstaartje|at)\s+", re.I)
_PHONE_CANDIDATE = re.compile(r"(?:\+|\b00)?\(?\d[\d\s\-().]{2,20}\d")


@dataclass(frozen=True)
class ContactAnswer:
    telefoon: Optional[str] = None  # E.164
    email: Optional[str] = None
    error: Optional[str] = None  # onbekend | telefoon | email

    def as_slot(self) -> dict:
        return {"telefoon": self.telefoon, "email": self.email}


def _spoken_digits(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        words = re.findall(r"[^\W\d_]+", match.group().lower())
        return "".join(_DIGIT_WORDS.get(w, "") for w in words) + " "
    return _DIGIT_WORD_RUN.sub(swap, text)


def normalize_email(candidate: str) -> Optional[str]:
    try:
        result = validate_email(candidate.strip(".,;:!?"), check_deliverability=False)
    except (EmailNotValidError, ValueError, TypeError):
        return None
    return result.normalized


def normalize_phone(candidate: str) -> Optional[str]:
    try:
        number = phonenumbers.parse(candidate, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.PREMIUM_RATE:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_contact(text: str) -> ContactAnswer:
    """The first valid phone number and e-mail address in ``text``."""
    text = _AT_WORD.sub("@", _spoken_digits((text or "")[:MAX_INPUT]))
    emails = _EMAIL_CANDIDATE.findall(text)
    rest = _EMAIL_CANDIDATE.sub(" ", text)
    phones = [m.group().strip() for m in _PHONE_CANDIDATE.finditer(rest)]
    phones = [p for p in phones if len(re.sub(r"\D", "", p)) >= 4]
    email = next((e for e in map(normalize_email, emails) if e), None)
    phone = next((p for p in map(normalize_phone, phones) if p), None)
    if (emails or "@" in rest) and not email:
        return ContactAnswer(error="email")
    if phones and not phone:
        return ContactAnswer(error="telefoon")
    if not email and not phone:
        return ContactAnswer(error="onbekend")
    return ContactAnswer(telefoon=phone, email=email)


def voice_spelled_phone(e164: str) -> str:
    """"+31612345678" -> "0 6, 1 2 3, 4 5 6, 7 8" (national form, read in small groups)."""
    try:
        national = phonenumbers.format_number(phonenumbers.parse(e164, "NL"),
                                              phonenumbers.PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        national = e164
    digits = re.sub(r"\D", "", national)
    head, tail = digits[:2], digits[2:]
    groups = [head] + [tail[i:i + 3] for i in range(0, len(tail), 3)]
    return ", ".join(" ".join(group) for group in groups if group)


def voice_spelled_email(address: str) -> str:
    """"jan.de.vries@example.nl" -> "jan punt de punt vries apenstaartje example punt n l"."""
    local, _, domain = address.partition("@")
    def spoken(part: str) -> str:
        part = part.replace(".", " punt ").replace("-", " streepje ").replace("_", " laag streepje ")
        part = re.sub(r"\d", lambda m: f" {m.group()} ", part)
        return " ".join(part.split())
    tld_spelled = spoken(domain)
    tld_spelled = re.sub(r"punt (\w{2,3})$", lambda m: "punt " + " ".join(m.group(1)), tld_spelled)
    return f"{spoken(local)} apenstaartje {tld_spelled}"
