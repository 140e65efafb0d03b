"""The socket.io channel's rules as plain functions: origins, tokens, session ids, metadata, message
length, rate limit and the friendly Dutch texts."""
import pytest

from bot.channels import widget_policy as wp
from bot.channels.widget_token import issue_token

ALLOWED = "https://www.gemeente.nl"


def policy(secret=None, **kwargs):
    return wp.WidgetPolicy(allowed_origins=(ALLOWED,), secret=secret, **kwargs)


@pytest.mark.parametrize("raw, expected", [
    ("https://WWW.Gemeente.nl/", "https://www.gemeente.nl"),
    ("https://www.gemeente.nl:443", "https://www.gemeente.nl"),
    ("http://localhost:8080", "http://localhost:8080"),
    ("https://www.gemeente.nl/pad", None),
    ("javascript:alert(1)", None),
    ("https://user:pw@www.gemeente.nl", None),
    ("https://www.gemeente.nl:99999", None),
    ("null", None), ("", None), (None, None), (123, None),
])
def test_normalize_origin(raw, expected):
    assert wp.normalize_origin(raw) == expected


def test_parse_origins_and_rate_reject_bad_configuration():
    assert wp.parse_origins(" https://a.nl, http://b.nl:8080 ,,https://a.nl") == ("https://a.nl", "http://b.nl:8080")
    with pytest.raises(ValueError):
        wp.parse_origins("https://a.nl, *")
    assert wp.parse_rate("10/60") == (10, 60.0)
    for bad in ("0/60", "10", "tien/60", "5/0"):
        with pytest.raises(ValueError):
            wp.parse_rate(bad)


def test_policy_from_env_defaults_and_overrides():
    default = wp.WidgetPolicy.from_env({})
    assert default.allowed_origins == ("http://localhost:8080", "http://127.0.0.1:8080")
    assert default.secret is None and default.max_chars == 500
    custom = wp.WidgetPolicy.from_env({"WEGWIJZER_WIDGET_ORIGINS": ALLOWED, "WEGWIJZER_WIDGET_SECRET": "s",
                                       "WEGWIJZER_WIDGET_RATE": "3/10", "WEGWIJZER_WIDGET_MAX_CHARS": "200"})
    assert (custom.allowed_origins, custom.secret, custom.rate_count, custom.rate_window, custom.max_chars) == \
        ((ALLOWED,), b"s", 3, 10.0, 200)


def test_connection_refusal_without_secret_checks_only_the_origin_which_is_required():
    p = policy()
    assert wp.connection_refusal(p, ALLOWED, None, now=0) is None
    assert wp.connection_refusal(p, None, None, now=0) == wp.REFUSED_ORIGIN  # no Origin: not a browser on an allowed site
    assert wp.connection_refusal(p, "https://kwaadwillend.example", None, now=0) == wp.REFUSED_ORIGIN


def test_connection_refusal_with_secret_needs_a_token_for_that_origin():
    p = policy(secret=b"s")
    good = issue_token(b"s", ALLOWED, now=100, ttl=60)
    assert wp.connection_refusal(p, ALLOWED, {"token": good}, now=101) is None
    assert wp.connection_refusal(p, ALLOWED, {"token": good}, now=200) == wp.REFUSED_TOKEN
    assert wp.connection_refusal(p, ALLOWED, None, now=101) == wp.REFUSED_TOKEN
    assert wp.connection_refusal(p, ALLOWED, "token", now=101) == wp.REFUSED_TOKEN
    assert wp.connection_refusal(p, None, {"token": good}, now=101) == wp.REFUSED_ORIGIN  # no Origin: refused first
    evil = "https://kwaadwillend.example"
    assert wp.connection_refusal(p, evil, {"token": issue_token(b"s", evil, 100, 60)}, now=101) == wp.REFUSED_ORIGIN


def test_metadata_keeps_only_audience_and_municipality():
    assert wp.clean_metadata({"doelgroep": "jongere", "gemeente": "gm0344", "spraak": True, "x": 1}) == \
        {"doelgroep": "jongere", "gemeente": "GM0344"}
    assert wp.clean_metadata('{"doelgroep": "ouder"}') == {"doelgroep": "ouder"}
    for bad in (None, "geen json", [], {"doelgroep": "admin"}, {"gemeente": "Utrecht"}, {"gemeente": 344}):
        assert wp.clean_metadata(bad) == {}


def test_message_problem():
    assert wp.message_problem("wat is een tlv", 500) is None
    assert wp.message_problem("a" * 500, 500) is None
    assert wp.message_problem("a" * 501, 500) == wp.TOO_LONG
    for empty in ("", "   ", None, 5, {"text": "x"}):
        assert wp.message_problem(empty, 500) == wp.EMPTY


def test_rate_limiter_sliding_window_and_memory_bound():
    limiter = wp.RateLimiter(count=2, window=10, max_keys=3)
    assert limiter.allow("a", 0) and limiter.allow("a", 1)
    assert not limiter.allow("a", 2)
    assert limiter.retry_after("a", 2) == 8
    assert limiter.allow("b", 2)  # other sessions are not affected
    assert limiter.allow("a", 10.5)  # the first message left the window
    for key in ("c", "d", "e"):
        limiter.allow(key, 11)
    assert len(limiter._events) == 3


def test_friendly_messages_per_audience():
    messages = wp.load_messages()
    for reason in (wp.EMPTY, wp.TOO_LONG, wp.TOO_FAST):
        assert set(messages[reason]) == {"ouder", "jongere"}
    ouder = wp.friendly_message(messages, wp.TOO_LONG, {}, max=500)
    jongere = wp.friendly_message(messages, wp.TOO_LONG, {"doelgroep": "jongere"}, max=500)
    assert "Uw bericht" in ouder and "500 tekens" in ouder
    assert jongere.startswith("Je bericht") and "500" in jongere
    wait = wp.friendly_message(messages, wp.TOO_FAST, {}, wachttijd=wp.seconds_in_words(45))
    assert "Wacht een minuut" in wait


def test_seconds_in_words():
    assert [wp.seconds_in_words(s) for s in (3, 30, 50, 150)] == \
        ["een paar seconden", "een halve minuut", "een minuut", "2 minuten"]
