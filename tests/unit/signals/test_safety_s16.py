"""Safety, session 16: shapes of danger that an independent writer's training messages showed the patterns
missed, each written here in our own words, and look-alikes that must stay safe."""
from __future__ import annotations

import pytest

from bot.signals.safety import detect_danger

DANGER = [
    ("ik heb vanochtend weer gekrast en straks moet ik naar de intake", "zelfbeschadiging"),
    ("hij heeft gisteravond gesneden, ik zag het bloed op de handdoek", "zelfbeschadiging"),
    ("hoe kan ik stoppen met krassen, niemand mag het weten", "zelfbeschadiging"),
    ("snijden helpt me beter dan praten met de mentor", "zelfbeschadiging"),
    ("ik denk dat ik te diep heb gesneden", "zelfbeschadiging"),
    ("mijn dochter heeft in de zomer een poging gedaan en zit sindsdien thuis", "zelfdoding"),
    ("hij heeft een zelfmoordpoging gedaan.", "zelfdoding"),
    ("ze zegt steeds dat ze niet oud wil worden", "zelfdoding"),
    ("mijn zoon zegt ik wil gewoon naar de hemel", "zelfdoding"),
    ("ze vroeg of het pijn doet als je doodgaat", "zelfdoding"),
    ("na de zomer ben ik er waarschijnlijk niet meer, dus een nieuwe school hoeft niet", "zelfdoding"),
    ("nog even en dan ben ik er klaar mee, voorgoed", "zelfdoding"),
    ("soms denk ik dat het beter is als ik weg ben van deze wereld", "zelfdoding"),
    ("waarom zou ik leren als ik toch niet oud word", "zelfdoding"),
    ("help ik ben ontvoerd", "acuut_gevaar"),
    ("onze dochter is ontvoerd door haar vader", "acuut_gevaar"),
    ("er probeert iemand binnen te komen via het raam", "acuut_gevaar"),
    ("hij heeft al zijn pillen in een keer ingenomen", "acuut_gevaar"),
    ("mijn zoon ligt op de grond en schokt", "acuut_gevaar"),
    ("zijn vader heeft hem vastgebonden aan een stoel", "acuut_gevaar"),
]

SAFE = [
    "hij heeft een poging gedaan om weer naar school te gaan",
    "ze heeft een poging gedaan maar het lukte niet",
    "de groenten snijden helpt hem om rustig te worden bij het koken",
    "ik wil later niet oud en saai worden zoals mijn oom",
    "hij is gestopt met de medicijnen voor ADHD",
    "hij heeft de medicijnen in de ochtend genomen",
    "we hebben de mentor en de zorgcoordinator tegelijk gesproken",
    "ze lag op de grond te lachen om een filmpje",
    "in de film die we keken wordt de prinses ontvoerd",
    "de fiets stond vast aan het hek",
    "dan ben ik er niet meer bij, want ik moet werken",
    "ik ben klaar met die school, voorgoed",
    "hij gaat voorgoed weg van deze school",
    "ze wil weg uit de wereld van de sociale media",
]


@pytest.mark.parametrize("text,kind", DANGER)
def test_danger_signs_in_our_own_words(text, kind):
    found = detect_danger(text)
    assert found is not None and found.kind == kind, (text, found)


@pytest.mark.parametrize("text", SAFE)
def test_look_alikes_stay_safe(text):
    assert detect_danger(text) is None, detect_danger(text)
