"""What a reconnecting widget missed (bot.channels.widget_replay), as plain functions: the parts of a stored
bot event are exactly what the widget got live (same text, same buttons, same key), a colleague's message
never carries the colleague's name, the overlap before ``na`` and the limit, and a bad ``na`` means no replay."""
from __future__ import annotations

import asyncio
import math

from rasa.core.channels.socketio import SocketIOOutput
from rasa.shared.core.events import BotUttered

from bot.channels.widget_output import WidgetSocketIOOutput, stamp, widget_payloads
from bot.channels.widget_replay import MAX_PARTS, OVERLAP_SECONDS, marker, parts_of, replay
from bot.live import channel_events as ce


class FakeSio:
    def __init__(self):
        self.sent = []

    async def emit(self, event, data=None, room=None, **_):
        self.sent.append(data)


def sent_by(output_cls, message: dict) -> list:
    sio = FakeSio()
    asyncio.run(output_cls(sio, "bot_uttered").send_response("kamer", dict(message)))
    return sio.sent


def test_widget_payloads_are_what_rasas_own_socketio_output_sends():
    for message in ({"text": "Een.\n\nTwee."}, {"text": "Kies:", "buttons": [{"title": "Ja", "payload": "/ja"}]},
                    {"text": "A\n\nB", "quick_replies": [{"title": "Nee", "payload": "/nee"}]}, {"text": "  één  "}):
        assert widget_payloads(dict(message)) == sent_by(SocketIOOutput, message), message
    assert widget_payloads({"text": "x", "image": "https://example.org/a.png"}) is None   # Rasa's way, no key
    assert widget_payloads({"text": None}) == []


def test_the_live_output_stamps_every_part_with_the_events_key():
    event = BotUttered("Een.\n\nTwee.", data={"buttons": [{"title": "Ja", "payload": "/ja"}]}, timestamp=1_765_000_000.25)
    sent = sent_by(WidgetSocketIOOutput, event.message())
    assert [(p["ts"], p["deel"]) for p in sent] == [(1_765_000_000.25, 0), (1_765_000_000.25, 1)]
    assert sent[-1]["quick_replies"][0]["payload"] == "/ja"
    # the replay of the stored event gives the same parts, keys included
    assert parts_of(event.as_dict()) == sent
    assert stamp([{"text": "a"}], None) == [{"text": "a"}] and stamp([{"text": "a"}], True) == [{"text": "a"}]


def test_a_colleagues_message_and_the_takeover_notices_replay_as_they_were_sent():
    for actie, tekst in ((ce.JOIN, ""), (ce.MESSAGE, "Goedemiddag, u spreekt met Anne."), (ce.LEAVE, "")):
        events, payload = ce.plan(ce.Command("a" * 32, actie, tekst, "anne.devries"), "ouder")
        bot = next(e for e in events if e["event"] == "bot")
        stored = BotUttered(bot["text"], bot["data"], bot["metadata"], timestamp=1_765_000_100.5).as_dict()
        assert parts_of(stored) == [dict(payload, ts=1_765_000_100.5, deel=0)]
        assert "anne" not in repr(parts_of(stored))                      # never the colleague's name
    events, payload = ce.plan(ce.Command("a" * 32, ce.EXPIRED), "ouder", ("Zal ik dat doen?", [
        {"title": "Ja", "payload": "/ja"}]))
    bot = events[0]
    stored = BotUttered(bot["text"], bot["data"], bot["metadata"], timestamp=1_765_000_200.0).as_dict()
    assert parts_of(stored) == [dict(payload, ts=1_765_000_200.0, deel=0)]


def _bot(text: str, ts: float, **metadata) -> dict:
    return BotUttered(text, {}, metadata, timestamp=ts).as_dict()


def test_replay_after_the_marker_with_overlap_in_order_and_limited():
    t = 1_765_000_000.0
    events = [_bot("oud", t - 100), _bot("net voor", t - OVERLAP_SECONDS / 2), _bot("laatst gezien", t),
              {"event": "user", "text": "hallo", "timestamp": t + 1},
              _bot("Eerste gemist.", t + 2, wegwijzer_medewerker=True, medewerker="anne"),
              _bot("Tweede gemist.\n\nNog een alinea.", t + 3)]
    parts = replay(events, t)
    assert [p["text"] for p in parts] == ["net voor", "laatst gezien", "Eerste gemist.", "Tweede gemist.",
                                          "Nog een alinea."]
    assert parts[2] == {"text": "Eerste gemist.", "medewerker": True, "ts": t + 2, "deel": 0}
    many = [_bot(f"bericht {i}", t + i) for i in range(1, MAX_PARTS + 20)]
    assert [p["text"] for p in replay(many, t)][-1] == f"bericht {MAX_PARTS + 19}"
    assert len(replay(many, t)) == MAX_PARTS


def test_a_bad_marker_means_no_replay():
    assert marker({"session_id": "x", "token": "y", "na": 1_765_000_000.5}) == 1_765_000_000.5
    for bad in (None, "na", {"na": "1765000000"}, {"na": True}, {"na": -1}, {"na": 0}, {"na": math.inf},
                {"na": math.nan}, {"na": [1]}, {}):
        assert marker(bad) is None, bad


def test_the_second_replica_gets_the_stored_key():
    command, _ = ce.parse_command({"gesprek_id": "a" * 32, "actie": "bericht", "tekst": "x", "opslaan": False,
                                   "ts": 1_765_000_000.5})
    assert command.ts == 1_765_000_000.5
    for bad in ("1", True, -3, float("nan")):
        command, problem = ce.parse_command({"gesprek_id": "a" * 32, "actie": "deelnemen", "ts": bad})
        assert command is None and problem, bad
