"""Table-driven tests for the parser of every form field, including hostile input."""
from datetime import date

import pytest

from bot.hulpvraag_form import fields as F
from bot.signals.bsn import bsn_like_numbers, clean_free_text, mentions_bsn, passes_elfproef
from bot.hulpvraag_form.validators import MAX_HULPVRAAG, parse

TODAY = date(2026, 11, 24)


def run(slot, text):
    return parse(slot, text, TODAY)


# --- role ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ouder", "ouder"), ("Ouder of verzorger", "ouder"), ("moeder", "ouder"), ("ik ben de vader", "ouder"),
    ("mama", "ouder"), ("pleegouder", "ouder"), ("oudr", "ouder"), ("verzorger", "ouder"),
    ("ik ben zelf moeder", "ouder"), ("mijn zoon zijn mentor", "ouder"), ("oma", "ouder"),
    ("jongere", "jongere"), ("JONGERE", "jongere"), ("ik ben de jongere", "jongere"), ("jongre", "jongere"),
    ("leerling", "jongere"), ("het gaat om mij", "jongere"), ("mezelf", "jongere"),
    ("professional", "professional"), ("ik werk als mentor", "professional"), ("leerkracht", "professional"),
    ("leerplichtambtenaar", "professional"), ("voor mijn werk", "professional"), ("profesional", "professional"),
    ("werk", "professional"),
])
def test_role_understood(text, expected):
    assert run(F.ROL, text).value == expected


@pytest.mark.parametrize("text", ["", "   ", "pizza", "🙂", "<script>alert(1)</script>", "'; DROP TABLE x;--",
                                  "x" * 5000, "ouder en jongere"])
def test_role_not_understood(text):
    assert run(F.ROL, text).error == "onbekend"


# --- municipality --------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("Zaandam", "GM0479"), ("ik woon in amstrdam", "GM0363"), ("9712", "GM0014"), ("Den Bosch", "GM0796"),
    ("GM0373", "GM0373"), ("gm0893", "GM0893"),
])
def test_place_found(text, code):
    result = run(F.GEMEENTE, text)
    assert result.value["code"] == code and result.value["naam"]


def test_ambiguous_place_gives_choices():
    result = run(F.GEMEENTE, "bergen")
    assert result.error == "dubbelzinnig"
    assert {payload for _, payload in result.buttons} == {"GM0373", "GM0893"}
    assert "Limburg" in result.params["opties"]


@pytest.mark.parametrize("text", ["nergens", "xyzzy", "", "GM9999", "<b>Zaandam</b>" * 0 + "a" * 600, "🏠🏠"])
def test_place_unknown(text):
    assert run(F.GEMEENTE, text).error == "onbekend"


# --- age or school phase -----------------------------------------------------------------

@pytest.mark.parametrize("text, age, phase", [
    ("12", 12, None), ("twaalf", 12, None), ("hij is 12", 12, None), ("12 jaar", 12, None),
    ("ze is veertien jaar", 14, None), ("15jr", 15, None), ("zestien", 16, None), ("4", 4, None),
    ("23", 23, None), ("drieentwintig", 23, None), ("mijn dochter is 9 en zit al 6 weken thuis", 9, None),
    ("geboren in 2013", 12, None), ("groep 7", None, "groep 7"), ("groep acht", None, "groep 8"),
    ("brugklas", None, "brugklas"), ("2e klas vmbo", None, "klas 2 voortgezet onderwijs"),
    ("derde klas havo", None, "klas 3 voortgezet onderwijs"), ("havo 4", None, "klas 4 voortgezet onderwijs"),
    ("klas 1", None, "klas 1 voortgezet onderwijs"), ("mbo 2", None, "mbo"),
    ("hij is 13, tweede klas", 13, "klas 2 voortgezet onderwijs"), ("twalf", 12, None),
    ("bijna 11", 11, None), ("13 jaar oud", 13, None),
])
def test_age_understood(text, age, phase):
    result = run(F.LEEFTIJD, text)
    assert result.ok, result
    assert result.value == {"leeftijd": age, "schoolfase": phase}


def test_school_type_comes_along_with_the_class():
    assert run(F.LEEFTIJD, "2e klas vmbo").extra == {F.SCHOOLTYPE: "vmbo"}
    assert run(F.LEEFTIJD, "12").extra == {}


@pytest.mark.parametrize("text, error", [
    ("3", "te_jong"), ("hij is 2 jaar", "te_jong"), ("0", "te_jong"), ("30", "te_oud"), ("45 jaar", "te_oud"),
    ("12 en 14", "meerdere"), ("weet niet", "onbekend"), ("", "onbekend"), ("oud genoeg", "onbekend"),
    ("123456782", "onbekend"), ("-5", "onbekend"), ("6 weken", "onbekend"), ("<script>12</script>" * 0 + "🎂", "onbekend"),
])
def test_age_refused(text, error):
    assert run(F.LEEFTIJD, text).error == error


def test_out_of_range_age_is_given_to_the_message():
    assert run(F.LEEFTIJD, "30").params["leeftijd"] == 30


# --- school type -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("vmbo", "vmbo"), ("VMBO-TL", "vmbo"), ("mavo", "vmbo"), ("kader", "onbekend"), ("havo", "havo"),
    ("vwo", "vwo"), ("gymnasium", "vwo"), ("havo/vwo", "havo/vwo"), ("basisschool", "basisschool"),
    ("middelbare school", "voortgezet onderwijs"), ("speciaal onderwijs", "speciaal onderwijs"),
    ("cluster 4", "speciaal onderwijs"), ("sbo", "speciaal basisonderwijs"), ("vso", "voortgezet speciaal onderwijs"),
    ("praktijkonderwijs", "praktijkonderwijs"), ("mbo", "mbo"), ("roc", "mbo"), ("isk", "internationale schakelklas"),
    ("hij staat nergens ingeschreven", "geen school"), ("pizza", "onbekend"),
])
def test_school_type(text, expected):
    result = run(F.SCHOOLTYPE, text)
    assert (result.value if result.ok else result.error) == expected


# --- since when at home ------------------------------------------------------------------

@pytest.mark.parametrize("text, datum, about", [
    ("al 6 weken", "2026-10-13", True), ("zes weken", "2026-10-13", True), ("6 wk", "2026-10-13", True),
    ("drie maanden", "2026-08-26", True), ("een half jaar", "2026-05-26", True), ("anderhalf jaar", "2025-05-25", True),
    ("sinds 2 september", "2026-09-02", False), ("2 sept", "2026-09-02", False), ("2-9", "2026-09-02", False),
    ("02/09/2026", "2026-09-02", False), ("25 december", "2025-12-25", False), ("1 januari 2026", "2026-01-01", False),
    ("vorige week", "2026-11-17", True), ("gisteren", "2026-11-23", False), ("sinds september", "2026-09-01", True),
    ("sinds setember", "2026-09-01", True), ("een paar weken", "2026-11-03", True), ("ruim een maand", "2026-10-25", True),
])
def test_since_with_date(text, datum, about):
    result = run(F.THUIS_SINDS, text)
    assert result.ok, result
    assert result.value["datum"] == datum and result.value["ongeveer"] is about
    assert result.value["tekst"] == text


@pytest.mark.parametrize("text", [
    "sinds de zomervakantie", "na de herfstvakantie", "begin van het schooljaar", "al heel lang",
    "sinds de brugklas", "sinds 2024", "het hele schooljaar al",
])
def test_since_kept_as_text_without_date(text):
    result = run(F.THUIS_SINDS, text)
    assert result.ok and result.value["datum"] is None and result.value["tekst"] == text


@pytest.mark.parametrize("text, error", [
    ("blabla", "onbekend"), ("", "onbekend"), ("1-1-2030", "toekomst"), ("sinds 2031", "toekomst"),
    ("40 jaar", "te_lang"), ("sinds 1990", "te_lang"), ("31-2", "onbekend"), ("🙈", "onbekend"),
])
def test_since_refused(text, error):
    assert run(F.THUIS_SINDS, text).error == error


def test_since_strips_html_from_the_kept_text():
    result = run(F.THUIS_SINDS, "<b>al 6 weken</b>")
    assert result.value["tekst"] == "al 6 weken"


# --- what has been tried ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("school", ["school"]), ("school en leerplicht", ["school", "leerplicht"]), ("de mentor", ["school"]),
    ("leerplichtambtenaar", ["leerplicht"]), ("swv", ["samenwerkingsverband"]),
    ("onderwijsconsulent", ["onderwijsconsulent"]), ("wijkteam", ["jeugdhulp"]), ("cjg en ggz", ["jeugdhulp"]),
    ("nog niets", ["nog niets"]), ("niks", ["nog niets"]), ("nix", ["nog niets"]), ("geen", ["nog niets"]),
    ("we hebben nog niets gedaan", ["nog niets"]), ("school wel, leerplicht niet", ["school"]),
    ("niet bij de leerplicht, wel school", ["school"]), ("leerpicht", ["leerplicht"]),
    ("school, leerplicht, samenwerkingsverband, onderwijsconsulent en jeugdzorg",
     ["school", "leerplicht", "samenwerkingsverband", "onderwijsconsulent", "jeugdhulp"]),
])
def test_tried(text, expected):
    assert run(F.GEPROBEERD, text).value == expected


@pytest.mark.parametrize("text", ["pizza", "", "???", "x" * 5000])
def test_tried_not_understood(text):
    assert run(F.GEPROBEERD, text).error == "onbekend"


# --- the help wanted ---------------------------------------------------------------------

def test_help_text_kept_as_plain_text():
    result = run(F.HULPVRAAG, "  Hij zit al weken thuis 😢\n\nWe willen   een plek.  ")
    assert result.value == "Hij zit al weken thuis 😢\n\nWe willen een plek."


@pytest.mark.parametrize("text, kept", [
    ("<script>alert('x')</script>Hij wil terug naar school", "Hij wil terug naar school"),
    ("<b>Hulp</b> graag bij een nieuwe school", "Hulp graag bij een nieuwe school"),
    ("Hij zit thuis\x00\x07 en wil terug", "Hij zit thuis en wil terug"),
    ("'; DROP TABLE hulpvragen; -- we willen hulp", "'; DROP TABLE hulpvragen; -- we willen hulp"),
    ("Robert'); DELETE FROM x WHERE 1=1; graag hulp", "Robert'); DELETE FROM x WHERE 1=1; graag hulp"),
    ("Wij willen een gesprek met school 👍🏽", "Wij willen een gesprek met school 👍🏽"),
    ("a < b maar hij wil naar school", "a < b maar hij wil naar school"),
])
def test_help_text_hostile_input_is_made_harmless(text, kept):
    assert run(F.HULPVRAAG, text).value == kept


@pytest.mark.parametrize("text", ["", "ja", "🙂🙂🙂", "<script>alert(1)</script>", "12345", "ok", "   \n  "])
def test_help_text_too_short(text):
    assert run(F.HULPVRAAG, text).error == "te_kort"


def test_help_text_too_long_is_refused_not_cut():
    result = run(F.HULPVRAAG, "Hij wil naar school. " * 250)
    assert result.error == "te_lang" and result.params["max"] == MAX_HULPVRAAG


def test_help_text_at_the_limit_is_accepted():
    text = ("a" * 9 + " ") * 100
    assert len(text.strip()) <= MAX_HULPVRAAG and run(F.HULPVRAAG, text).ok


@pytest.mark.parametrize("text", [
    "My son has not been to school for six weeks and we need help",
    "Mi hijo no va a la escuela desde hace seis semanas, necesito ayuda",
    "Мой сын не ходит в школу уже шесть недель",
    "ابني لا يذهب إلى المدرسة منذ ستة أسابيع",
])
def test_help_text_in_another_language_is_accepted_with_a_note(text):
    result = run(F.HULPVRAAG, text)
    assert result.ok and result.note == "info_andere_taal"


def test_dutch_help_text_has_no_note():
    assert run(F.HULPVRAAG, "Mijn zoon wil niet meer naar school, wij willen hulp").note is None


# --- contact -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, phone, email", [
    ("0612345678", "+31612345678", None), ("06-12345678", "+31612345678", None),
    ("06 1234 5678", "+31612345678", None), ("+31 6 12345678", "+31612345678", None),
    ("+31612345678", "+31612345678", None), ("0031612345678", "+31612345678", None),
    ("020-1234567", "+31201234567", None), ("(020) 123 45 67", "+31201234567", None),
    ("bel me op 06 12 34 56 78", "+31612345678", None), ("+32 470 12 34 56", "+32470123456", None),
    ("nul zes een twee drie vier vijf zes zeven acht", "+31612345678", None),
    ("jan@example.nl", None, "jan@example.nl"), ("Jan.de.Vries@Example.NL", None, "Jan.de.Vries@example.nl"),
    ("mail: ouder+school@voorbeeld.nl.", None, "ouder+school@voorbeeld.nl"),
    ("jan apenstaartje example.nl", None, "jan@example.nl"),
    ("06-12345678 of jan@example.nl", "+31612345678", "jan@example.nl"),
    ("mail jan@example.nl, bellen kan ook: 0201234567", "+31201234567", "jan@example.nl"),
])
def test_contact_understood(text, phone, email):
    result = run(F.CONTACT, text)
    assert result.ok, result
    assert result.value == {"telefoon": phone, "email": email}


@pytest.mark.parametrize("text, error", [
    ("06123", "telefoon"), ("0612345", "telefoon"), ("06-1234567890123", "telefoon"), ("12345678", "telefoon"),
    ("0900-1234567", "telefoon"), ("jan@", "email"), ("jan@example", "email"), ("jan@@example.nl", "email"),
    ("@example.nl", "email"), ("jan example.nl", "onbekend"), ("bel me maar", "onbekend"), ("", "onbekend"),
    ("<script>alert(1)</script>", "onbekend"), ("🙂", "onbekend"),
])
def test_contact_refused(text, error):
    assert run(F.CONTACT, text).error == error


# --- preferred time ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ochtend", "ochtend"), ("'s ochtends", "ochtend"), ("s avonds", "avond"), ("middag", "middag"),
    ("na schooltijd", "middag"), ("maakt niet uit", "maakt niet uit"), ("maakt nie uit", "maakt niet uit"),
    ("ochtend of middag", "ochtend of middag"), ("avnd", "avond"), ("overdag", "maakt niet uit"),
])
def test_preferred_time(text, expected):
    assert run(F.VOORKEURSTIJD, text).value == expected


@pytest.mark.parametrize("text", ["dinsdag", "", "🕐", "x" * 3000])
def test_preferred_time_not_understood(text):
    assert run(F.VOORKEURSTIJD, text).error == "onbekend"


# --- consent and confirmation ---------------------------------------------------------------

@pytest.mark.parametrize("slot", [F.TOESTEMMING, F.BEVESTIGD])
@pytest.mark.parametrize("text, value, error", [
    ("ja", True, None), ("ja hoor", True, None), ("jep", True, None), ("yes", True, None),
    ("nee", None, "nee"), ("nope", None, "nee"), ("misschien", None, "onbekend"),
])
def test_yes_only_fills_consent(slot, text, value, error):
    result = run(slot, text)
    assert result.value == value and result.error == error


# --- BSN and cleaning -----------------------------------------------------------------------

@pytest.mark.parametrize("digits, valid", [
    ("123456782", True), ("111222333", True), ("999996356", True), ("10000008", True), ("12345678", False),
    ("123456789", False), ("612345678", False), ("000000000", False), ("1234567", False), ("abcdefghi", False),
])
def test_elfproef(digits, valid):
    assert passes_elfproef(digits) is valid


@pytest.mark.parametrize("text, found", [
    ("123456782", True), ("bsn 123456782", True), ("mijn nummer is 123 456 782", True),
    ("1234.56.782", True), ("12-34-56-782", True), ("bsn: 123456789", True), ("burgerservicenummer 12345678", True),
    ("0612345678", False), ("+31612345678", False), ("123456789", False), ("hij is 12", False),
    ("postcode 1234 AB", False), ("", False),
])
def test_bsn_like_numbers_are_recognised(text, found):
    assert mentions_bsn(text) is found


def test_bsn_like_number_is_returned_without_separators():
    assert bsn_like_numbers("nummer 123 456 782 toch") == ["123456782"]


def test_clean_free_text_removes_script_blocks_and_controls():
    assert clean_free_text("<script>evil()</script>hoi\u200b\u202e daar") == "hoi daar"
