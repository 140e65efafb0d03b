"""No BSN-like number in what the tracker store keeps (bot.privacy.stored_events), whatever the form
refuses, and nothing else changed."""
from __future__ import annotations

import random

import pytest

from bot.signals.bsn import mentions_bsn, passes_elfproef
from bot.privacy.identifiers import find_bsns
from bot.privacy.stored_events import MASK, mask_bsn, masked_event, turn_secrets


def bsn(rng: random.Random) -> str:
    while True:
        digits = "".join(rng.choice("0123456789") for _ in range(9))
        if digits[0] != "0" and passes_elfproef(digits):
            return digits


def test_every_text_the_form_refuses_is_masked():
    rng = random.Random(18)
    templates = ["mijn bsn is {n}", "BSN: {n}", "{n}", "zijn nummer {n} staat op de brief", "burgerservicenummer {g}",
                 "bsn {e} (klopt niet helemaal)", "999 {n}", "tel 0612345678, bsn {n}", "sofinummer {e}",
                 "{n} en {n2}", "mijn BSN heb ik niet bij me, bel 0800-5010"]
    checked = 0
    for _ in range(300):
        n, n2 = bsn(rng), bsn(rng)
        for t in templates:
            text = t.format(n=n, n2=n2, g=f"{n[:4]}.{n[4:6]}.{n[6:]}", e=n[:8])
            masked, _ = mask_bsn(text)
            assert not mentions_bsn(masked) and not list(find_bsns(masked)), (text, masked)
            assert n not in masked and n[:8] not in masked.replace(" ", "")
            checked += 1
    assert checked == 300 * len(templates)


def test_ordinary_numbers_stay():
    for text in ("bel me op 06-12345678", "postcode 1234 AB 12", "hij is 13 en zit sinds 2026-10-13 thuis",
                 "referentie WW-7K3M-9QPD", "0800-5010", "€ 123.456.789", "+31612345678"):
        assert mask_bsn(text) == (text, []), text


def test_a_refused_user_event_and_its_slot_lose_the_number():
    text = "Zijn BSN is 111222333, hij is 13"
    user = {"event": "user", "timestamp": 1.0, "text": text, "message_id": "4f0a123456782b",
            "parse_data": {"text": text, "intent": {"name": "informeren", "confidence": 0.9},
                           "entities": [{"entity": "nummer", "value": "111222333"}]},
            "metadata": {"notitie": "111 222 333"}, "input_channel": "rest"}
    slot = {"event": "slot", "timestamp": 1.0, "name": "hv_thuis_sinds", "value": text}
    just_digits = {"event": "slot", "timestamp": 1.0, "name": "x", "value": {"a": ["11122233"]}}
    bot = {"event": "bot", "timestamp": 1.0, "text": "Dat lijkt op een BSN. Bel 0800-5010 of 111-222-333."}
    events = [user, slot, just_digits, bot]
    secrets = turn_secrets(events)
    stored = [masked_event(e, secrets) for e in events]
    flat = repr(stored)
    assert "111222333" not in flat and "111 222 333" not in flat and "111-222-333" not in flat
    assert stored[0]["text"] == f"Zijn BSN is {MASK}, hij is 13" and stored[1]["value"] == stored[0]["text"]
    assert stored[0]["message_id"] == user["message_id"]                  # structure untouched
    assert stored[0]["parse_data"]["intent"] == user["parse_data"]["intent"]
    assert "0800-5010" in stored[3]["text"]                              # the helpline in a bot text stays
    assert user["text"] == text                                          # the original dict is not changed


@pytest.mark.parametrize("kind", ["action", "session_started", "active_loop"])
def test_other_events_are_stored_as_they_are(kind):
    data = {"event": kind, "timestamp": 1.0, "name": "111222333"}
    assert masked_event(data, ["111222333"]) is data
