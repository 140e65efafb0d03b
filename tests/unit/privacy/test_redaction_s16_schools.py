"""Session 16 (issue 18): school names by shape, found by the error analysis on the independent development set
/work/dev_s16 (now tests/fixtures/redaction_testset_dev_s16.yml). Own invented examples, none taken from a test
set: initials with a particle letter, capitals where a pupil sits, a lower-case name where a pupil sits, a name that
wants something with the child, a saint's title joined by a hyphen or before a name, a branch named after a person,
an adjective that needs its article, a name that goes on with "en", a level after a name, a class's acronym before
"van het", "in het" before a person's name, a first name before a head spelt as heard, a head word without article
before a lower-case name, a name in brackets with its place, a care organisation that runs schools. The look-alikes
are kinds of school after "een", services and organisations, the assistant's own name, ordinary words after "zit op",
participles after a head word and surnames."""
from __future__ import annotations

import time

import pytest

from bot.privacy.redaction import find_personal_data
from tests.support.redaction_checks import LINEAR_CPU_SECONDS, masked, schools


@pytest.mark.parametrize("text,piece", [
    # initials with the lower-case letter of a particle ("Pieter van Ruysdael" -> PvR)
    ("ze zit in 3 vwo op het PvR en wordt buitengesloten", "PvR"),
    ("hij ging naar de HdG maar dat liep mis", "HdG"),
    # capitals without an article where a pupil sits
    ("onze zoon zit op KWC en de mentor reageert niet", "KWC"),
    ("ze zat toen op RSW maar is overgestapt", "RSW"),
    # a lower-case name Dutch hardly knows where a pupil sits
    ("mijn dochter zit op het ruigoord en heeft geen vrienden", "ruigoord"),
    # a name that wants something with the child
    ("Het BZL wil onze dochter niet aannemen na de zomer", "BZL"),
    ("De Groene Vallei wil mijn zoon laten blijven zitten in groep 5", "De Groene Vallei"),
    ("De Kiezelsteen heeft ons gisteren gebeld over een schorsing", "De Kiezelsteen"),
    # a saint's title joined by a hyphen, or before a name after an article
    ("hij zit op de St.-Bavoschool in groep 7", "St.-Bavoschool"),
    ("ze zat op de St. Odulfus in Hilversum tot de kerst", "St. Odulfus"),
    # a branch named after a person, with its particles
    ("hij zit op het Meridiaan College locatie Hendrik van Boeijen en wil weg", "Meridiaan College locatie Hendrik van Boeijen"),
    # an ordinary adjective at the start of a name needs its article
    ("hij zit op het Oude Gymnasium in Hoorn en wil naar de havo", "het Oude Gymnasium"),
    # a name that goes on with "en" and a word Dutch hardly knows
    ("ze zit op de Openbare Basisschool Hout en Ruigoord en is gepest", "Openbare Basisschool Hout en Ruigoord"),
    # a level right after a name (not a level with its year)
    ("het Stellacollege havo wil haar niet meer", "Stellacollege havo"),
    # a class's acronym before "van het": the school, not a person's surname
    ("hij zit in de ISK van het Arentheem en leert snel Nederlands", "Arentheem"),
    # "in het" before a person's name
    ("we zijn heel tevreden in het Maria Montessori Goes", "Maria Montessori"),
    # a first name before a head spelt as heard
    ("hij zat op de pieter de hoog colege tot vorig jaar", "pieter de hoog colege"),
    # a head word without article before a lower-case name
    ("ik zit op gymnasium baarnsch en ik zit thuis", "gymnasium baarnsch"),
    ("ze zat op college vertesloot ofzo, daarna niks", "college vertesloot"),
    # a name in brackets after "school", with its place; the assistant's name may be a school's
    ("de oude school (De Bongerd in Alkmaar) heeft niets gedaan", "De Bongerd"),
    ("zijn basisschool (De Wegwijzer in Ermelo) gaf een te laag advies", "De Wegwijzer"),
    # a care organisation that runs schools, where a pupil sits
    ("hij zat op het Kentalis en daarna op het vmbo", "Kentalis"),
    # a name where a pupil sat, in a message with no other school word
    ("ze heeft drie jaar op de Zonnebloem gezeten", "Zonnebloem"),
    ("mijn zoon is van de Morgenster afgestuurd", "Morgenster"),
])
def test_session_16_school_shapes_are_masked(text, piece):
    assert masked(text, piece, "school"), (piece, [(s.kind, s.text) for s in find_personal_data(text)])


@pytest.mark.parametrize("text", [
    # a kind of school after "een", "geen" or "welke", with or without its place
    "we zoeken een christelijke school in Apeldoorn met kleine klassen",
    "is er een Jenaplanschool in Zwolle die kinderen met autisme aanneemt?",
    "hij wil na het vso een opleiding tot kok doen",
    # services, organisations and public bodies
    "we staan al een half jaar op de wachtlijst van de Jeugd-GGZ",
    "ik ben vrijwilliger bij het Buurthuis en help een moeder met school",
    "Het UWV wil mijn dochter niet aannemen voor een baan",
    "De GGD wil haar laten onderzoeken",
    "wat kan het samenwerkingsverband doen als de GGD niets doet? Anders naar de Kinderombudsman.",
    # the assistant's own name outside a school's brackets
    "Beste Wegwijzer, de school (in Utrecht) belt niet terug",
    "ik vroeg het aan de Wegwijzer maar de school zegt niks",
    # ordinary words where a pupil sits, and school types
    "hij zit op de bank en zit al weken thuis",
    "ze zit op het vmbo in Zwolle",
    "het vso in Zwolle heeft een wachtlijst",
    "ze zit op de basisschool in groep 5",
    "hij zit op HAVO 4 en wil naar het vwo",
    # a participle after a head word
    "hij werd op basisschool gepest en op college doorgestuurd",
    # a surname that calls
    "De Vries heeft ons gebeld over school",
])
def test_session_16_look_alikes_stay_readable(text):
    assert schools(text) == [], [(s.kind, s.text) for s in find_personal_data(text)]


def test_a_first_name_after_en_is_no_part_of_the_school():
    text = "hij zat op De Klimop en Jan zat op het vmbo"
    assert schools(text) == ["De Klimop"], schools(text)


def test_a_filler_word_after_a_lower_case_name_stays_readable():
    text = "ik zit op lyceum rijnwaard ofzo en ik wil weg"
    assert any("rijnwaard" in s for s in schools(text)) and not any("ofzo" in s for s in schools(text)), schools(text)


@pytest.mark.parametrize("piece", [
    "op het PvR ",
    "zit op KWC ",
    "zit op het ruigoord ",
    "Het BZL wil onze dochter niet aannemen. ",
    "De Kiezelsteen heeft ons gebeld. ",
    "de St.-Bavoschool ",
    "op de St. Odulfus, ",
    "College locatie Hendrik van Boeijen ",
    "het Oude Gymnasium ",
    "Basisschool Hout en Ruigoord en ",
    "het Stellacollege havo ",
    "de ISK van het Arentheem ",
    "in het Maria Montessori ",
    "op gymnasium baarnsch ",
    "school (De Bongerd in Alkmaar) ",
    "op een christelijke school in Apeldoorn ",
    "de Jeugd-GGZ ",
])
def test_session_16_rules_stay_linear_on_long_hostile_text(piece):
    """100,000 characters of one repeated form stay linear (LINEAR_CPU_SECONDS)."""
    text = (piece * (100_000 // len(piece) + 1))[:100_000]
    t0 = time.process_time()
    find_personal_data(text)
    assert time.process_time() - t0 < LINEAR_CPU_SECONDS
