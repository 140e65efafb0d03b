"""Rules as data (sources, check dates, no numbers in code), date arithmetic, the situation's JSON
form, and which question is asked next."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.content.readability import avg_sentence_length, flesch_douma
from bot.stappenplan import Situation, extract_situation, missing_question
from bot.stappenplan.rules import add_school_days, load_rules, school_days_between
from bot.stappenplan.situation import DateFact

TODAY = date(2026, 11, 24)
REPO = Path(__file__).resolve().parents[3]
CONTENT = REPO / "content" / "stappenplan"
FEITEN_URLS = None


def test_every_rule_has_a_source_and_a_check_date():
    rules = load_rules()
    assert rules.gecontroleerd <= date.today()
    for period in rules.periods.values():
        assert period.bronnen, period.id
        assert all(s.url.startswith("https://") for s in period.bronnen)
    for step in rules.ladder:
        assert step.bronnen, step.id


def test_rule_numbers_match_the_issue():
    rules = load_rules()
    expected = {"besluit": (6, "weken"), "verlenging": (4, "weken"), "tijdelijke_plaatsing": (10, "weken"),
                "schorsing_max": (5, "schooldagen"), "langdurig_verzuim": (4, "weken"),
                "onderwijsconsulent_criterium": (4, "weken"), "pact_doel": (3, "maanden"),
                "geschillencommissie_indienen": (6, "weken"), "tlv_bezwaar": (6, "weken")}
    for name, (n, unit) in expected.items():
        assert (rules.period(name).aantal, rules.period(name).eenheid) == (n, unit), name
    assert rules.period("verlenging").max_keer == 1
    assert rules.ladder_ids()[0] == "school" and rules.ladder_ids()[-1] == "kinderombudsman"


def test_no_rule_numbers_in_code():
    for path in (REPO / "bot" / "stappenplan").glob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"weeks\s*=\s*\d|timedelta\(days=(?:42|28|70)\)", code), path.name


def test_sources_in_content_come_from_feiten():
    feiten = (REPO.parent / "shared" / "kennis" / "feiten.md")
    if not feiten.exists():
        pytest.skip("feiten.md not available in this checkout")
    text = feiten.read_text(encoding="utf-8")
    raw = yaml.safe_load((CONTENT / "regels.yml").read_text(encoding="utf-8"))
    for key, source in raw["bronnen"].items():
        host = re.sub(r"^https?://(www\.)?", "", source["url"]).split("/")[0]
        # feiten.md names the PO-Raad page without its address ("PO-Raad, Thuiszitterspact page")
        assert host in text or (key == "poraad_pact" and "PO-Raad, Thuiszitterspact page" in text), (key, host)


def test_school_days_skip_weekends():
    assert add_school_days(date(2026, 11, 9), 5) == date(2026, 11, 13)    # Monday -> Friday
    assert add_school_days(date(2026, 11, 12), 5) == date(2026, 11, 18)   # Thursday -> next Wednesday
    assert add_school_days(date(2026, 11, 14), 5) == date(2026, 11, 20)   # Saturday start
    assert school_days_between(date(2026, 11, 9), date(2026, 11, 24)) == 12


def test_calendar_periods_do_not_skip_holidays():
    rules = load_rules()
    # an application on 19 December: 6 calendar weeks, Christmas holiday included
    assert rules.period("besluit").add_to(date(2026, 12, 19)) == date(2027, 1, 30)
    assert rules.period("pact_doel").add_to(date(2026, 11, 30)) == date(2027, 2, 28)


def test_situation_json_round_trip():
    s = extract_situation("hij zit sinds 2 september thuis, op 15 september per mail aangemeld, leerplicht gebeld. "
                          "Hij is 12 en zit in groep 8.", TODAY)
    data = json.loads(json.dumps(s.to_dict()))
    assert Situation.from_dict(data) == s


@pytest.mark.parametrize("bad", [None, [], "x", {"thuis_sinds": "gisteren"}, {"leeftijd": "12"},
                                 {"leeftijd": 300}, {"stappen": {"hack": True, "school": "ja"}},
                                 {"besluit": "misschien"}, {"thuis_sinds": {"datum": "2026-13-45"}}])
def test_from_dict_never_raises(bad):
    s = Situation.from_dict(bad)
    assert isinstance(s, Situation)
    assert s.leeftijd is None and not s.stappen and s.thuis_sinds is None and s.besluit is None


def test_from_dict_unknown_precision_becomes_estimate():
    s = Situation.from_dict({"thuis_sinds": {"datum": "2026-09-02", "precisie": "raar"}})
    assert s.thuis_sinds == DateFact(date(2026, 9, 2), "ongeveer", "")


QUESTIONS = [
    ("mijn zoon zit thuis", "thuis_sinds"),
    ("sinds 2 september thuis", "stappen"),
    ("sinds 2 september thuis, met school gepraat", "ingeschreven"),
    ("sinds 2 september thuis, hij staat nergens ingeschreven", "aangemeld"),
    ("sinds 2 september thuis, we hebben hem aangemeld bij een nieuwe school", "schriftelijk"),
    ("sinds 2 september thuis, we hebben hem per mail aangemeld, nog geen besluit", "aangemeld_op"),
    ("sinds 2 september thuis, hij is van school gestuurd", "verwijderd_op"),
    ("sinds 2 september thuis, hij is geschorst", "schorsing_sinds"),
    ("sinds 2 september thuis, we zitten bij de geschillencommissie", "geschil_ingediend_op"),
    ("sinds 2 september thuis, in de herfstvakantie per mail aangemeld, nog geen besluit, met school gepraat",
     "aangemeld_op"),
    ("sinds 2 september thuis, hij staat nog ingeschreven, met school gepraat", "leeftijd"),
]


@pytest.mark.parametrize("text,field", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_next_question(text, field):
    question = missing_question(extract_situation(text, TODAY), "ouder", TODAY)
    assert question is not None and question.veld == field
    assert question.tekst.strip()


def test_no_question_when_complete_or_in_danger():
    complete = extract_situation("hij is 12, zit sinds 2 september thuis, staat nog ingeschreven, met school gepraat",
                                 TODAY)
    assert missing_question(complete, "ouder", TODAY) is None
    assert missing_question(extract_situation("ik wil niet meer leven", TODAY), "jongere", TODAY) is None


def test_question_variants():
    s = extract_situation("hij staat nergens ingeschreven, sinds 2 september thuis", TODAY)
    parent, youth, voice = (missing_question(s, v, TODAY) for v in ("ouder", "jongere", "spraak"))
    assert " u " in f" {parent.tekst} " and "je" in youth.tekst.split()
    assert parent.opties
    # on the phone the options are the spoken choices (issue 19: "Zeg: ja, of: nee.")
    assert [o.titel for o in voice.opties] == ["ja", "nee"]
    assert voice.tekst.rstrip().endswith("?")


@pytest.mark.parametrize("field", ["aangemeld", "schriftelijk", "ingeschreven"])
def test_spoken_choices_are_understood_by_the_extractor(field):
    from bot.stappenplan.questions import _question
    base = extract_situation("hij zit sinds 2 september thuis, we hebben met school gepraat", TODAY)
    question = _question(field, "spraak", "")
    assert [o.titel for o in question.opties] == ["ja", "nee"]
    answers = [getattr(extract_situation(o.tekst, TODAY, base, expecting=field), field) for o in question.opties]
    assert answers == [True, False]


def test_question_options_are_understood_by_the_extractor():
    s = extract_situation("hij staat nergens ingeschreven, sinds 2 september thuis", TODAY)
    question = missing_question(s, "ouder", TODAY)
    for option in question.opties:
        answered = extract_situation(option.tekst, TODAY, s, expecting=question.veld)
        assert answered.aangemeld is not None, option


def test_step_texts_are_plain_dutch():
    steps = yaml.safe_load((CONTENT / "stappen.yml").read_text(encoding="utf-8"))["stappen"]
    for step_id, entry in steps.items():
        for variant, minimum in (("ouder", 65), ("jongere", 70), ("spraak", 65)):
            text = " ".join(str(entry[k][variant]) for k in ("titel", "zeggen", "niet_gelukt"))
            assert flesch_douma(text) >= minimum, (step_id, variant)
            assert avg_sentence_length(text) <= 15, (step_id, variant)
            if variant == "spraak":
                assert not re.search(r"https?:|www\.|\.nl\b|@|\d{4,}|\d-\d|[*_#\[\]`]", text), (step_id, text)


def test_youth_texts_use_je_form():
    steps = yaml.safe_load((CONTENT / "stappen.yml").read_text(encoding="utf-8"))["stappen"]
    for step_id, entry in steps.items():
        text = " ".join(str(entry[k]["jongere"]) for k in ("titel", "zeggen", "niet_gelukt"))
        text = re.sub(r'"[^"]*"', "", text)  # what the young person says to an adult may use u
        assert not re.search(r"\b(u|uw)\b", text), step_id


def test_every_combination_renders_without_crashing():
    from itertools import product

    from bot.stappenplan import build_plan, render_plan
    from bot.stappenplan.situation import EXACT

    start = DateFact(date(2026, 9, 1), EXACT, "1 september")
    count = 0
    for ages, written, geschorst, vrij, steps, safety in product(
            (None, 4, 12, 19), (None, True, False), (None, True), (None, True),
            ({}, {"school": True}, {"geschillencommissie": True, "kinderombudsman": True}), (None, "zelfdoding")):
        s = Situation(thuis_sinds=start, aangemeld=written is not None, schriftelijk=written,
                      aangemeld_op=start if written else None, geschorst=geschorst,
                      schorsing_sinds=start if geschorst else None, vrijstelling=vrij, leeftijd=ages,
                      stappen=steps, veiligheid=safety)
        plan = build_plan(s, TODAY)
        for variant in ("ouder", "jongere", "spraak"):
            assert render_plan(plan, variant).strip()
        count += 1
    assert count == 4 * 3 * 2 * 2 * 3 * 2
