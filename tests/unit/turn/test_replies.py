"""bot.turn.replies: variants, source line, buttons."""
from datetime import date

from bot.content.loader import Answer, Source
from bot.turn.replies import choose_variant, dutch_date, render_answer

ANSWER = Answer(id="vraag_x", soort="feit", knop="X", gecontroleerd=date(2026, 11, 24),
                bronnen=(Source("Bron A", "https://a.example"), Source("Bron B", "https://b.example"),
                         Source("Bron C", "https://c.example")),
                tekst={"ouder": "Tekst u.", "jongere": "Tekst je.", "spraak": "Tekst spraak."},
                vervolg=("vraag_y", "vraag_onbekend"))


def titles(answer_id):
    return {"vraag_y": "Y"}.get(answer_id)


def test_variant_choice():
    assert choose_variant(None, False) == "ouder"
    assert choose_variant("jongere", False) == "jongere"
    assert choose_variant("jongere", True) == "spraak"


def test_dutch_date():
    assert dutch_date(date(2026, 3, 1)) == "1 maart 2026"


def test_chat_answer_names_two_sources_and_check_date_and_skips_unknown_buttons():
    reply = render_answer(ANSWER, "ouder", titles)
    assert reply.text == "Tekst u.\n\nBron: Bron A; Bron B. Gecontroleerd op 24 november 2026."
    assert [(b.title, b.payload) for b in reply.buttons] == [("Y", "/vraag_y")]


def test_voice_answer_is_plain():
    reply = render_answer(ANSWER, "spraak", titles)
    assert reply.text == "Tekst spraak." and reply.buttons == ()
