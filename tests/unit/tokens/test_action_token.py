"""The action server's shared secret (bot.tokens.action_token) as plain functions; the real server is tested in
tests/integration/test_fails_closed_stack.py."""
import pytest

from bot.tokens import action_token as at


def test_only_health_passes_without_the_secret():
    secret = at.new_token()
    assert len(secret) >= at.MIN_CHARS
    assert at.authorised("/health", None, secret)
    for path in ("/webhook", "/actions", "/", "/health/"):
        assert not at.authorised(path, None, secret)
        assert not at.authorised(path, "", secret)
        assert not at.authorised(path, secret[:-1], secret)
        assert not at.authorised(path, secret + "x", secret)
        assert not at.authorised(path, "\udcff", secret)  # a lone surrogate never crashes the check
        assert at.authorised(path, secret, secret)


@pytest.mark.parametrize("env", [{}, {at.ENV: ""}, {at.ENV: "   "}, {at.ENV: "kort"}])
def test_a_missing_or_short_secret_is_a_configuration_error(env):
    with pytest.raises(ValueError):
        at.token_from_env(env)


def test_the_configured_secret():
    assert at.token_from_env({at.ENV: "s" * 40}) == "s" * 40
