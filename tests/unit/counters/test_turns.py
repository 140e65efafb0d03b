"""Turn counting as plain functions (bot.counters.turns), read back from prometheus-client's registry."""
from __future__ import annotations

from prometheus_client import REGISTRY

from bot.counters import turns


def value(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_a_turn_counts_once_with_its_duration():
    before = value("wegwijzer_turns_total", channel="socketio", outcome="answered")
    before_count = value("wegwijzer_turn_duration_seconds_count", channel="socketio")
    before_sum = value("wegwijzer_turn_duration_seconds_sum", channel="socketio")
    before_fast = value("wegwijzer_turn_duration_seconds_bucket", channel="socketio", le="0.5")
    turns.record_turn("socketio", 0.3, "answered")
    assert value("wegwijzer_turns_total", channel="socketio", outcome="answered") == before + 1
    assert value("wegwijzer_turn_duration_seconds_count", channel="socketio") == before_count + 1
    assert abs(value("wegwijzer_turn_duration_seconds_sum", channel="socketio") - before_sum - 0.3) < 1e-9
    assert value("wegwijzer_turn_duration_seconds_bucket", channel="socketio", le="0.5") == before_fast + 1


def test_an_unknown_channel_name_never_becomes_a_label():
    before = value("wegwijzer_turns_total", channel="other", outcome="error")
    turns.record_turn("06-12345678 <script>", 0.1, "error")
    assert value("wegwijzer_turns_total", channel="other", outcome="error") == before + 1
    assert turns.channel_label(None) == "other"
    assert turns.channel_label("twilio_voice_nl") == "twilio_voice_nl"


def test_not_understood_is_the_fallback_intent_only():
    before = value("wegwijzer_not_understood_total", channel="rest")
    turns.record_understanding("rest", {"name": "nlu_fallback", "confidence": 0.2})
    turns.record_understanding("rest", {"name": "vraag_leerplicht", "confidence": 0.9})
    turns.record_understanding("rest", None)
    turns.record_understanding("rest", "nlu_fallback")          # not a parsed intent
    assert value("wegwijzer_not_understood_total", channel="rest") == before + 1


def test_the_place_for_answer_feedback_counts_by_rating():
    from bot.counters.definitions import FEEDBACK, FEEDBACK_RATINGS

    before = value("wegwijzer_answer_feedback_total", rating="not_useful")
    FEEDBACK.labels(rating="not_useful").inc()
    assert value("wegwijzer_answer_feedback_total", rating="not_useful") == before + 1
    assert FEEDBACK_RATINGS == ("useful", "not_useful")
