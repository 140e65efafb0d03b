"""bot.rasa_runtime.install: the one switch. Each case runs in a fresh interpreter, because a patch,
once applied, stays for the life of the process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

STATE = r"""
import json, logging, sys
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import Event
from rasa.shared.nlu.training_data.features import Features
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.tensorflow.models import RasaModel
def state():
    owners = {"RemoteAction._validate_action_result": RemoteAction._validate_action_result,
              "Event.resolve_by_type": Event.resolve_by_type, "Features._combine_sparse_features":
              Features._combine_sparse_features, "RasaModel._rasa_predict": RasaModel._rasa_predict,
              "DaskGraphRunner.run": DaskGraphRunner.run, "EndpointConfig.session": EndpointConfig.session,
              "RemoteAction.run": RemoteAction.run, "MessageProcessor.handle_message": MessageProcessor.handle_message}
    return sorted(name for name, fn in owners.items()
                  if getattr(fn, "__module__", "").startswith("bot.") or hasattr(fn, "__wrapped__"))
"""


def run(body: str, env: dict | None = None) -> dict:
    environ = {k: v for k, v in os.environ.items() if k != "WEGWIJZER_RASA_STOCK"}
    done = subprocess.run([sys.executable, "-c", STATE + body], cwd=REPO, env={**environ, **(env or {})},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "stderr": done.stderr}


INSTALL = r"""
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="LOG %(levelname)s %(message)s")
from bot.rasa_runtime.install import install, mode
first = install(**KWARGS)
second = install(**KWARGS)
print(json.dumps({"first": first, "second": second, "mode": mode(), "patched": state()}))
"""


def install_with(kwargs: str = "", env: dict | None = None) -> dict:
    return run(INSTALL.replace("KWARGS", f"dict({kwargs})"), env)


def test_importing_the_runtime_and_our_nlu_components_switches_nothing_on():
    result = run(r"""
import bot.nlu.override_component, bot.nlu.topic_classifier_component, bot.nlu.dutch_tokenizer
import bot.nlu.danger_classifier_component
import bot.rasa_runtime.speedups, bot.rasa_runtime.graph_runner, bot.rasa_runtime.action_connections
import bot.rasa_runtime.action_guard, bot.rasa_runtime.turn_metrics, bot.rasa_runtime.tracker_store
import bot.rasa_runtime.warmup, bot.channels.rest_channel, bot.channels.socketio_channel
import bot.channels.twilio_voice_nl
from bot.rasa_runtime.install import mode
print(json.dumps({"patched": state(), "mode": mode()}))
""")
    assert result["patched"] == [] and result["mode"] is None


def test_install_applies_every_patch_once_and_logs_each():
    result = install_with()
    assert result["mode"] == "patched"
    assert len(result["first"]) == 9 and result["second"] == result["first"]
    assert result["patched"] == sorted([
        "DaskGraphRunner.run", "EndpointConfig.session", "Event.resolve_by_type",
        "Features._combine_sparse_features", "MessageProcessor.handle_message", "RasaModel._rasa_predict",
        "RemoteAction._validate_action_result", "RemoteAction.run"])
    lines = [line for line in result["stderr"].splitlines() if "Rasa patch applied" in line]
    assert len(lines) == 9  # the second call logs nothing
    assert any("RemoteAction.run" in line and "action guard" in line for line in lines)


def test_stock_rasa_on_request():
    result = install_with(env={"WEGWIJZER_RASA_STOCK": "1"})
    # stock Rasa, except the safety patch: emergency numbers also while a colleague holds the chat
    safety = ["safety while a colleague holds the chat"]
    assert result["first"] == safety and result["second"] == safety and result["mode"] == "stock"
    assert result["patched"] == ["MessageProcessor.handle_message"]
    assert "WEGWIJZER_RASA_STOCK=1: stock Rasa, no Wegwijzer speed-up or guard applied" in result["stderr"]


def test_another_rasa_version_gets_no_patch():
    result = install_with('version="3.6.20"')
    assert result["first"] == [] and result["patched"] == [] and result["mode"] == "stock"
    assert "Rasa 3.6.20 found, the Wegwijzer patches are written for Rasa 3.6.21 only: none applied" \
        in result["stderr"]


def test_training_keeps_rasas_graph_runner():
    result = install_with("training=True")
    assert len(result["first"]) == 8 and "DaskGraphRunner.run" not in result["patched"]


def test_the_command_line_tells_training_apart():
    from bot.rasa_runtime.__main__ import training

    assert training(["train", "--force"]) and training(["test", "nlu", "--cross-validation"])
    assert not training(["run", "--model", "m"]) and not training(["test", "core"]) and not training([])
