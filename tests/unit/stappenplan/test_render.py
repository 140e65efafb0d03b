"""Rendering: Dutch dates with weekday, parent/youth/voice variants, region contacts, summary."""
from __future__ import annotations

import re
from datetime import date

import pytest

from bot.stappenplan import build_plan, extract_situation, plan_summary_for_request, render_plan, render_plan_parts
from bot.stappenplan.spoken import elapsed, number_words, spoken_date, written_date

TODAY = date(2026, 11, 24)
ISSUE_TEXT = "hij zit sinds 2 september thuis; we hebben met school gepraat en leerplicht gebeld"


def plan_for(text, gemeente=None):
    return build_plan(extract_situation(text, TODAY), TODAY, gemeente)


@pytest.mark.parametrize("n,words", [(1, "een"), (14, "veertien"), (21, "eenentwintig"), (22, "tweeëntwintig"),
                                     (23, "drieëntwintig"), (30, "dertig"), (99, "negenennegentig"),
                                     (100, "honderd"), (2025, "tweeduizend vijfentwintig"),
                                     (2027, "tweeduizend zevenentwintig")])
def test_number_words(n, words):
    assert number_words(n) == words


def test_written_date_has_weekday():
    assert written_date(date(2025, 10, 14)) == "dinsdag 14 oktober 2025"


def test_spoken_date_in_words_year_only_when_other_year():
    assert spoken_date(date(2026, 12, 2), TODAY) == "woensdag twee december"
    assert spoken_date(date(2027, 1, 1), TODAY) == "vrijdag één januari tweeduizend zevenentwintig"


def test_elapsed_in_words():
    assert elapsed(date(2026, 9, 2), TODAY) == "11 weken"
    assert elapsed(date(2026, 9, 2), TODAY, spoken=True) == "elf weken"
    assert elapsed(date(2026, 1, 5), TODAY) == "10 maanden"


def test_parent_plan_has_steps_next_step_and_dutch_dates():
    text = render_plan(plan_for(ISSUE_TEXT), "ouder")
    assert "Met de school gepraat" in text and "Leerplicht ingeschakeld" in text
    assert "Uw volgende stap: Meld u aan bij de onderwijsconsulenten." in text
    assert "woensdag 2 december 2026" in text  # the 3-month goal
    assert "woensdag 30 september 2026" in text  # 4 weeks
    assert "070-312 28 87" in text
    assert "Bronnen:" in text


def test_deadline_sentence_for_a_written_application():
    text = render_plan(plan_for("Op 1 oktober per mail aangemeld bij een nieuwe school, nog geen besluit. "
                                "Met school gepraat."), "ouder")
    assert "De school had uiterlijk donderdag 12 november 2026 moeten beslissen." in text
    assert "Is er op donderdag 10 december 2026 nog geen besluit?" in text
    assert "vakanties tellen mee" not in text  # the passed form does not repeat the counting rule


def test_open_deadline_says_what_the_period_means():
    text = render_plan(plan_for("Op 10 november schriftelijk aangemeld, nog geen besluit"), "ouder")
    assert "uiterlijk dinsdag 22 december 2026 beslissen" in text
    assert "vakanties tellen mee" in text


def test_estimated_dates_are_marked():
    text = render_plan(plan_for("We hebben haar in de herfstvakantie per mail aangemeld, nog geen besluit."), "ouder")
    assert "(geschat)" in text
    assert "herfstvakantie" in text and "stilstaat" in text


def test_youth_variant_uses_je_form_and_is_shorter():
    plan = plan_for(ISSUE_TEXT)
    youth = render_plan(plan, "jongere")
    parent = render_plan(plan, "ouder")
    assert re.search(r"\b(je|jij|jouw)\b", youth, re.I)
    assert not re.search(r"\b(u|uw)\b", youth)
    assert len(youth) < len(parent)


def test_voice_variant_has_no_urls_digit_runs_or_lists():
    for text in (ISSUE_TEXT, "Op 1 september per mail aangemeld, nog geen besluit", "Ik wil niet meer leven",
                 "Hij is op 2 november van school gestuurd"):
        spoken = render_plan(plan_for(text, "GM0479"), "spraak")
        assert "http" not in spoken and "www." not in spoken and ".nl" not in spoken and "@" not in spoken
        assert not re.search(r"\d{4,}", spoken), spoken
        assert not re.search(r"\d\s*-\s*\d", spoken), spoken
        assert not re.search(r"^\s*- ", spoken, re.M)
        assert "2026" not in spoken


def test_voice_reads_dates_and_durations_in_words():
    spoken = render_plan(plan_for(ISSUE_TEXT), "spraak")
    assert "woensdag twee december" in spoken
    assert "vier weken" in spoken and "drie maanden" in spoken
    assert "0 7 0, 3 1 2, 2 8, 8 7" in spoken


def test_safety_comes_first():
    plan = plan_for("Mijn man slaat mij en de kinderen. Onze zoon zit sinds 2 november thuis.")
    text = render_plan(plan, "ouder")
    first_lines = "\n".join(text.splitlines()[:8])
    assert "112" in first_lines and "0800-2000" in first_lines and "0800-0113" in first_lines
    assert "0800-0432" in first_lines
    assert text.index("112") < text.index("Uw volgende stap")
    assert "Praat met de school." in text  # the education step still follows


def test_region_contact_for_leerplicht_step():
    plan = plan_for("Zit sinds 16 november thuis, met de mentor gepraat", "GM0479")
    assert plan.volgende == "leerplicht"
    text = render_plan(plan, "ouder")
    assert "Leerplicht gemeente Zaanstad" in text
    assert "website van de gemeente Zaanstad" in text


def test_region_contact_for_swv_step_uses_school_type():
    plan = plan_for("Ze zit in groep 6. Sinds 16 november thuis. Met school gepraat en leerplicht gebeld.", "GM0479")
    assert plan.volgende == "swv"
    text = render_plan(plan, "ouder")
    assert "Samenwerkingsverband PO Zaanstreek" in text
    assert "VO Zaanstreek" not in text


def test_without_gemeente_say_where_to_find_it():
    text = render_plan(plan_for("Zit sinds 16 november thuis, met de mentor gepraat"), "ouder")
    assert "Noem uw woonplaats" in text


def test_passed_deadline_explained():
    text = render_plan(plan_for("De school heeft hem op 1 september verwijderd"), "ouder")
    assert "liep tot dinsdag 13 oktober 2026" in text
    assert "Te laat indienen kan nog" in text


def test_summary_for_help_request():
    summary = plan_summary_for_request(plan_for(ISSUE_TEXT, "GM0479"))
    assert "Thuis sinds: woensdag 2 september 2026 (11 weken)." in summary
    assert "Volgende stap: Meld u aan bij de onderwijsconsulenten." in summary
    assert "Gemeente: Zaanstad." in summary
    assert "http" not in summary


def test_summary_flags_safety():
    assert "veiligheid" in plan_summary_for_request(plan_for("ik wil niet meer leven"))


def test_unknown_variant_falls_back_to_parent():
    plan = plan_for(ISSUE_TEXT)
    assert render_plan(plan, "klingon") == render_plan(plan, "ouder")


@pytest.mark.parametrize("variant", ["ouder", "jongere", "spraak"])
def test_next_step_comes_before_what_was_done_and_the_dates(variant):
    text = render_plan(plan_for(ISSUE_TEXT), variant)
    step = text.index("volgende stap")
    done = text.index("al gedaan")
    assert step < done, text
    assert step < text.index({"spraak": "Goed om te weten", "ouder": "Termijnen", "jongere": "Goed om te weten"}[variant])


def test_a_passed_period_says_since_when_home_and_when_the_period_was_reached():
    """Not "sinds woensdag 30 september ... al meer dan 4 weken thuis" (reads as home since that day)."""
    text = render_plan(plan_for(ISSUE_TEXT), "ouder")
    assert ("Uw kind zit sinds woensdag 2 september 2026 thuis; op woensdag 30 september 2026 was dat 4 weken."
            in text)
    assert "sinds woensdag 30 september" not in text
    spoken = render_plan(plan_for(ISSUE_TEXT), "spraak")
    assert "Uw kind zit sinds woensdag twee september thuis. Op woensdag dertig september was dat vier weken." in spoken
    youth = render_plan(plan_for("ik zit sinds 1 juni thuis en heb met mijn mentor gepraat"), "jongere")
    assert "Je zit sinds maandag 1 juni 2026 thuis; op dinsdag 1 september 2026 was dat 3 maanden." in youth


def test_an_estimated_start_says_ongeveer():
    plan = build_plan(extract_situation("ze zit sinds de herfstvakantie thuis en we hebben met school gepraat",
                                        date(2027, 1, 20)), date(2027, 1, 20))
    text = render_plan(plan, "ouder")
    assert re.search(r"Uw kind zit sinds ongeveer \w+ \d+ oktober 2026 thuis; op \w+ \d+ november 2026 "
                     r"\(geschat\) was dat 4 weken\.", text), text
    assert "{vanaf}" not in text and "{vanaf}" not in render_plan(plan, "spraak")


@pytest.mark.parametrize("variant", ["ouder", "jongere", "spraak"])
def test_plan_comes_in_two_bubbles_the_next_step_first(variant):
    plan = plan_for(ISSUE_TEXT, "GM0479")
    first, rest = render_plan_parts(plan, variant)
    assert "volgende stap" in first and "al gedaan" not in first
    assert "Onderwijsconsulenten" in first  # with whom, in the first bubble
    assert "al gedaan" in rest and re.search(r"Termijnen|Let op deze data|Goed om te weten", rest)
    assert render_plan(plan, variant) == f"{first}\n{rest}"
    assert len(first) < len(rest) + len(first) // 2  # the first bubble is the short one


def test_safety_stays_in_the_first_bubble():
    first = render_plan_parts(plan_for("ik wil niet meer leven, ik zit al 3 weken thuis"), "ouder")[0]
    assert "112" in first and "volgende stap" in first
