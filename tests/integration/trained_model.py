"""The trained model loaded in this process (no servers), for tests that compare Rasa's own code
paths with ours on real predictions."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.shared.nlu.training_data.loading import load_data

from bot.tooling.launcher import REPO
from bot.rasa_runtime.install import install

MODEL = REPO / "models" / "wegwijzer.tar.gz"


def sample_messages(limit: int = 80) -> list[str]:
    """Every n-th message of the held-out test set, sorted: the same sample on every run."""
    data = load_data(str(REPO / "tests" / "nlu_testset"))
    texts = sorted(m.get("text") for m in data.intent_examples)
    return texts[:: max(1, len(texts) // limit)][:limit]


@pytest.fixture(scope="module")
def processor():
    if not MODEL.exists():
        pytest.skip("geen getraind model")
    install()  # as python -m bot.rasa_runtime does (WEGWIJZER_RASA_STOCK=1: stock Rasa)
    agent = Agent.load(str(MODEL))
    return agent.processor


def installed() -> bool:
    """Whether this process runs the patched Rasa (not WEGWIJZER_RASA_STOCK=1)."""
    from bot.rasa_runtime.install import mode

    return mode() == "patched"


def with_attribute(owner, name: str, value, action):
    """``action()`` while ``owner.name`` is ``value`` (Rasa's own code path or ours), then restored."""
    saved = getattr(owner, name)
    setattr(owner, name, value)
    try:
        return action()
    finally:
        setattr(owner, name, saved)


def parse(processor, text: str, sender: str) -> dict:
    async def go():
        tracker = await processor.get_tracker(sender)
        return await processor.parse_message(UserMessage(text, sender_id=sender), tracker)
    return asyncio.run(go())
