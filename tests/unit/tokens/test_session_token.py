"""Conversation ownership tokens (bot.tokens.session_token), without Rasa: only a token the server
issued for exactly this id matches; the channels refuse to start without a proper secret."""
from __future__ import annotations

import pytest

from bot.tokens import session_token as st
from bot.channels.rest_channel import HardenedRestInput
from bot.channels.socketio_channel import WidgetSocketIOInput

SECRET = b"s" * 32
OTHER = b"t" * 32


def test_an_issued_session_matches_only_its_own_id_and_secret():
    a, b = st.issue(SECRET), st.issue(SECRET)
    assert a.session_id != b.session_id and st.SESSION_ID.match(a.session_id)
    assert st.token_matches(SECRET, a.session_id, a.token)
    assert not st.token_matches(SECRET, a.session_id, b.token), "another session's token"
    assert not st.token_matches(OTHER, a.session_id, a.token), "another server's secret"
    assert not st.token_matches(SECRET, a.session_id.upper(), a.token)
    assert not st.token_matches(SECRET, a.session_id, a.token[:-1])


@pytest.mark.parametrize("token", [None, "", 5, ["x"], {"t": 1}, "x" * 200, "é" * 43, "\ud800"])
def test_hostile_tokens_never_match(token):
    session = st.issue(SECRET)
    assert not st.token_matches(SECRET, session.session_id, token)


@pytest.mark.parametrize("session_id", [None, "", 7, ["a"], "telefoon-CA123"])
def test_ids_the_server_did_not_issue_have_no_token(session_id):
    assert not st.token_matches(SECRET, session_id, st.issue(SECRET).token)


def test_owned_session_needs_the_widget_id_form_and_its_token():
    session = st.issue(SECRET)
    assert st.owned_session(SECRET, {"session_id": session.session_id, "token": session.token}) == session
    assert st.owned_session(SECRET, {"session_id": session.session_id}) is None
    assert st.owned_session(SECRET, {"session_id": session.session_id, "token": st.issue(SECRET).token}) is None
    assert st.owned_session(SECRET, "nope") is None
    forged_id = "x" + session.session_id[1:]
    assert st.owned_session(SECRET, {"session_id": forged_id, "token": st.token_for(SECRET, forged_id)}) is None


@pytest.mark.parametrize("env", [{}, {st.ENV: ""}, {st.ENV: "   "}, {st.ENV: "kort"}])
def test_a_missing_or_short_secret_is_a_configuration_error(env):
    with pytest.raises(ValueError, match=st.ENV):
        st.secret_from_env(env)


@pytest.mark.parametrize("channel", [HardenedRestInput, WidgetSocketIOInput])
def test_the_channels_do_not_start_without_the_secret(monkeypatch, channel):
    monkeypatch.delenv(st.ENV, raising=False)
    with pytest.raises(ValueError, match=st.ENV):
        channel()
    monkeypatch.setenv(st.ENV, st.new_secret())
    assert channel().session_secret == st.secret_from_env({st.ENV: __import__("os").environ[st.ENV]})


@pytest.mark.parametrize("bad", ["", "../../etc", "0123456789ABCDEF0123456789ABCDEF",
                                 "0123456789abcdef0123456789abcdef0", "<script>"])
def test_a_session_id_not_in_the_widget_form_is_never_joined_even_with_its_own_hmac(bad):
    assert st.owned_session(SECRET, {"session_id": bad, "token": st.token_for(SECRET, bad)}) is None
