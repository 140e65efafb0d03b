"""Feedback on answers without Rasa: the signed answer reference, the store (one per answer, counts per
topic per day, unlinking erased conversations), the endpoint's plain handler and the widget channel
putting a reference on factual answers only."""
import json
from datetime import date

import pytest
from sqlalchemy import create_engine, insert, select

from bot.channels.widget_output import widget_messages
from bot.feedback import store
from bot.feedback.schema import antwoord_feedback
from bot.feedback.token import issue, verify
from bot.storage.tracker_table import events
from bot.web.feedback import FeedbackService, handle
from tests.unit.channels.test_widget_output import ANSWER, TALK, Library
from bot.turn.replies import render_answer
from bot.turn.reply_sources import reply_sources

SECRET = b"s" * 32
SENDER = "0123456789abcdef0123456789abcdef"


def test_reference_names_conversation_and_topic_and_cannot_be_forged():
    ref = issue(SECRET, SENDER, "vraag_tlv", now=1000)
    answer = verify(SECRET, ref, now=1001)
    assert (answer.conversation, answer.topic) == (SENDER, "vraag_tlv") and len(answer.nonce) == 16
    head, sig = ref.rsplit(".", 1)
    assert verify(SECRET, head.replace("vraag_tlv", "vraag_opp") + "." + sig, now=1001) is None
    assert verify(b"ander" * 8, ref, now=1001) is None
    assert verify(SECRET, ref, now=1000 + 24 * 3600 + 1) is None         # expired
    assert verify(None, ref, now=1001) is None                         # no secret: off
    for bad in (None, 3, "", "a.b", "x" * 1000, "1.2.3.4.5", ref + "x"):
        assert verify(SECRET, bad, now=1001) is None
    assert issue(SECRET, SENDER, "<script>", now=1) is None and issue(SECRET, "a b", "vraag_tlv", now=1) is None
    assert issue(b"", SENDER, "vraag_tlv", now=1) is None


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'f.db'}")
    store.create_table(engine)
    yield engine
    engine.dispose()


def test_store_one_judgement_per_answer_and_counts_per_topic_per_day(engine):
    day1, day2 = date(2026, 11, 23), date(2026, 11, 24)
    refs = [verify(SECRET, issue(SECRET, SENDER, topic, now=1), now=2) for topic in ("vraag_tlv", "vraag_tlv", "vraag_opp")]
    store.record(engine, refs[0], "ja", day1)
    store.record(engine, refs[1], "nee", day2)
    store.record(engine, refs[2], "nee", day2)
    with pytest.raises(store.AlreadyGiven):
        store.record(engine, refs[0], "nee", day1)
    with pytest.raises(ValueError):
        store.record(engine, refs[2], "<b>", day1)
    counts = store.counts_per_topic_per_day(engine)
    assert [(c.onderwerp, c.dag, c.ja, c.nee) for c in counts] == [
        ("vraag_tlv", day1, 1, 0), ("vraag_opp", day2, 0, 1), ("vraag_tlv", day2, 0, 1)]
    assert [c.dag for c in store.counts_per_topic_per_day(engine, since=day2)] == [day2, day2]
    assert store.counts_per_topic_per_day(engine, until=day1)[0].onderwerp == "vraag_tlv"


def test_counts_on_a_database_without_the_table(tmp_path):
    assert store.counts_per_topic_per_day(create_engine(f"sqlite:///{tmp_path / 'leeg.db'}")) == []


def test_erased_or_expired_conversations_are_unlinked_but_still_counted(engine, tmp_path):
    other = "f" * 32
    for sender in (SENDER, other):
        store.record(engine, verify(SECRET, issue(SECRET, sender, "vraag_tlv", now=1), now=2), "ja", date(2026, 11, 24))
    tracker = create_engine(f"sqlite:///{tmp_path / 't.db'}")
    events.metadata.create_all(tracker, tables=[events])
    with tracker.begin() as conn:
        conn.execute(insert(events).values(sender_id=other, type_name="user", timestamp=1.0, data="{}"))
    assert store.unlink_gone_conversations(engine, tracker) == 1
    with engine.connect() as conn:
        assert sorted(str(r[0]) for r in conn.execute(select(antwoord_feedback.c.gesprek_id))) == ["None", other]
    assert store.unlink_conversations(engine, [other]) == 1
    assert store.counts_per_topic_per_day(engine)[0].ja == 2


def _service(engine):
    return FeedbackService(SECRET, lambda: engine)


def test_handler_answers_hostile_input_with_a_clean_4xx(engine):
    service = _service(engine)
    ref = issue(SECRET, SENDER, "vraag_tlv", now=1000)
    body = lambda **kw: json.dumps(kw).encode()  # noqa: E731
    json_type = "application/json"
    assert handle(service, body(antwoord=ref, oordeel="ja"), json_type, "1.2.3.4", 1001)[0] == 200
    assert handle(service, body(antwoord=ref, oordeel="nee"), json_type, "1.2.3.4", 1001)[0] == 409
    for raw, ctype, status in [
        (body(antwoord="nep", oordeel="ja"), json_type, 400),
        (body(antwoord=ref, oordeel="misschien"), json_type, 400),
        (body(antwoord=ref, oordeel="ja", opmerking="<script>"), json_type, 400),
        (b"<html>", json_type, 400),
        (b"\xff\xfe", json_type, 400),
        (b"[]", json_type, 400),
        (body(antwoord=ref, oordeel="ja"), "text/html", 415),
        (b"x" * 2000, json_type, 413),
    ]:
        status_got, answer = handle(service, raw, ctype, "5.6.7.8", 1001)
        assert status_got == status and answer["tekst"], (raw[:40], status_got)
    flood = [handle(service, body(antwoord="nep", oordeel="ja"), json_type, "9.9.9.9", 1001)[0] for _ in range(30)]
    assert flood[:20] == [400] * 20 and set(flood[20:]) == {429}
    assert handle(FeedbackService(None, lambda: engine), body(antwoord=ref, oordeel="ja"), json_type, "x", 1001)[0] == 503


def test_widget_channel_puts_a_reference_on_factual_answers_only():
    fact = render_answer(ANSWER, "ouder", lambda _: None)
    message = {"text": fact.text, "custom": reply_sources(fact, Library())}
    made = []
    events_ = widget_messages(message, lambda topic: made.append(topic) or "ref-1")
    assert made == ["vraag_x"] and events_[-1]["feedback"] == "ref-1" and "feedback" not in events_[0]
    assert "feedback" not in widget_messages(message)[-1]            # no secret: no feedback
    talk = render_answer(TALK, "ouder", lambda _: None)
    assert reply_sources(talk, Library()) is None                     # small talk: no sources, no feedback


def test_widget_channel_passes_a_step_plans_calendar_file_on_the_last_part():
    from bot.turn.reply_sources import AGENDA_KEY
    ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    message = {"text": "Deel een.\n\nDeel twee.", "buttons": [{"title": "Ja", "payload": "ja"}],
               "custom": {AGENDA_KEY: {"bestand": "wegwijzer-stappenplan.ics", "ics": ics}}}
    events_ = widget_messages(message)
    assert [e["text"] for e in events_] == ["Deel een.", "Deel twee."]
    assert events_[-1]["agenda"] == {"bestand": "wegwijzer-stappenplan.ics", "ics": ics} and "agenda" not in events_[0]
    assert events_[-1]["quick_replies"][0]["payload"] == "ja"
    for bad in ({"bestand": "../x.ics", "ics": ics}, {"bestand": "a.ics", "ics": "<script>"},
                {"bestand": "a.ics", "ics": ics + "x" * 30000}, "tekst"):
        assert widget_messages({"text": "X", "custom": {AGENDA_KEY: bad}}) is None
    assert widget_messages({"text": "X", "custom": {AGENDA_KEY: {"bestand": "a.ics", "ics": ics}, "ander": 1}}) is None


def test_flood_limit_counts_the_visitor_behind_the_local_proxy_only():
    from bot.web.feedback import client_key
    assert client_key("127.0.0.1", "203.0.113.9") == "203.0.113.9"       # nginx of the production profile
    assert client_key("198.51.100.7", "203.0.113.9") == "198.51.100.7"   # a header from elsewhere is ignored
    assert client_key("127.0.0.1", None) == "127.0.0.1" and client_key(None, None) == ""


def test_a_reason_once_and_only_after_nee(engine):
    nee, ja = (verify(SECRET, issue(SECRET, SENDER, "vraag_tlv", now=1), now=2) for _ in range(2))
    store.record(engine, nee, "nee", date(2026, 11, 24))
    store.record(engine, ja, "ja", date(2026, 11, 24))
    assert store.add_reason(engine, ja, "te_weinig") is False
    assert store.add_reason(engine, nee, "te_weinig") is True
    assert store.add_reason(engine, nee, "niet_duidelijk") is False
    with pytest.raises(ValueError):
        store.add_reason(engine, nee, "<script>")
    assert store.reasons_per_topic(engine) == [("vraag_tlv", "te_weinig", 1)]
    service = _service(engine)
    other = issue(SECRET, SENDER, "vraag_opp", now=1000)
    body = lambda **kw: json.dumps(kw).encode()  # noqa: E731
    assert handle(service, body(antwoord=other, reden="te_weinig"), "application/json", "k", 1001)[0] == 409
    assert handle(service, body(antwoord=other, oordeel="nee"), "application/json", "k", 1001)[0] == 200
    assert handle(service, body(antwoord=other, reden="vrije tekst"), "application/json", "k", 1001)[0] == 400
    assert handle(service, body(antwoord=other, reden="niet_mijn_vraag"), "application/json", "k", 1001)[0] == 200
    assert handle(service, body(antwoord=other, reden="niet_mijn_vraag", oordeel="nee"), "application/json", "k",
                  1001)[0] == 400


def test_a_stored_judgement_moves_the_feedback_metric(engine):
    from bot.counters.definitions import FEEDBACK

    service = FeedbackService(SECRET, lambda: engine)
    useful, not_useful = FEEDBACK.labels(rating="useful"), FEEDBACK.labels(rating="not_useful")
    before = (useful._value.get(), not_useful._value.get())
    first = issue(SECRET, SENDER, "vraag_tlv", now=1000)
    second = issue(SECRET, SENDER, "vraag_opp", now=1000)
    json_type = "application/json"
    assert handle(service, json.dumps({"antwoord": first, "oordeel": "ja"}).encode(), json_type, "k", 1001)[0] == 200
    assert handle(service, json.dumps({"antwoord": first, "oordeel": "ja"}).encode(), json_type, "k", 1001)[0] == 409
    assert handle(service, json.dumps({"antwoord": second, "oordeel": "nee"}).encode(), json_type, "k", 1001)[0] == 200
    assert (useful._value.get(), not_useful._value.get()) == (before[0] + 1, before[1] + 1)
