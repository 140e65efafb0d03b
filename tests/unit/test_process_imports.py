"""Import boundaries between processes: each process's entry point, in a fresh interpreter, loads no
Rasa (server), no TensorFlow, and none of bot.rasa_runtime; only the action server loads spaCy (its
region lookup tokenises with spaCy's Dutch tokenizer) and rasa_sdk. bench/process_memory.py measures
what this saves."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("rasa", "tensorflow", "jax", "scipy", "spacy", "thinc", "bot.rasa_runtime")

START = {
    # everything ``main`` does before it serves: parse, settings, the app with every action loaded
    "action server": """
import bot.action_server.app as entry
entry.without_ml_backends()
app, host, port = entry.build(["--port", "5055"], {"WEGWIJZER_ACTIONS_TOKEN": "t" * 40})
""",
    "outbox worker": """
import bot.hulpvraag.worker as entry
""",
    "staff console": """
import bot.console.__main__ as entry
from bot.console.app import create_app
from bot.console.settings import ConsoleSettings
create_app(ConsoleSettings.from_env())
""",
    "web app": """
import bot.web.__main__ as entry
from bot.web.app import create_app
from bot.web.settings import WebSettings
create_app(WebSettings.from_env())
""",
    "metrics exporter": """
import bot.metrics.__main__ as entry
""",
}
ALLOWED = {"action server": {"spacy", "thinc"}}


def loaded(process: str, tmp_path: Path) -> set:
    code = START[process] + f"""
import json, sys
print(json.dumps(sorted(name for name in {HEAVY!r}
                        if any(m == name or m.startswith(name + ".") for m, v in sys.modules.items() if v))))
"""
    env = {**os.environ, "WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'w.db'}",
           "WEGWIJZER_TRACKER_URL": f"sqlite:///{tmp_path / 't.db'}", "WEGWIJZER_OPWARMEN": "0"}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("process", sorted(START))
def test_entry_point_loads_no_rasa_and_no_tensorflow(process, tmp_path):
    assert loaded(process, tmp_path) == ALLOWED.get(process, set())


def test_an_already_imported_backend_stays():
    from bot.action_server.app import without_ml_backends

    modules = {"tensorflow": object()}
    assert without_ml_backends(modules) == ["jax", "torch"]
    assert modules["tensorflow"] is not None and modules["jax"] is None
