"""Helpers shared by the help-request unit tests."""
from __future__ import annotations

from pathlib import Path

import yaml

from bot.hulpvraag.request import HelpRequest

GESPREK = "gesprek-1"


def write_override(regio: Path, code: str, hulpverzoek: dict) -> None:
    data = {"gebied": code, "naam": "Testbeheerder", "gecontroleerd": "2026-11-24", "hulpverzoek": hulpverzoek}
    (regio / "overrides" / f"{code}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def make_request(**overrides) -> HelpRequest:
    fields = dict(gesprek_id=GESPREK, rol="ouder", gemeente_code="GM0479", gemeente_naam="Zaanstad", leeftijd=13,
                  schoolfase="voortgezet onderwijs", schooltype="vmbo", thuis_sinds="6 weken",
                  geprobeerd=["school", "leerplicht"], hulpvraag="Mijn zoon zit thuis. Wie kan ons helpen?",
                  telefoon="+31612345678", email="ouder@example.org", voorkeurstijd="ochtend", toestemming=True)
    fields.update(overrides)
    return HelpRequest(**fields)
