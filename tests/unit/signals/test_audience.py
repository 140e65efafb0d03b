"""Audience guess: parents about their child, young people about themselves, None when unclear."""
from __future__ import annotations

import pytest

from bot.signals.audience import detect_audience

PARENTS = [
    "mijn zoon zit al drie weken thuis",
    "onze dochter zit al een maand thuis en niemand doet iets",
    "ons kind kan niet naar school, wat nu",
    "mijn kleinzoon mag niet meer naar school",
    "ons pleegkind zit sinds de zomer thuis",
    "pleegkind zit thuis, wat kunnen we doen",
    "mijn zoon zegt dat zijn mentor niks doet",
    "mijn dochter zegt dat haar mentor haar niet gelooft, mijn moeder past nu op haar",
    "mn zoon van 14 wordt steeds naar huis gestuurd",
    "m'n dochter is geschorst",
    "ik ben moeder van twee kinderen en de oudste zit thuis",
    "ik ben de vader van een jongen van 12",
    "als ouder wil ik weten wat mijn rechten zijn",
    "wij als ouders worden niet gehoord",
    "ik heb een zoon met autisme die thuiszit",
    "we hebben twee kinderen en eentje kan niet naar school",
    "mijn man en ik weten het niet meer",
    "onze jongen wil niet meer naar school",
    "hij zit al weken thuis en we weten niet wat we moeten doen",
    "ze is 13 en zit thuis, wij krijgen geen hulp van school",
    "mijn jongste heeft een tlv nodig",
    "mijn oudste is van school gestuurd",
    "de school van mijn kinderen doet niks",
    "ik ben oma en mijn kleindochter zit thuis",
    "ik ben pleegmoeder van een meisje van 15",
    "mijn stiefzoon zit al maanden thuis",
    "hoe vraag ik een OPP aan voor mijn kind",
    "onze tweeling zit allebei thuis",
    "mijn puber weigert naar school te gaan",
    "zijn vader en ik zijn gescheiden en hij zit nu thuis",
    "ik zit thuis met mijn zoon want er is geen school voor hem",
    "mijn dochter zegt: ik zit thuis en mijn mentor belt niet",
    "zoon 15, havo, 6 weken thuis. wat nu",
    "mijn kint zit al een half jaar thuis",
]

YOUTH = [
    "ik zit thuis",
    "ik zit al weken thuis",
    "kzit al 2 maanden thuis",
    "mijn mentor reageert niet",
    "mn mentor zegt dat ik thuis moet blijven",
    "mn ouders zijn boos op me",
    "m'n moeder zegt dat ik naar school moet",
    "mijn moeder zegt dat ik niet hoef te gaan",
    "ik ben 14",
    "ik ben 16 mag ik stoppen met school",
    "ik mag niet meer naar school",
    "ik ga al een maand niet naar school",
    "ik durf niet naar school",
    "ik wil weer naar school",
    "ik zit in de brugklas en word gepest",
    "ik zit op het vmbo",
    "ik zit in 3 havo",
    "ik ben geschorst",
    "ik ben van school gestuurd",
    "ik word gepest op school",
    "mag ik stoppen als ik 16 ben",
    "mijn vader wil dat ik naar een andere school ga",
    "mijn klas is te druk voor mij",
    "ik heb geen les meer sinds de kerst",
    "mijn leraar zegt dat ik lui ben",
    "ik ben een pleegkind en mijn pleegouders weten het ook niet",
    "ik spijbel al een tijdje",
    "ik wil stoppen met school",
    "mijn juf snapt me niet",
    "ik ben 12 en mijn school wil me niet meer",
    "k zit nu al 3 weken thuis",
    "mijn ma zegt dat ik moet bellen",
    "ben 16 en zit thuis, kan ik gwn stoppen",
    "zit al sinds de meivakantie thuis",
    "ben geschorst voor iets wat ik nie gedaan heb",
    "ze willen me weg hebben. zit op het mbo",
    "kan ik als leerling zelf klagen",
    "ik wil naar een andere school",
]

UNCLEAR = [
    "hoi",
    "wat is passend onderwijs",
    "wat is een thuiszitter",
    "hoe dien ik een klacht in",
    "hij zit thuis",
    "ze mag niet naar school",
    "wanneer begint de leerplicht",
    "wat doet een onderwijsconsulent",
    "ik heb een vraag",
    "kunt u mij bellen",
    "",
    "ik ben 4 weken ziek geweest",
    "een leerling van mij zit thuis, wat kan ik doen",
    "ik werk als consulent bij de gemeente",
]


@pytest.mark.parametrize("text", PARENTS)
def test_parents(text: str) -> None:
    assert detect_audience(text) == "ouder"


@pytest.mark.parametrize("text", YOUTH)
def test_young_people(text: str) -> None:
    assert detect_audience(text) == "jongere"


@pytest.mark.parametrize("text", UNCLEAR)
def test_unclear(text: str) -> None:
    assert detect_audience(text) is None


def test_enough_cases() -> None:
    assert len(PARENTS) >= 30
    assert len(YOUTH) >= 30
    assert len(UNCLEAR) >= 10
