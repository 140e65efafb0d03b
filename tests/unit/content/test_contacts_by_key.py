"""One source for every number (issue 17): contact details come only from content/regio/landelijk.yml.

Every text in content/ names a number, e-mail or website by key ({{ouders_onderwijs.telefoon}}); the
answers, the help-request form, the step plan and the phone's own texts fill it in per variant. These
tests read the real content: each variant (ouder, jongere, spraak) shows the number from the file, and
a changed file changes every answer, without a restart.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.turn.action_failure import LAST_RESORT
from bot.content import contacts
from bot.content.check import check_directory, contact_problems, main
from bot.content.loader import ContentLibrary
from bot.hulpvraag_form.texts import HulpvraagTexts
from bot.regio.directory import RegionDirectory
from bot.turn.replies import render_answer
from bot.stappenplan import build_plan, extract_situation, render_plan
from bot.stappenplan.render import SAFETY_FALLBACK
from bot.stappenplan.texts import load, pick
from bot.voice.texts import load_texts

REPO = Path(__file__).resolve().parents[3]
REGIO = REPO / "content" / "regio"
ANSWERS = REPO / "content" / "antwoorden"
VARIANTS = ("ouder", "jongere", "spraak")
TODAY = dt.date(2026, 11, 24)


def landelijk() -> dict:
    return yaml.safe_load((REGIO / "landelijk.yml").read_text(encoding="utf-8"))["organisaties"]


def phone_fields() -> list[tuple[str, str, str]]:
    """(organisation, field, number) for every phone number in the file."""
    return [(org, field, str(value)) for org, data in landelijk().items() for field, value in data.items()
            if contacts.is_phone_field(field) and not field.endswith("_spraak")]


def raw_answer_texts() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(ANSWERS.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [(path.stem, v, data["tekst"][v]) for v in VARIANTS]
    return out


# ---- filling a key -------------------------------------------------------------------------------

def test_a_key_is_filled_per_variant():
    assert contacts.fill("Bel {{ouders_onderwijs.telefoon}}.", "ouder") == "Bel 0800-5010."
    assert contacts.fill("Bel {{ouders_onderwijs.telefoon}}.", "jongere") == "Bel 0800-5010."
    assert contacts.fill("Bel {{ouders_onderwijs.telefoon}}.", "spraak") == "Bel 0 8 0 0, 5 0 1 0."
    assert contacts.fill("{{inspectie.telefoon}}", "spraak") == "0 8 8, 6 6 9, 6 0, 6 0"
    assert contacts.fill("{{inspectie.telefoon_vertrouwensinspecteur}}", "spraak") == "0 9 0 0, 1 1 1, 3, 1 1 1"
    assert contacts.fill("{{noodnummer.telefoon}}", "spraak") == "1 1 2"
    assert contacts.fill("{{ouders_onderwijs.email}}", "ouder") == "vraag@oudersonderwijs.nl"


def test_unknown_key_is_an_error_for_the_check_and_dropped_at_run_time(caplog):
    with pytest.raises(contacts.ContactKeyError):
        contacts.value("ouders_onderwijs", "fax", "ouder")
    with pytest.raises(contacts.ContactKeyError):
        contacts.value("bestaat_niet", "telefoon", "ouder")
    with pytest.raises(contacts.ContactKeyError):  # a source field is no contact detail
        contacts.value("onderwijsconsulenten", "bron_url", "ouder")
    assert contacts.fill("Bel {{bestaat_niet.telefoon}}.", "ouder") == "Bel ."  # never shows code to a user
    assert "bestaat_niet" in caplog.text
    assert contact_problems("Bel {{bestaat_niet.telefoon}}.", "ouder")


@pytest.mark.parametrize("text,variant", [
    ("Bel 0800-5010.", "ouder"), ("Bel 088-669 60 60.", "jongere"), ("Bel 070-312 28 87.", "ouder"),
    ("Bel dan 112.", "ouder"), ("Bel 113 of chat.", "jongere"), ("Mail vraag@oudersonderwijs.nl.", "ouder"),
    ("Kijk op onderwijsgeschillen.nl.", "ouder"), ("Zie www.113.nl", "jongere"),
    ("Het nummer is 0 8 0 0, 5 0 1 0.", "spraak"), ("Bel dan 1 1 2.", "spraak"),
])
def test_a_literal_contact_is_found(text, variant):
    assert contacts.literal_contacts(text, variant), text


@pytest.mark.parametrize("text,variant", [
    ("Bel {{ouders_onderwijs.telefoon}}.", "ouder"), ("Sinds 1 augustus 2025 heeft uw kind hoorrecht.", "ouder"),
    ("Artikel 5 onder a, 16 uur in 4 weken, 6 + 4 weken.", "ouder"), ("Wet 36 443, 12 volle schooljaren.", "ouder"),
    ("Mail naar naam@voorbeeld.nl.", "ouder"), ("Tot achttien jaar, sinds augustus tweeduizend veertien.", "spraak"),
    ("Kinderen van 8 tot 18 jaar, 2 of 3 dagen.", "spraak"),
])
def test_no_false_alarm(text, variant):
    assert contacts.literal_contacts(text, variant) == [], text


def test_no_answer_text_writes_a_contact_literally():
    found = [(stem, v, contacts.literal_contacts(t, v)) for stem, v, t in raw_answer_texts()]
    assert [f for f in found if f[2]] == []


# ---- every variant shows the number from the file ------------------------------------------------

def test_every_number_shown_comes_from_the_file():
    """Each phone number in a rendered chat text is a number of landelijk.yml, each digit group read
    aloud in a voice text the spoken form of one; and every number of the file is used somewhere."""
    numbers = {number for _, _, number in phone_fields()}
    spoken = {contacts.spoken_digits(number) for number in numbers}
    library = ContentLibrary(ANSWERS)
    used: set[str] = set()
    for answer in library.all().values():
        for variant in VARIANTS:
            text = answer.tekst[variant]
            if variant == "spraak":
                for group in re.findall(r"(?<![\w,])\d(?:,?\s\d(?!\w)){2,}", text):
                    assert group in spoken, (answer.id, group)
                    used.add(group)
            else:
                for match in re.findall(r"(?<![\w.,-])(?:0\d{2,3}-[\d ]*\d|11[23])(?![\w-])", text):
                    assert match in numbers, (answer.id, variant, match)
                    used.add(match)
    assert numbers <= used, numbers - used


@pytest.mark.parametrize("answer_id,org,field", [
    ("mens_spreken", "ouders_onderwijs", "telefoon"),
    ("veiligheid", "kindertelefoon", "telefoon"),
    ("veiligheid", "veilig_thuis", "telefoon"),
    ("veiligheid", "zelfmoordpreventie", "telefoon_gratis"),
    ("veiligheid", "noodnummer", "telefoon"),
    ("vraag_inspectie", "inspectie", "telefoon"),
    ("vraag_inspectie", "inspectie", "telefoon_vertrouwensinspecteur"),
    ("vraag_onderwijsconsulent", "onderwijsconsulenten", "telefoon"),
])
def test_all_variants_show_the_same_number(answer_id, org, field):
    number = str(landelijk()[org][field])
    answer = ContentLibrary(ANSWERS).get(answer_id)
    for variant in ("ouder", "jongere"):
        assert number in answer.tekst[variant], (answer_id, variant)
    assert contacts.spoken_digits(number) in answer.tekst["spraak"], answer_id


def test_form_step_plan_and_phone_texts_use_the_file():
    number = str(landelijk()["ouders_onderwijs"]["telefoon"])
    form = HulpvraagTexts()
    assert number in form.text("gestopt", "ouder")
    assert contacts.spoken_digits(number) in form.text("gestopt", "spraak")
    phone = load_texts()
    assert contacts.spoken_digits(number) in phone.fout and "1 1 2" in phone.fout
    assert contacts.spoken_digits(number) in phone.stilte_afscheid


def test_fallback_strings_in_code_match_the_file():
    """The only numbers written in code are last-resort strings for a broken file; they must stay
    equal to landelijk.yml."""
    orgs = landelijk()
    for org, field in [("noodnummer", "telefoon"), ("veilig_thuis", "telefoon"), ("zelfmoordpreventie", "telefoon"),
                       ("zelfmoordpreventie", "telefoon_gratis"), ("kindertelefoon", "telefoon")]:
        assert str(orgs[org][field]) in SAFETY_FALLBACK, (org, field)
    assert str(orgs["ouders_onderwijs"]["telefoon"]) in LAST_RESORT
    assert str(orgs["noodnummer"]["telefoon"]) in LAST_RESORT


# ---- changing the file changes every answer ------------------------------------------------------

@pytest.fixture()
def regio_copy(tmp_path, monkeypatch):
    target = tmp_path / "regio"
    target.mkdir()
    for name in ("gemeenten.json", "samenwerkingsverbanden.json", "postcodes.json", "landelijk.yml"):
        shutil.copy(REGIO / name, target / name)
    (target / "overrides").mkdir()
    monkeypatch.setenv(contacts.REGIO_DIR_ENV, str(target))
    return target


def _change_number(regio: Path, org: str, field: str, new: str) -> None:
    path = regio / "landelijk.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["organisaties"][org][field] = new
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))  # coarse file systems


def test_changing_the_file_changes_all_answers(regio_copy):
    old = str(landelijk()["ouders_onderwijs"]["telefoon"])
    library = ContentLibrary(ANSWERS, check_interval=0)
    before = {(a.id, v): a.tekst[v] for a in library.all().values() for v in VARIANTS}
    with_old = {k for k, t in before.items() if old in t or contacts.spoken_digits(old) in t}
    assert {("mens_spreken", "ouder"), ("mens_spreken", "jongere"), ("mens_spreken", "spraak")} <= with_old

    _change_number(regio_copy, "ouders_onderwijs", "telefoon", "0800-1234")  # a test value, never shown

    after = {(a.id, v): a.tekst[v] for a in library.all().values() for v in VARIANTS}
    for key in with_old:
        assert old not in after[key] and contacts.spoken_digits(old) not in after[key], key
        assert "0800-1234" in after[key] or "0 8 0 0, 1 2 3 4" in after[key], key
    reply = render_answer(library.get("mens_spreken"), "ouder", lambda _id: None)
    assert "Bel 0800-1234" in reply.text

    # the form, the phone's own texts and the step-plan texts follow the same file
    assert "0800-1234" in HulpvraagTexts().text("gestopt", "ouder")
    assert "0 8 0 0, 1 2 3 4" in load_texts().fout
    assert "0 8 0 0, 1 2 3 4" in pick({"spraak": "Bel {{ouders_onderwijs.telefoon}}."}, "spraak")


def test_changing_the_file_changes_the_step_plan_contact(regio_copy):
    _change_number(regio_copy, "onderwijsconsulenten", "telefoon", "070-000 00 00")
    directory = RegionDirectory(regio_copy)
    text = "Onze zoon zit sinds 2 september thuis. We hebben met school gepraat en leerplicht gebeld."
    plan = build_plan(extract_situation(text, TODAY), TODAY, None, directory=directory)
    assert "070-000 00 00" in render_plan(plan, "ouder")
    assert "0 7 0, 0 0 0, 0 0, 0 0" in render_plan(plan, "spraak")
    assert "070-312 28 87" not in render_plan(plan, "jongere")


def test_step_plan_has_no_organisations_of_its_own():
    assert "organisaties" not in load("stappen")
    who = {str(step.get("wie")) for step in load("stappen")["stappen"].values()}
    assert {"landelijk:geschillencommissie", "landelijk:inspectie"} <= who
    assert not who & {"geschillencommissie", "inspectie"}


def test_national_list_in_the_region_answer_is_unchanged():
    """112, Veilig Thuis and the like live in the same file but are not 'national contacts' to call
    about school (regiolijst: false)."""
    codes = [c.code for c in RegionDirectory(REGIO).national()]
    assert codes == ["onderwijsconsulenten", "ouders_onderwijs", "kinderombudsman"]
    assert "inspectie" in [c.code for c in RegionDirectory(REGIO).national(include_all=True)]


# ---- the check ---------------------------------------------------------------------------------

def _answer(text: str) -> dict:
    return {"id": "vraag_test", "soort": "feit", "knop": "Test", "gecontroleerd": dt.date(2026, 11, 1),
            "bronnen": [{"naam": "Ouders & Onderwijs, Over ons", "url": "https://www.oudersonderwijs.nl/over-ons/",
                         "datum": "onbekend"}],
            "tekst": {"ouder": text, "jongere": "Bel je school.", "spraak": "Bel de school."}}


def test_check_fails_on_a_literal_number_and_passes_with_the_key(tmp_path):
    path = tmp_path / "vraag_test.yml"
    path.write_text(yaml.safe_dump(_answer("Bel Ouders & Onderwijs: 0800-5010.")), encoding="utf-8")
    problems = [str(p) for p in check_directory(tmp_path, TODAY).problems]
    assert any("'0800-5010' written literally" in p for p in problems), problems
    path.write_text(yaml.safe_dump(_answer("Bel Ouders & Onderwijs: {{ouders_onderwijs.telefoon}}.")),
                    encoding="utf-8")
    assert [str(p) for p in check_directory(tmp_path, TODAY).problems] == []


def test_check_lists_unverified_claims_without_failing(tmp_path, capsys):
    data = _answer("Bel de school.")
    data["niet_geverifieerd"] = [{"bewering": "De intake duurt weken.", "reden": "Oude pagina zonder datum."}]
    (tmp_path / "vraag_test.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["--dir", str(tmp_path), "--domain"], today=dt.date(2030, 1, 1)) == 0
    out = capsys.readouterr().out
    assert "Niet geverifieerd" in out and "De intake duurt weken. — Oude pagina zonder datum." in out


def test_real_content_check_reports_the_unverified_contacts(capsys):
    assert main([], today=dt.date(2030, 1, 1)) == 0  # a day after every check date in content/
    out = capsys.readouterr().out
    assert "landelijk.yml (onderwijsconsulenten)" in out and "vraag_onderwijsconsulent.yml" in out


def test_console_keeps_the_national_numbers_visible_when_only_answers_are_scanned(monkeypatch):
    """The answers name national numbers by key only; the console's list of public numbers (which it
    does not redact) must still include them, also when WEGWIJZER_CONTENT_DIR points at the answers."""
    from bot.privacy import public_contacts as pc

    monkeypatch.setenv("WEGWIJZER_CONTENT_DIR", str(ANSWERS))
    pc.public_contacts.cache_clear()
    try:
        phones, emails = pc.public_contacts()
    finally:
        pc.public_contacts.cache_clear()
    assert {"+31886696060", "+31703122887"} <= phones  # Inspectie, Onderwijsconsulenten
    assert "vraag@oudersonderwijs.nl" in emails


def test_check_covers_the_step_plan_and_the_phone_texts(tmp_path):
    from bot.content.check import OTHER_TEXT_FILES, other_text_problems

    names = {p.name for p in OTHER_TEXT_FILES}
    assert {"stappen.yml", "teksten.yml", "regels.yml"} <= names
    assert all(other_text_problems(p) == [] for p in OTHER_TEXT_FILES)
    plan = tmp_path / "stappen.yml"
    plan.write_text(yaml.safe_dump({"stappen": {"x": {"zeggen": {"ouder": "Bel 0800-5010.", "spraak": "Bel 1 1 2."}}}}),
                    encoding="utf-8")
    problems = [str(p) for p in other_text_problems(plan)]
    assert any("'0800-5010' written literally" in p for p in problems), problems
    assert any("'1 1 2' written literally" in p for p in problems), problems
    voice = tmp_path / "voice" / "teksten.yml"
    voice.parent.mkdir()
    voice.write_text("fout: Bel dan 1 1 2.\nstilte: Bel {{ouders_onderwijs.telefoon}}.\n", encoding="utf-8")
    assert [str(p) for p in other_text_problems(voice)] == [f"{voice}: fout.spraak: '1 1 2' written literally: "
                                                          "use a key from content/regio/landelijk.yml, e.g. {{org.telefoon}}"]


def test_check_validates_the_contact_file(tmp_path):
    from bot.content.check import contacts_file_problems

    assert contacts_file_problems(REGIO / "landelijk.yml", dt.date(2030, 1, 1)) == []
    bad = tmp_path / "landelijk.yml"
    bad.write_text(yaml.safe_dump({"organisaties": {
        "x": {"naam": "X", "telefoon": "0800-0000", "bron_datum": "vorig jaar", "gecontroleerd": "2030-01-01"},
    }}), encoding="utf-8")
    problems = [str(p) for p in contacts_file_problems(bad, TODAY)]
    assert any("needs a bron_url" in p for p in problems)
    assert any("bron_datum 'vorig jaar'" in p for p in problems)
    assert any("gecontroleerd" in p and "not in the future" in p for p in problems)
