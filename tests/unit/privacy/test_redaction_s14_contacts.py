"""Redaction, session 14 (issue 18): phone numbers read out with a digit too many or with " - " between the
groups, a second number after a foreign one, and addresses with a floor or a houseboat before the postcode.
Own examples, not from a test set; the look-alikes must stay."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data, redact
from tests.support.redaction_checks import masked


@pytest.mark.parametrize("text,piece", [
    # read out with one digit too many: the whole run, not ten digits and a readable rest
    ("u kunt me bellen op nul zes drie een vier vier twee acht zes vijf nul", "nul zes drie een vier vier twee acht zes vijf nul"),
    # groups with " - " between them, as dictation software writes them
    ("mijn nummer is nul drie acht - vier twee een, negen zes zeven acht. Dank u", "nul drie acht - vier twee een, negen zes zeven acht"),
    # a foreign number, a slash, then a Dutch one: the second is not swallowed by the first
    ("Telefoon vader: +48 601 234 567 / 06 3141 5926, liefst na vieren", "06 3141 5926"),
    ("bel +32 470 12 34 56 / 06 27 18 28 18", "06 27 18 28 18"),
])
def test_phone_numbers(text, piece):
    assert masked(text, piece, "telefoon"), find_personal_data(text)


@pytest.mark.parametrize("text,keeps", [
    ("bel nul zes een twee drie vier vijf zes zeven acht, twee kinderen heb ik", "twee kinderen"),
    ("de afspraak is om nul negen nul nul bij de school", "nul negen nul nul"),
    ("hij heeft 06 12 en 07 uur les", "06 12 en 07 uur"),
])
def test_look_alikes_stay(text, keeps):
    assert keeps in redact(text)


@pytest.mark.parametrize("text,piece", [
    ("Wij wonen Parklaan 8 / 3e etage, 3011 AB Rotterdam.", "Parklaan 8 / 3e etage, 3011 AB"),
    ("ze logeert bij haar tante op Zuiderkade 22 woonboot, 1501 CD Zaandam", "Zuiderkade 22 woonboot, 1501 CD"),
    ("adres: Molenstraat 5 bovenwoning, 4811 XY Breda", "Molenstraat 5 bovenwoning, 4811 XY"),
])
def test_addresses_with_a_floor_or_a_boat(text, piece):
    assert masked(text, piece, "postcode_huisnummer"), find_personal_data(text)


@pytest.mark.parametrize("text,keeps", [
    ("het lokaal is op de 2e etage van de school", "2e etage"),
    ("groep 8 heeft les op de verdieping", "groep 8"),
])
def test_floors_without_an_address_stay(text, keeps):
    assert keeps in redact(text)
