"""bot.rasa_runtime.warmup on the trained model: it parses and predicts without storing a conversation,
and does nothing without a ready agent or when switched off."""
from __future__ import annotations

import pytest
from rasa.core.agent import Agent

from bot.rasa_runtime import warmup as rasa_warmup
from bot.tooling.launcher import REPO

pytestmark = pytest.mark.integration
MODEL = REPO / "models" / "wegwijzer.tar.gz"


@pytest.fixture(scope="module")
def agent():
    if not MODEL.exists():
        pytest.skip("geen getraind model")
    return Agent.load(str(MODEL))


async def test_warms_up_without_storing_a_conversation(agent):
    seconds = await rasa_warmup.warm_up_agent(agent)
    assert seconds is not None and seconds > 0
    assert await agent.tracker_store.retrieve(rasa_warmup.SENDER) is None
    assert rasa_warmup.SENDER not in list(await agent.tracker_store.keys())


async def test_nothing_to_warm_without_a_ready_agent():
    assert await rasa_warmup.warm_up_agent(None) is None
    assert await rasa_warmup.warm_up_agent(Agent()) is None


async def test_switched_off_by_the_environment(agent, monkeypatch):
    class App:
        class ctx:
            pass

    App.ctx.agent = agent
    called = []
    monkeypatch.setattr(rasa_warmup, "warm_up_agent", lambda a: called.append(a))
    monkeypatch.setenv("WEGWIJZER_OPWARMEN", "0")
    await rasa_warmup.warm_up_app(App)
    assert called == []
    assert rasa_warmup.enabled({}) and not rasa_warmup.enabled({"WEGWIJZER_OPWARMEN": "0"})
