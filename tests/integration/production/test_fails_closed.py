"""Issue 18, finding 4: the production profile started without the phone token, the widget secret and
an origin allow-list, and so ran open. Now ``python -m bot.production start`` refuses, before it starts
any process, and says what is missing; the Rasa servers' CORS list is the allow-list, never "*"."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.production.commands import process_specs
from bot.production.security import problems
from bot.production.settings import REPO, ProductionSettings
from tests.integration.production.conftest import SAFE_ENV

SETTINGS = ("TWILIO_AUTH_TOKEN", "WEGWIJZER_WIDGET_SECRET", "WEGWIJZER_WIDGET_ORIGINS", "WEGWIJZER_SESSION_SECRET",
            "WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING", "WEGWIJZER_ACTIONS_TOKEN")


def start(tmp_path, **changes) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    env.update(PYTHONPATH=str(REPO), WEGWIJZER_PRODUCTIE_DIR=str(tmp_path / "profiel"),
               WEGWIJZER_MODEL=str(tmp_path / "geen-model.tar.gz"), **changes)
    return subprocess.run([sys.executable, "-m", "bot.production", "start"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("missing", ["TWILIO_AUTH_TOKEN", "WEGWIJZER_WIDGET_SECRET", "WEGWIJZER_WIDGET_ORIGINS",
                                     "WEGWIJZER_SESSION_SECRET"])
def test_the_profile_refuses_to_start_without_each_setting(tmp_path, missing):
    result = start(tmp_path, **{k: v for k, v in SAFE_ENV.items() if k != missing})
    assert result.returncode != 0
    assert missing in result.stderr and "start niet" in result.stderr
    # refused before anything ran: no database, no generated configuration
    assert not (tmp_path / "profiel" / "pg").exists() and not (tmp_path / "profiel" / "run").exists()


@pytest.mark.parametrize("unsafe", [
    {"WEGWIJZER_WIDGET_ORIGINS": "*"},
    {"WEGWIJZER_WIDGET_SECRET": "kort"},
    {"WEGWIJZER_SESSION_SECRET": "kort"},
    {"WEGWIJZER_TELEFOON_ZONDER_HANDTEKENING": "1"},
    {"WEGWIJZER_ACTIONS_TOKEN": "kort"},
])
def test_unsafe_values_are_refused_too(tmp_path, unsafe):
    result = start(tmp_path, **{**SAFE_ENV, **unsafe})
    assert result.returncode != 0 and "start niet" in result.stderr, result.stderr
    assert problems({**SAFE_ENV, **unsafe})


def test_with_every_setting_the_check_passes_and_only_the_model_is_missing(tmp_path):
    result = start(tmp_path, **SAFE_ENV)
    assert result.returncode != 0 and "geen getraind model" in result.stderr
    assert problems(SAFE_ENV) == []


def test_rasa_cors_is_the_allow_list_and_the_action_server_needs_the_secret(tmp_path):
    settings = ProductionSettings.from_env(SAFE_ENV)
    specs = process_specs(settings, tmp_path / "e.yml", None, None, env=dict(SAFE_ENV))
    for spec in (s for s in specs if s.name.startswith("rasa")):
        cors = spec.argv[spec.argv.index("--cors") + 1:]
        assert cors == ["https://www.gemeente-voorbeeld.nl"]
    actions = next(s for s in specs if s.name == "actieserver")
    assert actions.argv[1:3] == ["-m", "bot.action_server"] and "127.0.0.1" in actions.argv
