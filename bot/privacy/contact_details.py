"""Phone numbers and e-mail addresses.

Linear by design: every regular expression has bounded repetition from a bounded set of start
positions, and phonenumbers only ever sees one short candidate at a time.
"""
from __future__ import annotations

import re
from typing import Iterator

import phonenumbers

from bot.privacy.span import Span

# A candidate: international (+31 / 0031 / +32 ...) or national (0 + nine digits), digits separated by
# at most three of: space, dot, dash, slash, brackets. "(0)" after the country code is allowed.
_SEP = r"[ \t\u00a0.\-\u2010\u2011–—/()]{0,3}"   # also en/em dashes, hyphen, non-breaking hyphen and space
PHONE_CANDIDATE = re.compile(
    r"(?<![\d+])(?:"
    r"(?:\+|00)[ ]?\d{1,3}(?:[ \-]?\(0\))?(?:" + _SEP + r"\d){6,12}"
    r"|\(?0(?:" + _SEP + r"\d){9}"
    r")(?!\d)")
# "01-02-2026 12 ..." is a date followed by a number, not a phone number
_DATE_START = re.compile(r"\(?(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?!\d)")
# a Dutch mobile number's shape: 06 and eight more digits, with the usual separators, also after the country code
# ("+31 6 98 76 54 32", "0031 (0)6 ...")
_MOBILE_SHAPE = re.compile(r"(?:\(?0|(?:\+|00)[ ]?31(?:[ \-]?\(0\))?)" + _SEP + r"6(?:" + _SEP + r"\d){8}")
# Service numbers (0800 free, 090x paid) belong to organisations, never to a private person.
SERVICE_PREFIXES = ("800", "900", "906", "909")

# E-mail: found from its "@" (or "(at)", "[at]", " @ ") outwards, with bounded local part and domain.
_AT = re.compile(r"[ ]?(?:@{1,2}|\(at\)|\[at\])[ ]?", re.IGNORECASE)   # "@@": a slip of the finger
_LOCAL_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'")
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}"
                     r"[A-Za-z0-9])?){0,6}\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])")
MAX_LOCAL = 64


def _e164(number) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalized_phone(raw: str) -> str | None:
    """'+31612345678' for any way of writing a valid number, else None."""
    for region in ("NL", "BE"):   # "0470 12 34 56": a Belgian mobile written the Belgian way
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return _e164(number)
        if raw.lstrip("( ").startswith(("+", "00")):
            return None   # international: the region does not matter
    return None


def _is_service(e164: str) -> bool:
    return e164.startswith("+31") and e164[3:].startswith(SERVICE_PREFIXES)


# a mobile number without its 0 after a word for a phone number: "mobiel: 6 12 34 56 78", "tel 6-12345678"
_MOBILE_WITHOUT_ZERO = re.compile(r"(?<![\w])(?:tel|telefoon|telefoonnummer|mobiel|mobiele[ ]nummer|mob|gsm|bel|whatsapp)"
                                  r"\.?[ ]?:?[ ]{0,2}(?P<num>6(?:" + _SEP + r"\d){8})(?![\d])", re.IGNORECASE)


def find_phones(text: str, public: frozenset = frozenset()) -> Iterator[Span]:
    """Valid phone numbers, except service numbers and the public numbers in ``public`` (E.164)."""
    for m in _MOBILE_WITHOUT_ZERO.finditer(text):
        yield Span("telefoon", m.start("num"), m.end("num"), m.group("num"))
    pos = 0
    while (m := PHONE_CANDIDATE.search(text, pos)) is not None:
        pos = m.end()
        raw = m.group(0)
        if _DATE_START.match(raw):
            continue
        start = m.start()
        if raw.startswith("(") and ")" not in raw:
            raw, start = raw[1:], start + 1
        found = _longest_valid_prefix(raw)
        if found is None and _MOBILE_SHAPE.fullmatch(raw):
            found = (len(raw), "")   # "06-71829304": a mobile's shape, even when the range is not in use (fail closed)
        if found is None:
            continue
        length, e164 = found
        # "+380 67 234 5812 / 06 2015 7734": the candidate ran on into a second number; look at the rest again
        pos = min(pos, start + length)
        if _is_service(e164) or e164 in public:
            continue
        yield Span("telefoon", start, start + length, raw[:length])


def _longest_valid_prefix(raw: str) -> tuple[int, str] | None:
    """The candidate itself, or the longest part of it up to a separator, that is a valid number
    ("+31 6 12345678 12 uur": the "12" is not part of the number). A national candidate has exactly
    ten digits, so only an international one is cut; at most a few cuts are tried."""
    cuts = [len(raw)]
    if not raw.lstrip("(").startswith("0") or raw.startswith("00"):
        cuts += [i for i in range(len(raw) - 1, 0, -1) if raw[i] in " \t.-–/" and raw[i - 1].isdigit()][:4]
    for cut in cuts:
        if sum(c.isdigit() for c in raw[:cut]) < 8:
            break
        e164 = normalized_phone(raw[:cut])
        if e164:
            return cut, e164
    return None


# a phone number read out in words, or half in words and half in digits: "nul zes vier een twee drie vier vijf
# acht twee", "nul zes 24 81 55 09", "06 en dan 51 40 92 86". Groups of digit words and digits (1-4 digits),
# separated by spaces, commas, dashes or "(en) dan"; the digits together must be a valid Dutch number.
_DIGITS = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6",
           "zeven": "7", "acht": "8", "negen": "9"}
# two digits read as one number: "twaalf", "vierendertig", "tweeëntwintig" ("nul zes twaalf vierendertig ...")
_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien")
_TENS = {"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8, "negentig": 9}
_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_NUMBER_WORDS = {word: str(10 + i) for i, word in enumerate(_TEENS)}
for _tens, _t in _TENS.items():
    _NUMBER_WORDS[_tens] = f"{_t}0"
    for _u, _unit in enumerate(_UNITS, start=1):
        _NUMBER_WORDS[_unit + ("ën" if _unit.endswith("e") else "en") + _tens] = f"{_t}{_u}"
_DIGITS.update(_NUMBER_WORDS)
_DIGIT_WORD = (r"(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
               + r"|nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)")
_GROUP = r"(?:" + _DIGIT_WORD + r"|\d{1,4})"
SPOKEN_PHONE = re.compile(r"(?<![\w+])(?:nul|0)(?:[ ,\-]{1,3}(?:(?:en[ ])?dan[ ])?" + _GROUP + r"|(?<=\d)\d){1,12}(?![\w])",
                          re.IGNORECASE)
_PART = re.compile(_GROUP, re.IGNORECASE)
EXTRA_SPOKEN_DIGITS = 2


def find_spoken_phones(text: str) -> Iterator[Span]:
    for m in SPOKEN_PHONE.finditer(text):
        raw = m.group(0)
        if raw.replace(" ", "").replace("-", "").isdigit() and "dan" not in raw.lower():
            continue   # digits only: find_phones decides
        digits = "".join(_DIGITS.get(p.group(0).lower(), p.group(0)) for p in _PART.finditer(raw))
        # the first ten digits, cut at a group boundary ("... 09 om 10 uur" never reaches here: "om" ends it)
        pos, length = 0, 0
        for p in _PART.finditer(raw):
            length += len(_DIGITS.get(p.group(0).lower(), p.group(0)))
            pos = p.end()
            if length >= 10:
                break
        if length != 10 or not digits.startswith("0"):
            continue
        e164 = normalized_phone(digits[:10])
        if e164 and not _is_service(e164):
            # a digit or two too many read out ("... negen nul zes"): the whole run is the number (fail
            # closed); not after a comma ("... acht, twee kinderen")
            if len(digits) - 10 <= EXTRA_SPOKEN_DIGITS and "," not in raw[pos:]:
                pos = len(raw.rstrip(" ,-"))
            yield Span("telefoon", m.start(), m.start() + pos, raw[:pos])


def find_emails(text: str, public: frozenset = frozenset()) -> Iterator[Span]:
    """E-mail addresses, also written with "(at)", "[at]" or spaces around the "@"."""
    last_end = 0
    for at in _AT.finditer(text):
        if at.start() < last_end:
            continue
        start = at.start()
        while start > 0 and at.start() - start < MAX_LOCAL and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        while start < at.start() and text[start] in ".-+'":
            start += 1
        if start == at.start():
            continue
        dom = _DOMAIN.match(text, at.end(), min(len(text), at.end() + 300)) or \
            _SPACED_DOMAIN.match(text, at.end(), min(len(text), at.end() + 300))
        if not dom:
            continue
        end = dom.end()
        value = text[start:end]
        if at.group(0).strip().startswith("@") and value.replace(" ", "").lower() in public:
            continue
        last_end = end
        yield Span("email", start, end, value)


# E-mail written out: "naam at hotmail punt com", "olga punt petrova at yandex punt ru",
# "pauwels.fam (at) kpnmail (punt) nl", "benali_s[at]hotmail[dot]nl". Needs a written "at" (or "(at)",
# "apenstaartje") AND a domain that ends in a known top-level domain, so "naam at school" stays.
_W_AT_WORD = r"(?:at|ape?n?staartje|ape?n?staart)"   # "apenstaartje", also as often misspelt: "apestaartje"
_W_AT = (r"(?:[ ]{1,2}" + _W_AT_WORD + r"[ ]{1,2}|[ ]{0,2}[(\[]" + _W_AT_WORD + r"[)\]][ ]{0,2}"
         r"|[ ]{0,2}@{1,2}[ ]{0,2})")   # "kim1985 @ live punt nl": a real "@" and a written-out domain
_W_DOT = r"(?:[ ]{1,2}(?:punt|dot)[ ]{1,2}|[ ]{0,2}[(\[](?:punt|dot)[)\]][ ]{0,2}|\.)"
_W_LOCAL = r"[A-Za-z0-9_%+\-'](?:[A-Za-z0-9._%+\-']{0,62}[A-Za-z0-9_%+\-'])?"
_W_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_W_TLD = (r"(?:nl|com|be|net|org|eu|de|info|nu|ru|uk|fr|tr|ma|io|biz|online|live|pl|it|es|ro|ua|pt|ch|se|dk|no|fi|"
          r"cz|sk|hu|gr|bg|hr|lt|lv|ee|ie|lu|co|me|tv|email|mail|sr|cw|aw|sx|id|in|ir|af|so|er|et|sy|iq|ng|gh)")
SPELLED_EMAIL = re.compile(
    r"(?<![\w.@])" + _W_LOCAL + r"(?:" + _W_DOT + _W_LOCAL + r"){0,3}" + _W_AT + _W_LABEL +
    r"(?:" + _W_DOT + _W_LABEL + r"){0,3}?" + _W_DOT + _W_TLD + r"(?![\w])", re.IGNORECASE)


# words before a written-out address that belong to the sentence, not to the address
_LOCAL_WORD = re.compile(r"([A-Za-zÀ-ÿ0-9_\-']{1,30})[ ]{1,2}$")


def _local_words_before(text: str, start: int) -> int:
    """A local part written with spaces: "jan punt de vries at ...", "samira haddou at ...". Walk back over
    "punt"/"dot", particles and words that look like names (not ordinary words); at most four words."""
    from bot.privacy import lexicon
    from bot.privacy.wordlists import wordlists
    lists = wordlists()
    after_dot = False
    for _ in range(4):
        m = _LOCAL_WORD.search(text, max(0, start - 34), start)
        if not m or (m.start() > 0 and text[m.start() - 1] not in " \t\n,:;(\"'"):
            break
        word = m.group(1).lower()
        if word in ("punt", "dot", "underscore", "streepje"):
            start, after_dot = m.start(), True
            continue
        if word in lists.geen_naam or word in ("mail", "email", "e-mail", "mailen", "mailadres", "adres", "naar",
                                               "via", "is", "op", "aan", "zus", "broer", "mijn", "van"):
            break
        if after_dot or word in lists.tussenvoegsels or word in lists.voornamen or word in lists.achternamen or (
                not lexicon.is_ordinary(word) and not lexicon.is_place(word)):
            start, after_dot = m.start(), False
            continue
        break
    while text[start:start + 5].lower().startswith(("punt ", "dot ")):
        start = text.index(" ", start) + 1   # never start with the written dot itself
    return start


_WRITTEN = re.compile(r"(?<![\w])(?:punt|dot)(?![\w])|[(\[]", re.IGNORECASE)


# "p.jansen @ gmail . com": spaces around the dots of the domain (only before a known top-level domain)
_SPACED_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:[ ]?\.[ ]?[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}"
                            r"[A-Za-z0-9])?){0,3}?[ ]?\.[ ]?(?:nl|com|be|net|org|eu|de|info|nu)(?![\w])", re.IGNORECASE)
# "pjansen op gmail punt com": "op" for the "@", only before a mail provider everybody knows
_PROVIDER = (r"(?:gmail|googlemail|hotmail|outlook|live|msn|ziggo|kpnmail|kpnplanet|planet|home|xs4all|yahoo|icloud|"
             r"telfort|upcmail|chello|quicknet|caiway|zeelandnet|hetnet|casema|tele2|online|kabelfoon|solcon|proton|"
             r"protonmail|gmx|web)")
ON_PROVIDER = re.compile(r"(?<![\w.@])" + _W_LOCAL + r"[ ]{1,2}op[ ]{1,2}" + _PROVIDER + _W_DOT + _W_TLD + r"(?![\w])",
                         re.IGNORECASE)


def find_spelled_emails(text: str) -> Iterator[Span]:
    """E-mail addresses with the "@" (and often the dots) written as words."""
    for m in SPELLED_EMAIL.finditer(text):
        if "@" in m.group(0) and not _WRITTEN.search(m.group(0)):
            continue   # an ordinary address: find_emails decides (it knows the public addresses)
        start = _local_words_before(text, m.start())
        yield Span("email", start, m.end(), text[start:m.end()])
    for m in ON_PROVIDER.finditer(text):
        yield Span("email", m.start(), m.end(), m.group(0))
