"""bot.settings.check/start: a process checks every variable it reads when it starts, and a real process
stops there (exit status 2, the variable and what is allowed on stderr) before it opens a port."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import settings
from bot.console.settings import ConsoleSettings
from bot.hulpvraag.config import Settings as RequestSettings
from bot.production.settings import ProductionSettings
from bot.settings import SettingsError

REPO = Path(__file__).resolve().parents[3]


def test_check_lists_every_bad_variable_of_the_process_at_once():
    env = {"WEGWIJZER_CONSOLE_PORT": "abc", "WEGWIJZER_CONSOLE_HTTPS": "misschien",
           "WEGWIJZER_OUTBOX_POLL": "snel"}             # the worker's, not the console's
    with pytest.raises(SettingsError) as caught:
        settings.check("console", env)
    message = str(caught.value)
    assert "WEGWIJZER_CONSOLE_PORT" in message and "WEGWIJZER_CONSOLE_HTTPS" in message
    assert "WEGWIJZER_OUTBOX_POLL" not in message
    with pytest.raises(SettingsError, match="WEGWIJZER_OUTBOX_POLL"):
        settings.check(("console", "worker"), {"WEGWIJZER_OUTBOX_POLL": "snel"})


def test_every_process_starts_with_an_empty_environment():
    for process in settings.PROCESSES:
        settings.check(process, {})


def test_an_unknown_name_is_a_warning_not_a_refusal(caplog):
    with caplog.at_level(logging.WARNING, logger="bot.settings"):
        settings.check("console", {"WEGWIJZER_CONSOLE_POORT": "8090"})
    assert "WEGWIJZER_CONSOLE_POORT" in caplog.text


def test_family_members_are_checked_too():
    with pytest.raises(SettingsError, match="WEGWIJZER_LIMIT_TURN_TIMEOUT"):
        settings.check("rasa", {"WEGWIJZER_LIMIT_TURN_TIMEOUT": "lang"})


def test_the_registry_defaults_are_the_readers_defaults():
    """Moving the readers changed no default: reading an empty environment gives the dataclass defaults."""
    assert ConsoleSettings.from_env({}) == ConsoleSettings()
    assert RequestSettings.from_env({}) == RequestSettings()
    defaults = ProductionSettings()
    assert ProductionSettings.from_env({}) == defaults.with_changes(run_dir=defaults.run_dir.resolve(),
                                                                   model=defaults.model.resolve())


def test_readers_that_warned_and_went_on_now_refuse():
    with pytest.raises(SettingsError, match="WEGWIJZER_CONSOLE_SESSIE_MINUTEN"):
        ConsoleSettings.from_env({"WEGWIJZER_CONSOLE_SESSIE_MINUTEN": "lang"})
    with pytest.raises(SettingsError, match="WEGWIJZER_OUTBOX_MAX_POGINGEN"):
        RequestSettings.from_env({"WEGWIJZER_OUTBOX_MAX_POGINGEN": "0"})


def _run(module: list[str], **env) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(REPO), **env}
    return subprocess.run([sys.executable, "-m", *module], cwd=REPO, env=full, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("module,name,raw", [
    (["bot.console", "--port", "0"], "WEGWIJZER_CONSOLE_INACTIEF_MINUTEN", "dertig"),
    (["bot.hulpvraag.worker", "--once"], "WEGWIJZER_OUTBOX_POLL", "snel"),
    (["bot.web", "--port", "0"], "WEGWIJZER_WIDGET_TOKEN_TTL", "0"),
    (["bot.privacy.cli", "opruimen"], "WEGWIJZER_BEWAARTERMIJN_DAGEN", "-1"),
    (["bot.production", "status"], "WEGWIJZER_LIVE_WACHTTIJD_SECONDEN", "2"),
])
def test_a_real_process_stops_at_start_naming_the_variable(module, name, raw, tmp_path):
    done = _run(module, **{name: raw, "WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"})
    assert done.returncode == 2, done.stderr[-2000:]
    assert name in done.stderr and "is niet geldig: toegestaan is" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "db.sqlite").exists()        # stopped before it touched the database
