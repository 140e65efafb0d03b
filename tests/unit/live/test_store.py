"""The durable live-chat queue (bot.live.store) on SQLite: one open row per conversation, one colleague
per chat, expiry after the waiting time, and nothing lost when the process that wrote it is gone."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

from bot.hulpvraag.db import make_engine
from bot.live.schema import ACTIEF, GESLOTEN, VERLOPEN, WACHTEND
from bot.live.store import AL_OVERGENOMEN, NIET_OPEN, OK, LiveStore

T0 = datetime(2026, 12, 7, 9, 0)
A, B = "a" * 32, "b" * 32


def store(tmp_path, wait: int = 180) -> LiveStore:
    return LiveStore(make_engine(f"sqlite:///{tmp_path / 'live.db'}"), wait_seconds=wait)


def test_asking_twice_gives_one_row(tmp_path):
    s = store(tmp_path)
    first, new = s.ask(A, "GM0344", T0)
    again, new_again = s.ask(A, "GM0344", T0 + timedelta(seconds=30))
    assert new and not new_again and again.id == first.id and again.status == WACHTEND
    assert [r.gesprek_id for r in s.open_items(T0 + timedelta(minutes=1))] == [A]


def test_only_the_first_colleague_gets_the_chat(tmp_path):
    s = store(tmp_path)
    s.ask(A, "GM0344", T0)
    assert s.join(A, "anna", T0 + timedelta(minutes=1)).uitkomst == OK
    second = s.join(A, "bram", T0 + timedelta(minutes=1))
    assert second.uitkomst == AL_OVERGENOMEN and second.live.medewerker == "anna"
    assert s.join(A, "anna", T0 + timedelta(minutes=2)).uitkomst == OK   # joining again is harmless


def test_concurrent_joins_have_one_winner(tmp_path):
    s = store(tmp_path)
    s.ask(A, "GM0344", T0)
    results = []
    threads = [threading.Thread(target=lambda n=n: results.append(s.join(A, f"mw{n}", T0 + timedelta(seconds=5))))
               for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.uitkomst for r in results).count(OK) == 1
    winner = next(r.live.medewerker for r in results if r.uitkomst == OK)
    assert all(r.live.medewerker == winner for r in results)


def test_waiting_expires_and_cannot_be_joined_afterwards(tmp_path):
    s = store(tmp_path, wait=180)
    s.ask(A, "GM0344", T0)
    late = T0 + timedelta(minutes=3, seconds=1)
    assert s.open_items(late) == [] and s.current(A, late) is None
    assert s.join(A, "anna", late).uitkomst == NIET_OPEN
    assert s.expire(late) == 1 and s.latest(A).status == VERLOPEN
    _row, new = s.ask(A, "GM0344", late)      # asking again later: a fresh request
    assert new


def test_taken_chat_stays_open_past_the_waiting_time_until_left(tmp_path):
    s = store(tmp_path)
    s.ask(A, "GM0344", T0)
    s.join(A, "anna", T0 + timedelta(minutes=1))
    much_later = T0 + timedelta(hours=1)
    s.expire(much_later)
    assert s.current(A, much_later).status == ACTIEF
    assert s.close(A, "bram", much_later) is None           # only the colleague who took it leaves it
    assert s.close(A, "anna", much_later).medewerker == "anna"
    assert s.latest(A).status == GESLOTEN and s.current(A, much_later) is None


def test_release_puts_a_chat_back_in_the_queue(tmp_path):
    s = store(tmp_path)
    s.ask(A, "GM0344", T0)
    s.join(A, "anna", T0)
    assert s.release(A, "anna")
    assert s.current(A, T0).status == WACHTEND and s.join(A, "bram", T0).uitkomst == OK


def test_state_survives_a_new_store_on_the_same_database(tmp_path):
    s = store(tmp_path)
    s.ask(A, "GM0344", T0)
    s.ask(B, "GM0479", T0)
    s.join(A, "anna", T0)
    restarted = store(tmp_path)                  # e.g. the console restarted
    items = {r.gesprek_id: r for r in restarted.open_items(T0 + timedelta(minutes=1))}
    assert items[A].status == ACTIEF and items[A].medewerker == "anna" and items[B].status == WACHTEND


def test_expire_due_tells_each_user_once(tmp_path):
    s = store(tmp_path, wait=60)
    s.ask(A, "GM0344", T0)
    s.ask(B, "GM0479", T0 + timedelta(seconds=50))
    late = T0 + timedelta(seconds=61)
    assert [r.gesprek_id for r in s.expire_due(late)] == [A]
    assert s.expire_due(late) == []                                       # a second console finds nothing
    assert [r.gesprek_id for r in store(tmp_path, wait=60).expire_due(late + timedelta(seconds=60))] == [B]


def test_wait_seconds_from_the_environment():
    from bot.live.store import DEFAULT_WAIT_SECONDS, wait_seconds
    assert wait_seconds({}) == DEFAULT_WAIT_SECONDS == 180
    assert wait_seconds({"WEGWIJZER_LIVE_WACHTTIJD_SECONDEN": "30"}) == 30
    for bad in ("4", "3601", "-5", "drie", "1e3"):
        assert wait_seconds({"WEGWIJZER_LIVE_WACHTTIJD_SECONDEN": bad}) == DEFAULT_WAIT_SECONDS
