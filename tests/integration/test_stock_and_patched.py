"""The trained model on stock Rasa (WEGWIJZER_RASA_STOCK=1) and on Rasa with every Wegwijzer patch gives
the same predictions: each in a fresh interpreter that calls install() as ``python -m bot.rasa_runtime``
does, then parses a sample of the held-out test set and predicts the next action after each message."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.tooling.launcher import REPO

pytestmark = pytest.mark.integration
MODEL = REPO / "models" / "wegwijzer.tar.gz"

SCRIPT = r"""
import asyncio, json, sys
sys.path.insert(0, "tests/integration")
from bot.rasa_runtime.install import install
applied = install()
from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.shared.core.events import ActionExecuted, UserUttered
from trained_model import sample_messages

processor = Agent.load(sys.argv[1]).processor
out = []
async def turn(number, text):
    sender = f"s-{number}"
    tracker = await processor.get_tracker(sender)
    parse = await processor.parse_message(UserMessage(text, sender_id=sender), tracker)
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered(text, parse["intent"], parse["entities"], parse))
    prediction = processor._predict_next_with_tracker(tracker)
    return {"text": text, "intent": parse["intent"],
            "ranking": [(r["name"], r["confidence"]) for r in parse.get("intent_ranking") or []],
            "entities": sorted((e["entity"], e["start"], e["end"], str(e.get("value"))) for e in parse["entities"]),
            "policy": prediction.policy_name, "action": prediction.max_confidence_index,
            "probabilities": prediction.probabilities}
for number, text in enumerate(sample_messages(60)):
    out.append(asyncio.run(turn(number, text)))
print(json.dumps({"applied": list(applied), "turns": out}))
"""


def predictions(stock: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "WEGWIJZER_RASA_STOCK"}
    if stock:
        env["WEGWIJZER_RASA_STOCK"] = "1"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(MODEL)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_stock_and_patched_rasa_predict_the_same():
    if not MODEL.exists():
        pytest.skip("geen getraind model")
    stock, patched = predictions(stock=True), predictions(stock=False)
    # stock: no speed-up and no guard, only the safety wrapper of a paused (live) chat, which changes no prediction
    assert stock["applied"] == ["safety while a colleague holds the chat"] and len(patched["applied"]) == 9
    assert len(stock["turns"]) == len(patched["turns"]) >= 50
    for ours, rasas in zip(patched["turns"], stock["turns"]):
        assert ours == rasas, ours["text"]
