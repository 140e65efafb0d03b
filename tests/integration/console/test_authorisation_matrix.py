"""Authorisation matrix over real HTTP: every route in bot.console.app.ROUTES (the list itself, so a new
route is covered automatically) as anonymous, as each role and as a worker of another region.

The expected status is derived here from roles.PERMISSIONS and the regions each test user sees, not from
the console's own Principal/Scope code: anonymous → 303 to /inloggen (pages) or 401 (API and POST), no
permission → 403, object outside the user's regions → 404, otherwise 200 or 303. Every POST carries a
valid CSRF token for that user (anonymous: a matching double-submit token), so a refusal here is an
authorisation decision, never a CSRF one. State-changing routes act on throwaway objects made per case.
"""
from __future__ import annotations

import re
import secrets
import sqlite3
import time
from datetime import datetime, timezone

import pytest
import requests

from bot.console.accounts import Accounts
from bot.console.app import ROUTES
from bot.console.conversations import key_of
from bot.console.roles import PERMISSIONS, ROLES
from bot.hulpvraag.db import make_engine
from bot.live.store import LiveStore
from console_data import PASSWORD, add_request
from tracker_data import Turn, fill

REGIONS = {"A": "GM0479", "B": "GM0014"}          # Zaanstad (JZ09) and Groningen
# test user → (role, regions it sees); None is anonymous. The accounts come from console_data.add_accounts
# plus "redactie-a" made below.
USERS = {
    None: None,
    "admin": ("beheerder", {"A", "B"}),
    "zaan": ("regiomedewerker", {"A"}),            # JZ09
    "redactie-a": ("contentredacteur", {"A"}),     # JZ09
    "redactie": ("contentredacteur", {"A", "B"}),  # ALLE
    "gron": ("regiomedewerker", {"B"}),            # the worker of another region
}
NOT_REGION_SCOPED = {("/beheer/accounts/{id}", "id"), ("/static/{name}", "name")}
SESSION_CHANGING = {"/inloggen", "/uitloggen"}     # a logged-in client gets a new (or no) session
OK, LOGIN = "200 of 303", "303 naar /inloggen"

# form (or JSON) body per POST route; a new POST route must get one here, or its case fails loudly
BODIES = {
    "/inloggen": lambda c: {"gebruikersnaam": c.login_name, "wachtwoord": PASSWORD},
    "/uitloggen": lambda c: {},
    "/gesprekken/{key}/berichten/{event_id}/tonen": lambda c: {},
    "/gesprekken/{key}/notities": lambda c: {"tekst": "notitie uit de matrixtest"},
    "/gesprekken/{key}/labels": lambda c: {"label": "review_nodig", "aan": "1"},
    "/gesprekken/{key}/verwijderen": lambda c: {"bevestig": "ja"},
    "/hulpvragen": lambda c: {"actie": "status", "status": "in_behandeling"},
    "/hulpvragen/csv": lambda c: {"status": "nieuw"},
    "/hulpvragen/{id}/tonen": lambda c: {},
    "/hulpvragen/{id}/status": lambda c: {"status": "in_behandeling"},
    "/hulpvragen/{id}/toewijzing": lambda c: {"account": ""},
    "/hulpvragen/{id}/notities": lambda c: {"tekst": "notitie uit de matrixtest"},
    "/hulpvragen/{id}/export": lambda c: {"formaat": "tekst"},
    "/beheer/accounts": lambda c: {"gebruikersnaam": "m-" + secrets.token_hex(6), "rol": "regiomedewerker",
                                   "regios": "GM0014", "wachtwoord": PASSWORD, "wachtwoord2": PASSWORD},
    "/beheer/accounts/{id}": lambda c: {"rol": "regiomedewerker", "regios": REGIONS["A"], "actief": "1"},
    "/api/hulpvragen/{id}/status": lambda c: {"status": "in_behandeling"},
    "/inzicht/gemist/{event_id}/afgehandeld": lambda c: {},
    "/inzicht/export": lambda c: {"dagen": "30", "formaat": "csv"},
    "/live/{key}/overnemen": lambda c: {},
    "/live/{key}/bericht": lambda c: {"tekst": "bericht uit de matrixtest"},
    "/live/{key}/verlaten": lambda c: {},
}


def params_of(path: str) -> list[str]:
    return re.findall(r"{(\w+)}", path)


def region_scoped(path: str) -> bool:
    return any((path, p) not in NOT_REGION_SCOPED for p in params_of(path))


def expected(method: str, path: str, permission: str, user: str | None, target: str | None) -> str | int:
    if permission not in PERMISSIONS:
        return 403                                   # the guard refuses a route without a known permission
    if permission == "openbaar":
        return OK
    if user is None:
        return 401 if path.startswith("/api/") or method != "GET" else LOGIN
    role, regions = USERS[user]
    if role not in PERMISSIONS[permission]:
        return 403
    if target in REGIONS and target not in regions:
        return 404
    return OK


def _cases():
    cases = []
    for method, path, _handler, permission in ROUTES:
        targets = list(REGIONS) if region_scoped(path) else [None]
        for target in targets:
            for user in USERS:
                case_id = f"{method} {path} [{target or '-'}] {user or 'anoniem'}"
                cases.append(pytest.param(method, path, permission, user, target, id=case_id))
    return cases


class Clients:
    """One logged-in requests.Session (and its CSRF token) per user, remade after login/logout routes."""

    def __init__(self, console):
        self.console, self._sessions = console, {}

    def get(self, user: str) -> tuple[requests.Session, str]:
        if user not in self._sessions:
            s = self.console.client(user)
            self._sessions[user] = (s, self.console.csrf(s))
        return self._sessions[user]

    def drop(self, user: str) -> None:
        self._sessions.pop(user, None)


@pytest.fixture(scope="module")
def world(console):
    engine = make_engine(f"sqlite:///{console.db_path}")
    accounts = Accounts(engine)
    accounts.create("redactie-a", PASSWORD, "contentredacteur", frozenset({"JZ09"}))
    accounts.create("matrix-inlog", PASSWORD, "regiomedewerker", frozenset({"GM0014"}))
    tracker = console.db_path.parent / "tracker.db"
    now = time.time()
    fill(str(tracker), {f"weg-{t}-{u or 'anoniem'}": (code, [Turn("hallo", "begroeting", "Hallo.")], now - 60)
                        for t, code in REGIONS.items() for u in USERS})
    fill(str(tracker), {"mis-B": (REGIONS["B"], [Turn("onbegrijpelijk", "nlu_fallback", "Dat begreep ik niet.")], now - 60)})
    with sqlite3.connect(tracker) as db:
        event_ids = {t: db.execute("SELECT id FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
                                   (sender,)).fetchone()[0] for t, sender in (("A", "zaan-1"), ("B", "gron-1"))}
        # a not-understood message per region (the insight page's work list)
        miss_ids = {t: db.execute("SELECT id FROM events WHERE sender_id = ? AND intent_name = 'nlu_fallback'",
                                  (sender,)).fetchone()[0] for t, sender in (("A", "zaan-2"), ("B", "mis-B"))}
    shared_requests = {"A": console.ids["zaan"], "B": console.ids["gron"]}
    live = LiveStore(engine)                      # a live chat per region, for the /live routes
    for sender, code in (("zaan-1", REGIONS["A"]), ("gron-1", REGIONS["B"])):
        live.ask(sender, code, datetime.now(timezone.utc).replace(tzinfo=None))
    yield {"engine": engine, "accounts": accounts, "event_ids": event_ids, "miss_ids": miss_ids,
           "requests": shared_requests,
           "clients": Clients(console)}
    engine.dispose()


class Case:
    def __init__(self, user, target):
        self.user, self.target = user, target
        self.login_name = user or "matrix-inlog"


def fill_path(world, method: str, path: str, user: str | None, target: str | None) -> str:
    """The URL path with ids of region `target`; throwaway objects for routes that change state."""
    unsafe = method != "GET"
    values = {}
    for name in params_of(path):
        if path.startswith("/beheer/accounts/") and name == "id":
            acc = world["accounts"].create("wegwerp-" + secrets.token_hex(5), PASSWORD, "regiomedewerker",
                                           frozenset({REGIONS["B"]}))
            values[name] = acc.id
        elif path.startswith("/static/") and name == "name":
            values[name] = "console.css"
        elif name == "key" and path.endswith("/verwijderen"):
            values[name] = key_of(f"weg-{target}-{user or 'anoniem'}")
        elif name == "key":
            values[name] = key_of({"A": "zaan-1", "B": "gron-1"}[target])
        elif name == "event_id" and path.startswith("/inzicht/"):
            values[name] = world["miss_ids"][target]
        elif name == "event_id":
            values[name] = world["event_ids"][target]
        elif name == "id" and path.startswith(("/hulpvragen/", "/api/hulpvragen/")):
            values[name] = add_request(world["engine"], f"WW-M-{secrets.token_hex(4).upper()}",
                                       REGIONS[target]) if unsafe else world["requests"][target]
        else:
            raise AssertionError(f"geen waarde voor {{{name}}} in {path}: vul fill_path aan")
    return path.format(**values)


def send(console, world, method: str, path: str, user: str | None, target: str | None) -> requests.Response:
    url = console.url + fill_path(world, method, path, user, target)
    if user is None:
        token = secrets.token_urlsafe(32)   # a matching double-submit pair: CSRF passes, authorisation decides
        s, headers = requests.Session(), {"Cookie": f"wz_pre={token}"}
    else:
        s, token = world["clients"].get(user)
        headers = {}
    if method == "GET":
        return s.get(url, headers=headers, allow_redirects=False)
    assert path in BODIES, f"nieuwe POST-route {path}: geef hem een geldige body in BODIES"
    body = BODIES[path](Case(user, target))
    if path.startswith("/api/"):
        return s.request(method, url, json=body, headers={**headers, "X-CSRF-Token": token}, allow_redirects=False)
    return s.request(method, url, data={"csrf": token, **body}, headers=headers, allow_redirects=False)


@pytest.mark.parametrize("method,path,permission,user,target", _cases())
def test_route_status(console, world, method, path, permission, user, target):
    want = expected(method, path, permission, user, target)
    r = send(console, world, method, path, user, target)
    if user is not None and path in SESSION_CHANGING and method == "POST":
        world["clients"].drop(user)
    location = r.headers.get("Location", "")
    where = f"{method} {path} als {user or 'anoniem'} ({target or '-'}): {r.status_code} {location} {r.text[:200]!r}"
    if want == OK:
        assert r.status_code in (200, 303), where
        if r.status_code == 303 and path != "/uitloggen":
            assert not location.endswith("/inloggen"), where   # not a disguised "log in first"
    elif want == LOGIN:
        assert r.status_code == 303 and location.endswith("/inloggen"), where
    else:
        assert r.status_code == want, where
    assert "Traceback" not in r.text


def test_every_route_has_a_known_permission_and_every_role_is_tested():
    assert {p for *_rest, p in ROUTES} <= set(PERMISSIONS)
    assert {u[0] for u in USERS.values() if u} == set(ROLES)


def test_matrix_covers_every_route_with_every_user():
    ids = {(c.values[0], c.values[1], c.values[3]) for c in _cases()}
    assert ids == {(m, p, u) for m, p, _h, _perm in ROUTES for u in USERS}


def test_refusals_leave_no_trace(console, world):
    """The region-B erase by region-A users was refused: the throwaway conversation still exists."""
    admin = console.client("admin")
    for user in ("zaan", "gron", "redactie", "redactie-a"):
        for target in REGIONS:
            assert admin.get(f"{console.url}/gesprekken/{key_of(f'weg-{target}-{user}')}").status_code == 200
