"""bot.turn.regio_replies: contacts of a municipality in plain Dutch, per variant, voice-safe."""
from pathlib import Path

import pytest
import yaml

from bot.content.check import chat_problems, voice_problems
from bot.content.loader import ContentLibrary
from bot.turn.regio_replies import (
    REGIONAL_INTENTS, SKIP_PAYLOAD, ambiguity, ask_place, bare_web, confirm, display_name, national_reply,
    not_recognised, regional_line, render_contacts, render_national, spoken_digits, voice_safe,
)
from bot.regio.directory import RegionDirectory
from bot.regio.lookup import resolve_place

REPO = Path(__file__).resolve().parents[3]
REGIO = REPO / "content" / "regio"


@pytest.fixture(scope="module")
def lib():
    return ContentLibrary(REPO / "content" / "antwoorden")


@pytest.fixture(scope="module")
def directory():
    return RegionDirectory(REGIO)


@pytest.fixture
def local_directory(tmp_path):
    """A directory with its own (empty) overrides folder, so a test can add an override file."""
    (tmp_path / "overrides").mkdir()
    return RegionDirectory(REGIO, overrides_dir=tmp_path / "overrides")


def test_spoken_digits_and_voice_safe():
    assert spoken_digits("0800-5010") == "0 8 0 0, 5 0 1 0"
    assert spoken_digits("070-312 28 87") == "0 7 0, 3 1 2, 2 8, 8 7"
    text = voice_safe("- Bel 075-6213725 of mail info@x.nl, zie www.x.nl. Ouders & Onderwijs. Uit 2015.")
    assert voice_problems(text) == []
    assert "0 7 5, 6 2 1 3 7 2 5" in text and "Ouders en Onderwijs" in text and "tweeduizend vijftien" in text
    assert not text.startswith("-")


def test_bare_web_and_display_name(directory):
    assert bare_web("https://www.swvpozaanstreek.nl/") == "swvpozaanstreek.nl"
    assert display_name(directory.municipality("GM0479")) == "Zaanstad"
    assert display_name(directory.municipality("GM0373")) == "Bergen (Noord-Holland)"
    assert display_name(None) == ""


def test_contacts_parent_variant_zaanstad(lib, directory):
    text = render_contacts("GM0479", "ouder", lib, directory)
    first, *rest = text.splitlines()
    assert first == "In Zaanstad kunt u terecht bij:"
    assert "Leerplicht gemeente Zaanstad" in text
    assert "website van de gemeente" in text  # no invented leerplicht number
    assert "Samenwerkingsverband PO Zaanstreek" in text and "swvpozaanstreek.nl" in text
    assert "075-6213725" in text  # VO phone from the data
    assert "volgens gegevens uit 2015; kijk ook in de schoolgids" in text
    assert "Ouder- en jeugdsteunpunt" in text and "wijkteam of CJG van de gemeente Zaanstad" in text
    assert "Onderwijsconsulenten" in text and "Ouders & Onderwijs" in text and "Kinderombudsman" in text
    kinderombudsman = next(l for l in rest if "Kinderombudsman" in l)
    assert "kinderombudsman.nl" in kinderombudsman and "dekinderombudsman" not in text  # issue 17
    assert "0800-876" not in text
    assert max(len(l) for l in text.splitlines()) < 130


def test_contacts_youth_and_voice(lib, directory):
    assert render_contacts("GM0479", "jongere", lib, directory).startswith("In Zaanstad kun je terecht bij:")
    voice = render_contacts("GM0479", "spraak", lib, directory)
    assert voice.startswith("In Zaanstad kunt u terecht bij:")
    assert voice_problems(voice) == []
    assert "0 8 0 0, 5 0 1 0" in voice
    assert not any(l.startswith("-") for l in voice.splitlines()) and "http" not in voice


def test_every_municipality_renders_safely_in_every_variant(lib, directory):
    for gm in directory.gemeenten:
        for variant in ("ouder", "jongere"):
            text = render_contacts(gm, variant, lib, directory)
            assert chat_problems(text) == [], gm
        voice = render_contacts(gm, "spraak", lib, directory)
        assert voice_problems(voice) == [], (gm, voice_problems(voice))


def test_several_samenwerkingsverbanden_say_it_depends(lib, directory):
    text = render_contacts("GM0014", "ouder", lib, directory)
    assert "Dat hangt af van uw postcode of school." in text
    assert "naam niet in onze gegevens staat" in text  # VO2002 has no known name: not invented


def test_unknown_code_gives_national_contacts(lib, directory):
    assert render_contacts("GM9999", "ouder", lib, directory) == render_national("ouder", lib, directory)
    national = national_reply("jongere", lib, directory).text
    assert national.startswith("Prima.") and "Ouders & Onderwijs" in national


def test_regional_lines(directory):
    for intent in REGIONAL_INTENTS:
        for variant in ("ouder", "jongere", "spraak"):
            line = regional_line("GM0479", intent, variant, directory)
            assert line and line.startswith("In Zaanstad"), (intent, variant)
            if variant == "spraak":
                assert voice_problems(line) == []
    assert "Samenwerkingsverband PO Zaanstreek" in regional_line("GM0479", "vraag_samenwerkingsverband", "ouder", directory)
    assert "2015" in regional_line("GM0479", "vraag_samenwerkingsverband", "ouder", directory)
    assert regional_line("GM0479", "vraag_opp", "ouder", directory) is None
    assert regional_line(None, "mens_spreken", "ouder", directory) is None


def test_override_contact_and_text_take_effect_without_restart(local_directory, lib):
    before = render_contacts("GM0479", "ouder", lib, local_directory)
    assert "Team Leerplicht Zaanstad" not in before
    override = {
        "gebied": "GM0479", "naam": "Gemeente Zaanstad", "gecontroleerd": "2026-11-20",
        "contacten": {"leerplicht": {"naam": "Team Leerplicht Zaanstad", "telefoon": "075-1234567"}},
        "hulpverzoek": {"naam": "Loket Thuiszitters Zaanstad", "email": "loket@zaanstad.example.nl"},
        "teksten": {"vraag_jeugdhulp": {"ouder": "In Zaanstad helpt het Sociaal Wijkteam."}},
    }
    (local_directory.overrides_dir / "GM0479.yml").write_text(yaml.safe_dump(override), encoding="utf-8")
    after = render_contacts("GM0479", "ouder", lib, local_directory)
    assert "Team Leerplicht Zaanstad, tel. 075-1234567." in after
    assert "- Hulpvragen: Loket Thuiszitters Zaanstad, loket@zaanstad.example.nl." in after
    assert "website van de gemeente (zoek op 'leerplicht')" not in after
    assert regional_line("GM0479", "vraag_jeugdhulp", "ouder", local_directory) == \
        "In Zaanstad helpt het Sociaal Wijkteam."
    assert "Loket Thuiszitters Zaanstad" in regional_line("GM0479", "mens_spreken", "ouder", local_directory)
    voice = render_contacts("GM0479", "spraak", lib, local_directory)
    assert "0 7 5, 1 2 3 4 5 6 7" in voice and voice_problems(voice) == []


def test_questions(lib, directory):
    ask = ask_place("ouder", lib)
    assert "postcode" in ask.text and ask.buttons[0].payload == SKIP_PAYLOAD
    assert ask_place("spraak", lib).buttons == ()
    assert not_recognised("jongere", lib).text.startswith("Die plaats ken ik niet.")
    c = confirm("GM0479", "ouder", lib, directory)
    assert "Ik onthoud dat u in Zaanstad woont." in c.text and c.buttons[0].payload == "/vraag_contact"


def test_ambiguity_uses_the_resolution_question_with_buttons(lib):
    res = resolve_place("Bergen")
    reply = ambiguity(res, "ouder", lib)
    assert reply.text.startswith(res.vraag)
    assert [b.title for b in reply.buttons] == ["Bergen (Noord-Holland)", "Bergen (Limburg)"]
    assert reply.buttons[0].payload == '/woonplaats_noemen{"plaats": "GM0373"}'
    assert ambiguity(res, "jongere", lib).text.startswith("Bedoel je Bergen")
    voice = ambiguity(res, "spraak", lib)
    assert voice.buttons == () and voice_problems(voice.text) == []
    with pytest.raises(ValueError):
        ambiguity(resolve_place("Zaandam"), "ouder", lib)
