"""Redaction, session 11 round 2 (issue 18): general rules for the groups the independent hold-out set of
session 11 showed missing (full dates without a cue, account holders and initials, lower-case name lists,
schools without a school word, written-out e-mail, IBANs and phone numbers in other groupings, house-number
additions, a person's postbus), and the text that must stay. Every form here was missed before this round;
the forms are written for this test (not copied from the measured sets)."""
from __future__ import annotations

import datetime
import glob
from pathlib import Path

import pytest

from bot import clock
from tests.support.redaction_checks import LINEAR_CPU_SECONDS
from bot.privacy.redaction import find_personal_data, redact

REPO = Path(__file__).resolve().parents[3]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in find_personal_data(text)]


def masked(text: str, piece: str) -> bool:
    """Every character of ``piece`` masked, by a finding of any kind (as bench/redaction_compare.py counts)."""
    start = text.index(piece)
    covered = set()
    for s in find_personal_data(text):
        covered.update(range(s.start, s.end))
    return all(i in covered for i in range(start, start + len(piece)))


YEAR = clock.today().year  # the product's day (WEGWIJZER_TEST_VANDAAG in the second-day run)


@pytest.mark.parametrize("text, piece", [
    (f"{YEAR - 14}-05-17 staat bij geboortedatum", f"{YEAR - 14}-05-17"),              # ISO, cue after it
    (f"de meiden zijn van 4-4-{YEAR - 12} en 30-10-{YEAR - 9}", f"30-10-{YEAR - 9}"),   # the second of two
    (f"Gegevens kind: Tess Bouma, 8-1-{YEAR - 11}, groep 8", f"8-1-{YEAR - 11}"),       # no cue at all
    (f"hij is geboren in 21.06.{YEAR - 13} in Gdansk", f"21.06.{YEAR - 13}"),
    (f"dochter Nadia geboorte 11-11-{YEAR - 10}", f"11-11-{YEAR - 10}"),
    (f"Geboortedatum dochter: {YEAR - 15}-02-28", f"{YEAR - 15}-02-28"),
    (f"op 9 maart {YEAR - 15} kwam ze ter wereld", f"9 maart {YEAR - 15}"),             # 'op', year further back
    ("haar verjaardag is 12 mei, geboren in 2014", "12 mei, geboren in 2014"),
    (f"Bram van 12-3-{YEAR - 14} en Fenna van 8-8-{YEAR - 11}", f"8-8-{YEAR - 11}"),   # a first name, then "van"
])
def test_full_dates_with_a_school_age_year_are_birth_dates(text, piece):
    assert masked(text, piece), kinds(text)


@pytest.mark.parametrize("text", [
    f"sinds 1 september {YEAR - 2} zit hij thuis",                 # an event, after 'sinds'
    f"de brief van de school is van 14 maart {YEAR - 1}",
    f"op 3 maart {YEAR - 3} is hij geschorst",                      # 'op' and a recent year
    f"het gesprek is op 12 december {YEAR}",                        # a meeting this year
    "sinds 3 maart zit ze thuis", "op 12 december hebben we een gesprek",   # no year
    f"Het is getekend op 13 juni {YEAR - 10} en liep tot {YEAR - 6}",        # a participle: an event
    f"de regeling van 23 april {YEAR - 11}", f"de wet geldt sinds 1-1-{YEAR - 12}",
    f"per 01-01-{YEAR - 8} is dat veranderd",                       # 1 January: laws and mergers
    f"het huis is gebouwd in 12-3-{YEAR - 40}",                     # too old for a child, no cue
    "hij is van 2012",                                              # a year alone
    f"de wet op het passend onderwijs van 1 augustus {YEAR - 12}",   # "<thing> van <date>"
])
def test_dates_that_are_no_birth_date_stay(text):
    assert redact(text) == text, kinds(text)


@pytest.mark.parametrize("text, piece", [
    ("IBAN NL91 ABNA 0417 1643 00 t.n.v. P. Jorritsma", "P. Jorritsma"),     # account holder
    ("rekening NL91ABNA0417164300 tnv Fam. de Roos", "de Roos"),
    ("Met vriendelijke groet, K. van Beek-Altena", "K. van Beek-Altena"),
    ("zeg maar tegen R. Hoekstra dat het goed is", "R. Hoekstra"),            # initials + surname, no cue
    ("ik ben de moeder van joep en thirza", "thirza"),                        # lower-case list
    ("vader van noud, sepp en bodi", "bodi"),
    ("bel anders mijn vrouw even, rianne, die is thuis", "rianne"),            # apposition after a family word
    ("het gaat om lars hofstede, 11 jaar", "lars hofstede"),
    ("mijn zoontje (Otis, 7) slaapt slecht", "Otis"),                         # in brackets with an age
    ("mijn nichtje wendy woont bij ons", "wendy"),
    ("Naam kind: fenne postma", "fenne postma"),
    ("contactpersoon: oma Truus", "Truus"),
    ("onze Iris zit al een half jaar thuis", "Iris"),                          # "onze" + a capital
    ("Bij ons thuis is onze Maartje de oudste", "Maartje"),
    ("mevrouw de Ruiter van het Da Vinci College belde", "de Ruiter"),       # the name ends before 'van het'
])
def test_names_in_more_forms(text, piece):
    assert masked(text, piece), kinds(text)


@pytest.mark.parametrize("text, piece", [
    ("hij zit in groep 5 bij De Kameleon", "De Kameleon"),
    ("ze gaat naar 't Kompas in Zwolle", "'t Kompas"),
    ("hij is van De Driemaster af gestuurd", "De Driemaster"),                # 'van' after an ordinary word
    ("mijn zoon zat op de Sint Jozefschool", "Sint Jozefschool"),
    ("de SBO-school De Kring heeft plek", "De Kring"),
    ("zij staat ingeschreven op De Ark maar gaat niet", "De Ark"),
    ("Op De Sterrenboog hebben ze geen plek", "De Sterrenboog"),
    ("hij mag nog 2 uur per dag naar obs de gouden regen", "obs de gouden regen"),
    ("ze staat nog ingeschreven op basisschool zonnebloem", "basisschool zonnebloem"),
    ("basisschool de zevensprong heeft hem geschorst", "basisschool de zevensprong"),
    ("mijn school Groenhorst college wil me niet terug", "Groenhorst college"),
    ("de school (De Springplank) doet niks", "De Springplank"),
    ("hij ging naar de montessorischool in Deventer", "montessorischool in Deventer"),
])
def test_schools_without_a_school_word_or_in_lower_case(text, piece):
    assert masked(text, piece), kinds(text)


@pytest.mark.parametrize("text", [
    "Dat kan bij De Kindertelefoon", "Ze kunnen bellen met Het Juridisch Loket", "we gaan naar De Bilt",
    "Op De Kindertelefoon kan hij bellen", "hij is op school (groep 7) gepest", "de basisschool de hele dag",
    "ik heb het op de basisschool de juf gevraagd", "cbs de wegwijzer belde vanochtend maar ik was weg",
    "Ik ben Wegwijzer", "een brief van Het Samenwerkingsverband", "Jan van De Velde belde",
    "we zijn naar Het Centrum voor Jeugd en Gezin geweest", "bij De Opvoedpoli hebben ze een wachtlijst",
    "Hij is dol op De Smurfen", "Ze kijkt graag naar Het Jeugdjournaal",   # shows and care, not schools
])
def test_organisations_places_and_kinds_of_school_stay(text):
    spans = kinds(text)
    assert not [k for k in spans if k[0] == "school" and "wegwijzer" not in k[1]], spans
    assert ("naam", "Wegwijzer") not in spans


@pytest.mark.parametrize("text, piece", [
    ("stuur maar naar anna punt de graaf at gmail punt com", "anna punt de graaf at gmail punt com"),
    ("mijn mail is bayu hartono at live punt nl", "bayu hartono at live punt nl"),
    ("mail: fam.dekker apestaartje ziggo punt nl", "fam.dekker apestaartje ziggo punt nl"),
    ("mail naar w.smit@@kpnmail.nl", "w.smit@@kpnmail.nl"),
    ("mijn adres is tessa88 @ hotmail punt com", "tessa88 @ hotmail punt com"),
    ("mail r.visser @ ziggo . nl", "r.visser @ ziggo . nl"),                    # spaces around the dot
    ("rvisser op hotmail punt com", "rvisser op hotmail punt com"),             # "op" before a known provider
])
def test_e_mail_written_out_in_more_ways(text, piece):
    assert masked(text, piece), kinds(text)


@pytest.mark.parametrize("text, piece", [
    ("iban: NL 91 ABNA 0417 1643 00, dank u", "NL 91 ABNA 0417 1643 00"),      # pairs after the country
    ("rekening NL91-ABNA-0417-1643-00.", "NL91-ABNA-0417-1643-00"),            # dashes
    ("NL91 ABNA 041 716 4300 is mijn rekening", "NL91 ABNA 041 716 4300"),       # other groups
    ("mijn nummer is nul zes 12 34 56 78", "nul zes 12 34 56 78"),              # half in words
    ("het begint met 06 en dan 12 34 56 78", "06 en dan 12 34 56 78"),
    ("nul-zes-een-twee-drie-vier-vijf-zes-zeven-acht", "nul-zes-een-twee-drie-vier-vijf-zes-zeven-acht"),
    ("mobiel 06 – 12 34 56 78", "06 – 12 34 56 78"),                            # en dash
])
def test_iban_and_phone_in_other_groupings(text, piece):
    assert masked(text, piece), kinds(text)


@pytest.mark.parametrize("text", [
    "op 12 maart 2013 om 14 uur was het gesprek", "we zijn met 0 kinderen en 12 volwassenen",
    "om 10 uur, nul zes is het begin", "bel de Kindertelefoon op 0800-0432", "groep 6 en 7 samen",
])
def test_numbers_that_are_no_iban_or_phone_stay(text):
    assert not [k for k in kinds(text) if k[0] in ("iban", "telefoon")], kinds(text)


@pytest.mark.parametrize("text, piece", [
    ("we wonen nu boven de bakker, markt 3b", "markt 3b"),
    ("het adres is Pr. Bernhardlaan 12-bis", "Pr. Bernhardlaan 12-bis"),
    ("mijn huisnummer is 17 en de postcode 2312 AB", "17"),
    ("postcode 2312 AB huisnummer 17 toevoeging A", "2312 AB huisnummer 17 toevoeging A"),
    ("Postcode en huisnummer: 2312 AB 17bis", "2312 AB 17bis"),
    ("stuur de post naar postbus 2231 in Leiden, ik heb geen vast adres", "postbus 2231"),
    ("we wonen op nummer 8 van de Merelstraat", "8 van de Merelstraat"),
])
def test_addresses_in_more_forms(text, piece):
    assert masked(text, piece), kinds(text)


@pytest.mark.parametrize("text", [
    "op de markt 3 keer per week", "we gingen naar de Markt 2 dagen", "stuur het naar Postbus 51 van de Rijksoverheid",
    "DUO, Postbus 50061", "Mark dit gesprek maar als dringend", "hij staat op nummer 3 van de wachtlijst",
    "ik zit op school. com", "we zitten op school punt nl",
])
def test_text_that_stays(text):
    assert redact(text) == text, kinds(text)


def test_the_realistic_corpus_gets_no_new_kind_of_finding():
    """tests/nlu_corpus: 1,278 realistic parents' messages, written by sessions that never saw the redaction.
    They hold invented first names, one school name ("alleen whatsapp van meester van De Regenboog", masked as a
    name before this round) and nothing else personal; the round-2 rules (full dates, schools after
    'bij/op/naar/van', IBAN groupings, postbus ...) must find nothing else there."""
    found = []
    for path in sorted(glob.glob(str(REPO / "tests" / "nlu_corpus" / "**" / "*.tsv"), recursive=True)):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            found += [(s.kind, s.text) for s in find_personal_data(line.split("\t")[-1]) if s.kind != "naam"]
    # the sixth corpus (session 12) names one more school: "Mijn zoon zit op De Brug, dat is een school voor ...",
    # and in the same message a second one ("... maar De Horizon wil hem ook niet"), found since round 10;
    # the ninth (session 14) three: "zit op De Regenboog", "een gesprek op Het Kompas", "zit op De Brug, dat is een school"
    # the tenth (session 14) names three schools, a school's plus class and care class and a time-out place
    # ("de Zonnebloemgroep", "de Kameleon, dat is een zorgklas", "de Oase, dat is een time-out voorziening"):
    # names of places a child can be found, masked as schools (fail closed); the eleventh (session 17) one school
    # ("aangemeld bij het Lindenhof Lyceum")
    assert sorted(found) == sorted([
        ("school", "De Brug"), ("school", "De Brug"), ("school", "De Horizon"), ("school", "De Regenboog"),
        ("school", "De Regenboog"), ("school", "Het Kompas"),
        ("school", "De Brug"), ("school", "De Horizon"), ("school", "Het Anker"), ("school", "de Zonnebloemgroep"),
        ("school", "de Wilgenhof"), ("school", "de Kameleon"), ("school", "de Oase"), ("school", "Lindenhof Lyceum")])


def test_the_session_11_hold_out_set_stays_up():
    """No measure of generalisation any more (it was used as a development set in this round): a guard that the
    figure recorded in reports/redaction.md does not silently drop."""
    from bot.privacy.measure import measure
    r = measure(REPO / "tests" / "fixtures" / "redaction_testset_holdout_s11.yml")
    assert sum(r.found_any_kind.values()) / sum(r.expected.values()) >= 0.98, r.misses
    assert r.untouched_rate == 1.0, r.false_alarms


@pytest.mark.parametrize("unit", [
    "bij De Abcdef ",            # many capitalised unknown words: was quadratic (text[:s].split() per word)
    "nul zes 12 ", "06 en dan 12 ", "mijn man bellen, ahmed, ", "vader van daan en sepp ", "NL12 ABCD ",
    "jan punt ", "A. B. C. ", "12-3-2012 ", "postbus 12 ", "obs de abc ", "nummer 12 van de ",
])
def test_round_2_rules_stay_linear_on_long_hostile_text(unit):
    import time
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    redact("warm up")
    t0 = time.process_time()
    redact(text)
    assert time.process_time() - t0 < LINEAR_CPU_SECONDS
