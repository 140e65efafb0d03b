"""Redaction round 11 (session 14, issue 18): school names by form (bot/privacy/school_round11.py). Own invented
examples, not taken from any test set: a person's full name on a head, a concept with a head and a part of town,
an unknown word before a lower-case head, appositions, "het" before a person's name, a capitalised type inside a
name, list members after "scholen:", a naming verb, heads spelt as heard, xSG initials, a concept closing a name,
"op de X in groep 8", initials that keep particles. The look-alikes are persons, places, school types, ordinary
words after "het", nationality adjectives before a lower-case school type and greetings before an apposition."""
from __future__ import annotations

import pytest

from bot.privacy.redaction import find_personal_data
from tests.support.redaction_checks import LINEAR_CPU_SECONDS, masked, schools


@pytest.mark.parametrize("text,piece", [
    # 1. a person's full name on a head word
    ("mijn zoon is weg van de Willem van Oranje-college en zit thuis", "Willem van Oranje-college"),
    ("ze zat op de Johan de Witt-school maar nu niet meer", "Johan de Witt-school"),
    ("hij ging naar de dr. van der hoevenschool, daarna niks", "dr. van der hoevenschool"),
    ("ze zat op de prof. de jongschool tot groep 6", "prof. de jongschool"),
    ("ik zit op de jan de ruyter-college in vlissingen", "jan de ruyter-college"),
    # 2. a concept, a head and a part of town or place
    ("hij zit op het dalton college kralingen maar wil weg", "dalton college kralingen"),
    ("hij zat op de dalton basisschool transvaal tot groep 6", "dalton basisschool transvaal"),
    ("ze stond ingeschreven op de jenaplan basisschool malburgen", "jenaplan basisschool malburgen"),
    # 3. an unknown word before a lower-case head or level word, also at the start of a sentence
    ("Veldhoven-Noord is een wijk. Brinkhorst college heeft hem geschorst.", "Brinkhorst college"),
    ("Zonnewaard lyceum heeft ons gebeld over de schorsing", "Zonnewaard lyceum"),
    ("ze wil naar het Wadlander vmbo maar die zitten vol", "Wadlander vmbo"),
    ("hij wil naar het Groenhorst mbo maar hij staat op een wachtlijst", "Groenhorst mbo"),
    # 4. an apposition that calls the name a school
    ("mijn dochter zat bij Oude Veste, dat is een basisschool hier in het dorp", "Oude Veste"),
    ("mijn zoon zat bij Groot Rijk, dat was een basisschool hier", "Groot Rijk"),
    ("hij gaat naar De Vlonder, een school voor speciaal onderwijs", "Vlonder"),
    ("ik zit op de zeesterren (is een sbo) en ik wil weg", "zeesterren"),
    # 5. "het" before a person's name
    ("hij zat op het wessel gansfort tot de zomer", "wessel gansfort"),
    # 6. a capitalised type between capitalised words
    ("ze is afgewezen door de Vrije Havo Noordwest in de stad", "Vrije Havo Noordwest"),
    ("hij zat op het Nieuwe Havo Zuidoost in Rotterdam", "Nieuwe Havo Zuidoost"),
    # 7. the members of a list after "scholen:"
    ("we hebben 4 scholen gebeld: de Kwikstaart, het Vogelnest en de Zwaluwhoek. Niemand heeft plek.", "Kwikstaart"),
    ("we hebben 4 scholen gebeld: de Kwikstaart, het Vogelnest en de Zwaluwhoek. Niemand heeft plek.", "Zwaluwhoek"),
    # 8. a naming verb before a name with a head word
    ("ze zit op een school in de stad, het heet eemzicht college geloof ik", "eemzicht college"),
    # 9. a head spelt as it sounds
    ("hij ging naar het van lodenstein colege in amersfoort", "van lodenstein colege"),
    # 10. a scholengemeenschap by its initials
    ("ik zit op t WSG en ik word gepest", "WSG"),
    # 11. a concept that closes a capitalised name
    ("daarna zat ze op de Hoge Brug Montessori in de wijk", "Hoge Brug Montessori"),
    # 12. a primary school by its groups
    ("hij zit in groep 6 op de zandloper en gaat niet meer", "de zandloper"),
    ("hij zit in groep 4 op de wilgentak en wordt gepest", "de wilgentak"),
    ("mijn dochter zat op de blauwe reiger in groep 7 en nu thuis", "reiger"),
    # initials that keep the particles of a name found in the same message
    ("ze zat op het Pieter van Foreest Lyceum, bij ons heet het gewoon het PvF", "PvF"),
])
def test_round_11_school_forms_are_masked(text, piece):
    assert masked(text, piece), (piece, [(s.kind, s.text) for s in find_personal_data(text)])


@pytest.mark.parametrize("text", [
    # ordinary words after "het", no person's name
    "Iemand van het contactpunt belt je morgen terug.",
    "hij zat op het oude gebouw van de school",
    "ze zit op het vmbo kader en dat gaat goed",
    # a nationality adjective and a lower-case school type
    "Hij zat op de Chinese zaterdagschool en op de Turkse weekendschool.",
    "Ze gaat naar de Poolse school op zaterdag.",
    # a greeting or a place before an apposition
    "Beste, een school voor mijn zoon zoek ik al maanden.",
    "In Utrecht, een school in het centrum, zei men nee.",
    "Hallo, een basisschool in de buurt zou fijn zijn.",
    # a concept and a head alone is a kind, also with an ordinary word after it
    "zoekt u een montessori basisschool dichtbij?",
    # a common word before a lower-case head
    "Engels college volgen is lastig voor hem.",
    "Welke Montessori scholen zijn er in de buurt?",
    # a type word alone after "het heet"
    "het heet gewoon college, niet les",
    # groups without a name
    "hij zit in groep 6 op de basisschool en gaat niet meer",
    "ze zat op school in groep 7 en nu thuis",
    # a list after "scholen:" of places only
    "we hebben scholen gebeld: Utrecht, Zeist en Houten.",
    # initials that happen to be a word
    "ik ben lid van de GVB-club en van het PVDA-team",
])
def test_round_11_look_alikes_stay_readable(text):
    assert schools(text) == [], [(s.kind, s.text) for s in find_personal_data(text)]


def test_an_ordinary_word_after_a_concept_and_head_is_no_part_of_town():
    text = "is het dalton college gisteren ook dicht geweest?"
    assert not any("gisteren" in s for s in schools(text)), schools(text)


@pytest.mark.parametrize("piece", [
    "op de Karel de Grote-school en ",
    "de mr. van der bijlschool, ",
    "het dalton college ijsselmonde ",
    "Nee. Brinkhorst college zegt ",
    "het Wadlander vmbo, ",
    "Oude Veste, dat is een basisschool ",
    "de kompasnaald (is een sbo) ",
    "op het tjalling harkema ",
    "scholen gebeld: de Vlier, de Mare, ",
    "het heet eemzicht college ",
    "het da vinci collage ",
    "op t KSG ",
    "de Hoge Brug Montessori ",
    "in groep 8 op de klimrek ",
    "Aa Bb Cc Dd Ee Ff Gg, ",
])
def test_round_11_rules_stay_linear_on_long_hostile_text(piece):
    """100,000 characters of one repeated form stay linear (LINEAR_CPU_SECONDS)."""
    import time
    text = (piece * (100_000 // len(piece) + 1))[:100_000]
    t0 = time.process_time()
    find_personal_data(text)
    assert time.process_time() - t0 < LINEAR_CPU_SECONDS


@pytest.mark.parametrize("text,street", [
    ("Mijn zoon zat op de Sint Odulphusschool aan de Molenweg en daarna op SBO De Kreek.", "Molenweg"),
    ("hij zat op OBS De Wissel aan de Julianalaan, nu nergens", "Julianalaan"),
    ("de school in de Beukstraat wil hem niet meer hebben", "Beukstraat"),
])
def test_a_street_after_aan_de_or_in_de_is_no_school(text, street):
    assert not any(street in s for s in schools(text)), schools(text)


def test_a_school_named_after_its_street_is_still_masked():
    assert masked("hij zat op de Bosschendijk en nu zit hij thuis", "Bosschendijk")


def test_a_compound_of_ordinary_words_after_het_is_no_persons_name():
    """Found on the tenth realistic corpus after the merge: "bij het fietsenhok opwacht" is a place and a verb."""
    text = "een groep jongens wacht hem bij het fietsenhok opwacht en bedreigt hem"
    assert not schools(text)
