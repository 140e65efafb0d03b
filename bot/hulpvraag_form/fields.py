"""The fields of the help-request form: order, optional flags, and which fields can be left out.

Every field is a Rasa slot named ``hv_<name>``. ``required_fields`` gives the slots still to ask,
in order; the Rasa form asks the first one. A skipped optional field holds ``SKIPPED`` so the form
sees it as answered; ``request_fields`` (in ``flow``) turns that into "not given".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

PREFIX = "hv_"
SKIPPED = "overgeslagen"  # value of an optional slot the user skipped

ROL = "hv_rol"
GEMEENTE = "hv_gemeente"
LEEFTIJD = "hv_leeftijd"
SCHOOLTYPE = "hv_schooltype"
THUIS_SINDS = "hv_thuis_sinds"
GEPROBEERD = "hv_geprobeerd"
HULPVRAAG = "hv_hulpvraag"
CONTACT = "hv_contact"
VOORKEURSTIJD = "hv_voorkeurstijd"
TOESTEMMING = "hv_toestemming"
BEVESTIGD = "hv_bevestigd"
# key in hv_pogingen: the fields the form took from what the user told before it started
FROM_STORY = "_uit_verhaal"
# control slots
GESTOPT = "hv_gestopt"
POGINGEN = "hv_pogingen"
# keys inside hv_pogingen that are not field counters
CHECKED_ROLE = "_rol_gecheckt"  # the contradiction check on the role was asked (only once)
ASKED_WHAT_TO_CHANGE = "_wat_aanpassen"  # the summary got "nee" without a field: ask which one

ROLES = ("ouder", "jongere", "professional")
YOUTH_ROLE = "jongere"


@dataclass(frozen=True)
class Field:
    slot: str
    optional: bool = False
    correctable: bool = True  # may be changed from the summary
    errors: tuple[str, ...] = field(default_factory=tuple)  # error codes the parser can give

    @property
    def name(self) -> str:
        return self.slot[len(PREFIX):]


FIELDS: tuple[Field, ...] = (
    Field(ROL, errors=("onbekend",)),
    Field(GEMEENTE, errors=("onbekend", "dubbelzinnig")),
    Field(LEEFTIJD, errors=("onbekend", "te_jong", "te_oud", "meerdere")),
    Field(SCHOOLTYPE, optional=True, errors=("onbekend",)),
    Field(THUIS_SINDS, optional=True, errors=("onbekend", "toekomst", "te_lang")),
    Field(GEPROBEERD, optional=True, errors=("onbekend",)),
    Field(HULPVRAAG, errors=("te_kort", "te_lang")),
    Field(CONTACT, errors=("onbekend", "telefoon", "email")),
    Field(VOORKEURSTIJD, optional=True, errors=("onbekend",)),
    Field(TOESTEMMING, correctable=False, errors=("onbekend", "nee")),
    Field(BEVESTIGD, correctable=False, errors=("onbekend", "nee")),
)
BY_SLOT: Mapping[str, Field] = {f.slot: f for f in FIELDS}
ORDER: tuple[str, ...] = tuple(f.slot for f in FIELDS)
ALL_SLOTS: tuple[str, ...] = ORDER + (GESTOPT, POGINGEN)


def is_optional(slot: str) -> bool:
    spec = BY_SLOT.get(slot)
    return bool(spec and spec.optional)


def is_filled(value: Any) -> bool:
    return value is not None and value != [] and value != {}


def is_skipped(value: Any) -> bool:
    return value == SKIPPED


def role(filled: Mapping[str, Any], default: Optional[str] = None) -> Optional[str]:
    value = filled.get(ROL)
    return value if value in ROLES else default


def required_fields(filled: Mapping[str, Any], gemeente_known: bool) -> list[str]:
    """Slots still to ask, in order; [] once the user stopped.

    Left out: the municipality when region routing already knows it.
    """
    if filled.get(GESTOPT):
        return []
    remaining = []
    for slot in ORDER:
        if slot == GEMEENTE and gemeente_known:
            continue
        if slot == BEVESTIGD:
            if filled.get(BEVESTIGD) is True:
                continue
        elif is_filled(filled.get(slot)):
            continue
        remaining.append(slot)
    return remaining


def attempts(filled: Mapping[str, Any], slot: str) -> int:
    counts = filled.get(POGINGEN)
    if not isinstance(counts, Mapping):
        return 0
    value = counts.get(slot, 0)
    return value if isinstance(value, int) else 0


def with_counter(filled: Mapping[str, Any], key: str, value: Optional[int]) -> dict:
    """A new hv_pogingen dict with ``key`` set (or removed when ``value`` is None)."""
    counts = dict(filled.get(POGINGEN) or {}) if isinstance(filled.get(POGINGEN), Mapping) else {}
    if value is None:
        counts.pop(key, None)
    else:
        counts[key] = value
    return counts
