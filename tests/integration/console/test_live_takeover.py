"""Issue 20, item 5 end to end: a person takes over a widget chat.

Real Rasa server + action server with the trained model (``stack`` of tests/integration/conftest.py), a real
socket.io client as the widget, and real console processes over HTTP on the same databases. A user in
Utrecht asks for a person during Utrecht's live-chat hours (an override written for this test); the
conversation appears in Utrecht's live list (not Zaanstad's); a colleague takes it over; a second one is
refused in Dutch; the assistant pauses (Rasa's ``pause`` event) so the user's message gets no bot reply;
the colleague's message reaches the socket at once and is in the transcript as "Medewerker"; the console
restarts mid-chat and nothing is lost; the user closes the widget mid-takeover; leaving resumes the
assistant (``resume``), which answers again. Outside the opening hours the help-request offer follows
as before. Every step is in the audit log. The Rasa endpoint refuses anything without the console's token.
"""
from __future__ import annotations

import asyncio
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from bot.storage.console_schema import console_metadata
from bot.hulpvraag.db import make_engine
from bot.regio.opening_hours import DAYS
from console_data import PASSWORD
from console_process import Console, console_process
from live_support import Widget, events_of

pytestmark = pytest.mark.integration
MELDING = re.compile(r'<p class="melding" role="status">([^<]*)</p>')


def _override(stack, hours: dict) -> Path:
    path = Path(stack.regio_dir) / "overrides" / "GM0344.yml"
    path.write_text(yaml.safe_dump({"gebied": "GM0344", "naam": "Testbeheer Utrecht",
                                    "live_chat": {"openingstijden": hours}}), encoding="utf-8")
    return path


def audit(database_url: str) -> list[tuple[str, str, str]]:
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
        return conn.execute("SELECT actor, actie, detail FROM audit_log WHERE doel_soort = 'live' ORDER BY id").fetchall()


@pytest.fixture(scope="module")
def consoles(stack, tmp_path_factory):
    engine = make_engine(stack.database_url)
    console_metadata.create_all(engine)
    accounts = Accounts(engine)
    accounts.create("live-utrecht", PASSWORD, "regiomedewerker", frozenset({"GM0344"}))
    accounts.create("live-utrecht2", PASSWORD, "regiomedewerker", frozenset({"GM0344"}))
    accounts.create("live-zaan", PASSWORD, "regiomedewerker", frozenset({"JZ09"}))
    accounts.create("live-redactie", PASSWORD, "contentredacteur", frozenset({"ALLE"}))
    engine.dispose()
    work = tmp_path_factory.mktemp("console_live")
    env = {"WEGWIJZER_LIVE_TOKEN": stack.live_token, "WEGWIJZER_CONSOLE_RASA_URLS": stack.rasa_url}
    tracker_url = f"sqlite:///{stack.running.workdir / 'tracker.db'}"

    def start(**extra):
        return console_process(work, stack.database_url, tracker_url, {**env, **extra})
    return start


def test_live_takeover_end_to_end(stack, consoles):
    override = _override(stack, {day: "00:00-24:00" for day in DAYS})
    try:
        asyncio.run(_takeover(stack, consoles))
    finally:
        override.unlink()


async def _takeover(stack, consoles):
    widget = Widget(stack.rasa_url)
    session = await widget.open()
    sender = session["session_id"]
    key = key_of(sender)
    await widget.say("ik woon in Utrecht")
    await widget.wait_for(lambda m: "Utrecht" in m.get("text", ""))
    widget.received.clear()
    await widget.say("ik wil een mens spreken")
    wait_text = await widget.wait_for(lambda m: "Ik vraag nu een medewerker" in m.get("text", ""))
    await widget.wait_for(lambda m: "Zal ik dat doen?" in m.get("text", ""))   # the help-request offer still follows
    assert "uit uw regio" in wait_text["text"]

    with consoles() as url:
        console = Console(url)
        utrecht, utrecht2 = console.client("live-utrecht"), console.client("live-utrecht2")
        zaan, redactie = console.client("live-zaan"), console.client("live-redactie")
        page = await asyncio.to_thread(utrecht.get, f"{url}/live")
        assert page.status_code == 200 and f"/live/{key}" in page.text and "Wacht op een medewerker" in page.text
        assert 'http-equiv="refresh"' not in page.text and "Vernieuwen" in page.text
        # region scope: Zaanstad's colleague does not see it, not even by its address; an editor may not chat
        assert f"/live/{key}" not in (await asyncio.to_thread(zaan.get, f"{url}/live")).text
        assert (await asyncio.to_thread(zaan.get, f"{url}/live/{key}")).status_code == 404
        assert (await asyncio.to_thread(redactie.get, f"{url}/live")).status_code == 403
        token_zaan = console.csrf(zaan, "/live")
        refused = await asyncio.to_thread(zaan.post, f"{url}/live/{key}/overnemen", data={"csrf": token_zaan})
        assert refused.status_code == 404

        # the colleague takes over: Rasa pauses the conversation, the widget hears a person answers now
        token = console.csrf(utrecht, f"/live/{key}")
        joined = await asyncio.to_thread(utrecht.post, f"{url}/live/{key}/overnemen", data={"csrf": token})
        assert joined.status_code == 200 and "U voert nu dit gesprek" in joined.text
        started = await widget.wait_for(lambda m: m.get("live") == "gestart")
        assert "Een medewerker praat nu met u" in started["text"]
        assert any(t == "pause" for t, _ in events_of(stack, sender))

        # a second colleague is told in Dutch that someone already took it
        token2 = console.csrf(utrecht2, f"/live/{key}")
        second = await asyncio.to_thread(utrecht2.post, f"{url}/live/{key}/overnemen", data={"csrf": token2})
        assert "al overgenomen" in MELDING.search(second.text).group(1) and "live-utrecht" in second.text
        assert 'name="tekst"' not in second.text

    # the console restarts during the live chat: the state is in the database
    with consoles() as url:
        console = Console(url)
        utrecht = console.client("live-utrecht")
        page = await asyncio.to_thread(utrecht.get, f"{url}/live")
        assert f"/live/{key}" in page.text and "Wordt gevoerd door live-utrecht" in page.text

        # paused: the user's message is stored but the assistant does not answer
        widget.received.clear()
        await widget.say("hallo, is daar iemand? mijn nummer is 0612345678")
        await asyncio.sleep(4)
        assert widget.received == []
        chat = await asyncio.to_thread(utrecht.get, f"{url}/live/{key}")
        assert "hallo, is daar iemand?" in chat.text and "0612345678" not in chat.text  # masked as in transcripts

        # safety first, also while paused: a danger signal still gets the emergency numbers at once
        await widget.say("soms denk ik erover om een einde aan mn leven te maken")
        safety = await widget.wait_for(lambda m: "113" in m.get("text", ""), timeout=20)
        assert "0800-0113" in safety["text"]
        widget.received.clear()
        assert any(t == "pause" for t, _ in events_of(stack, sender))
        assert [t for t, _ in events_of(stack, sender) if t in ("pause", "resume")] == ["pause"]  # still paused

        # the colleague's message reaches the widget at once, marked as a person's
        token = console.csrf(utrecht, f"/live/{key}")
        sent = await asyncio.to_thread(utrecht.post, f"{url}/live/{key}/bericht",
                                       data={"csrf": token, "tekst": "Goedemorgen, u spreekt met een medewerker <b>x</b>."})
        assert "Uw bericht is verzonden" in sent.text
        message = await widget.wait_for(lambda m: m.get("medewerker") is True, timeout=10)
        assert message["text"] == "Goedemorgen, u spreekt met een medewerker <b>x</b>."
        empty = await asyncio.to_thread(utrecht.post, f"{url}/live/{key}/bericht", data={"csrf": token, "tekst": "  "})
        assert "Typ eerst een bericht" in empty.text

        # in the transcript as the colleague's, escaped
        transcript = (await asyncio.to_thread(utrecht.get, f"{url}/gesprekken/{key}")).text
        assert "Medewerker" in transcript and "&lt;b&gt;x&lt;/b&gt;" in transcript
        bot_events = [d for t, d in events_of(stack, sender) if t == "bot"]
        assert any((d.get("metadata") or {}).get("wegwijzer_medewerker") is True for d in bot_events)

        # the user closes the widget mid-takeover; the colleague's next message is still stored
        await widget.close()
        token = console.csrf(utrecht, f"/live/{key}")
        await asyncio.to_thread(utrecht.post, f"{url}/live/{key}/bericht", data={"csrf": token, "tekst": "Bent u er nog?"})
        assert any(d.get("text") == "Bent u er nog?" for t, d in events_of(stack, sender) if t == "bot")

        # the user comes back while the colleague still holds the chat: the widget hears so on rejoining
        widget = Widget(stack.rasa_url)
        assert (await widget.open(session))["session_id"] == sender
        for _ in range(50):
            if widget.live_status:
                break
            await asyncio.sleep(0.1)
        assert widget.live_status == [{"live": True}]
        # the colleague leaves: Rasa resumes, the assistant answers again in the same conversation
        left = await asyncio.to_thread(utrecht.post, f"{url}/live/{key}/verlaten", data={"csrf": token})
        assert "Wegwijzer antwoordt weer" in left.text and f"/live/{key}" not in left.text
        await widget.wait_for(lambda m: m.get("live") == "gestopt")
        assert [t for t, _ in events_of(stack, sender) if t in ("pause", "resume")] == ["pause", "resume"]
        widget.received.clear()
        await widget.say("wat is leerplicht")
        answer = await widget.wait_for(lambda m: "leerplicht" in m.get("text", "").lower() and not m.get("medewerker"))
        assert answer
        again = await asyncio.to_thread(utrecht.get, f"{url}/live/{key}")
        assert "Dit live gesprek is voorbij" in again.text
        # a widget that rejoins after the colleague left hears it is no longer live (no stale banner)
        later = Widget(stack.rasa_url)
        await later.open(session)
        for _ in range(50):
            if later.live_status:
                break
            await asyncio.sleep(0.1)
        assert later.live_status == [{"live": False}]
        await later.close()
    await widget.close()

    actions = [a for _, a, _ in audit(stack.database_url)]
    for expected in ("live_overgenomen", "live_geweigerd", "live_bericht", "live_verlaten", "bekeken"):
        assert expected in actions, actions
    assert not any("0612345678" in detail for _, _, detail in audit(stack.database_url))


def test_nobody_joins_in_time_the_user_hears_so_and_gets_the_offer(stack, consoles):
    override = _override(stack, {day: "00:00-24:00" for day in DAYS})
    try:
        asyncio.run(_expiry(stack, consoles))
    finally:
        override.unlink()


async def _expiry(stack, consoles):
    widget = Widget(stack.rasa_url)
    sender = (await widget.open())["session_id"]
    await widget.say("ik woon in Utrecht")
    await widget.wait_for(lambda m: "Utrecht" in m.get("text", ""))
    await widget.say("wat is leerplicht")          # the offer of this turn lapses: the expiry offers it again
    await widget.wait_for(lambda m: "eerplicht" in m.get("text", ""))
    await widget.say("kan ik iemand spreken")
    await widget.wait_for(lambda m: "Ik vraag nu een medewerker" in m.get("text", ""))
    await widget.say("wat is een opp")             # a message while waiting: the offer's slot lapses
    await widget.wait_for(lambda m: "ontwikkelingsperspectief" in m.get("text", "").lower())
    widget.received.clear()
    with consoles(WEGWIJZER_LIVE_WACHTTIJD_SECONDEN="6") as url:
        expired = await widget.wait_for(lambda m: m.get("live") == "verlopen", timeout=40)
        assert "geen medewerker vrij" in expired["text"] and "Zal ik dat doen?" in expired["text"]
        assert [b["title"] for b in expired["quick_replies"]] and all(b["payload"] for b in expired["quick_replies"])
        await asyncio.sleep(8)                                       # told once, not on every round
        assert len([m for m in widget.received if m.get("live") == "verlopen"]) == 1
        page = await asyncio.to_thread(Console(url).client("live-utrecht").get, f"{url}/live")
        assert f"/live/{key_of(sender)}" not in page.text
    # "ja" on the renewed offer starts the help-request form, as after the offer of action_answer
    widget.received.clear()
    await widget.say(expired["quick_replies"][0]["payload"])
    first_question = await widget.wait_for(lambda m: m.get("text"))
    assert "?" in first_question["text"] and "geen medewerker" not in first_question["text"]
    assert any(t == "active_loop" and d.get("name") == "hulpvraag_form" for t, d in events_of(stack, sender))
    await widget.close()
    assert ("systeem", "live_verlopen", "hulpvraag aangeboden") in [
        tuple(r) for r in audit(stack.database_url)]


def test_outside_opening_hours_the_help_request_offer_follows_as_before(stack):
    tomorrow = datetime.now(ZoneInfo("Europe/Amsterdam")) + timedelta(days=1)
    override = _override(stack, {DAYS[tomorrow.weekday()]: "00:00-24:00"})  # open tomorrow only
    try:
        async def run():
            widget = Widget(stack.rasa_url)
            await widget.open()
            await widget.say("ik woon in Utrecht")
            await widget.wait_for(lambda m: "Utrecht" in m.get("text", ""))
            widget.received.clear()
            await widget.say("ik wil een mens spreken")
            await widget.wait_for(lambda m: "Zal ik dat doen?" in m.get("text", ""))
            await asyncio.sleep(1)
            await widget.close()
            return widget.received
        received = asyncio.run(run())
        assert not any("Ik vraag nu een medewerker" in m.get("text", "") for m in received)
    finally:
        override.unlink()
