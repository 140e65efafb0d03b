from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.check import (
    check_directory,
    contains_emoji,
    load_domain_intents,
    main,
    voice_problems,
)
from bot.content.readability import flesch_douma

TODAY = dt.date(2026, 11, 24)

VALID: dict[str, Any] = {
    "id": "vraag_schorsing",
    "soort": "feit",
    "knop": "Schorsing",
    "gecontroleerd": dt.date(2026, 11, 1),
    "bronnen": [{"naam": "Rijksoverheid", "url": "https://www.rijksoverheid.nl/", "datum": 2019}],
    "tekst": {
        "ouder": "De school mag uw kind kort naar huis sturen.\n"
        "Dat heet schorsing. Dit mag maximaal vijf dagen.\n"
        "- Vraag het besluit op papier.\n"
        "- Kijk op {{ouders_onderwijs.website}}.",
        "jongere": "Je school mag je kort naar huis sturen. Dat mag maar een paar dagen.",
        "spraak": "De school mag je kind kort naar huis sturen. Dat mag maar een paar dagen. "
        "Wil je meer weten?",
    },
    "vervolg": ["vraag_verwijdering"],
}
OTHER: dict[str, Any] = {
    **VALID,
    "id": "vraag_verwijdering",
    "knop": "Verwijdering",
    "vervolg": [],
}


def write(directory: Path, data: Any, name: str | None = None) -> Path:
    name = name or data["id"]
    path = directory / f"{name}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def variant(**changes: Any) -> dict[str, Any]:
    """VALID with top-level changes; a value of None removes the key."""
    data = copy.deepcopy(VALID)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def with_text(name: str, text: str) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    data["tekst"][name] = text
    return data


def problems_for(tmp_path: Path, data: Any, raw: str | None = None) -> list[str]:
    write(tmp_path, OTHER)
    if raw is not None:
        (tmp_path / "vraag_schorsing.yml").write_text(raw, encoding="utf-8")
    else:
        write(tmp_path, data, name="vraag_schorsing")
    result = check_directory(tmp_path, TODAY)
    return [str(p) for p in result.problems]


def assert_single_problem(problems: list[str], fragment: str) -> None:
    assert len(problems) == 1, problems
    assert fragment in problems[0]
    assert problems[0].split(": ", 1)[0].endswith("vraag_schorsing.yml")


def test_valid_files_pass(tmp_path: Path) -> None:
    assert problems_for(tmp_path, VALID) == []


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("id: [unclosed", "cannot be read as YAML"), ("- a\n- b\n", "must contain a YAML mapping")],
)
def test_unparsable_file(tmp_path: Path, raw: str, fragment: str) -> None:
    assert_single_problem(problems_for(tmp_path, None, raw=raw), fragment)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"id": "schorsing"}, "does not equal the file name"),
        ({"soort": "weetje"}, "soort"),
        ({"knop": None}, "knop must be a non-empty text"),
        ({"knop": "Een veel te lange knoptekst voor een knop"}, "max 30"),
        ({"gecontroleerd": "24-11-2026"}, "not an ISO date"),
        ({"gecontroleerd": None}, "not an ISO date"),
        ({"gecontroleerd": dt.date(2026, 11, 25)}, "in the future"),
        ({"bronnen": None}, "at least one source"),
        ({"bronnen": []}, "at least one source"),
        ({"bronnen": [{"naam": "Site", "url": "rijksoverheid.nl", "datum": "onbekend"}]}, "https://"),
        ({"bronnen": [{"url": "https://example.org", "datum": "2019-11"}]}, "has no naam"),
        ({"bronnen": [{"naam": "Site", "url": "https://example.org"}]}, "needs datum"),
        ({"bronnen": [{"naam": "Site", "url": "https://example.org", "datum": "vorig jaar"}]}, "is not a year"),
        ({"bronnen": [{"naam": "Site", "url": "https://example.org", "datum": "2030-01-01"}]}, "in the future"),
        ({"niet_geverifieerd": [{"bewering": "Het nummer"}]}, "needs bewering and reden"),
        ({"bronnen": ["https://example.org"]}, "must have naam and url"),
        ({"vervolg": ["vraag_bestaat_niet"]}, "'vraag_bestaat_niet' has no content file"),
        ({"vervolg": ["vraag_verwijdering"] * 4}, "max 3"),
        ({"vervolg": "vraag_verwijdering"}, "list of answer ids"),
        ({"extra": 1}, "unknown keys: extra"),
        ({"tekst": "Alleen tekst."}, "tekst must be a mapping"),
    ],
)
def test_field_rules(tmp_path: Path, changes: dict[str, Any], fragment: str) -> None:
    assert_single_problem(problems_for(tmp_path, variant(**changes)), fragment)


def test_today_is_allowed(tmp_path: Path) -> None:
    assert problems_for(tmp_path, variant(gecontroleerd=TODAY)) == []


def test_iso_date_string_is_accepted(tmp_path: Path) -> None:
    assert problems_for(tmp_path, variant(gecontroleerd="2026-11-01")) == []


def test_gesprek_needs_no_sources_but_no_digits(tmp_path: Path) -> None:
    assert problems_for(tmp_path, variant(soort="gesprek", bronnen=None)) == []
    data = variant(soort="gesprek", bronnen=None)
    data["tekst"]["jongere"] = "Bel gerust naar nul acht. Of bel 3 keer."
    assert_single_problem(problems_for(tmp_path, data), "may not contain digits")


@pytest.mark.parametrize("name", ["ouder", "jongere", "spraak"])
def test_variants_must_exist_and_be_non_empty(tmp_path: Path, name: str) -> None:
    data = copy.deepcopy(VALID)
    del data["tekst"][name]
    assert_single_problem(problems_for(tmp_path, data), f"tekst.{name} is missing")
    assert_single_problem(problems_for(tmp_path, with_text(name, "  ")), "non-empty")


def test_unknown_variant(tmp_path: Path) -> None:
    assert_single_problem(
        problems_for(tmp_path, with_text("engels", "Hello.")), "unknown variant tekst.engels"
    )


def test_andere_taal_needs_engels_which_is_exempt_from_readability(tmp_path: Path) -> None:
    data = variant(id="andere_taal", soort="gesprek", bronnen=None, vervolg=[])
    data["tekst"]["spraak"] = "Ik spreek alleen Nederlands. Kunt u het in het Nederlands vragen?"
    write(tmp_path, data)
    [problem] = check_directory(tmp_path, TODAY).problems
    assert "tekst.engels is missing" in str(problem)

    data["tekst"]["engels"] = (
        "Unfortunately, I can only communicate comprehensively in Dutch regarding "
        "educational responsibilities, administrative procedures and institutional obligations."
    )
    write(tmp_path, data)
    result = check_directory(tmp_path, TODAY)
    assert result.problems == ()
    engels = next(row for row in result.rows if row.variant == "engels")
    assert engels.minimum is None and engels.ok


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("ouder", "below 65"), ("jongere", "below 70"), ("spraak", "below 65")],
)
def test_readability_minimum(tmp_path: Path, name: str, fragment: str) -> None:
    dense = (
        "Onverminderd de verantwoordelijkheid van het samenwerkingsverband. "
        "Ondersteuningsvoorzieningen. Toelaatbaarheidsverklaring. Onderwijsconsulentschap."
    )
    assert_single_problem(problems_for(tmp_path, with_text(name, dense)), fragment)


def test_jongere_between_65_and_70_fails(tmp_path: Path) -> None:
    text = "De leerplichtambtenaar bespreekt de situatie. Hij maakt een afspraak met de school."
    problems = problems_for(tmp_path, with_text("jongere", text))
    assert 65 <= flesch_douma(text) < 70, "fixture must sit between the two limits"
    assert_single_problem(problems, "below 70")
    assert problems_for(tmp_path, with_text("ouder", text)) == []


def test_average_sentence_length(tmp_path: Path) -> None:
    long_sentence = " ".join(["de kat zit op de mat"] * 3) + "."
    assert_single_problem(
        problems_for(tmp_path, with_text("ouder", long_sentence)), "average sentence length"
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Kijk op https://school.nl voor meer.", "'http'"),
        ("Kijk op www dot school.", None),
        ("Ga naar www.school.", "'www.'"),
        ("Kijk op oudersonderwijs.nl voor meer.", "'.nl'"),
        ("Kijk op school.com voor meer.", "'.com'"),
        ("Mail naar vraag at school of @school.", "'@'"),
        ("Dit is *heel* belangrijk.", "'*'"),
        ("Dit is _belangrijk_ voor u.", "'_'"),
        ("# Schorsing\nDe school mag dit.", "'#'"),
        ("Lees [hier] meer.", "'['"),
        ("Typ `ja` als u wilt.", "'`'"),
        ("Wat kunt u doen:\n- bel de school.", "list line"),
        ("Goed zo. 👍", "emoji"),
        ("Dat is fijn ☀ voor u.", "emoji"),
        ("Bel naar 0800 voor hulp.", "4 or more digits"),
        ("Bel nul acht nul nul, 50-10.", "digit-dash-digit"),
        ("Bel 088 – 669.", "digit-dash-digit"),
        ("Heeft u een vraag? Bel dan de school.", "question is not the last sentence"),
    ],
)
def test_voice_rules(tmp_path: Path, text: str, fragment: str | None) -> None:
    problems = problems_for(tmp_path, with_text("spraak", text))
    if fragment is None:
        assert problems == []
    else:
        # Some fixtures break more than one rule (a URL also lowers readability).
        assert any(fragment in p for p in problems), problems


def test_voice_safe_phone_number_and_question_last(tmp_path: Path) -> None:
    text = "Bel gratis naar 0 8 0 0, 5 0 1 0. Dat is de hulplijn. Wilt u nu bellen?"
    assert voice_problems(text) == []
    by_key = "Bel gratis naar {{ouders_onderwijs.telefoon}}. Dat is de hulplijn. Wilt u nu bellen?"
    assert problems_for(tmp_path, with_text("spraak", by_key)) == []


def test_chat_variants_allow_lists_and_bare_addresses_but_no_markdown(tmp_path: Path) -> None:
    ok = "Kijk op {{ouders_onderwijs.website}}.\n- Bel de school.\n- Bel de gemeente."
    assert problems_for(tmp_path, with_text("ouder", ok)) == []
    link = "Kijk op [de site](https://oudersonderwijs.nl)."
    problems = problems_for(tmp_path, with_text("ouder", link))
    assert any("markdown link" in p for p in problems), problems
    bold = "Dit is **heel** belangrijk voor u."
    assert_single_problem(problems_for(tmp_path, with_text("jongere", bold)), "emphasis")
    italic = "Dit is _echt_ belangrijk voor je."
    assert_single_problem(problems_for(tmp_path, with_text("jongere", italic)), "emphasis")


def test_contains_emoji() -> None:
    assert contains_emoji("hoi 😀")
    assert contains_emoji("✅ klaar")
    assert not contains_emoji("Één café, naïef: €5 – “oké”.")


def write_domain(tmp_path: Path, intents: list[Any]) -> Path:
    domain = tmp_path / "domain"
    domain.mkdir()
    (domain / "onderwerpen.yml").write_text(
        yaml.safe_dump({"version": "3.1", "intents": intents}), encoding="utf-8"
    )
    (domain / "slots.yml").write_text(yaml.safe_dump({"slots": {}}), encoding="utf-8")
    return domain


def test_load_domain_intents_accepts_strings_and_single_key_dicts(tmp_path: Path) -> None:
    domain = write_domain(tmp_path, ["groet", {"nlu_fallback": {"use_entities": []}}])
    intents, problems = load_domain_intents([domain])
    assert intents == {"groet", "nlu_fallback"}
    assert problems == []
    intents, _ = load_domain_intents([domain / "onderwerpen.yml"])
    assert intents == {"groet", "nlu_fallback"}


def test_domain_intent_without_content_file(tmp_path: Path) -> None:
    content = tmp_path / "antwoorden"
    content.mkdir()
    write(content, VALID)
    write(content, OTHER)
    domain = write_domain(tmp_path, ["vraag_schorsing", {"nlu_fallback": None}])
    problems = [str(p) for p in check_directory(content, TODAY, [domain]).problems]
    assert len(problems) == 1, problems
    assert problems[0].endswith("nlu_fallback.yml: domain intent has no content file")


def test_malformed_domain_file_is_a_problem(tmp_path: Path) -> None:
    domain = tmp_path / "domain.yml"
    domain.write_text("intents: [", encoding="utf-8")
    _, problems = load_domain_intents([domain])
    assert len(problems) == 1
    assert "cannot read domain file" in str(problems[0])


def test_main_exit_codes_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # main() also checks content/regio/landelijk.yml, whose check dates must not lie after "today"
    today = dt.date(2026, 12, 31)
    write(tmp_path, VALID)
    write(tmp_path, OTHER)
    assert main(["--dir", str(tmp_path), "--domain"], today=today) == 0
    out = capsys.readouterr().out
    assert "OK: 2 file(s) checked" in out
    assert "vraag_schorsing.yml" in out and "spraak" in out  # readability table

    write(tmp_path, variant(gecontroleerd=dt.date(2027, 1, 1)), name="vraag_schorsing")
    assert main(["--dir", str(tmp_path), "--domain"], today=today) == 1
    out = capsys.readouterr().out
    assert "vraag_schorsing.yml: gecontroleerd 2027-01-01 is in the future" in out
    assert "FAILED: 1 problem(s)" in out


def test_main_fails_on_missing_directory(tmp_path: Path) -> None:
    assert main(["--dir", str(tmp_path / "nope"), "--domain"], today=TODAY) == 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Zoek op de website van de gemeente op leerplicht.", "'Zoek op'"),
        ("Het nummer vindt u daar. Zoek dan op RMC.", "'Zoek dan op'"),
        ("Klik op de knop om verder te gaan.", "'Klik'"),
        ("Typ dan uw postcode.", "'Typ'"),
        ("U kunt ook hieronder een onderwerp kiezen.", "'hieronder'"),
        ("Kies een knop, of zeg uw postcode.", "'Kies een knop'"),
    ],
)
def test_voice_texts_ask_nothing_a_caller_cannot_do(tmp_path: Path, text: str, fragment: str) -> None:
    problems = problems_for(tmp_path, with_text("spraak", text))
    assert any("a caller cannot do" in p and fragment in p for p in problems), problems
    # the same words are fine in a chat variant
    assert not any("a caller cannot do" in p for p in problems_for(tmp_path, with_text("ouder", text)))


def test_voice_texts_may_say_what_a_caller_can_do() -> None:
    from bot.content.check import screen_action_problems

    for text in ("Zeg dan: stop.", "Ik zoek de contacten in uw regio.", "Zeg ja of nee. Mag ik dat doen?",
                 "Vraag de school om een overleg.", "Kijk samen met de school wat past."):
        assert screen_action_problems(text) == [], text


def test_the_step_plan_the_phone_and_the_help_request_texts_are_checked_for_screen_actions(tmp_path: Path) -> None:
    from bot.content.check import OTHER_TEXT_FILES, other_text_problems

    assert any(p.parent.name == "hulpvraag" for p in OTHER_TEXT_FILES)
    plan = tmp_path / "teksten.yml"
    plan.write_text(yaml.safe_dump({"rmc_wie": {"ouder": "Zoek op de website op 'RMC'.",
                                                "spraak": "Zoek op de website op RMC."}}), encoding="utf-8")
    problems = [str(p) for p in other_text_problems(plan)]
    assert len(problems) == 1 and "rmc_wie.spraak" in problems[0] and "a caller cannot do" in problems[0]
    voice = tmp_path / "voice" / "teksten.yml"
    voice.parent.mkdir()
    voice.write_text("stilte_vraag: Typ uw vraag.\n", encoding="utf-8")
    assert any("a caller cannot do ('Typ')" in str(p) for p in other_text_problems(voice))
