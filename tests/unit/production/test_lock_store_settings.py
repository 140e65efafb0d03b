"""bot.production.lock_store: the waiting times read from the environment, hostile values included."""
from bot.production.lock_store import (DEFAULT_POLL_SECONDS, DEFAULT_WAIT_SECONDS, poll_seconds,
                                       wait_seconds)


def test_patience_for_redis():
    assert wait_seconds({}) == DEFAULT_WAIT_SECONDS
    assert wait_seconds({"WEGWIJZER_LOCK_WACHT": "3"}) == 3.0
    assert wait_seconds({"WEGWIJZER_LOCK_WACHT": "-4"}) == 0.0
    assert wait_seconds({"WEGWIJZER_LOCK_WACHT": "lang"}) == DEFAULT_WAIT_SECONDS


def test_poll_interval_stays_between_5_ms_and_a_second():
    assert poll_seconds({}) == DEFAULT_POLL_SECONDS
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "0.1"}) == 0.1
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "0"}) == 0.005
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "60"}) == 1.0
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "nan"}) == DEFAULT_POLL_SECONDS
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "snel"}) == DEFAULT_POLL_SECONDS
