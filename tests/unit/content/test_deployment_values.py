"""bot.content.deployment: an answer names the retention periods this deployment really applies."""
import pytest

from bot.content import contacts
from bot.content.deployment import deployment_value
from bot.content.loader import ContentLibrary
from bot.settings import SettingsError


def test_the_periods_come_from_the_same_settings_as_the_cleanup_jobs(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_BEWAARTERMIJN_DAGEN", "14")
    monkeypatch.setenv("WEGWIJZER_HULPVRAAG_BEWAARDAGEN", "60")
    assert contacts.fill("Na {{bewaren.gesprek_dagen}} dagen.", "ouder") == "Na 14 dagen."
    assert contacts.fill("Na {{bewaren.hulpvraag_dagen}} dagen.", "spraak") == "Na 60 dagen."


def test_defaults_and_a_bad_value_is_refused_by_name():
    assert deployment_value("gesprek_dagen", {}) == "30"
    assert deployment_value("hulpvraag_dagen", {}) == "90"
    # bot.settings: one behaviour for a bad value (the processes refuse to start with it), never a silent 30
    with pytest.raises(SettingsError, match="WEGWIJZER_BEWAARTERMIJN_DAGEN"):
        deployment_value("gesprek_dagen", {"WEGWIJZER_BEWAARTERMIJN_DAGEN": "veel"})
    with pytest.raises(SettingsError, match="WEGWIJZER_HULPVRAAG_BEWAARDAGEN"):
        deployment_value("hulpvraag_dagen", {"WEGWIJZER_HULPVRAAG_BEWAARDAGEN": "0"})


def test_an_unknown_field_is_a_content_problem_and_never_reaches_the_user():
    assert contacts.key_problems("{{bewaren.altijd}}", "ouder")
    assert deployment_value("altijd") is None
    assert contacts.fill("Na {{bewaren.altijd}} dagen.", "ouder") == "Na  dagen."


def test_the_privacy_answer_names_the_periods_in_every_variant(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_BEWAARTERMIJN_DAGEN", "21")
    answer = ContentLibrary().get("privacy_gesprek")
    assert answer is not None
    for variant in ("ouder", "jongere", "spraak"):
        assert "Na 21 dagen" in answer.tekst[variant], variant
        assert "{{" not in answer.tekst[variant]
