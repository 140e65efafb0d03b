"""The answer of place recognition: status constants, :class:`Candidate` and :class:`Resolution`.

Part of ``bot.regio.lookup`` (which re-exports every name here). No Rasa imports.
"""
from __future__ import annotations

from dataclasses import dataclass

GEVONDEN, DUBBELZINNIG, ONBEKEND = "gevonden", "dubbelzinnig", "onbekend"


@dataclass(frozen=True)
class Candidate:
    gm_code: str
    gemeente: str
    label: str


@dataclass(frozen=True)
class Resolution:
    status: str
    gm_code: str | None = None
    gemeente: str | None = None
    match: str | None = None  # name | alternative | former | woonplaats | postcode | fuzzy
    matched_text: str | None = None  # the span of the user's text
    place: str | None = None  # the known name it matched ("Zaandam", "Beemster", "9712")
    candidates: tuple[Candidate, ...] = ()
    ook_mogelijk: tuple[Candidate, ...] = ()
    postcode: str | None = None
    swv_po: str | None = None  # for postcode matches (2015 layout)
    swv_vo: str | None = None
    reden: str | None = None  # for onbekend: leeg | geen_plaats | postcode_onbekend | provincie_of_land
    voorstel: bool = False  # dubbelzinnig because the typo match is uncertain: ask "Bedoelt u ...?"

    @property
    def vraag(self) -> str | None:
        """A short Dutch question for ``dubbelzinnig`` (the dialogue may use its own wording)."""
        if self.status != DUBBELZINNIG or not self.candidates:
            return None
        if self.voorstel and len(self.candidates) == 1:
            c = self.candidates[0]
            if not self.place or self.place.casefold() == c.gemeente.split(" (")[0].casefold():
                return f"Bedoelt u de gemeente {c.gemeente}?"
            return f"Bedoelt u {self.place}, gemeente {c.gemeente}?"
        labels = [c.label for c in self.candidates]
        opties = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " of " + labels[-1]
        if self.match == "former" and self.place:
            return f"{self.place} is opgesplitst. Woont u nu in {opties}?"
        if self.match == "postcode":
            return f"Postcode {self.place} ligt in meer dan één gemeente. Is het {opties}?"
        return f"Bedoelt u {opties}?"
