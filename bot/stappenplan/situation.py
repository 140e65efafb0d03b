"""The situation model: what we know about one child's time at home, as plain data.

Every field may be unknown (None). ``to_dict``/``from_dict`` give a JSON-safe form for a Rasa slot;
``from_dict`` never raises on bad input (a tampered or old slot gives an empty or partial
situation). ``merge`` combines earlier knowledge with what a new message said: a new statement wins,
a safety concern is never forgotten.

No personal data beyond what the plan needs: no names, no birth date (only an age), no BSN.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, Mapping, Optional

# Precision of a date the user gave: an exact day, or an estimate ("vorige maand", "na de
# kerstvakantie", "al 6 weken"). Estimates are shown as "rond" and may trigger a question.
EXACT = "dag"
ESTIMATE = "ongeveer"
PRECISIONS = (EXACT, ESTIMATE)

# Steps a family can already have taken. True = done (or tried), False = explicitly not done.
STEPS = (
    "school",              # talked with the school (mentor, IB, zorgcoördinator, directie, bestuur)
    "mdo",                 # multidisciplinair overleg held
    "leerplicht",          # leerplichtambtenaar / RBL contacted
    "swv",                 # samenwerkingsverband or its ouder- en jeugdsteunpunt
    "onderwijsconsulent",
    "doorzettingsmacht",   # regional breakthrough / casusregisseur / doorzettingsmacht asked
    "bezwaar",             # bezwaar to the schoolbestuur
    "geschillencommissie",
    "tlv_bezwaar",
    "rechter",
    "klacht",              # complaint to the school's klachtencommissie / LKC
    "inspectie",           # melding at the Inspectie
    "kinderombudsman",
)

# What the school decided on an application.
DECISIONS = ("toegelaten", "afgewezen")
SCHOOL_TYPES = ("po", "vo", "mbo")


@dataclass(frozen=True)
class DateFact:
    value: date
    precision: str = EXACT
    text: str = ""  # the user's words, e.g. "na de kerstvakantie"
    holiday: str = ""  # set when the date falls in a named school holiday ("herfstvakantie")

    @property
    def exact(self) -> bool:
        return self.precision == EXACT

    def to_dict(self) -> dict:
        out = {"datum": self.value.isoformat(), "precisie": self.precision, "tekst": self.text}
        if self.holiday:
            out["vakantie"] = self.holiday
        return out

    @classmethod
    def from_dict(cls, data: Any) -> Optional["DateFact"]:
        if not isinstance(data, Mapping):
            return None
        try:
            value = date.fromisoformat(str(data.get("datum", "")))
        except ValueError:
            return None
        precision = data.get("precisie") if data.get("precisie") in PRECISIONS else ESTIMATE
        return cls(value, precision, _short(data.get("tekst")), _short(data.get("vakantie")))


DATE_FIELDS = ("thuis_sinds", "aangemeld_op", "besluit_op", "schorsing_sinds", "verwijderd_op",
               "tlv_op", "geschil_ingediend_op")
BOOL_FIELDS = ("aangemeld", "schriftelijk", "besluit_ontvangen", "verlenging", "geschorst", "verwijderd",
               "ingeschreven", "zonder_onderwijs", "vrijstelling", "tlv_oneens", "rechtszaak")


@dataclass(frozen=True)
class Situation:
    # dates
    thuis_sinds: Optional[DateFact] = None        # start of the time at home
    aangemeld_op: Optional[DateFact] = None       # application at a (new) school
    besluit_op: Optional[DateFact] = None         # decision on the application / removal decision
    schorsing_sinds: Optional[DateFact] = None
    verwijderd_op: Optional[DateFact] = None
    tlv_op: Optional[DateFact] = None             # date of the TLV decision
    geschil_ingediend_op: Optional[DateFact] = None  # case filed at the Geschillencommissie
    # facts
    aangemeld: Optional[bool] = None              # applied at a (new) school
    schriftelijk: Optional[bool] = None           # application made in writing
    besluit_ontvangen: Optional[bool] = None
    besluit: Optional[str] = None                 # toegelaten | afgewezen
    verlenging: Optional[bool] = None             # school extended the decision period
    geschorst: Optional[bool] = None
    schorsing_dagen: Optional[int] = None         # length in school days, if said
    verwijderd: Optional[bool] = None
    ingeschreven: Optional[bool] = None           # still registered at a school
    zonder_onderwijs: Optional[bool] = None       # at home without any education
    vrijstelling: Optional[bool] = None
    tlv_oneens: Optional[bool] = None             # disagrees with a TLV decision
    rechtszaak: Optional[bool] = None             # a court case is running
    leeftijd: Optional[int] = None
    schooltype: Optional[str] = None              # po | vo | mbo
    veiligheid: Optional[str] = None              # kind of danger signal (bot.signals.safety)
    stappen: Mapping[str, bool] = field(default_factory=dict)

    # ---- queries ----------------------------------------------------------------------------

    def step(self, name: str) -> Optional[bool]:
        return self.stappen.get(name)

    def done(self, name: str) -> bool:
        return self.stappen.get(name) is True

    @property
    def is_empty(self) -> bool:
        return self == Situation()

    # ---- merging ----------------------------------------------------------------------------

    def merge(self, newer: "Situation") -> "Situation":
        """``newer`` wins where it knows something; steps merge per step; safety sticks."""
        changes: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("stappen", "veiligheid"):
                continue
            value = getattr(newer, f.name)
            if value is not None:
                changes[f.name] = value
        changes["stappen"] = {**self.stappen, **newer.stappen}
        changes["veiligheid"] = newer.veiligheid or self.veiligheid
        return replace(self, **changes)

    # ---- JSON -------------------------------------------------------------------------------

    def to_dict(self) -> dict:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, DateFact):
                out[f.name] = value.to_dict()
            elif f.name == "stappen":
                if value:
                    out["stappen"] = {k: bool(v) for k, v in value.items()}
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Any) -> "Situation":
        """Never raises: unknown keys and wrong types are dropped."""
        if not isinstance(data, Mapping):
            return cls()
        values: dict[str, Any] = {}
        for name in DATE_FIELDS:
            fact = DateFact.from_dict(data.get(name))
            if fact:
                values[name] = fact
        for name in BOOL_FIELDS:
            if isinstance(data.get(name), bool):
                values[name] = data[name]
        if data.get("besluit") in DECISIONS:
            values["besluit"] = data["besluit"]
        if data.get("schooltype") in SCHOOL_TYPES:
            values["schooltype"] = data["schooltype"]
        for name, low, high in (("leeftijd", 0, 30), ("schorsing_dagen", 0, 400)):
            v = data.get(name)
            if isinstance(v, int) and not isinstance(v, bool) and low <= v <= high:
                values[name] = v
        if isinstance(data.get("veiligheid"), str) and data["veiligheid"]:
            values["veiligheid"] = _short(data["veiligheid"])
        steps = data.get("stappen")
        if isinstance(steps, Mapping):
            values["stappen"] = {k: v for k, v in steps.items() if k in STEPS and isinstance(v, bool)}
        return cls(**values)


def _short(value: Any, limit: int = 80) -> str:
    return str(value)[:limit] if isinstance(value, str) else ""
