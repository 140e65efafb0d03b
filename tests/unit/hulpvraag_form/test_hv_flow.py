"""Whole-form walks through flow.required_fields / ask / validate with a simulated slot dict,
as the Rasa form would drive them."""
from datetime import date

import pytest

from bot.content.check import voice_problems
from bot.hulpvraag_form import fields as F
from bot.hulpvraag_form import flow
from bot.hulpvraag_form.flow import FormContext

TODAY = date(2026, 11, 24)


def make_ctx(audience="ouder", voice=False, gemeente=None):
    code, name = gemeente or (None, None)
    return FormContext(audience=audience, voice=voice, gemeente_code=code, gemeente_naam=name,
                       contactpunt_naam="Leerplicht Zaanstad", today=TODAY)


class Walk:
    """Answers the form's questions one by one and records what the bot said."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.slots = {}
        self.transcript = []  # (field, bot texts, buttons) per step

    @property
    def next_field(self):
        remaining = flow.required_fields(self.slots, self.ctx)
        return remaining[0] if remaining else None

    def asked(self):
        replies = flow.ask(self.next_field, self.slots, self.ctx)
        return "\n".join(r.text for r in replies), [b for r in replies for b in r.buttons]

    def answer(self, text, expect_field=None):
        field = self.next_field
        assert field is not None, "the form is already done"
        if expect_field:
            assert field == expect_field, f"asked {field}, expected {expect_field}"
        question, buttons = self.asked()
        outcome = flow.validate(field, text, [], self.slots, self.ctx)
        self.slots.update(outcome.updates)
        said = "\n".join(r.text for r in outcome.replies)
        self.transcript.append((field, question, buttons, said))
        return said

    def answers(self, *pairs):
        for field, text in pairs:
            self.answer(text, field)


PARENT_ANSWERS = (
    (F.ROL, "moeder"), (F.GEMEENTE, "Zaandam"), (F.LEEFTIJD, "12"), (F.SCHOOLTYPE, "vmbo"),
    (F.THUIS_SINDS, "al 6 weken"), (F.GEPROBEERD, "school en leerplicht"),
    (F.HULPVRAAG, "Hij wil wel naar school maar durft niet meer. Wij willen een gesprek."),
    (F.CONTACT, "06-12345678"), (F.VOORKEURSTIJD, "'s avonds"), (F.TOESTEMMING, "ja"),
)


def test_happy_path_parent():
    walk = Walk(make_ctx())
    first_question, buttons = walk.asked()
    assert "paar korte vragen" in first_question and "Wie bent u?" in first_question
    assert [b.payload for b in buttons] == ["ouder", "jongere", "professional"]
    walk.answers(*PARENT_ANSWERS)
    assert walk.next_field == F.BEVESTIGD
    summary, buttons = walk.asked()
    assert "Dit stuur ik naar Leerplicht Zaanstad" in summary and summary.endswith("Zal ik het versturen?")
    assert [b.payload for b in buttons] == ["ja", "nee", "stop"]
    walk.answer("ja hoor", F.BEVESTIGD)
    assert walk.next_field is None
    request = flow.request_fields(walk.slots, walk.ctx)
    assert request == {
        "rol": "ouder", "gemeente_code": "GM0479", "gemeente_naam": "Zaanstad", "leeftijd": 12,
        "schoolfase": None, "schooltype": "vmbo", "thuis_sinds": "al 6 weken (vanaf ongeveer 2026-10-13)",
        "geprobeerd": ["school", "leerplicht"],
        "hulpvraag": "Hij wil wel naar school maar durft niet meer. Wij willen een gesprek.",
        "telefoon": "+31612345678", "email": None, "voorkeurstijd": "avond", "toestemming": True,
    }
    # every question says why it asks; optional ones say they may be skipped
    for field, question, buttons, _ in walk.transcript[:9]:
        assert len(question.splitlines()) >= 2, field
        if F.is_optional(field):
            assert "overslaan" in question and "sla over" in [b.payload for b in buttons]
        else:
            assert "overslaan" not in question


def test_municipality_known_from_routing_is_not_asked():
    walk = Walk(make_ctx(gemeente=("GM0479", "Zaanstad")))
    walk.answer("ouder", F.ROL)
    assert walk.next_field == F.LEEFTIJD
    assert flow.request_fields(walk.slots, walk.ctx)["gemeente_code"] == "GM0479"


def test_young_person_under_16_is_told_a_parent_may_be_involved():
    walk = Walk(make_ctx(audience="jongere"))
    walk.answers((F.ROL, "ik ben de jongere"), (F.GEMEENTE, "Zaandam"), (F.LEEFTIJD, "ik zit in de 2e klas vmbo"))
    assert walk.next_field == F.THUIS_SINDS  # the school type came with the class
    walk.answers((F.THUIS_SINDS, "sinds de herfstvakantie"), (F.GEPROBEERD, "mentor"),
                 (F.HULPVRAAG, "ik wil weer naar school maar het lukt niet"), (F.CONTACT, "0687654321"),
                 (F.VOORKEURSTIJD, "sla over"))
    consent, _ = walk.asked()
    assert "jonger dan zestien" in consent and "ouders" in consent
    assert "Mag ik je antwoorden sturen naar Leerplicht Zaanstad?" in consent
    walk.answers((F.TOESTEMMING, "jep"), (F.BEVESTIGD, "yes"))
    done = flow.confirmation("HV-2026-0042", "Leerplicht Zaanstad", 3, walk.slots, walk.ctx)
    text = done[0].text
    assert "HV-2026-0042" in text and "Leerplicht Zaanstad" in text and "3 werkdagen" in text
    assert "jonger dan zestien" in text and "ouders" in text
    assert " je " in f" {text} " and " u " not in f" {text} "  # je-form for a young person


def test_young_person_of_17_is_not_told_about_parents():
    walk = Walk(make_ctx(audience="jongere"))
    walk.answers((F.ROL, "jongere"), (F.GEMEENTE, "Zaandam"), (F.LEEFTIJD, "17"), (F.SCHOOLTYPE, "mbo"),
                 (F.THUIS_SINDS, "2 maanden"), (F.GEPROBEERD, "niks"),
                 (F.HULPVRAAG, "ik wil een andere opleiding zoeken"), (F.CONTACT, "jongere@example.nl"),
                 (F.VOORKEURSTIJD, "middag"))
    consent, _ = walk.asked()
    assert "zestien" not in consent
    walk.answers((F.TOESTEMMING, "ja"), (F.BEVESTIGD, "ja"))
    done = flow.confirmation("HV1", "Leerplicht Zaanstad", 1, walk.slots, walk.ctx)[0].text
    assert "zestien" not in done and "1 werkdag" in done


def test_professional():
    walk = Walk(make_ctx())
    walk.answers((F.ROL, "ik werk als intern begeleider"), (F.GEMEENTE, "9712"), (F.LEEFTIJD, "groep 6"),
                 (F.THUIS_SINDS, "drie maanden"),
                 (F.GEPROBEERD, "school, leerplicht en samenwerkingsverband"),
                 (F.HULPVRAAG, "Wij zoeken samen met ouders een passende plek."),
                 (F.CONTACT, "ib@school.example.nl 020-1234567"), (F.VOORKEURSTIJD, "ochtend"),
                 (F.TOESTEMMING, "ja"), (F.BEVESTIGD, "ja"))
    request = flow.request_fields(walk.slots, walk.ctx)
    assert request["rol"] == "professional" and request["gemeente_code"] == "GM0014"
    assert request["schoolfase"] == "groep 6" and request["leeftijd"] is None
    assert request["schooltype"] == "basisschool"  # came with the school phase, not asked
    assert request["telefoon"] == "+31201234567" and request["email"] == "ib@school.example.nl"


def test_stop_midway_clears_answers_and_gives_phone_route():
    walk = Walk(make_ctx())
    walk.answers((F.ROL, "ouder"), (F.GEMEENTE, "Zaandam"))
    said = walk.answer("laat maar", F.LEEFTIJD)
    assert "0800-5010" in said and "niets doorgestuurd" in said
    assert walk.slots[F.GESTOPT] is True
    assert all(walk.slots.get(slot) is None for slot in F.ORDER)
    assert flow.required_fields(walk.slots, walk.ctx) == []


@pytest.mark.parametrize("field_answers", [1, 5, 9])
def test_stop_works_at_any_field(field_answers):
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS[:field_answers])
    walk.answer("ik wil niet meer")
    assert walk.slots[F.GESTOPT] is True


def test_stop_on_the_phone_is_voice_safe():
    walk = Walk(make_ctx(voice=True))
    said = walk.answer("hou op")
    assert "0 8 0 0, 5 0 1 0" in said and voice_problems(said) == []


def test_correction_from_the_summary_with_a_new_value():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS)
    walk.answer("nee hij is 13", F.BEVESTIGD)
    assert walk.slots[F.LEEFTIJD]["leeftijd"] == 13
    summary, _ = walk.asked()
    assert "13 jaar" in summary  # straight back to the summary


def test_correction_from_the_summary_asks_the_field_again():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS)
    said = walk.answer("het telefoonnummer klopt niet", F.BEVESTIGD)
    assert "nog een keer" in said
    assert walk.next_field == F.CONTACT
    walk.answer("06 11111111 en jan@example.nl", F.CONTACT)
    assert walk.next_field == F.BEVESTIGD  # consent stays given; the summary comes back
    summary, _ = walk.asked()
    assert "06 11111111" in summary and "jan@example.nl" in summary
    walk.answer("ja")
    assert flow.request_fields(walk.slots, walk.ctx)["telefoon"] == "+31611111111"


def test_plain_no_on_the_summary_asks_what_to_change():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS)
    walk.answer("nee", F.BEVESTIGD)
    question, buttons = walk.asked()
    assert "Wat wilt u aanpassen?" in question
    assert "verander gemeente" in [b.payload for b in buttons]
    walk.answer("verander gemeente", F.BEVESTIGD)
    assert walk.next_field == F.GEMEENTE
    walk.answer("Haarlem")
    assert flow.request_fields(walk.slots, walk.ctx)["gemeente_naam"] == "Haarlem"
    assert walk.next_field == F.BEVESTIGD


def test_municipality_known_from_routing_can_still_be_corrected():
    walk = Walk(make_ctx(gemeente=("GM0479", "Zaanstad")))
    walk.answers(*[pair for pair in PARENT_ANSWERS if pair[0] != F.GEMEENTE])
    walk.answer("de gemeente klopt niet", F.BEVESTIGD)
    assert walk.next_field == F.GEMEENTE
    walk.answer("Haarlem")
    assert flow.request_fields(walk.slots, walk.ctx)["gemeente_code"] == "GM0392"


def test_two_invalid_answers_then_skip():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS[:4])
    first = walk.answer("blabla", F.THUIS_SINDS)
    assert "al zes weken" in first
    question, buttons = walk.asked()
    assert question.startswith("Hoe lang zit het kind al thuis?") and "waarom" not in question.lower()
    second = walk.answer("pfff geen flauw benul joh", F.THUIS_SINDS)
    assert "schatting" in second and "overslaan" in second and "stopt" in second
    _, buttons = walk.asked()
    assert {"sla over", "stop"} <= {b.payload for b in buttons}
    walk.answer("sla over", F.THUIS_SINDS)
    assert walk.slots[F.THUIS_SINDS] == F.SKIPPED and walk.next_field == F.GEPROBEERD
    assert flow.request_fields(walk.slots, walk.ctx)["thuis_sinds"] is None


def test_two_invalid_answers_on_a_required_field_offer_stop_not_skip():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS[:7])
    walk.answer("bel me maar", F.CONTACT)
    second = walk.answer("dat weet u toch", F.CONTACT)
    assert "0800-5010" in second and "overslaan" not in second
    said = walk.answer("sla over", F.CONTACT)
    assert "niet overslaan" in said and walk.next_field == F.CONTACT


def test_refusal_of_consent():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS[:9])
    said = walk.answer("nee", F.TOESTEMMING)
    assert "Zonder uw toestemming" in said and "0800-5010" in said
    assert walk.next_field == F.TOESTEMMING
    _, buttons = walk.asked()
    assert [b.payload for b in buttons] == ["ja", "nee", "stop"]
    walk.answer("stop")
    assert walk.slots[F.GESTOPT] is True and flow.required_fields(walk.slots, walk.ctx) == []


def test_bsn_is_refused_and_not_kept():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS[:7])
    said = walk.answer("06-12345678, zijn bsn is 123456782", F.CONTACT)
    assert "BSN" in said
    assert walk.slots.get(F.CONTACT) is None
    assert "123456782" not in repr(walk.slots)


def test_contradicting_role_is_checked_once():
    walk = Walk(make_ctx(audience="jongere"))
    walk.answers((F.ROL, "jongere"), (F.GEMEENTE, "Zaandam"))
    said = walk.answer("mijn zoon is 12", F.LEEFTIJD)
    assert "Even checken" in said
    assert walk.slots[F.LEEFTIJD]["leeftijd"] == 12  # the answer itself is kept
    assert walk.next_field == F.ROL
    walk.answer("jongere", F.ROL)  # the user insists: no second check
    assert walk.next_field == F.SCHOOLTYPE
    walk.answers((F.SCHOOLTYPE, "vmbo"), (F.THUIS_SINDS, "2 weken"), (F.GEPROBEERD, "school"))
    said = walk.answer("mijn dochter wil niet meer naar school", F.HULPVRAAG)
    assert "Even checken" not in said and walk.next_field == F.CONTACT


def test_ambiguous_place_asks_which_one_with_buttons():
    walk = Walk(make_ctx())
    walk.answer("ouder")
    assert walk.answer("Bergen", F.GEMEENTE) == ""
    question, buttons = walk.asked()
    assert "Bedoelt u Bergen (Noord-Holland) of Bergen (Limburg)?" in question
    walk.answer(buttons[0].payload, F.GEMEENTE)
    assert walk.slots[F.GEMEENTE]["code"] == buttons[0].payload and walk.next_field == F.LEEFTIJD


def test_help_text_in_english_is_kept_with_a_dutch_note():
    walk = Walk(make_ctx())
    walk.answers(*PARENT_ANSWERS[:6])
    said = walk.answer("My son has not been to school for six weeks and we need help", F.HULPVRAAG)
    assert "Nederlands" in said and walk.next_field == F.CONTACT


def test_hostile_answers_never_crash():
    walk = Walk(make_ctx())
    hostile = ["x" * 50000, "<script>alert(1)</script>", "\x00\x01\x02", "'; DROP TABLE hv;--", "🙂" * 500,
               "{contactpunt}{0}{!r}", "%s%s%n", None]
    for field in F.ORDER:
        for text in hostile:
            outcome = flow.validate(field, text, [], {}, walk.ctx)
            assert isinstance(outcome.updates, dict) and isinstance(outcome.replies, list)
            for r in outcome.replies:
                assert "{" not in r.text or "{contactpunt}" not in r.text


def test_every_question_on_the_phone_is_voice_safe_and_has_no_buttons():
    ctx = make_ctx(voice=True)
    filled = {F.ROL: "ouder", F.HULPVRAAG: "Hij wil naar school.",
              F.CONTACT: {"telefoon": "+31612345678", "email": None}}
    for field in F.ORDER:
        for r in flow.ask(field, filled, ctx):
            assert r.buttons == () and voice_problems(r.text) == [], (field, r.text)
            assert r.text.rstrip().endswith("?"), field


def test_storage_failed_and_withdrawn_messages():
    ctx = make_ctx()
    assert "0800-5010" in flow.storage_failed(ctx)[0].text
    assert "HV-7" in flow.withdrawn("ingetrokken", "HV-7", ctx)[0].text
    assert "al gekregen" in flow.withdrawn("al_verwerkt", "HV-7", ctx)[0].text
    assert "<script>" not in flow.withdrawn("niet_gevonden", "<script>HV</script>", ctx)[0].text
    assert "niet gelukt" in flow.withdrawn("iets raars", "HV-7", ctx)[0].text
    spoken = flow.confirmation("HV-2026-0042", "Leerplicht Zaanstad", 3, {F.ROL: "ouder"}, make_ctx(voice=True))
    assert voice_problems(spoken[0].text) == [] and "drie werkdagen" in spoken[0].text
