"""The REST channel's input check (bot.channels.rest_request), without Rasa."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from bot.channels.rest_request import (
    SENDER_ID, Refusal, RestMessage, check_body, load_messages, refusal_body,
)
from bot.limits.server import Limits

LIMITS = Limits()
MESSAGES = load_messages()


def body(**fields) -> bytes:
    return json.dumps(fields).encode("utf-8")


def test_a_normal_message_passes_cleaned():
    result = check_body(body(sender="ouder-1", message="  wat is\x00 een tlv ", metadata={"doelgroep": "jongere"}),
                        LIMITS)
    assert result == RestMessage("ouder-1", "wat is een tlv", {"doelgroep": "jongere"})


def test_an_integer_sender_is_accepted_as_text():
    assert check_body(body(sender=42, message="hoi"), LIMITS).sender == "42"


@pytest.mark.parametrize("raw, status, reason", [
    (b"[]", 400, "ongeldig"),
    (b'"tekst"', 400, "ongeldig"),
    (b"{nope", 400, "ongeldig"),
    (b"", 400, "ongeldig"),
    (b"\xff\xfe\x00", 400, "ongeldig"),
    (b'{"sender": "a", "message": "x", "metadata": {"n": NaN}}', 400, "ongeldig"),
    (b"[" * 5000 + b"]" * 5000, 400, "ongeldig"),
    (body(message="hoi"), 400, "afzender"),
    (body(sender="", message="hoi"), 400, "afzender"),
    (body(sender=True, message="hoi"), 400, "afzender"),
    (body(sender="<script>alert(1)</script>", message="hoi"), 400, "afzender"),
    (body(sender="x" * 129, message="hoi"), 400, "afzender"),
    (body(sender="a"), 400, "leeg"),
    (body(sender="a", message="  \x00\t "), 400, "leeg"),
    (body(sender="a", message=["hoi"]), 400, "ongeldig"),
    (body(sender="a", message={"text": "hoi"}), 400, "ongeldig"),
    (body(sender="a", message="x" * 1001), 400, "te_lang"),
    (body(sender="a", message="hoi", metadata=[1]), 400, "metadata"),
    (body(sender="a", message="hoi", metadata="doelgroep"), 400, "metadata"),
    (body(sender="a", message="hoi", metadata={"a": "x" * 3000}), 400, "metadata"),
    (body(sender="a", message="hoi", metadata={"a": {"b": {"c": {"d": {"e": 1}}}}}), 400, "metadata"),
    (b" " * (16 * 1024 + 1), 413, "te_groot"),
])
def test_bad_bodies_are_refused_with_a_reason(raw, status, reason):
    result = check_body(raw, LIMITS)
    assert isinstance(result, Refusal)
    assert (result.status, result.reason) == (status, reason)


def test_invalid_utf8_bytes_are_dropped_and_a_bom_is_ignored():
    raw = b'\xef\xbb\xbf{"sender": "a", "message": "h\xffoi"}'
    assert check_body(raw, LIMITS).message == "hoi"


def test_a_json_escaped_surrogate_never_reaches_the_assistant():
    assert check_body(b'{"sender": "a", "message": "o\\ud800pp"}', LIMITS).message == "opp"


def test_input_channel_in_the_body_is_ignored():
    result = check_body(body(sender="a", message="hoi", input_channel="twilio_voice"), LIMITS)
    assert isinstance(result, RestMessage) and not hasattr(result, "input_channel")


def test_refusals_are_friendly_dutch_in_the_audiences_form():
    too_long = check_body(body(sender="a", message="x" * 2000, metadata={"doelgroep": "jongere"}), LIMITS)
    answer = refusal_body(too_long, MESSAGES)
    assert answer["fout"] == "te_lang"
    assert "Je bericht is te lang" in answer["tekst"] and "1000" in answer["tekst"]
    parent = refusal_body(check_body(b"[]", LIMITS), MESSAGES)
    assert parent["tekst"].startswith("Ik kon dit bericht niet lezen")


def test_every_reason_has_both_variants():
    for reason, variants in MESSAGES.items():
        assert set(variants) == {"ouder", "jongere"}, reason


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_message_or_a_refusal(raw):
    assert isinstance(check_body(raw, LIMITS), (RestMessage, Refusal))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["sender", "message", "metadata", "input_channel", "x"]), json_values))
def test_any_json_object_gives_a_clean_message_or_a_refusal(data):
    result = check_body(json.dumps(data).encode("utf-8", "surrogatepass"), LIMITS)
    if isinstance(result, RestMessage):
        assert SENDER_ID.fullmatch(result.sender) and len(result.sender) <= LIMITS.rest_max_sender_chars
        assert 0 < len(result.message) <= LIMITS.rest_max_message_chars
        result.message.encode("utf-8")
        json.dumps(result.metadata).encode("utf-8")
    else:
        assert refusal_body(result, MESSAGES)["tekst"]
