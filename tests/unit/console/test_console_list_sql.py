"""The conversation list computed by the database (SQLite and PostgreSQL) equals a plain Python computation
over all events, for every scope, filter, search text and page, on conversations with awkward data and
with help requests whose region differs from the places named in the conversation."""
from __future__ import annotations

import json
import random
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, insert, select

from bot.console.conversation_regio import regions_of
from bot.console.conversations import ConversationStore, Filters, in_scope
from bot.console.regio import jeugdregio_of
from bot.console.roles import Scope
from bot.console.tracker_events import FALLBACK_INTENT, HUMAN_INTENTS, events, parse, tracker_engine_for
from tests.support.postgres import find_bin_dir, postgres_server
from tracker_data import XSS, Turn, fill

DAY = 86400
# Whole seconds: a time with a fraction can sit on a half millisecond, where the database path and the
# plain Python path may round to different milliseconds (a flaky comparison, seen once in CI).
NOW = float(int(time.time()))
LINES = [("wat is leerplicht", "leerplicht"), ("Ik wil een MENS spreken", "mens_spreken"), ("asdf", FALLBACK_INTENT),
         ("100% zeker_niet", "twijfel"), ("école fermée, wat nu?", "school_zoeken"), (XSS, "leerplicht"),
         ('hij zei "nee" tegen C:\\school', "thuiszitten"), ("Bel me", "hulpvraag_starten")]
REGIONS = ["GM0479", "GM0014", "GM0363", "JZ09", None]
# help requests by conversation: another region than the slot, none, two, one without a conversation
REQUESTS = {"gesprek-00": frozenset({"GM0363"}), "Gesprek-01": frozenset({"GM0479"}), "ü-gesprek-06": frozenset(),
            "a/b?c-07": frozenset({"GM0014", "GM0479"}), "gesprek-08": frozenset({"GM0014"}),
            "niet-in-de-trackerstore": frozenset({"GM0014"})}


def conversations(n: int = 60, seed: int = 6) -> dict:
    rng = random.Random(seed)
    out = {}
    for i in range(n):
        sender = ["gesprek", "Gesprek", "ü-gesprek", "a/b?c"][i % 4] + f"-{i:02d}"   # C order ≠ locale order
        turns = [Turn(*rng.choice(LINES), bot=rng.choice(["Dat begreep ik niet.", "Hier is uitleg over leerplicht.",
                                                           "Ik ben een computerprogramma."]))
                 for _ in range(rng.randint(1, 4))]
        start = NOW - rng.choice([0.5, 1.5, 3, 8, 40]) * DAY if i % 10 else NOW - 2 * DAY   # ties in time
        out[sender] = (rng.choice(REGIONS), turns, start)
    return out


def fill_tracker(path) -> None:
    data = conversations()
    fill(str(path), data)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:   # a region that changes, one that is no string, one slot that is no JSON
        for sender, value, raw in [("Gesprek-01", "GM0014", None), ("Gesprek-05", "GM0014", None), ("ü-gesprek-02", 7, None),
                                   ("a/b?c-03", None, "{niet json"), ("gesprek-04", None, '["lijst"]')]:
            body = raw or json.dumps({"event": "slot", "timestamp": NOW, "name": "gemeente", "value": value})
            conn.execute(insert(events).values(sender_id=sender, type_name="slot", timestamp=NOW - 100,
                                               action_name="gemeente", data=body))
    engine.dispose()


def expected(engine, scope: Scope, f: Filters, page: int, per_page: int) -> tuple[list[tuple], int]:
    """The list, computed the plain way: every event read, grouped and filtered in Python."""
    with engine.connect() as conn:
        rows = conn.execute(select(events).order_by(events.c.id)).all()
    conv: dict[str, dict] = {}
    for row in rows:
        c = conv.setdefault(row.sender_id, {"ts": [], "users": 0, "fb": False, "hm": False, "gm": [],
                                            "intents": set(), "texts": []})
        if row.timestamp is not None:
            c["ts"].append(row.timestamp)
        c["intents"].add(row.intent_name)
        data = parse(row.data) if row.type_name in ("user", "bot", "slot") else {}
        if row.type_name == "user":
            c["users"] += 1
            c["fb"] |= row.intent_name == FALLBACK_INTENT
            c["hm"] |= row.intent_name in HUMAN_INTENTS
        if row.type_name in ("user", "bot") and isinstance(data.get("text"), str):
            c["texts"].append(data["text"])
        if row.type_name == "slot" and row.action_name == "gemeente":
            c["gm"].append(data.get("value"))
    needle = f.zoek.strip().lower()
    kept = []
    for sender, c in conv.items():
        first, last = min(c["ts"]), max(c["ts"])
        gm = regions_of(c["gm"], REQUESTS.get(sender))   # the help request's regions, else every place named
        in_filter = [r for r in gm if scope.allows(r) and f.regio in (r, jeugdregio_of(r))] if f.regio else gm
        hits = [t for t in c["texts"] if needle in t.lower()]
        if (not in_scope(scope, gm) or (f.regio and not in_filter)
                or (f.van and last < datetime.combine(f.van, datetime.min.time(), timezone.utc).timestamp())
                or (f.tot and first > datetime.combine(f.tot, datetime.max.time(), timezone.utc).timestamp())
                or (f.niet_begrepen and not c["fb"]) or (f.wilde_mens and not c["hm"])
                or (f.intent and f.intent not in c["intents"]) or (needle and not hits)):
            continue
        kept.append((last, sender, first, c["users"], gm, c["fb"], c["hm"], hits[0] if needle else ""))
    kept.sort(key=lambda r: (r[0], r[1]), reverse=True)
    start = (page - 1) * per_page
    return [(s, round(fi, 3), round(la, 3), u, gm, fb, hm, hit)
            for la, s, fi, u, gm, fb, hm, hit in kept[start:start + per_page]], len(kept)


def actual(store, scope, f, page, per_page):
    items, total = store.list(scope, f, page, per_page, originals=True)
    epoch = lambda d: round(d.replace(tzinfo=timezone.utc).timestamp(), 3)  # noqa: E731
    return [(s.sender_id, epoch(s.begin), epoch(s.einde), s.berichten, s.gemeenten, s.niet_begrepen, s.wilde_mens,
             s.treffer) for s in items], total


today = datetime.now(timezone.utc).date()
SCOPES = [Scope(alle=True), Scope(alle=False, codes=frozenset({"JZ09"})), Scope(alle=False, codes=frozenset({"GM0014"})),
          Scope(alle=False, codes=frozenset({"GM0363", "JZ09"})), Scope(alle=False)]
FILTERS = [Filters(), Filters(regio="GM0479"), Filters(regio="JZ09"), Filters(regio="GM0014"),
           Filters(van=today - timedelta(days=2)), Filters(tot=today - timedelta(days=2)),
           Filters(van=today - timedelta(days=10), tot=today - timedelta(days=1)), Filters(van=date(2999, 1, 1)),
           Filters(niet_begrepen=True), Filters(wilde_mens=True), Filters(intent="leerplicht"),
           Filters(intent="bestaat_niet"), Filters(niet_begrepen=True, wilde_mens=True, regio="JZ09"),
           Filters(zoek="leerplicht"), Filters(zoek="  MENS "), Filters(zoek="100%"), Filters(zoek="zeker_niet"),
           Filters(zoek="_"), Filters(zoek="école"), Filters(zoek="FERMÉE"), Filters(zoek='"nee"'),
           Filters(zoek="c:\\school"), Filters(zoek="<script>"), Filters(zoek="computerprogramma", wilde_mens=True),
           Filters(zoek="action_listen"), Filters(zoek="gemeente")]


def check_all(store) -> int:
    compared = 0
    for scope in SCOPES:
        for f in FILTERS:
            for page, per_page in ((1, 50), (1, 7), (3, 7), (99, 7)):
                assert actual(store, scope, f, page, per_page) == expected(store.engine, scope, f, page, per_page), \
                    (scope, f, page, per_page)
                compared += 1
    return compared


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("lijst") / "tracker.db"
    fill_tracker(path)
    return ConversationStore(tracker_engine_for(f"sqlite:///{path}"), lambda: REQUESTS)


def test_test_data_covers_the_hard_cases(sqlite_store):
    items, total = sqlite_store.list(Scope(alle=True), Filters(), 1, 100)
    regions = {s.sender_id: s.gemeenten for s in items}
    assert total == 60 and regions["Gesprek-05"][-1] == "GM0014" and len(regions["Gesprek-05"]) == 2  # every place
    assert regions["Gesprek-01"] == ("GM0479",)          # its help request's region, not the places named
    assert regions["ü-gesprek-06"] == () and regions["a/b?c-07"] == ("GM0014", "GM0479")
    assert len({s.einde for s in items}) < total                  # equal last times: the sender id decides
    assert sqlite_store.list(Scope(alle=True), Filters(zoek="école"))[1] > 0


def test_sqlite_list_equals_plain_python(sqlite_store):
    assert check_all(sqlite_store) == len(SCOPES) * len(FILTERS) * 4


@pytest.mark.skipif(find_bin_dir() is None, reason="PostgreSQL-binaries ontbreken")
def test_postgresql_list_equals_plain_python(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        # PostgreSQL casts data to json: only Rasa writes this table, always JSON (the privacy module deletes)
        rows = [dict(r._mapping) for r in conn.execute(select(events).order_by(events.c.id))
                if r.data != "{niet json"]
    with postgres_server() as pg:
        engine = create_engine(pg.url)
        events.metadata.create_all(engine, tables=[events])
        with engine.begin() as conn:
            conn.execute(insert(events), rows)
        engine.dispose()
        store = ConversationStore(tracker_engine_for(pg.url), lambda: REQUESTS)
        try:
            assert check_all(store) == len(SCOPES) * len(FILTERS) * 4
        finally:
            store.engine.dispose()
