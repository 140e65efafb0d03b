"""Ordinary Dutch words are not places (issue 16 item 5): "maken" is not Marken, "bellen" not Beilen.
Place names that are also words are still found when the sentence says it is a place."""
import pytest

from bot.regio.dutch_words import COMMON_ZIPF, DutchWords
from bot.regio.lookup import get_index, resolve_place


@pytest.mark.parametrize("text", [
    "ik snap niet wat het samenwerkingsverband met mijn kind te maken heeft",
    "k heb pillen gespaard om er een einde aan te maken",
    "wie kan ik in mijn stad bellen", "wie kan ik bij ons in de buurt bellen", "Bellen", "Maken",
    "Helpen", "Zoeken", "Melden", "ik zit thuis en ga niet naar schoool", "dank, helder zo",
    "we hebben ons kind in maart aangemeld", "landelijke klachtencommissie",
    "welke stappen kan ik zetten", "ik denk erover om een eind aan mijn leven te maken",
    "hoe maak ik bezwaar tegen de woz waarde van mijn huis", "hee", "Hee!", "Amen",
    "we hebben een houten vloer", "dat kan leiden tot ruzie", "mevrouw de Vries belde",
    "ze miste de bus", "de school opende de deur",
])
def test_ordinary_words_are_not_places(text):
    r = resolve_place(text)
    assert r.status == "onbekend", (text, r)


@pytest.mark.parametrize("text,gm", [
    ("ik woon in Zetten", "GM1734"), ("wij wonen in zetten", "GM1734"), ("Zetten", "GM1734"),
    ("we wonen in Houten", "GM0321"), ("Houten", "GM0321"), ("leerplicht Leiden", "GM0546"),
    ("wie kan ik bellen in leiden", "GM0546"), ("ik woon in Hee", "GM0093"),
    ("we wonen in Vries", "GM1730"), ("Hoorn", "GM0405"), ("we wonen in Kampen", "GM0166"),
    ("Zwole", "GM0193"), ("ik woon in Amstrdam", "GM0363"), ("Leeuwaarden", "GM0080"),
])
def test_places_that_are_words_or_typos_still_found(text, gm):
    r = resolve_place(text)
    assert (r.status, r.gm_code) == ("gevonden", gm), (text, r)


def test_hee_alone_is_a_place_when_the_bot_asked_for_it():
    assert resolve_place("hee", expecting_place=True).gm_code == "GM0093"


def test_word_frequencies_come_from_wordfreq():
    words = get_index().words
    assert words.source.startswith("wordfreq")
    assert words.zipf("maken") >= 6 > words.zipf("bellen") >= COMMON_ZIPF
    assert words.zipf("amstrdam") == 0.0
    assert words.zipf("oude school") >= COMMON_ZIPF  # a phrase: as rare as wordfreq combines it
    assert words.typo_of("schoool", 1)[0] == "school"
    assert words.typo_of("zwole", 1)[0] != "zwolse"  # words made of place names are left out


def test_committed_fallback_without_wordfreq(monkeypatch):
    """Without wordfreq the words seen taken for places ([geen_tikfout]) are still never typos."""
    idx = get_index()
    empty = DutchWords.__new__(DutchWords)
    empty.zipf_of, empty.source, empty.common_buckets, empty.common_zipf = {}, "none", {}, {}
    monkeypatch.setattr(idx, "words", empty)
    for text in ["Bellen", "Maken", "wie kan ik in mijn stad bellen"]:
        assert resolve_place(text).status == "onbekend", text
    assert resolve_place("Amstrdam").gm_code == "GM0363"


@pytest.mark.parametrize("text,vraag,gm", [
    ("ik woon in nimwegen", "Bedoelt u de gemeente Nijmegen?", "GM0268"),
    ("we wonen in builenpest", "Bedoelt u Buitenpost, gemeente Achtkarspelen?", "GM0059"),
    ("Kerkraad", "Bedoelt u de gemeente Kerkrade?", "GM0928"),
])
def test_uncertain_typo_is_a_suggestion(text, vraag, gm):
    """A typo that is a rare word of its own (wordfreq Zipf 2-3) is asked, not asserted."""
    r = resolve_place(text)
    assert (r.status, r.voorstel, r.vraag) == ("dubbelzinnig", True, vraag), r
    assert [c.gm_code for c in r.candidates] == [gm]
