"""The fact table (issue 17): the key numbers and dates, checked across every variant.

One row per fact from ../shared/kennis/feiten.md (corrected 2026-12-06): which answer states it and how
it must read in the parent (ouder), young person (jongere) and voice (spraak) variant. The texts are
read as the user gets them (contact keys filled in from content/regio/landelijk.yml). A variant that
leaves a fact out is named explicitly with ``None``; any other wording of a number fails.

The step plan's rules (content/stappenplan/regels.yml) and the national contact file are checked
against the same facts, so a number cannot drift in one place only.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from bot.content.loader import ContentLibrary
from bot.turn.replies import render_answer
from bot.stappenplan import build_plan, extract_situation, plan_summary_for_request, render_plan
from bot.stappenplan.rules import load_rules

REPO = Path(__file__).resolve().parents[3]
LIBRARY = ContentLibrary(REPO / "content" / "antwoorden")
TODAY = dt.date(2026, 11, 24)

# (answer, fact, {variant: text that must be in it, or None where the variant leaves it out})
FACTS = [
    # contact details (landelijk.yml): the same number in every variant
    ("mens_spreken", "Ouders & Onderwijs", {"ouder": "0800-5010", "jongere": "0800-5010", "spraak": "0 8 0 0, 5 0 1 0"}),
    ("vraag_ouders_onderwijs", "Ouders & Onderwijs", {"ouder": "0800-5010", "jongere": "0800-5010", "spraak": "0 8 0 0, 5 0 1 0"}),
    ("mens_spreken", "e-mail Ouders & Onderwijs", {"ouder": "vraag@oudersonderwijs.nl", "jongere": None, "spraak": None}),
    ("veiligheid", "112", {"ouder": "Bel dan 112.", "jongere": "Bel 112.", "spraak": "bel dan 1 1 2."}),
    ("veiligheid", "Veilig Thuis", {"ouder": "0800-2000", "jongere": "0800-2000", "spraak": "0 8 0 0, 2 0 0 0"}),
    ("veiligheid", "113 gratis", {"ouder": "Bel gratis 113 of 0800-0113, dag en nacht", "jongere": "Bel gratis 113 of 0800-0113, dag en nacht",
                                  "spraak": "gratis 1 1 3, of 0 8 0 0, 0 1 1 3"}),
    ("veiligheid", "Kindertelefoon 8-18", {"ouder": "8 tot 18 jaar kunnen De Kindertelefoon bellen: 0800-0432",
                                           "jongere": "Ben je 8 tot 18 jaar? Bel of chat met De Kindertelefoon: 0800-0432",
                                           "spraak": "acht tot achttien jaar kunnen De Kindertelefoon bellen, op 0 8 0 0, 0 4 3 2"}),
    ("vraag_inspectie", "Inspectie loket", {"ouder": "088-669 60 60", "jongere": "088-669 60 60", "spraak": "0 8 8, 6 6 9, 6 0, 6 0"}),
    ("vraag_inspectie", "vertrouwensinspecteur", {"ouder": "0900-111 3 111", "jongere": "0900-111 3 111", "spraak": "0 9 0 0, 1 1 1, 3, 1 1 1"}),
    ("vraag_onderwijsconsulent", "Onderwijsconsulenten", {"ouder": "070-312 28 87", "jongere": "070-312 28 87", "spraak": "0 7 0, 3 1 2, 2 8, 8 7"}),
    ("vraag_kinderombudsman", "Kinderombudsman site", {"ouder": "kinderombudsman.nl", "jongere": "kinderombudsman.nl",
                                                       "spraak": "website van de Kinderombudsman"}),
    # application and zorgplicht (feiten.md §2)
    ("vraag_aanmelden", "besluit binnen 6 weken", {"ouder": "binnen 6 weken", "jongere": "binnen 6 weken", "spraak": "binnen zes weken"}),
    ("vraag_aanmelden", "één keer 4 weken langer", {"ouder": "één keer 4 weken langer", "jongere": "4 weken langer", "spraak": "één keer vier weken langer"}),
    ("vraag_aanmelden", "tijdelijke plek na 10 weken", {"ouder": "na 10 weken", "jongere": "na 10 weken", "spraak": "na tien weken"}),
    ("vraag_aanmelden", "10 weken vooraf", {"ouder": "10 weken voor", "jongere": None, "spraak": "tien weken voor"}),
    ("vraag_aanmelden", "schriftelijk", {"ouder": "schriftelijk", "jongere": "schriftelijk", "spraak": "schriftelijk"}),
    ("vraag_aanmelden", "school van eerste keus", {"ouder": "school van uw eerste keus de zorgplicht", "jongere": None,
                                                  "spraak": "school van uw eerste keus de zorgplicht"}),
    ("vraag_aanmelden", "volle school", {"ouder": "is de school vol? Dan geldt de zorgplicht niet", "jongere": None,
                                        "spraak": "als de school vol is, geldt de zorgplicht niet"}),
    ("vraag_passend_onderwijs", "zorgplicht sinds 2014", {"ouder": "Sinds 1 augustus 2014", "jongere": None, "spraak": "augustus tweeduizend veertien"}),
    ("vraag_passend_onderwijs", "zorgplicht bij extra ondersteuning", {"ouder": "Die geldt voor kinderen die extra ondersteuning nodig hebben",
                                                                      "jongere": "Heb je extra hulp nodig? Dan moet je school",
                                                                      "spraak": "Die geldt voor kinderen die extra ondersteuning nodig hebben"}),
    ("vraag_passend_onderwijs", "school van eerste keus", {"ouder": "school van uw eerste keus", "jongere": None, "spraak": "school van uw eerste keus"}),
    ("vraag_passend_onderwijs", "volle school", {"ouder": "is de school vol? Dan geldt de zorgplicht niet", "jongere": "Is de school vol? Dan geldt dat niet",
                                                "spraak": "als de school vol is, geldt de zorgplicht niet"}),
    # schorsing, verwijdering, Geschillencommissie, TLV
    ("vraag_schorsing", "ten hoogste een week", {"ouder": "ten hoogste een week", "jongere": "ten hoogste een week", "spraak": "ten hoogste een week"}),
    ("vraag_schorsing", "5 schooldagen", {"ouder": "5 schooldagen", "jongere": "5 schooldagen", "spraak": "vijf schooldagen"}),
    ("vraag_geschillencommissie", "6 weken na het besluit", {"ouder": "binnen 6 weken na het besluit", "jongere": "binnen 6 weken na het besluit",
                                                            "spraak": "binnen zes weken na het besluit"}),
    ("vraag_geschillencommissie", "oordeel binnen 10 weken", {"ouder": "binnen 10 weken", "jongere": None, "spraak": "binnen tien weken"}),
    ("vraag_tlv", "bezwaar binnen 6 weken", {"ouder": "binnen 6 weken", "jongere": "binnen 6 weken", "spraak": "binnen zes weken"}),
    # laws and dates
    ("vraag_meepraten", "hoorrecht sinds 1 augustus 2025", {"ouder": "sinds 1 augustus 2025", "jongere": "sinds 1 augustus 2025",
                                                           "spraak": "sinds augustus tweeduizend vijfentwintig"}),
    ("vraag_meepraten", "instemming handelingsdeel sinds 2017", {"ouder": "sinds 1 augustus 2017", "jongere": None,
                                                                "spraak": "sinds augustus tweeduizend zeventien"}),
    ("vraag_samenwerkingsverband", "steunpunt wettelijk sinds 2025", {"ouder": "sinds 1 januari 2025", "jongere": "volgens de wet",
                                                                     "spraak": "sinds januari tweeduizend vijfentwintig"}),
    ("vraag_thuiszitterspact", "pact tot 2020, geen termijn", {"ouder": "geen termijn", "jongere": "geen termijn", "spraak": "geen termijn"}),
    ("vraag_verzuim", "16 uur in 4 lesweken", {"ouder": "16 uur weg in 4 lesweken", "jongere": "16 uur weg in 4 weken",
                                              "spraak": "zestien uur weg in vier lesweken"}),
    ("vraag_thuiszitter", "langer dan 4 weken", {"ouder": "langer dan 4 weken", "jongere": "langer dan 4 weken", "spraak": "langer dan vier weken"}),
    ("vraag_leerplicht", "leerplicht tot eind schooljaar van 16", {"ouder": "eind van het schooljaar waarin uw kind 16 wordt",
                                                                  "jongere": "eind van het schooljaar waarin je 16 wordt",
                                                                  "spraak": "eind van het schooljaar waarin uw kind zestien wordt"}),
    ("vraag_leerplicht", "kwalificatieplicht tot 18", {"ouder": "tot 18 jaar", "jongere": "tot je 18e", "spraak": "tot achttien jaar"}),
    ("vraag_vrijstelling", "verklaring arts, psycholoog of pedagoog", {"ouder": "arts, psycholoog of pedagoog die de gemeente aanwijst",
                                                                      "jongere": "arts, psycholoog of pedagoog die de gemeente kiest",
                                                                      "spraak": "arts, psycholoog of pedagoog die de gemeente aanwijst"}),
    ("vraag_vrijstelling", "opnieuw melden vóór 1 juli", {"ouder": "vóór 1 juli", "jongere": None, "spraak": None}),
]


def _text(answer_id: str, variant: str) -> str:
    answer = LIBRARY.get(answer_id)
    assert answer is not None, answer_id
    return answer.tekst[variant]


@pytest.mark.parametrize("answer_id,fact,variants", [pytest.param(*row, id=f"{row[0]}:{row[1]}") for row in FACTS])
def test_fact_in_every_variant(answer_id, fact, variants):
    assert set(variants) == {"ouder", "jongere", "spraak"}, "name every variant, None where it leaves the fact out"
    for variant, needle in variants.items():
        if needle is not None:
            assert needle in _text(answer_id, variant), (answer_id, fact, variant)


# ---- the national contact file -------------------------------------------------------------------

CONTACTS = {
    ("ouders_onderwijs", "telefoon"): "0800-5010",
    ("ouders_onderwijs", "email"): "vraag@oudersonderwijs.nl",
    ("kindertelefoon", "telefoon"): "0800-0432",
    ("veilig_thuis", "telefoon"): "0800-2000",
    ("zelfmoordpreventie", "telefoon"): "113",
    ("zelfmoordpreventie", "telefoon_gratis"): "0800-0113",
    ("noodnummer", "telefoon"): "112",
    ("inspectie", "telefoon"): "088-669 60 60",
    ("inspectie", "telefoon_vertrouwensinspecteur"): "0900-111 3 111",
    ("onderwijsconsulenten", "telefoon"): "070-312 28 87",
    ("kinderombudsman", "website"): "kinderombudsman.nl",
    ("geschillencommissie", "website"): "onderwijsgeschillen.nl",
}


def test_contact_file_holds_the_facts():
    orgs = yaml.safe_load((REPO / "content" / "regio" / "landelijk.yml").read_text(encoding="utf-8"))["organisaties"]
    for (org, field), value in CONTACTS.items():
        assert str(orgs[org][field]) == value, (org, field)
    assert not orgs["kinderombudsman"].get("telefoon")  # the old number is unverified (correction 5)


# ---- the step plan's rules -----------------------------------------------------------------------

PERIODS = {
    "besluit": (6, "weken"), "verlenging": (4, "weken"), "tijdelijke_plaatsing": (10, "weken"),
    "schorsing_max": (5, "schooldagen"), "langdurig_verzuim": (4, "weken"), "onderwijsconsulent_criterium": (4, "weken"),
    "pact_doel": (3, "maanden"), "geschillencommissie_indienen": (6, "weken"),
    "geschillencommissie_behandeling": (10, "weken"), "tlv_bezwaar": (6, "weken"),
}


def test_rules_hold_the_facts():
    rules = load_rules()
    for period_id, (amount, unit) in PERIODS.items():
        period = rules.periods[period_id]
        assert (period.aantal, period.eenheid) == (amount, unit), period_id
    assert [p for p in rules.periods.values() if p.geen_termijn] == [rules.periods["pact_doel"]]
    assert rules.vrijstelling_renew == (7, 1)
    assert rules.ages["leerplichtig_vanaf"] == 5 and rules.ages["kwalificatieplicht_tot"] == 18
    assert rules.ages["rmc_tot"] == 23


def test_pact_goal_is_never_a_deadline_in_the_plan():
    """Correction 13: 'Termijn pact doel' was printed in the summary; the goal is no deadline."""
    plan = build_plan(extract_situation("Onze zoon zit sinds 2 september thuis.", TODAY), TODAY)
    assert "pact_doel" in [d.id for d in plan.termijnen]
    summary = plan_summary_for_request(plan)
    assert "pact" not in summary.lower().replace("thuiszitterspact", "")  # no machine id
    assert "Termijn pact" not in summary
    pact_line = next(line for line in summary.splitlines() if "Thuiszitterspact" in line)
    assert "liep tot 2020" in pact_line and "geen termijn" in pact_line and not pact_line.startswith("Termijn")
    for variant, heading in (("ouder", "Termijnen:"), ("jongere", "Belangrijke data:"), ("spraak", "Let op deze data.")):
        text = render_plan(plan, variant)
        assert "Goed om te weten" in text, variant
        after_deadlines = text.split(heading, 1)[-1]
        before_goals = after_deadlines.split("Goed om te weten", 1)[0]
        assert "Thuiszitterspact" not in before_goals, variant
        assert "geen termijn" in text and ("2020" in text or "tweeduizend twintig" in text), variant


# ---- honest dates --------------------------------------------------------------------------------

def test_every_source_has_its_own_date_and_the_reply_shows_it():
    for answer in LIBRARY.all().values():
        for source in answer.bronnen:
            assert source.datum, (answer.id, source.naam)
    reply = render_answer(LIBRARY.get("vraag_vrijstelling"), "ouder", lambda _id: None).text
    assert "Antwoord op Kamervragen 2018Z14874, pagina van 17 september 2018" in reply
    assert "pagina zonder datum" in reply  # an undated page says so instead of looking fresh
    assert re.search(r"Gecontroleerd op \d+ \w+ \d{4}\.", reply)
    spoken = render_answer(LIBRARY.get("vraag_vrijstelling"), "spraak", lambda _id: None).text
    assert "pagina" not in spoken and "Bron" not in spoken


def test_step_plan_sources_show_their_date():
    plan = build_plan(extract_situation("Onze zoon zit sinds 2 september thuis.", TODAY), TODAY)
    assert all(", pagina " in name for name, _ in plan.bronnen)
    for source in load_rules().sources.values():
        assert source.datum, source.naam
