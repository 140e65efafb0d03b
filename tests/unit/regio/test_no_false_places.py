"""Zero false places: the region lookup finds no place in any user sentence of data/ and tests/ that
names none (issue 16 item 5; before wordfreq guarded the typo match: 85 of 3942).

Which sentences name a place: tests/support/place_sentences.py (a ``plaats`` or ``postcode`` entity
annotation, or the reviewed allow-list tests/fixtures/regio/sentences_with_place.txt)."""
from bot.regio.lookup import ONBEKEND, resolve_place
from tests.support.place_sentences import allow_list, sentences

SENTENCES = sentences()
# Annotated sentences the lookup does not find (pc4 after "in"/"bij" without the word postcode,
# "utreg", "dordt", "regio Twente", "vlakbij Ede", ...): a ceiling, so that recall never drops.
MAX_MISSED = 19


def test_corpus_is_complete():
    sources = {s.source.split("/")[0] + "/" + s.source.split("/")[1] for s in SENTENCES}
    assert {"data/nlu", "tests/nlu_testset", "tests/nlu_probe", "tests/test_stories"} <= sources
    assert len(SENTENCES) > 4000
    assert sum(s.names_place for s in SENTENCES) > 400


def test_no_place_in_sentences_that_name_none():
    false = []
    for s in SENTENCES:
        if s.names_place:
            continue
        r = resolve_place(s.text)
        if r.status != ONBEKEND:
            false.append(f"{s.source}: {s.text!r} -> {r.status} {r.match} {r.matched_text!r}")
    assert false == []


def test_named_places_are_still_found():
    missed = [s.text for s in SENTENCES if s.names_place and resolve_place(s.text).status == ONBEKEND]
    assert len(missed) <= MAX_MISSED, missed


def test_allow_list_is_small_and_every_line_is_a_sentence_of_the_corpus():
    allowed = allow_list()
    assert len(allowed) <= 20
    texts = {s.text for s in SENTENCES}
    assert sorted(allowed - texts) == []
