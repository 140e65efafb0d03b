"""Rasa's RemoteAction with the guard (bot.rasa_runtime.action_guard) against real HTTP servers: down,
error status, too slow, a form's rejection. Rasa itself would give the user no message at all."""
from __future__ import annotations

import asyncio

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_runtime import action_guard as rasa_action_guard
from bot.tooling.launcher import free_port

rasa_action_guard.apply()


def tracker(metadata=None, channel="rest", extra=()):
    events = [UserUttered("wat is een opp", metadata=metadata or {}, input_channel=channel), *extra]
    return DialogueStateTracker.from_events("gebruiker", events)


async def run_action(url: str, the_tracker) -> list:
    action = RemoteAction("action_answer", EndpointConfig(url))
    return await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), the_tracker,
                            Domain.empty())


async def serve(handler):
    app = web.Application()
    app.router.add_post("/webhook", handler)
    server = TestServer(app)
    await server.start_server()
    return server


async def test_action_server_down_gives_one_friendly_message():
    events = await run_action(f"http://127.0.0.1:{free_port()}/webhook", tracker())
    assert len(events) == 1 and isinstance(events[0], BotUttered)
    assert "0800-5010" in events[0].text and "112" in events[0].text


async def test_only_one_failure_message_per_turn():
    earlier = BotUttered("Sorry", metadata={rasa_action_guard.METADATA_KEY: True})
    events = await run_action(f"http://127.0.0.1:{free_port()}/webhook", tracker(extra=[earlier]))
    assert events == []


async def test_voice_and_youth_variants():
    voice = await run_action(f"http://127.0.0.1:{free_port()}/webhook", tracker(channel="twilio_voice_nl"))
    assert "0 8 0 0" in voice[0].text
    youth = await run_action(f"http://127.0.0.1:{free_port()}/webhook", tracker({"doelgroep": "jongere"}))
    assert "Kindertelefoon" in youth[0].text


async def test_an_error_status_gives_the_friendly_message():
    async def broken(_):
        return web.json_response({"error": "Traceback (most recent call last): ..."}, status=500)
    server = await serve(broken)
    try:
        events = await run_action(str(server.make_url("/webhook")), tracker())
    finally:
        await server.close()
    assert len(events) == 1 and "Traceback" not in events[0].text


async def test_a_slow_action_server_is_cut_off(monkeypatch):
    monkeypatch.setenv("WEGWIJZER_LIMIT_ACTION_TIMEOUT", "1")

    async def slow(_):
        await asyncio.sleep(30)
        return web.json_response({"events": [], "responses": []})
    server = await serve(slow)
    try:
        events = await run_action(str(server.make_url("/webhook")), tracker())
    finally:
        await server.close()
    assert len(events) == 1 and "0800-5010" in events[0].text


async def test_a_forms_rejection_is_still_rasas_business():
    async def reject(_):
        return web.json_response({"action_name": "action_answer", "error": "nee"}, status=400)
    server = await serve(reject)
    try:
        with pytest.raises(ActionExecutionRejection):
            await run_action(str(server.make_url("/webhook")), tracker())
    finally:
        await server.close()


async def test_a_working_action_server_is_untouched():
    async def fine(_):
        return web.json_response({"events": [], "responses": [{"text": "Een OPP is een plan."}]})
    server = await serve(fine)
    try:
        events = await run_action(str(server.make_url("/webhook")), tracker())
    finally:
        await server.close()
    assert [e.text for e in events] == ["Een OPP is een plan."]
