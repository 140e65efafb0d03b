"""Shared constants and small parsers for the answer content schema (docs/content.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

SOORTEN: frozenset[str] = frozenset({"feit", "gesprek"})
REQUIRED_VARIANTS: tuple[str, ...] = ("ouder", "jongere", "spraak")
CHAT_VARIANTS: tuple[str, ...] = ("ouder", "jongere")
VOICE_VARIANT = "spraak"
ENGLISH_VARIANT = "engels"
OTHER_LANGUAGE_ID = "andere_taal"
# The safety message (112, Veilig Thuis, 113, Kindertelefoon first), and the same when only a classifier, not a
# danger pattern, read danger: its opening says why it comes and that the user can go on if it was misread.
SAFETY_ID, SAFETY_UNCONFIRMED_ID = "veiligheid", "veiligheid_zekerheid"
SAFETY_IDS: frozenset[str] = frozenset({SAFETY_ID, SAFETY_UNCONFIRMED_ID})
TOP_LEVEL_KEYS: frozenset[str] = frozenset(
    {"id", "soort", "knop", "gecontroleerd", "bronnen", "tekst", "vervolg", "niet_geverifieerd"}
)
MAX_KNOP_LENGTH = 30
MAX_VERVOLG = 3


@dataclass(frozen=True)
class Source:
    """A source of an answer or of a step-plan rule (one type for both: content/antwoorden/*.yml and
    content/stappenplan/regels.yml name sources alike)."""
    naam: str
    url: str
    datum: str = ""  # the source's own date (bot.content.source_dates): 2019, 2018-11, 2025-10-03, onbekend;
    #                  "" not recorded (answers only: a rule's source needs one)


def required_variants(answer_id: str) -> tuple[str, ...]:
    """Variants a file must have; ``andere_taal`` also needs an English reply."""
    if answer_id == OTHER_LANGUAGE_ID:
        return REQUIRED_VARIANTS + (ENGLISH_VARIANT,)
    return REQUIRED_VARIANTS


def parse_date(value: Any) -> dt.date | None:
    """A date from a YAML value (date, datetime or ISO string); None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
