"""The fact corrections of issue 17 hold in every answer and every variant (ouder, jongere, spraak).

The corrected facts are in ../shared/kennis/feiten.md (marked 2026-12-06). This test reads every answer
file (with the contact keys filled in from content/regio/landelijk.yml, as the user sees them), the form texts, the step-plan texts and the national organisations, and checks that no old
claim comes back: the Kinderombudsman's old site and number, "nog niet zeker" about hoorrecht, 113
without "gratis", the 5 onder a statement from only "een arts", the Kinderombudsman as appeal against a
commission, the Kindertelefoon without its ages, "op papier" for an application, and so on.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from bot.content import contacts

REPO = Path(__file__).resolve().parents[3]
CONTENT = REPO / "content"
VARIANTS = ("ouder", "jongere", "spraak")


def _answers() -> dict[str, dict]:
    """Every answer file, with the contact keys filled in as the user sees them."""
    answers = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((CONTENT / "antwoorden").glob("*.yml"))}
    for data in answers.values():
        data["tekst"] = {v: contacts.fill(t, v) for v, t in data["tekst"].items()}
    return answers


def _variant_strings(node, where: str) -> Iterator[tuple[str, str, str]]:
    """(where, variant, text) for every string under a key ouder/jongere/spraak, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in VARIANTS and isinstance(value, str):
                yield where, key, contacts.fill(value, key)
            else:
                yield from _variant_strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _variant_strings(value, f"{where}[{i}]")


def all_texts() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for stem, data in _answers().items():
        for variant in VARIANTS:
            out.append((f"antwoorden/{stem}", variant, data["tekst"][variant]))
    for folder in ("hulpvraag", "stappenplan"):
        for path in sorted((CONTENT / folder).glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            out.extend(_variant_strings(data, f"{folder}/{path.stem}"))
    return out


def params(texts):
    return [pytest.param(*t, id=f"{t[0]}:{t[1]}") for t in texts]


TEXTS = all_texts()
ANSWERS = _answers()


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


def test_texts_were_found():
    assert len(ANSWERS) > 40
    assert {v for _, v, _ in TEXTS} == set(VARIANTS)
    assert any(w.startswith("stappenplan/") for w, _, _ in TEXTS)
    assert any(w.startswith("hulpvraag/") for w, _, _ in TEXTS)


# ---- 5: the Kinderombudsman's site is kinderombudsman.nl; no unverified number ---------------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_no_old_kinderombudsman_site_or_number(where, variant, text):
    assert "dekinderombudsman" not in text.lower(), (where, variant)
    assert "0800-876" not in text and "8 7 6, 5 4" not in text, (where, variant)
    assert "oudere pagina" not in text, (where, variant)


def test_national_kinderombudsman_entry():
    data = yaml.safe_load((CONTENT / "regio" / "landelijk.yml").read_text(encoding="utf-8"))
    ko = data["organisaties"]["kinderombudsman"]
    assert ko["website"] == "kinderombudsman.nl"
    assert ko["bron_url"].startswith("https://www.kinderombudsman.nl")
    assert not ko.get("telefoon") and not ko.get("email") and not ko.get("openingstijden")


def test_kinderombudsman_answer_points_to_the_website():
    for variant in ("ouder", "jongere"):
        assert "kinderombudsman.nl" in ANSWERS["vraag_kinderombudsman"]["tekst"][variant]
    assert "website van de Kinderombudsman" in ANSWERS["vraag_kinderombudsman"]["tekst"]["spraak"]


# ---- 10: the Kinderombudsman is no appeal against a commission's ruling ----------------------------

@pytest.mark.parametrize("where,variant,text", params([t for t in TEXTS if "Kinderombudsman" in t[2]]))
def test_kinderombudsman_is_not_an_appeal_body(where, variant, text):
    for sentence in _sentences(text):
        if "Kinderombudsman" in sentence and "geen beroep" not in sentence:
            assert not re.search(r"uitspraak van de commissie|oordeel van de commissie|(oneens|niet eens) met de uitspraak",
                                 sentence), (where, variant, sentence)
    assert not re.search(r"(oneens|niet eens) met de uitspraak[^.?!]*[.?!]\s*(Dan )?[^.?!]*Kinderombudsman", text), (where, variant)


# ---- 2: hoorrecht applies since 1 August 2025 ------------------------------------------------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_no_nog_niet_zeker_about_the_law(where, variant, text):
    assert "nog niet zeker" not in text, (where, variant)
    assert not re.search(r"(of|wanneer) (die|hij|de wet)[^.]*(geldt|ingaat)", text), (where, variant)


@pytest.mark.parametrize("stem", ["vraag_meepraten", "vraag_opp"])
def test_hoorrecht_is_a_right_now(stem):
    tekst = ANSWERS[stem]["tekst"]
    for variant in ("ouder", "jongere"):
        assert "hoorrecht" in tekst[variant] and "1 augustus 2025" in tekst[variant], (stem, variant)
    assert "zeggen wat het van het plan vindt" in tekst["spraak"]


# ---- 3: the ouder- en jeugdsteunpunt is statutory since 1 January 2025 -----------------------------

def test_steunpunt_is_statutory():
    assert "1 januari 2025" in ANSWERS["vraag_samenwerkingsverband"]["tekst"]["ouder"]
    assert "januari tweeduizend vijfentwintig" in ANSWERS["vraag_samenwerkingsverband"]["tekst"]["spraak"]
    assert "hoort ook een ouder- en jeugdsteunpunt te hebben" not in ANSWERS["mens_spreken"]["tekst"]["ouder"]


# ---- 4: 113 is free ---------------------------------------------------------------------------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_113_is_described_as_free(where, variant, text):
    for sentence in _sentences(text):
        if "113.nl" in sentence or "website van 1 1 3" in sentence:  # the chat route, named after the number
            continue
        if re.search(r"(?<![\d-])113(?![\d])|1 1 3", sentence):
            assert "gratis" in sentence, (where, variant, sentence)


def test_113_full_route_in_the_safety_answer():
    tekst = ANSWERS["veiligheid"]["tekst"]
    for variant in ("ouder", "jongere"):
        assert "Bel gratis 113 of 0800-0113, dag en nacht" in tekst[variant]
        assert "113.nl" in tekst[variant]
    assert "gratis 1 1 3, of 0 8 0 0, 0 1 1 3" in tekst["spraak"] and "dag en nacht" in tekst["spraak"]


def test_safety_fallback_string_in_the_step_plan(monkeypatch):
    from bot.content.loader import ContentError
    from bot.stappenplan import render

    def broken(_path):
        raise ContentError("broken")

    monkeypatch.setattr(render, "load_answer_file", broken)
    text = render._safety_text("ouder")
    assert "gratis" in text and "0800-0113" in text and "8 tot 18" in text


# ---- 1: the 5 onder a statement: arts, psycholoog or pedagoog appointed by the gemeente -----------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_5_onder_a_statement_not_only_a_doctor(where, variant, text):
    if "vrijstelling" in text.lower() and re.search(r"\barts\b", text):
        assert "psycholoog" in text and "pedagoog" in text, (where, variant)


def test_vrijstelling_statement_names_all_three_and_not_the_own_professional():
    for variant in VARIANTS:
        text = ANSWERS["vraag_vrijstelling"]["tekst"][variant]
        assert "arts, psycholoog of pedagoog" in text, variant
        assert "huisarts of behandelaar" in text, variant


# ---- 14 and 16: the Kindertelefoon is for 8 to 18; young people get more than the parents' line ---

@pytest.mark.parametrize("where,variant,text", params([t for t in TEXTS if "Kindertelefoon" in t[2]]))
def test_kindertelefoon_with_its_ages(where, variant, text):
    assert "8 tot 18" in text or "acht tot achttien" in text, (where, variant)


@pytest.mark.parametrize("stem", ["mens_spreken", "vraag_bot", "afscheid", "storing", "vraag_ouders_onderwijs"])
def test_young_person_is_not_sent_to_the_parents_line_first(stem):
    text = ANSWERS[stem]["tekst"]["jongere"]
    if "Ouders & Onderwijs" in text and stem != "vraag_ouders_onderwijs":
        assert text.index("Kindertelefoon") < text.index("Ouders & Onderwijs"), stem
    assert "Kindertelefoon" in text, stem
    if stem in ("afscheid", "storing"):
        assert "Ben je ouder?" in text  # 18+: another route


def test_young_person_asking_for_someone_gets_school_and_steunpunt():
    text = ANSWERS["mens_spreken"]["tekst"]["jongere"]
    assert "jeugdsteunpunt" in text and "mentor" in text


# ---- 14: RMC up to, not including, 23; leerplicht until the end of the school year of the 16th ----

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_rmc_and_leerplicht_ages(where, variant, text):
    assert not re.search(r"\btot (23|drieëntwintig)\b", text), (where, variant)
    for sentence in _sentences(text):
        if re.search(r"leerplicht (stopt|eindigt)", sentence):
            assert "eind van het schooljaar waarin" in sentence, (where, variant, sentence)


def test_rules_keep_the_ages():
    rules = yaml.safe_load((CONTENT / "stappenplan" / "regels.yml").read_text(encoding="utf-8"))
    assert rules["leeftijd"]["rmc_tot"] == 23 and rules["leeftijd"]["kwalificatieplicht_tot"] == 18


# ---- 15: one definition of thuiszitter; abbreviations explained ------------------------------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_one_thuiszitter_definition_and_lkc_explained(where, variant, text):
    assert not re.search(r"\b(4|vier) weken of langer\b", text), (where, variant)
    if re.search(r"\bLKC\b", text):
        assert "Landelijke Klachtencommissie" in text, (where, variant)


# ---- 7: onderwijsconsulenten: longer than 4 weeks AND no school in sight; no promise ---------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_onderwijsconsulent_criterion(where, variant, text):
    for sentence in _sentences(text):
        if re.search(r"onderwijsconsulent", sentence, re.I) and re.search(r"\b(4|vier) weken\b", sentence):
            assert "zicht" in sentence, (where, variant, sentence)
    assert not re.search(r"\b(4|vier) weken thuis[^.?!]*[.?!]?\s*(Dan|dan) helpt een onderwijsconsulent", text), (where, variant)


def test_intake_can_take_weeks():
    for variant in VARIANTS:
        assert "weken duren" in ANSWERS["vraag_onderwijsconsulent"]["tekst"][variant], variant


# ---- 8 and 9: application in writing; zorgplicht for pupils who need extra support -----------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_application_in_writing_not_op_papier(where, variant, text):
    for sentence in _sentences(text):
        if "op papier" in sentence:
            assert not re.search(r"aanmeld|aangemeld|\bmeld\w*\b[^.]*\baan\b", sentence), (where, variant, sentence)


def test_aanmelden_and_zorgplicht():
    for variant in VARIANTS:
        aanmelden = ANSWERS["vraag_aanmelden"]["tekst"][variant]
        assert "schriftelijk" in aanmelden and "formulier" in aanmelden, variant
    for variant in ("ouder", "spraak"):
        aanmelden = ANSWERS["vraag_aanmelden"]["tekst"][variant]
        assert "andere school" in aanmelden, variant
        assert "10 weken voor" in aanmelden or "tien weken voor" in aanmelden, variant
        assert "extra ondersteuning nodig" in ANSWERS["vraag_passend_onderwijs"]["tekst"][variant], variant
    assert "extra hulp nodig" in ANSWERS["vraag_passend_onderwijs"]["tekst"]["jongere"]


# ---- 6: verwijdering ---------------------------------------------------------------------------------

def test_verwijdering_rules():
    for variant in VARIANTS:
        text = ANSWERS["vraag_verwijdering"]["tekst"][variant]
        assert "andere school" in text and "toelaten" in text, variant
        assert "horen" in text, variant
        assert "na het besluit" in text, variant
    for variant in ("ouder", "spraak"):
        assert "leerplicht en de Inspectie" in ANSWERS["vraag_verwijdering"]["tekst"][variant], variant


# ---- 11: online lessons and fewer hours -------------------------------------------------------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_no_geen_vaste_regels(where, variant, text):
    assert "geen vaste regels" not in text, (where, variant)


# ---- 12: schorsing ----------------------------------------------------------------------------------

def test_schorsing_ten_hoogste_een_week_and_no_holiday_rule():
    for variant in VARIANTS:
        text = ANSWERS["vraag_schorsing"]["tekst"][variant]
        assert "ten hoogste een week" in text, variant
        assert "Inspectie en leerplicht inlichten" not in text, variant
    teksten = yaml.safe_load((CONTENT / "stappenplan" / "teksten.yml").read_text(encoding="utf-8"))
    for state in ("open", "voorbij"):
        for variant in VARIANTS:
            assert "vakantie" not in teksten["termijn"]["schorsing"][state][variant], (state, variant)
    rules = yaml.safe_load((CONTENT / "stappenplan" / "regels.yml").read_text(encoding="utf-8"))
    assert "vakantie" not in rules["termijnen"]["schorsing_max"].get("betekenis", "")


# ---- 13: vrijstelling duration, Thuiszitterspact goal, doorzettingsmacht -----------------------------

@pytest.mark.parametrize("where,variant,text", params(TEXTS))
def test_pact_goal_is_no_deadline_for_a_child(where, variant, text):
    assert not re.search(r"voor (uw kind|jou) (is|was) dat", text, re.I), (where, variant)
    assert "Een vrijstelling geldt één schooljaar" not in text, (where, variant)


def test_pact_and_doorzettingsmacht_wording():
    for variant in VARIANTS:
        pact = ANSWERS["vraag_thuiszitterspact"]["tekst"][variant]
        assert "2020" in pact or "tweeduizend twintig" in pact, variant
        assert "geen termijn" in pact, variant
        assert "geen macht uit de wet" in ANSWERS["vraag_doorzettingsmacht"]["tekst"][variant] \
            or "geen wet" in ANSWERS["vraag_doorzettingsmacht"]["tekst"][variant], variant
    assert "geen macht uit de wet" in ANSWERS["vraag_thuiszitterspact"]["tekst"]["ouder"]


# ---- sources and check dates of the corrected answers ---------------------------------------------

CORRECTED = {
    "vraag_kinderombudsman": "kinderombudsman.nl",
    "veiligheid": "113.nl",
    "vraag_vrijstelling": "CVDR694794",
    "vraag_meepraten": "36443",
    "vraag_opp": "36443",
    "vraag_samenwerkingsverband": "36443",
    "vraag_verwijdering": "BWBR0003420",
}


@pytest.mark.parametrize("stem,needle", sorted(CORRECTED.items()))
def test_corrected_answers_cite_the_source_and_date(stem, needle):
    data = ANSWERS[stem]
    assert str(data["gecontroleerd"]) == "2026-12-06", stem
    assert any(needle in s["url"] or needle in s["naam"] for s in data["bronnen"]), (stem, needle)
