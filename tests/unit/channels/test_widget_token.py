"""Signed widget tokens: valid only for the origin they were issued to, only until they expire."""
from bot.channels.widget_token import issue_token, token_origin, token_valid_for

SECRET = b"geheim-voor-de-test"
ORIGIN = "https://www.gemeente.nl"


def test_token_is_valid_for_its_origin_until_it_expires():
    token = issue_token(SECRET, ORIGIN, now=1000, ttl=600)
    assert token_valid_for(SECRET, token, ORIGIN, now=1599)
    assert not token_valid_for(SECRET, token, ORIGIN, now=1600)
    assert token_origin(SECRET, token, now=1000) == ORIGIN


def test_token_is_bound_to_origin_and_secret():
    token = issue_token(SECRET, ORIGIN, now=1000, ttl=600)
    assert not token_valid_for(SECRET, token, "https://kwaadwillend.example", now=1001)
    assert not token_valid_for(SECRET, token, None, now=1001)
    assert not token_valid_for(b"ander geheim", token, ORIGIN, now=1001)


def test_tampered_or_malformed_tokens_are_refused():
    token = issue_token(SECRET, ORIGIN, now=1000, ttl=600)
    expires, nonce, origin, signature = token.split(".")
    longer = f"{int(expires) + 10_000}.{nonce}.{origin}.{signature}"
    assert not token_valid_for(SECRET, longer, ORIGIN, now=1001)
    for bad in (None, "", 42, {"token": token}, "a.b.c", "x" * 600, token + ".extra", "é.é.é.é"):
        assert token_origin(SECRET, bad, now=1001) is None
