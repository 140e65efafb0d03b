"""bot.production.lock_store: the waiting times read from the environment, hostile values refused by name
(bot.settings: one behaviour for a bad value, an error, where they were silently clamped or replaced before)."""
import pytest

from bot.production.lock_store import (DEFAULT_POLL_SECONDS, DEFAULT_WAIT_SECONDS, poll_seconds,
                                       wait_seconds)
from bot.production.tracker_store import wait_seconds as tracker_wait_seconds
from bot.settings import SettingsError


def test_patience_for_redis():
    assert wait_seconds({}) == DEFAULT_WAIT_SECONDS == 15.0
    assert wait_seconds({"WEGWIJZER_LOCK_WACHT": "3"}) == 3.0
    assert wait_seconds({"WEGWIJZER_LOCK_WACHT": "0"}) == 0.0


@pytest.mark.parametrize("raw", ["-4", "lang", "nan"])
def test_bad_patience_is_refused_by_name(raw):
    with pytest.raises(SettingsError, match="WEGWIJZER_LOCK_WACHT.*minstens 0"):
        wait_seconds({"WEGWIJZER_LOCK_WACHT": raw})
    with pytest.raises(SettingsError, match="WEGWIJZER_TRACKER_WACHT"):
        tracker_wait_seconds({"WEGWIJZER_TRACKER_WACHT": raw})


def test_poll_interval_stays_between_5_ms_and_a_second():
    assert poll_seconds({}) == DEFAULT_POLL_SECONDS == 0.025
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "0.1"}) == 0.1
    assert poll_seconds({"WEGWIJZER_LOCK_POLL": "1"}) == 1.0
    for raw in ("0", "60", "nan", "snel"):
        with pytest.raises(SettingsError, match="WEGWIJZER_LOCK_POLL.*0.005 tot en met 1"):
            poll_seconds({"WEGWIJZER_LOCK_POLL": raw})
