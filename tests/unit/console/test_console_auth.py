"""Passwords, accounts, sessions and the login limiter against a real SQLite database."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.console.accounts import AccountError, Accounts
from bot.console.passwords import verify_password, weakness
from bot.console.ratelimit import LoginLimiter, account_key, ip_key
from bot.console.schema import blokkade, inlogpoging, sessie
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


def test_lockout_after_five_failures_for_fifteen_minutes(engine):
    limiter = LoginLimiter(engine, max_account=5, max_ip=20, minutes=15)
    keys = (account_key("anna"), ip_key("10.0.0.1"))
    for _ in range(4):
        assert limiter.failure(*keys) == []
        assert not limiter.locked(*keys)
    assert limiter.failure(*keys) == [account_key("anna")]
    assert limiter.locked(account_key("anna"))
    assert not limiter.locked(ip_key("10.0.0.1"))
    shift(engine, blokkade, "tot", timedelta(minutes=-15, seconds=-1))  # 15 minutes later
    shift(engine, inlogpoging, "tijd", timedelta(minutes=-15, seconds=-1))
    assert not limiter.locked(*keys)
    assert limiter.failure(*keys) == []  # counting starts afresh after a lockout


def test_success_resets_failure_count(engine):
    limiter = LoginLimiter(engine)
    keys = (account_key("anna"),)
    for _ in range(4):
        limiter.failure(*keys)
    limiter.success(*keys)
    for _ in range(4):
        assert limiter.failure(*keys) == []
    assert not limiter.locked(*keys)
