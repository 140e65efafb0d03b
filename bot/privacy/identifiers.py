"""BSN-like numbers and IBANs.

Decision (see docs/privacy.md): a 9-digit number that passes the 11-proef is masked as a BSN wherever
it stands (a chance hit on another 9-digit number costs little; a missed BSN costs a lot). A number
that fails the 11-proef, or has 8 digits, is masked only when a BSN word ("bsn",
"burgerservicenummer", "sofinummer") stands just before it: people mistype their BSN. Amounts
("€ 123.456.789", "... euro") are never BSNs.
"""
from __future__ import annotations

import re
from typing import Iterator

from bot.privacy.contact_details import _DATE_START
from bot.privacy.span import Span
from bot.privacy.wordlists import wordlists

# 8 or 9 digits, optionally grouped by single spaces, dots or dashes, not part of a longer number
BSN_CANDIDATE = re.compile(r"(?<!\d)(?<!\d[ .,\-])\d(?:[ .\-]?\d){7,8}(?![ .,\-]?\d)")
# also a plain run of 9 digits next to other numbers ("bsn 725763863 12 jaar")
BSN_COMPACT = re.compile(r"(?<![\d.,])\d{9}(?![\d]|[.,]\d)")
KEYWORD_WINDOW = 40
_AMOUNT_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:€|euro|eur\b|,-)", re.IGNORECASE)
# "NL91ABNA0417164300", in groups of four ("NL91 ABNA 0417 1643 00"), or with other groups and dashes
# ("NL 69 RABO 6399 9696 70", "NL80-RABO-6114-0293-80"): two letters, two digits, then 11-30 letters or digits
# with at most one space or dash between any two. The country code in capitals (or nl/be), so that
# ordinary words before numbers ("op 12 maart 2013 ...") are never tried. The candidate may run into the next words ("... 00 tnv"),
# so the longest valid prefix that ends at a group boundary is taken (a few tries at most).
IBAN_CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9])((?:[A-Z]{2}|nl|be|Nl|Be)[ \-]?\d[ \-]?\d(?:[ \-]?[A-Za-z0-9]){11,30})(?![A-Za-z0-9])")


def elfproef(digits: str) -> bool:
    if len(digits) != 9 or digits == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(digits, weights)) % 11 == 0


# a number of exactly nine digits may stand further from its BSN word ("mijn bsn is ... en die van mijn dochter
# 1928 37 512"), or after it ("123 45 6789 is zijn bsn"): fail closed
NINE_DIGIT_WINDOW = 160
AFTER_WINDOW = 30


def _has_keyword(text: str, start: int, end: int | None = None, nine: bool = False) -> bool:
    words = wordlists().bsn_sleutelwoorden
    before = text[max(0, start - (NINE_DIGIT_WINDOW if nine else KEYWORD_WINDOW)):start].lower()
    if any(k in before for k in words):
        return True
    if nine and end is not None:
        after = text[end:end + AFTER_WINDOW].lower()
        return any(re.search(r"(?<![\w])" + re.escape(k) + r"(?![\w])", after) for k in words)
    return False


def _candidates(text: str):
    yield from BSN_CANDIDATE.finditer(text)
    yield from BSN_COMPACT.finditer(text)


_BIRTH_BEFORE = re.compile(r"(?<![\w])(?:geb\.?|geboren(?:[ ]op)?|geboortedatum:?)[ ]{1,2}$", re.IGNORECASE)


def find_bsns(text: str) -> Iterator[Span]:
    for m in _candidates(text):
        digits = "".join(c for c in m.group(0) if c.isdigit())
        before = text[max(0, m.start() - 6):m.start()]
        after = text[m.end():m.end() + 8]
        if _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after):
            continue
        if _DATE_START.fullmatch(m.group(0)) and _BIRTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue   # "(BSN 322960617, geb. 12-12-2010)": the birth date after a BSN is no second BSN
        if (len(digits) == 9 and elfproef(digits)) or _has_keyword(text, m.start(), m.end(), len(digits) == 9):
            yield Span("bsn", m.start(), m.end(), m.group(0))


# The length of an IBAN of the countries our users most often bank in (ISO 13616 registry): a
# candidate of another length is not theirs, however its check digits come out.
IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "ES": 24, "IT": 27, "PL": 28, "TR": 26,
                "PT": 25, "LU": 20, "AT": 20}


def iban_valid(raw: str) -> bool:
    s = raw.replace(" ", "").replace("-", "").upper()
    if not 15 <= len(s) <= 34 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if IBAN_LENGTHS.get(s[:2], len(s)) != len(s):
        return False
    moved = s[4:] + s[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


# A Dutch account number has one shape: NL, two check digits, four letters of the bank, ten digits. A
# number of that shape is masked even when its check digits are wrong: a mistyped or made-up account
# number is still somebody's (fail closed); so is any IBAN-shaped number right after the word "iban" or
# "rekeningnummer".
DUTCH_IBAN_SHAPE = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")
_IBAN_WORDS = re.compile(r"(?:iban|rekeningnummer|rekening nummer|rek\.? ?nr)\W{0,3}$", re.IGNORECASE)


def _compact(raw: str) -> str:
    return raw.replace(" ", "").replace("-", "").upper()


def _valid_prefix(raw: str, named: bool = False) -> int | None:
    """Length of the longest prefix of ``raw`` that is an IBAN and ends at a group boundary: a valid one,
    else one of the Dutch shape, else (``named``: the text calls it an IBAN) one of an IBAN's length."""
    cuts = [len(raw)] + [i for i in range(len(raw) - 1, 14, -1) if raw[i] in " -" and raw[i - 1].isalnum()]
    for cut in cuts[:12]:
        if iban_valid(raw[:cut]):
            return cut
    for cut in cuts[:12]:
        if DUTCH_IBAN_SHAPE.fullmatch(_compact(raw[:cut])):
            return cut
    for cut in cuts[:12] if named else ():
        compact = _compact(raw[:cut])
        if 15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit() and compact[-1].isdigit():
            return cut
    return None


def find_ibans(text: str) -> Iterator[Span]:
    for m in IBAN_CANDIDATE.finditer(text):
        cut = _valid_prefix(m.group(1), named=bool(_IBAN_WORDS.search(text[max(0, m.start(1) - 20):m.start(1)])))
        if cut:
            yield Span("iban", m.start(1), m.start(1) + cut, m.group(1)[:cut])
