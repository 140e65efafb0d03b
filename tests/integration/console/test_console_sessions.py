"""Sessions over real HTTP: no session fixation (a session id from before login is never kept or accepted
after it), logout ends the session server-side, and idle/absolute expiry. Expiry is tested by moving the
session's timestamps back in the console's database (the shortest expiry the settings allow is a minute)."""
from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import requests
from sqlalchemy import select, update

from bot.storage.console_schema import sessie
from bot.console.sessions import COOKIE
from bot.console.settings import ConsoleSettings
from bot.hulpvraag.db import make_engine, utcnow
from console_data import PASSWORD

HOST = "127.0.0.1"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def cookie_of(s: requests.Session) -> str:
    return s.cookies.get(COOKIE)


def with_cookie(console, token: str) -> requests.Session:
    """A fresh client (another browser, or the attacker) that presents the given session id."""
    s = requests.Session()
    s.cookies.set(COOKIE, token, domain=HOST, path="/")
    return s


def is_logged_in(console, s: requests.Session) -> bool:
    r = s.get(console.url + "/gesprekken", allow_redirects=False)
    assert r.status_code in (200, 303)
    return r.status_code == 200


@pytest.fixture(scope="module")
def db(console):
    engine = make_engine(f"sqlite:///{console.db_path}")
    yield engine
    engine.dispose()


def session_row(db, token: str):
    with db.connect() as conn:
        return conn.execute(select(sessie).where(sessie.c.sleutel_hash == digest(token))).first()


def test_a_session_id_chosen_before_login_is_not_kept(console):
    planted = "aanvaller-gekozen-sessie-id-" + "x" * 20
    s = with_cookie(console, planted)
    r = console.login(s, "zaan", PASSWORD)
    assert r.status_code == 200 and "Uitloggen" in r.text
    assert cookie_of(s) != planted
    assert not is_logged_in(console, with_cookie(console, planted))


def test_a_planted_valid_session_is_replaced_at_login(console, db):
    attacker = console.client("gron")              # the attacker's own, valid session ...
    planted = cookie_of(attacker)
    victim = with_cookie(console, planted)          # ... planted in the victim's browser
    token = console.csrf(victim)
    r = victim.post(console.url + "/inloggen", data={"csrf": token, "gebruikersnaam": "zaan",
                                                     "wachtwoord": PASSWORD}, allow_redirects=False)
    assert r.status_code == 303
    fresh = r.cookies.get(COOKIE)
    assert fresh and fresh != planted
    assert session_row(db, planted) is None          # the old id is gone server-side
    assert not is_logged_in(console, attacker)       # the attacker does not share the victim's session
    page = with_cookie(console, fresh).get(console.url + "/hulpvragen")
    assert page.status_code == 200 and "zaan" in page.text


def test_each_login_gets_a_new_id(console):
    first, second = console.client("zaan"), console.client("zaan")
    assert cookie_of(first) != cookie_of(second)
    assert is_logged_in(console, first) and is_logged_in(console, second)


def test_logout_ends_the_session_server_side(console, db):
    s = console.client("zaan")
    token = cookie_of(s)
    assert session_row(db, token) is not None
    r = s.post(console.url + "/uitloggen", data={"csrf": console.csrf(s)}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("/inloggen")
    assert session_row(db, token) is None
    replay = with_cookie(console, token)             # a copied cookie is worthless after logout
    assert not is_logged_in(console, replay)
    assert replay.get(console.url + "/api/hulpvragen").status_code == 401


def _age(db, token: str, **changes) -> None:
    with db.begin() as conn:
        conn.execute(update(sessie).where(sessie.c.sleutel_hash == digest(token)).values(**changes))


def test_idle_session_expires(console, db):
    s = console.client("zaan")
    token = cookie_of(s)
    _age(db, token, laatst_gezien_op=utcnow() - timedelta(minutes=29))
    assert is_logged_in(console, s)                  # 29 minutes idle: still valid (default 30), and renewed
    assert session_row(db, token).laatst_gezien_op > utcnow() - timedelta(minutes=1)
    _age(db, token, laatst_gezien_op=utcnow() - timedelta(minutes=31))
    assert not is_logged_in(console, s)
    assert session_row(db, token) is None            # removed, not merely refused


def test_session_expires_after_its_maximum_lifetime_even_when_used(console, db):
    s = console.client("zaan")
    token = cookie_of(s)
    _age(db, token, verloopt_op=utcnow() - timedelta(seconds=1))
    assert not is_logged_in(console, s)
    assert session_row(db, token) is None


def test_expiry_is_configurable_by_environment():
    settings = ConsoleSettings.from_env({"WEGWIJZER_CONSOLE_SESSIE_MINUTEN": "5",
                                         "WEGWIJZER_CONSOLE_INACTIEF_MINUTEN": "1"})
    assert (settings.sessie_minuten, settings.inactief_minuten) == (5, 1)
    with pytest.raises(ValueError, match="WEGWIJZER_CONSOLE_INACTIEF_MINUTEN"):   # nonsense is refused by name
        ConsoleSettings.from_env({"WEGWIJZER_CONSOLE_INACTIEF_MINUTEN": "0"})
