"""When a colleague is asked (bot.live.offer) and what the channel endpoint does (bot.live.channel_events)."""
from __future__ import annotations

from datetime import datetime, timezone

from bot.live import channel_events as ce
from bot.live.offer import should_ask_colleague

OPEN = {"openingstijden": {"ma": "09:00-17:00"}}
MONDAY_10 = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)     # 10:00 in Amsterdam
MONDAY_20 = datetime(2026, 12, 7, 19, 0, tzinfo=timezone.utc)
SID = "0123456789abcdef0123456789abcdef"


def ask(**kw) -> bool:
    args = dict(answered=("mens_spreken",), channel="socketio", gemeente="GM0344", live_chat=OPEN,
                now=MONDAY_10, enabled=True)
    args.update(kw)
    return should_ask_colleague(**args)


def test_a_colleague_is_asked_only_when_everything_holds():
    assert ask()
    assert not ask(now=MONDAY_20)                               # outside opening hours
    assert not ask(channel="rest") and not ask(channel="twilio_voice_nl")
    assert not ask(gemeente=None)                               # region unknown
    assert not ask(live_chat=None)                              # region has no live chat
    assert not ask(enabled=False)                               # no WEGWIJZER_LIVE_TOKEN
    assert not ask(answered=("vraag_escalatie",))               # only an explicit wish for a person
    assert not ask(answered=("veiligheid", "mens_spreken"))     # never after an emergency message
    assert not ask(answered=("veiligheid_zekerheid", "mens_spreken"))  # ...also when only a classifier read danger


def test_token_check_fails_closed():
    assert ce.configured_token({}) is None and ce.configured_token({ce.ENV: "kort"}) is None
    token = "x" * 40
    assert ce.configured_token({ce.ENV: token}) == token
    assert ce.authorised(token, token)
    assert not ce.authorised(token, "y" * 40) and not ce.authorised(token, None) and not ce.authorised(None, "")
    assert not ce.authorised(token, "é" * 40)


def test_commands_are_checked():
    assert ce.parse_command([])[0] is None
    assert ce.parse_command({"gesprek_id": "../etc", "actie": "bericht", "tekst": "hoi"})[0] is None
    assert ce.parse_command({"gesprek_id": SID, "actie": "wis"})[0] is None
    assert ce.parse_command({"gesprek_id": SID, "actie": "bericht", "tekst": "  "})[0] is None
    assert ce.parse_command({"gesprek_id": SID, "actie": "bericht", "tekst": "x" * 1001})[0] is None
    assert ce.parse_command({"gesprek_id": SID, "actie": "bericht", "tekst": 5})[0] is None
    command, _ = ce.parse_command({"gesprek_id": SID, "actie": "bericht", "tekst": " Dag! ", "medewerker": "anna"})
    assert command == ce.Command(SID, "bericht", "Dag!", "anna", True)
    assert ce.parse_command({"gesprek_id": SID, "actie": "verlaten", "opslaan": "nee"})[0] is None
    assert ce.parse_command({"gesprek_id": SID, "actie": "verlaten", "opslaan": False})[0].opslaan is False


def test_plans_use_rasas_pause_and_resume_and_mark_the_colleague():
    events, payload = ce.plan(ce.Command(SID, ce.JOIN), "ouder")
    assert events[0] == {"event": "pause"} and payload["live"] == "gestart" and "met u" in payload["text"]
    events, payload = ce.plan(ce.Command(SID, ce.LEAVE), "jongere")
    assert events[0] == {"event": "resume"} and payload["live"] == "gestopt" and "Je praat" in payload["text"]
    events, payload = ce.plan(ce.Command(SID, ce.MESSAGE, "Goedemorgen", "anna"), "ouder")
    assert events == [{"event": "bot", "text": "Goedemorgen", "data": {},
                       "metadata": {ce.STAFF_MARK: True, "medewerker": "anna"}}]
    assert payload == {"text": "Goedemorgen", "medewerker": True}


def test_expired_plan_repeats_the_offer_with_its_buttons_and_slot():
    offer = ("Zal ik dat doen?", [{"title": "Ja", "payload": "/bevestigen"}])
    events, payload = ce.plan(ce.Command(SID, ce.EXPIRED), "ouder", offer)
    assert events[0]["text"].startswith("Er is nu helaas geen medewerker vrij") and "Zal ik dat doen?" in events[0]["text"]
    assert events[0]["data"] == {"buttons": offer[1]}
    assert events[1] == {"event": "slot", "name": "aanbod", "value": "hulpvraag"}
    assert payload["quick_replies"] == offer[1] and payload["live"] == "verlopen"
    events, _payload = ce.plan(ce.Command(SID, ce.EXPIRED), "ouder", None)   # no offer text: no slot either
    assert [e["event"] for e in events] == ["bot"]


def test_expiry_interval():
    from bot.console.live_expiry import interval_seconds
    assert interval_seconds(180) == 15 and interval_seconds(6) == 2 and interval_seconds(1) == 1


def test_paused_turns_with_danger_still_get_the_safety_answer():
    from bot.live.paused_safety import needs_safety, safety_text
    assert needs_safety(True, "veiligheid", "x")
    assert needs_safety(True, "nlu_fallback", "ik wil dood")                 # the patterns, when NLU missed it
    assert not needs_safety(True, "mens_spreken", "kan iemand mij helpen")
    assert not needs_safety(False, "veiligheid", "ik wil dood")              # not paused: the assistant answers
    assert not needs_safety(True, None, None)
    assert "113" in safety_text("ouder") and "Bel" in safety_text("jongere")
