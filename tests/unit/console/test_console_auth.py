"""Passwords, accounts, sessions and the login limiter against a real SQLite database."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.console.accounts import AccountError, Accounts
from bot.console.passwords import verify_password, weakness
from bot.console.ratelimit import LoginLimiter, backoff_seconds, ip_key, login_keys, user_address_key
from bot.storage.console_schema import blokkade, inlogpoging, sessie
from bot.console.sessions import Sessions
from console_data import PASSWORD, database


def shift(engine, table, column, delta):
    """Move a stored time (SQLite cannot do date arithmetic in SQL)."""
    with engine.begin() as conn:
        for row in conn.execute(select(table)).all():
            key = list(table.primary_key.columns)[0]
            conn.execute(update(table).where(key == getattr(row, key.name))
                         .values({column: getattr(row, column) + delta}))


@pytest.fixture
def engine(tmp_path):
    return database(tmp_path / "c.db")


@pytest.mark.parametrize("password", ["kort", "aaaaaaaaaaaaaaaa", "123456789012345", "wachtwoord123",
                                      "alleenmaarletters", "xx-admin-xx-99"])
def test_weak_passwords_are_refused(password):
    assert weakness(password, "admin") is not None


def test_strong_password_is_accepted():
    assert weakness(PASSWORD, "admin") is None


def test_account_hash_is_argon2_and_verifies(engine):
    acc = Accounts(engine).create("Anna", PASSWORD, "beheerder")
    assert acc.gebruikersnaam == "anna"
    assert acc.wachtwoord_hash.startswith("$argon2id$")
    assert verify_password(acc.wachtwoord_hash, PASSWORD)
    assert not verify_password(acc.wachtwoord_hash, PASSWORD + "x")
    assert not verify_password(None, PASSWORD)  # unknown user


def test_duplicate_bad_role_and_bad_name_are_refused(engine):
    accounts = Accounts(engine)
    accounts.create("anna", PASSWORD, "beheerder")
    with pytest.raises(AccountError):
        accounts.create("ANNA", PASSWORD, "beheerder")
    with pytest.raises(AccountError):
        accounts.create("bob", PASSWORD, "koning")
    with pytest.raises(AccountError):
        accounts.create("<script>", PASSWORD, "beheerder")


def test_session_roundtrip_and_expiry(engine):
    acc = Accounts(engine).create("anna", PASSWORD, "beheerder")
    sessions = Sessions(engine, max_minutes=60, idle_minutes=10)
    s = sessions.create(acc.id)
    assert len(s.token) >= 43 and s.csrf_token != s.token
    assert sessions.load(s.token).account_id == acc.id
    assert sessions.load(s.token + "x") is None
    shift(engine, sessie, "laatst_gezien_op", timedelta(minutes=-11))  # idle for longer than allowed
    assert sessions.load(s.token) is None
    s2 = sessions.create(acc.id)
    sessions.end(s2.token)
    assert sessions.load(s2.token) is None


def test_password_change_ends_sessions(engine):
    accounts = Accounts(engine)
    acc = accounts.create("anna", PASSWORD, "beheerder")
    sessions = Sessions(engine)
    s = sessions.create(acc.id)
    accounts.set_password(acc.id, "een heel ander wachtwoord 2")
    assert sessions.load(s.token) is None


def test_backoff_after_five_failures_per_user_and_address(engine):
    """Issue 18, finding 9: five wrong passwords locked the account itself for 15 minutes, for everyone.
    Now they slow down that username from that address only, with a wait that doubles."""
    limiter = LoginLimiter(engine, max_account=5, max_ip=20, base_seconds=30, max_seconds=900)
    attacker = login_keys("anna", "10.0.0.1")
    for _ in range(4):
        assert limiter.failure(*attacker) == {}
        assert limiter.wait(*attacker) == 0
    assert limiter.failure(*attacker) == {user_address_key("anna", "10.0.0.1"): 30}
    assert 29 <= limiter.wait(*attacker) <= 30
    assert limiter.wait(*login_keys("anna", "10.0.0.2")) == 0  # the real user elsewhere: not affected
    assert limiter.wait(ip_key("10.0.0.1")) == 0
    shift(engine, blokkade, "tot", timedelta(seconds=-31))  # the wait is over
    assert limiter.wait(*attacker) == 0
    assert limiter.failure(*attacker) == {user_address_key("anna", "10.0.0.1"): 60}  # doubles, no fresh start


def test_backoff_doubles_up_to_the_cap():
    assert [backoff_seconds(n, 5, 30, 900) for n in range(3, 12)] == [0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert backoff_seconds(10_000, 5, 30, 900) == 900


def test_one_address_trying_many_usernames_waits_after_twenty(engine):
    limiter = LoginLimiter(engine, max_account=5, max_ip=20, base_seconds=30)
    for n in range(19):
        assert limiter.failure(*login_keys(f"naam{n}", "10.0.0.9")) == {}
    assert limiter.failure(*login_keys("naam19", "10.0.0.9")) == {ip_key("10.0.0.9"): 30}
    assert limiter.wait(*login_keys("anna", "10.0.0.9")) > 0
    assert limiter.wait(*login_keys("anna", "10.0.0.8")) == 0


def test_success_resets_failure_count(engine):
    limiter = LoginLimiter(engine)
    keys = login_keys("anna", "10.0.0.1")
    for _ in range(4):
        limiter.failure(*keys)
    limiter.success(*keys)
    for _ in range(4):
        assert limiter.failure(*keys) == {}
    assert not limiter.locked(*keys)
