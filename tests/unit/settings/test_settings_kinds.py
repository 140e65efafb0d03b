"""bot.settings: every kind of value, read typed, and one behaviour for a bad value (a SettingsError that names
the variable and what is allowed; never a silent default)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot import settings
from bot.settings import Setting, SettingsError


def test_unset_or_blank_is_the_default():
    for env in ({}, {"WEGWIJZER_CONSOLE_PORT": ""}, {"WEGWIJZER_CONSOLE_PORT": "  "}):
        assert settings.read("WEGWIJZER_CONSOLE_PORT", env) == 8090


@pytest.mark.parametrize("name,raw,value", [
    ("WEGWIJZER_CONSOLE_PORT", " 9000 ", 9000),
    ("WEGWIJZER_OUTBOX_POLL", "0.5", 0.5),
    ("WEGWIJZER_CONSOLE_HTTPS", "ja", True),
    ("WEGWIJZER_CONSOLE_HTTPS", "TRUE", True),
    ("WEGWIJZER_HERSTART", "nee", False),
    ("WEGWIJZER_OPWARMEN", "0", False),
    ("WEGWIJZER_SMTP_BEVEILIGING", "TLS", "tls"),
    ("WEGWIJZER_CONSOLE_RASA_URLS", " http://a:1 , ,http://b:2", ("http://a:1", "http://b:2")),
    ("WEGWIJZER_MODEL", "/srv/model.tar.gz", Path("/srv/model.tar.gz")),
    ("WEGWIJZER_VANDAAG", "2027-07-31", date(2027, 7, 31)),
    ("WEGWIJZER_PROXY_MAX_BODY", "1m", "1m"),
    ("WEGWIJZER_WIDGET_RATE", "5 / 30", "5 / 30"),
    ("WEGWIJZER_ACTIONS_TOKEN", "x" * 32, "x" * 32),
])
def test_good_values_are_typed(name, raw, value):
    assert settings.read(name, {name: raw}) == value


@pytest.mark.parametrize("name,raw,allowed", [
    ("WEGWIJZER_CONSOLE_PORT", "abc", "geheel getal van 1 tot en met 65535"),
    ("WEGWIJZER_CONSOLE_PORT", "0", "geheel getal van 1 tot en met 65535"),
    ("WEGWIJZER_CONSOLE_PORT", "70000", "geheel getal van 1 tot en met 65535"),
    ("WEGWIJZER_CONSOLE_PORT", "8090.5", "geheel getal"),
    ("WEGWIJZER_CONSOLE_MAX_FOUTEN_IP", "4", "van minstens 5"),
    ("WEGWIJZER_OUTBOX_POLL", "nan", "getal van minstens 0.05"),
    ("WEGWIJZER_OUTBOX_POLL", "snel", "getal van minstens 0.05"),
    ("WEGWIJZER_LIVE_WACHTTIJD_SECONDEN", "3601", "van 5 tot en met 3600"),
    ("WEGWIJZER_CONSOLE_HTTPS", "misschien", "aan (1, true, ja"),
    ("WEGWIJZER_SMTP_BEVEILIGING", "ssl", "een van: starttls, tls, geen"),
    ("WEGWIJZER_VANDAAG", "2027-02-30", "datum JJJJ-MM-DD"),
    ("WEGWIJZER_PROXY_MAX_BODY", "veel", "zoals 64k"),
    ("WEGWIJZER_WIDGET_RATE", "0/60", "zoals 10/60"),
    ("WEGWIJZER_LIMIT_TURN_TIMEOUT", "-3", "van minstens 1"),
])
def test_a_bad_value_names_the_variable_and_what_is_allowed(name, raw, allowed):
    with pytest.raises(SettingsError) as caught:
        settings.read(name, {name: raw})
    message = str(caught.value)
    assert message.startswith(f"{name}={raw!r} is niet geldig") and allowed in message


def test_a_bad_secret_is_named_but_never_shown():
    with pytest.raises(SettingsError) as caught:
        settings.read("WEGWIJZER_SESSION_SECRET", {"WEGWIJZER_SESSION_SECRET": "geheim-maar-te-kort"})
    assert "WEGWIJZER_SESSION_SECRET" in str(caught.value) and "minstens 32 tekens" in str(caught.value)
    assert "geheim-maar-te-kort" not in str(caught.value)


def test_a_settings_error_is_a_value_error_so_old_callers_still_catch_it():
    assert issubclass(SettingsError, ValueError)


def test_families_declare_every_member_once():
    assert settings.lookup("WEGWIJZER_WEBHOOK_SECRET_GM0479").name == "WEGWIJZER_WEBHOOK_SECRET_"
    assert settings.lookup("WEGWIJZER_WEBHOOK_SECRET").name == "WEGWIJZER_WEBHOOK_SECRET"
    assert settings.read("WEGWIJZER_LIMIT_TURN_TIMEOUT", {"WEGWIJZER_LIMIT_TURN_TIMEOUT": "20"}) == 20
    assert settings.lookup("WEGWIJZER_LIMIT_") is None          # the bare prefix is no variable
    with pytest.raises(KeyError):
        settings.read("WEGWIJZER_BESTAAT_NIET", {})


def test_an_unknown_kind_is_refused_when_declared():
    with pytest.raises(ValueError):
        Setting("WEGWIJZER_X", "getal", 1, ("tests",), "x")


def test_require_says_why_and_how_to_make_a_secret():
    with pytest.raises(SettingsError) as caught:
        settings.require("WEGWIJZER_ACTIONS_TOKEN", "de actieserver start niet", {"WEGWIJZER_ACTIONS_TOKEN": " "})
    assert str(caught.value).startswith("WEGWIJZER_ACTIONS_TOKEN is niet gezet: de actieserver start niet")
    assert "secrets.token_urlsafe" in str(caught.value)
    assert settings.require("WEGWIJZER_ACTIONS_TOKEN", "x", {"WEGWIJZER_ACTIONS_TOKEN": "t" * 40}) == "t" * 40
