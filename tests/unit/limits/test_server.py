"""Limits in one place (bot.limits.server) and how they reach Sanic and aiohttp."""
from __future__ import annotations

import pytest
from sanic.config import Config

from bot.limits.server import Limits, actions_env, apply_to_sanic, rasa_env


def test_environment_overrides_a_limit():
    limits = Limits.from_env({"WEGWIJZER_LIMIT_REST_MAX_MESSAGE_CHARS": "2000"})
    assert limits.rest_max_message_chars == 2000
    assert limits.turn_timeout == Limits().turn_timeout


@pytest.mark.parametrize("env", [
    {"WEGWIJZER_LIMIT_TURN_TIMEOUT": "lang"},
    {"WEGWIJZER_LIMIT_TURN_TIMEOUT": "0"},
    {"WEGWIJZER_LIMIT_ACTION_TIMEOUT": "60"},      # longer than a turn
    {"WEGWIJZER_LIMIT_TURN_TIMEOUT": "100"},       # longer than Sanic waits for a response
    {"WEGWIJZER_LIMIT_REST_MAX_BODY_BYTES": str(10**9)},
])
def test_inconsistent_or_malformed_limits_are_refused(env):
    with pytest.raises(ValueError):
        Limits.from_env(env)


def test_sanic_reads_the_rasa_environment(monkeypatch):
    for key, value in rasa_env(Limits()).items():
        monkeypatch.setenv(key, value)
    config = Config()
    assert config.REQUEST_MAX_SIZE == Limits().rasa_max_body_bytes
    assert config.REQUEST_TIMEOUT == Limits().request_timeout
    assert config.RESPONSE_TIMEOUT == Limits().response_timeout
    assert config.KEEP_ALIVE_TIMEOUT == Limits().keep_alive_timeout


def test_apply_to_sanic_overrides_what_rasa_sets():
    config = Config()
    config.KEEP_ALIVE_TIMEOUT = 120  # what rasa.core.run.configure_app does
    config.RESPONSE_TIMEOUT = 3600  # what rasa.server.create_app does with --enable-api
    apply_to_sanic(config, Limits())
    assert config.KEEP_ALIVE_TIMEOUT == Limits().keep_alive_timeout
    assert config.RESPONSE_TIMEOUT == Limits().response_timeout
    assert config.REQUEST_MAX_SIZE == Limits().rasa_max_body_bytes


def test_the_action_server_accepts_large_trackers_but_not_unlimited():
    env = actions_env(Limits())
    assert 1_000_000 < int(env["SANIC_REQUEST_MAX_SIZE"]) < 100_000_000
    assert int(rasa_env(Limits())["SANIC_REQUEST_MAX_SIZE"]) <= 64 * 1024


def test_shell_helper_prints_env_lines(capsys):
    from bot.limits.server import main
    assert main(["actions"]) == 0
    lines = capsys.readouterr().out.split()
    assert dict(line.split("=", 1) for line in lines) == actions_env()
    assert main(["iets"]) == 2


def test_current_is_read_once_and_again_whenever_a_limit_variable_changes(monkeypatch):
    import bot.limits.server as server

    for name in server._LIMIT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    reads = []
    original = Limits.from_env.__func__
    monkeypatch.setattr(Limits, "from_env", classmethod(lambda cls, *a: reads.append(1) or original(cls, *a)))
    first = server.current()
    assert first == Limits() and server.current() is first and server.current() is first
    count = len(reads)
    assert count <= 1                                   # none if an earlier caller read the same environment
    monkeypatch.setenv("WEGWIJZER_LIMIT_REST_MAX_MESSAGE_CHARS", "2000")
    changed = server.current()
    assert changed.rest_max_message_chars == 2000 and len(reads) == count + 1
    assert server.current() is changed and len(reads) == count + 1
    monkeypatch.setenv("WEGWIJZER_LIMIT_TURN_TIMEOUT", "lang")   # a bad value raises every time, never cached
    for _ in range(2):
        with pytest.raises(ValueError):
            server.current()
    monkeypatch.delenv("WEGWIJZER_LIMIT_TURN_TIMEOUT")
    monkeypatch.delenv("WEGWIJZER_LIMIT_REST_MAX_MESSAGE_CHARS")
    assert server.current() == Limits()
    monkeypatch.setenv("WEGWIJZER_LIMIT_UNRELATED_NAME_X", "1")  # not a limit: the kept value stays
    kept = server.current()
    assert server.current() is kept
    with pytest.raises(Exception):
        kept.turn_timeout = 1                             # frozen: no caller can change the shared instance
