"""One source for every number: contact details of national organisations, filled into texts by key.

Phone numbers, e-mail addresses, websites and opening hours of national organisations live in
``content/regio/landelijk.yml`` (``organisaties``). Texts in ``content/`` never write them literally;
they write a key such as ``{{ouders_onderwijs.telefoon}}`` and this module fills it in, per variant:

- chat variants (``ouder``, ``jongere``, ``engels``): the value as written in the file;
- voice (``spraak``): ``<veld>_spraak`` when the organisation has it, a phone field (``telefoon``,
  ``telefoon_*``) as separate digits in the groups it is written in ("0800-5010" ->
  "0 8 0 0, 5 0 1 0"), otherwise the value (the voice rules of ``bot.content.check`` then reject a
  web address in a voice text).

``literal_contacts`` finds what the content check rejects: a phone number, an e-mail address or a web
address written in a text instead of by key. The file is re-read when it changes on disk.
"""
from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot import settings
from bot.content.deployment import deployment_value, is_deployment_key

logger = logging.getLogger(__name__)

REGIO_DIR_ENV = "WEGWIJZER_REGIO_DIR"  # the same directory the region directory reads
FILE_NAME = "landelijk.yml"
VOICE = "spraak"

KEY = re.compile(r"\{\{\s*([a-z0-9_]+)\.([a-z0-9_]+)\s*\}\}")
# Fields that describe an organisation or its source: not contact details, never filled into a text.
META_FIELDS = frozenset({
    "wat", "let_op", "bron_url", "bron_naam", "bron_datum", "gecontroleerd", "controleren",
    "regiolijst", "niet_geverifieerd",
})

_DIGITS = re.compile(r"\d+")
# A phone number as written in a chat text: 0800-5010, 088-669 60 60, 070-312 28 87, 0900-111 3 111,
# +31 ..., and the short numbers 112, 113 and 116 xxx.
_PHONE = re.compile(
    r"(?<![\w.,/])(?:\+31[\s-]?\d|0\d)[\d\s-]{4,13}\d(?![\w])"
    r"|(?<![\w.,/-])(?:11[23]|116\s?\d{3})(?![\w-]|[.,]\d|\.[a-z])",
    re.I,
)
# A phone number said digit by digit in a voice text: three or more single digits ("1 1 2",
# "0 8 0 0, 5 0 1 0").
_SPOKEN_PHONE = re.compile(r"(?<![\w,])\d(?:,?\s\d(?!\w)){2,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_WEB = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:[a-z0-9][a-z0-9-]*\.)+(?:nl|com|org|net|eu|info|be|frl)\b(?:/\S*)?",
    re.I,
)
# Example addresses that name no organisation (e.g. "naam@voorbeeld.nl" in a form's error message).
EXAMPLE_DOMAINS = ("voorbeeld.nl",)


class ContactKeyError(KeyError):
    """A text names a key that is not in the contacts file."""


@dataclass(frozen=True)
class _Loaded:
    stamp: tuple[int, int] | None
    organisations: Mapping[str, Mapping[str, Any]]


def contacts_file() -> Path:
    """``landelijk.yml`` in ``$WEGWIJZER_REGIO_DIR`` if set, else in ``content/regio``."""
    return settings.read(REGIO_DIR_ENV) / FILE_NAME


_lock = threading.Lock()
_cache: dict[Path, _Loaded] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def file_stamp(path: Path | None = None) -> tuple[int, int] | None:
    """Modification stamp of the contacts file; caches of filled-in texts key on it."""
    return _stamp(path or contacts_file())


def organisations(path: Path | None = None) -> Mapping[str, Mapping[str, Any]]:
    """``organisaties`` from the contacts file (re-read when it changed); {} if it cannot be read."""
    path = path or contacts_file()
    stamp = _stamp(path)
    with _lock:
        hit = _cache.get(path)
        if hit is not None and hit.stamp == stamp:
            return hit.organisations
        orgs: dict[str, Mapping[str, Any]] = {}
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            raw = data.get("organisaties") if isinstance(data, Mapping) else None
            if isinstance(raw, Mapping):
                orgs = {str(k): v for k, v in raw.items() if isinstance(v, Mapping)}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            logger.error("Cannot read contacts file %s: %s", path, error)
        _cache[path] = _Loaded(stamp, orgs)
        return orgs


def spoken_digits(number: str) -> str:
    """'0800-5010' -> '0 8 0 0, 5 0 1 0' (groups as written, digits one by one)."""
    return ", ".join(" ".join(group) for group in _DIGITS.findall(number))


def is_phone_field(field: str) -> bool:
    return field == "telefoon" or field.startswith("telefoon_")


def value(org: str, field: str, variant: str, path: Path | None = None) -> str:
    """The text for ``{{org.field}}`` in ``variant``; raises ``ContactKeyError`` for an unknown key.
    ``{{bewaren.*}}`` are this deployment's retention periods (``bot.content.deployment``)."""
    if is_deployment_key(org):
        found = deployment_value(field)
        if found is None:
            raise ContactKeyError(f"unknown retention field '{field}' in {{{{{org}.{field}}}}}")
        return found
    entry = organisations(path).get(org)
    if entry is None:
        raise ContactKeyError(f"unknown organisation '{org}' in {{{{{org}.{field}}}}}")
    if field in META_FIELDS or field.endswith("_spraak"):
        raise ContactKeyError(f"'{field}' of '{org}' is not a contact detail")
    raw = entry.get(field)
    if raw is None or str(raw).strip() == "":
        raise ContactKeyError(f"'{org}' has no '{field}'")
    text = str(raw).strip()
    if variant == VOICE:
        spoken = entry.get(f"{field}_spraak")
        if spoken:
            return str(spoken).strip()
        if is_phone_field(field):
            return spoken_digits(text)
    return text


def keys_in(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in KEY.finditer(text)]


def key_problems(text: str, variant: str, path: Path | None = None) -> list[str]:
    """Unknown keys in ``text`` (for the content check)."""
    problems = []
    for org, field in keys_in(text):
        try:
            value(org, field, variant, path)
        except ContactKeyError as error:
            problems.append(str(error.args[0]))
    return problems


def fill(text: str, variant: str, path: Path | None = None) -> str:
    """``text`` with every ``{{org.field}}`` replaced by its value for ``variant``.

    At run time an unknown key must not reach the user as code: it is logged and dropped (the
    content check fails on it before a release)."""
    if "{{" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        try:
            return value(match.group(1), match.group(2), variant, path)
        except ContactKeyError as error:
            logger.error("Contact key in a text cannot be filled: %s", error.args[0])
            return ""

    return KEY.sub(one, text)


def literal_contacts(text: str, variant: str) -> list[str]:
    """Phone numbers, e-mail and web addresses written literally in a (raw, unfilled) text."""
    raw = KEY.sub(" ", text)
    found: list[str] = []
    for match in _EMAIL.finditer(raw):
        if not match.group(0).lower().endswith(EXAMPLE_DOMAINS):
            found.append(match.group(0))
    without_email = _EMAIL.sub(" ", raw)
    found += [m.group(0) for m in _WEB.finditer(without_email)]
    found += [m.group(0).strip() for m in _PHONE.finditer(_WEB.sub(" ", without_email))]
    if variant == VOICE:
        found += [m.group(0) for m in _SPOKEN_PHONE.finditer(raw)]
    return found
