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
import json
import re
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests
import socketio
import yaml

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from bot.storage.console_schema import console_metadata
from bot.hulpvraag.db import make_engine
from bot.regio.opening_hours import DAYS
from console_data import PASSWORD
from console_process import Console, console_process
from tests.support.clients import ORIGIN_HEADERS, request_session

pytestmark = pytest.mark.integration
MELDING = re.compile(r'<p class="melding" role="status">([^<]*)</p>')


def _override(stack, hours: dict) -> Path:
    path = Path(stack.regio_dir) / "overrides" / "GM0344.yml"
    path.write_text(yaml.safe_dump({"gebied": "GM0344", "naam": "Testbeheer Utrecht",
                                    "live_chat": {"openingstijden": hours}}), encoding="utf-8")
    return path


class Widget:
    """A socket.io client as the widget uses it: session request, messages, everything it receives."""

    def __init__(self, url: str):
        self.url, self.received = url, []
        self.client = socketio.AsyncClient(reconnection=False)
        self.client.on("bot_uttered", self._on)
        self.client.on("live_status", self._on_status)
        self.client.on("gemist", self._on_missed)
        self.session = None
        self.live_status = []
        self.missed = []

    async def _on_missed(self, data):  # noqa: ANN001
        self.missed.append(data)

    async def _on_status(self, data):  # noqa: ANN001
        self.live_status.append(data)

    async def _on(self, data):  # noqa: ANN001
        self.received.append(data)

    async def open(self, session: dict | None = None) -> dict:
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["websocket"],
                                  headers=ORIGIN_HEADERS)
        self.session = await request_session(self.client, session)
        return self.session

    async def say(self, text: str) -> None:
        ack = await self.client.call("user_uttered", {"message": text, "session_id": self.session["session_id"],
                                                      "metadata": {}}, timeout=60)
        assert ack is True

    async def wait_for(self, predicate, timeout: float = 60) -> dict:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            for m in self.received:
                if predicate(m):
                    return m
            await asyncio.sleep(0.1)
        raise AssertionError(f"not received; got {self.received}")

    async def close(self) -> None:
        await self.client.disconnect()


def events_of(stack, sender: str) -> list[tuple[str, dict]]:
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        rows = conn.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    return [(t, json.loads(d)) for t, d in rows]


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


def test_the_live_endpoint_refuses_everyone_but_the_console(stack):
    url = stack.rasa_url + "/webhooks/socketio/medewerker"
    sender = stack.new_sender()
    stack.texts(sender, "hallo")
    body = {"gesprek_id": sender, "actie": "deelnemen"}
    assert requests.post(url, json=body, timeout=10).status_code == 403
    assert requests.post(url, json=body, headers={"X-Wegwijzer-Livetoken": "x" * 43}, timeout=10).status_code == 403
    good = {"X-Wegwijzer-Livetoken": stack.live_token}
    assert requests.post(url, json={"gesprek_id": "f" * 32, "actie": "deelnemen"}, headers=good,
                         timeout=10).status_code == 404                         # never creates a conversation
    for bad in ([], {"gesprek_id": sender, "actie": "wis"}, {"gesprek_id": "<x>", "actie": "bericht", "tekst": "a"},
                {"gesprek_id": sender, "actie": "bericht", "tekst": ""}):
        response = requests.post(url, json=bad, headers=good, timeout=10)
        assert response.status_code == 400 and response.json()["fout"]
    response = requests.post(url, data=b"{niet json", headers={**good, "Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 400
    assert not any(t == "pause" for t, _ in events_of(stack, sender))


def test_the_live_endpoint_survives_hostile_bodies_with_the_right_token(stack):
    """The console's token does not make a hostile body a crash: every answer is a JSON 4xx/200, never 500,
    no conversation is created, and the assistant still answers afterwards."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
    from hostile import Hostile  # tests/integration/fuzz/hostile.py

    h = Hostile(20_05)
    url = stack.rasa_url + "/webhooks/socketio/medewerker"
    good = {"X-Wegwijzer-Livetoken": stack.live_token}
    sender = stack.new_sender()
    stack.texts(sender, "hallo")
    statuses = []
    for i in range(150):
        kind = i % 3
        if kind == 0:
            response = requests.post(url, data=h.rest_body(), headers={**good, "Content-Type": h.content_type()},
                                     timeout=20)
        elif kind == 1:
            body = {"gesprek_id": h.choice([sender, h.json_value(), "0" * 32]), "actie": h.choice(
                ["bericht", "deelnemen", "verlopen", h.json_value()]), "tekst": h.choice([h.text(1200), h.json_value()]),
                "medewerker": h.json_value(), "opslaan": h.json_value()}
            response = requests.post(url, json=body, headers=good, timeout=20)
        else:
            response = requests.post(url, json={"gesprek_id": "0" * 32, "actie": "bericht", "tekst": h.text(900)},
                                     headers=good, timeout=20)
        statuses.append(response.status_code)
        assert response.status_code < 500, (response.status_code, response.text[:200])
        assert "Traceback" not in response.text
    assert set(statuses) - {200, 400, 404} == set(), statuses
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", ("0" * 32,)).fetchone()[0] == 0
    if any(t == "pause" for t, _ in events_of(stack, sender)):   # a hostile but valid "deelnemen" paused it
        requests.post(url, json={"gesprek_id": sender, "actie": "verlaten"}, headers=good, timeout=20)
    assert stack.texts(sender, "wat is leerplicht")


def test_the_relay_stores_once_and_every_replica_emits(stack):
    """bot.live.relay with several Rasa servers (the production profile's replicas): the first stores and
    emits, the others only emit to their own sockets. Here both "replicas" are the test's one Rasa server,
    so the widget hears the message twice while the tracker holds it once; a first server that cannot be
    reached means not delivered (nothing stored), a later one that cannot be reached does not."""
    asyncio.run(_relay(stack))


async def _relay(stack):
    from bot.live.relay import Relay

    widget = Widget(stack.rasa_url)
    sender = (await widget.open())["session_id"]
    await widget.say("hallo")
    await widget.wait_for(lambda m: m.get("text"))
    widget.received.clear()
    dead = "http://127.0.0.1:9"   # discard port: nothing listens
    both = Relay([stack.rasa_url, stack.rasa_url], stack.live_token)
    assert await both.send({"gesprek_id": sender, "actie": "bericht", "tekst": "Twee keer uitgezonden", "medewerker": "t"})
    await asyncio.sleep(2)
    assert [m["text"] for m in widget.received if m.get("medewerker")] == ["Twee keer uitgezonden"] * 2
    # both carry the stored event's key (the first server's "ts"), so a widget would show it once
    assert len({(m["ts"], m["deel"]) for m in widget.received if m.get("medewerker")}) == 1
    stored = [d for t, d in events_of(stack, sender) if t == "bot" and d.get("text") == "Twee keer uitgezonden"]
    assert len(stored) == 1
    assert not await Relay([dead, stack.rasa_url], stack.live_token).send(
        {"gesprek_id": sender, "actie": "bericht", "tekst": "Niet bezorgd", "medewerker": "t"})
    assert await Relay([stack.rasa_url, dead], stack.live_token).send(
        {"gesprek_id": sender, "actie": "bericht", "tekst": "Wel bezorgd", "medewerker": "t"})
    assert not await Relay([stack.rasa_url], "x" * 40).send(
        {"gesprek_id": sender, "actie": "bericht", "tekst": "Verkeerde sleutel", "medewerker": "t"})
    texts = [d.get("text") for t, d in events_of(stack, sender) if t == "bot"]
    assert "Wel bezorgd" in texts and "Niet bezorgd" not in texts and "Verkeerde sleutel" not in texts
    await widget.close()


def test_a_widget_that_was_away_gets_what_it_missed_once_in_order_and_only_with_its_token(stack):
    """bot.channels.widget_replay on the real Rasa server: the widget's socket drops during a takeover, the
    colleague sends two messages; a socket that joins again with the session's token and ``na`` gets both,
    in order, with the same keys a connected widget got them live (so the widget shows each once); the
    conversation id with a wrong token, or without one, gets a fresh conversation and nothing of this one."""
    asyncio.run(_missed(stack))


async def _missed(stack):
    from bot.live.relay import Relay

    relay = Relay([stack.rasa_url], stack.live_token)
    widget = Widget(stack.rasa_url)
    session = await widget.open()
    sender = session["session_id"]
    await widget.say("hallo")
    await widget.wait_for(lambda m: m.get("text"))
    assert await relay.send({"gesprek_id": sender, "actie": "deelnemen", "medewerker": "t"})
    started = await widget.wait_for(lambda m: m.get("live") == "gestart")
    assert isinstance(started["ts"], float) and started["deel"] == 0          # live messages carry their key
    newest = max(m["ts"] for m in widget.received if "ts" in m)
    await widget.close()                                                    # the socket drops

    other_tab = Widget(stack.rasa_url)          # a socket that stays connected hears it live (for the keys)
    await other_tab.open(session)
    other_tab.received.clear()
    texts = ["Eerste bericht terwijl u weg was.", "Tweede bericht: bent u er nog?"]
    for text in texts:
        assert await relay.send({"gesprek_id": sender, "actie": "bericht", "tekst": text, "medewerker": "t"})
    live = [await other_tab.wait_for(lambda m, t=t: m.get("text") == t, timeout=10) for t in texts]
    await other_tab.close()

    # without the session's secret: a fresh conversation, nothing replayed, nothing of this conversation heard
    for credentials in ({"session_id": sender, "token": "A" * 43, "na": newest - 3600},
                        {"session_id": sender, "na": newest - 3600}, {"session_id": sender, "token": "", "na": 1.0}):
        thief = Widget(stack.rasa_url)
        confirmed = await thief.open(credentials)
        assert confirmed["session_id"] != sender
        await asyncio.sleep(1.5)
        assert thief.missed == [] and not any(m.get("text") in texts for m in thief.received)
        await thief.close()

    # with its token and the newest message it showed: both messages, in order, once, with the live keys
    back = Widget(stack.rasa_url)
    assert (await back.open({**session, "na": newest}))["session_id"] == sender
    for _ in range(50):
        if back.missed and back.live_status:
            break
        await asyncio.sleep(0.1)
    assert len(back.missed) == 1 and back.live_status == [{"live": True}]
    parts = back.missed[0]["berichten"]
    colleague = [p for p in parts if p.get("medewerker") is True]
    assert [p["text"] for p in colleague] == texts
    assert [(p["ts"], p["deel"]) for p in colleague] == [(m["ts"], m["deel"]) for m in live]
    assert all(set(p) == {"text", "medewerker", "ts", "deel"} for p in colleague)   # never the colleague's name
    assert all(p["ts"] > newest - 10 for p in parts)                        # only what is recent, with the overlap
    assert [p["ts"] for p in parts] == sorted(p["ts"] for p in parts)
    # without "na" (a widget from before this change): no replay, as before
    plain = Widget(stack.rasa_url)
    await plain.open(session)
    await asyncio.sleep(1.5)
    assert plain.missed == []
    await plain.close()
    assert await relay.send({"gesprek_id": sender, "actie": "verlaten", "medewerker": "t"})
    await back.close()
