"""Benchmark: the staff console's conversation list and filters on 10,000 conversations, the help-request
inbox (search, filters, sort by deadline, CSV selection) on 2,000 requests and the insight page (misses without
form answers, per topic, trends, feedback; Insights.collect) on the same conversations, in PostgreSQL (targets
from issues 6 and 20: p95 <= 300 ms).

    PYTHONPATH=. python bench/console_list.py [--conversations 10000] [--requests 2000] [--rounds 30]

Starts a throwaway PostgreSQL (tests/support/postgres.py), creates Rasa's own ``events`` table
(rasa's SQLTrackerStore.SQLEvent) and fills it with generated conversations in exactly the rows
SQLTrackerStore writes (type_name, timestamp, intent_name, action_name = event "name", data = the
event's as_dict() as JSON), built from Rasa event objects. Then it times
bot.console.conversations.ConversationStore.list (the data layer behind /gesprekken and
/api/gesprekken) per filter, ``--rounds`` calls each, and prints a Markdown table of p50/p95/max.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GEMEENTEN = ["GM0479", "GM0363", "GM0014", "GM0344", "GM0599", "GM0518", "GM0153", "GM0855", "GM0772", "GM0193"]
USER_LINES = [
    ("Mijn zoon zit al weken thuis, wat kan ik doen?", "thuiszitten", 0.93),
    ("wat is leerplicht", "leerplicht", 0.88),
    ("Ik wil met iemand praten", "mens_spreken", 0.91),
    ("Wie helpt bij school zoeken?", "school_zoeken", 0.8),
    ("asdf qwerty", "nlu_fallback", 0.2),
    ("Bel me op 06-12345678 over school", "hulpvraag_starten", 0.86),
    ("Wat is een TLV?", "tlv", 0.9),
    ("dank je", "bedankt", 0.97),
]

FORM_ANSWERS = [("hv_rol", "ouder"), ("hv_thuis_sinds", "al 6 weken"), ("hv_voorkeurstijd", "middag")]


def generate(n: int, seed: int = 6) -> list[dict]:
    """Rows as rasa's SQLTrackerStore writes them, for n conversations over the last 90 days."""
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered

    rng = random.Random(seed)
    now = time.time()
    rows = []
    for i in range(n):
        sender = f"bench-{i:05d}-{rng.getrandbits(32):08x}"
        t = now - rng.uniform(0, 90 * 86400)
        events = [ActionExecuted("action_session_start", timestamp=t), SessionStarted(timestamp=t),
                  ActionExecuted("action_listen", timestamp=t)]
        gemeente = rng.choice(GEMEENTEN) if rng.random() < 0.85 else None
        for turn in range(rng.randint(1, 5)):
            text, intent, conf = rng.choice(USER_LINES)
            t += rng.uniform(5, 60)
            events.append(UserUttered(text, intent={"name": intent, "confidence": conf},
                                      parse_data={"intent": {"name": intent, "confidence": conf}, "entities": [],
                                                  "text": text}, timestamp=t))
            if turn == 0 and gemeente:
                events.append(SlotSet("gemeente", gemeente, timestamp=t))
            events.append(ActionExecuted("action_antwoord", timestamp=t + 1))
            events.append(BotUttered("Dat is een goede vraag. Hier is wat informatie.",
                                     data={"buttons": [{"title": "Een mens spreken", "payload": "/mens_spreken"}]},
                                     timestamp=t + 1))
            events.append(ActionExecuted("action_listen", timestamp=t + 1))
        if rng.random() < 0.2:       # a help-request form: short answers, often not understood by the NLU
            t += 30
            events += [ActiveLoop("hulpvraag_form", timestamp=t)]
            for slot, answer in FORM_ANSWERS:
                t += rng.uniform(5, 30)
                events += [SlotSet("requested_slot", slot, timestamp=t),
                           ActionExecuted("action_listen", timestamp=t),
                           UserUttered(answer, intent={"name": "nlu_fallback", "confidence": 0.3},
                                       parse_data={"intent": {"name": "nlu_fallback", "confidence": 0.3},
                                                   "entities": [], "text": answer}, timestamp=t + 1)]
            events += [ActiveLoop(None, timestamp=t + 2), SlotSet("requested_slot", None, timestamp=t + 2)]
        for event in events:
            data = event.as_dict()
            rows.append({"sender_id": sender, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                         "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
                         "action_name": data.get("name"), "data": json.dumps(data)})
    return rows


def load(url: str, rows: list[dict]):
    from rasa.core.tracker_store import SQLTrackerStore
    from sqlalchemy import create_engine, text

    engine = create_engine(url, executemany_mode="values_only", executemany_values_page_size=5000)
    SQLTrackerStore.SQLEvent.__table__.create(engine)       # rasa's own table definition and index
    table = SQLTrackerStore.SQLEvent.__table__
    with engine.begin() as conn:
        for start in range(0, len(rows), 20_000):
            conn.execute(table.insert(), rows[start:start + 20_000])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE events"))
    engine.dispose()


def scenarios():
    from bot.console.conversations import Filters
    from bot.console.roles import Scope

    today = date.today()
    alle, jz09 = Scope(alle=True), Scope(alle=False, codes=frozenset({"JZ09"}))
    return [
        ("alle regio's, pagina 1", alle, Filters(), 1),
        ("alle regio's, pagina 100", alle, Filters(), 100),
        ("één jeugdregio (JZ09)", jz09, Filters(), 1),
        ("filter regio GM0014", alle, Filters(regio="GM0014"), 1),
        ("filter datum (laatste 7 dagen)", alle, Filters(van=today - timedelta(days=7), tot=today), 1),
        ("filter niet begrepen", alle, Filters(niet_begrepen=True), 1),
        ("filter wilde een mens", jz09, Filters(wilde_mens=True), 1),
        ("filter onderwerp (tlv)", alle, Filters(intent="tlv"), 1),
        ("zoeken 'leerplicht'", alle, Filters(zoek="leerplicht"), 1),
        ("zoeken 'leerplicht' in afgeschermde tekst (contentredacteur)", alle, Filters(zoek="leerplicht"), 1),
    ]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(url: str, rounds: int) -> list[tuple]:
    from bot.console.conversation_regio import no_help_requests
    from bot.console.conversations import ConversationStore
    from bot.console.tracker_events import tracker_engine_for

    store = ConversationStore(tracker_engine_for(url), no_help_requests)
    out = []
    for name, scope, filters, page in scenarios():
        originals = "afgeschermd" not in name                 # staff who may see originals search them
        store.list(scope, filters, page, 50, originals)       # warm the pool and caches
        times, total = [], 0
        for _ in range(rounds):
            t0 = time.perf_counter()
            _items, total = store.list(scope, filters, page, 50, originals)
            times.append((time.perf_counter() - t0) * 1000)
        out.append((name, total, times))
    store.engine.dispose()
    return out


def breakdown(url: str) -> dict:
    """Where the time of one unfiltered list call goes: region query + JSON, aggregate query, Python."""
    from sqlalchemy import case, func, select

    from bot.console.conversation_regio import no_help_requests
    from bot.console.conversations import ConversationStore
    from bot.console.tracker_events import events, tracker_engine_for

    store = ConversationStore(tracker_engine_for(url), no_help_requests)
    result = {}
    with store.engine.connect() as conn:
        t0 = time.perf_counter()
        store.regions(conn)
        result["regio's (slot-events lezen + JSON)"] = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        is_user = case((events.c.type_name == "user", 1), else_=0)   # the same aggregate list() runs
        conn.execute(select(events.c.sender_id, func.min(events.c.timestamp), func.max(events.c.timestamp),
                            func.sum(is_user)).group_by(events.c.sender_id)).all()
        result["aggregaat per gesprek (GROUP BY over alle events, zonder filter)"] = (time.perf_counter() - t0) * 1000
    from bot.console.conversations import Filters
    from bot.console.roles import Scope
    t0 = time.perf_counter()
    store.list(Scope(alle=True), Filters(), 1, 50)
    result["hele list()-aanroep"] = (time.perf_counter() - t0) * 1000
    result["rest: overige aggregaatkolommen + Python (scope-filter, sorteren, pagina)"] = max(
        0.0, result["hele list()-aanroep"] - sum(v for k, v in result.items() if k != "hele list()-aanroep"))
    store.engine.dispose()
    return result


HELP_TEXTS = ["Mijn zoon zit al {n} weken thuis. Bel me op 06-1234{n:04d}.", "De school vindt geen plek, graag hulp",
              "Ik ben Sanne de Vries, mijn dochter is {n} jaar", "Wij willen een gesprek met leerplicht",
              "Thuiszitter sinds de zomer, TLV aangevraagd"]


def load_requests(url: str, n: int, seed: int = 20) -> dict:
    """n help requests over the last 60 days in the project's own tables, a third of them assigned."""
    from datetime import datetime

    from sqlalchemy import insert

    from bot.console.accounts import Accounts
    from bot.storage.console_schema import console_metadata, toewijzing
    from bot.hulpvraag.db import create_tables, make_engine
    from bot.hulpvraag.schema import REQUEST_STATUSES, hulpverzoek

    rng = random.Random(seed)
    engine = make_engine(url)
    create_tables(engine)
    console_metadata.create_all(engine)
    worker = Accounts(engine).create("bench-zaan", "lange-zin met 7 woorden", "regiomedewerker", frozenset({"JZ09"}))
    now = datetime.utcnow()
    rows, assigned = [], []
    for i in range(n):
        code = rng.choice(GEMEENTEN)
        made = now - timedelta(seconds=rng.uniform(0, 60 * 86400))
        rows.append(dict(referentie=f"WW-{i:06d}", gesprek_id=f"bench-{i:05d}", status=rng.choice(REQUEST_STATUSES),
                         aangemaakt_op=made, bijgewerkt_op=made, contactpunt_naam="Contactpunt " + code,
                         contactpunt_gebied=code, reactietermijn_werkdagen=rng.choice((3, 5, 5, 10)), rol="ouder",
                         gemeente_code=code, gemeente_naam=code, leeftijd=rng.randint(5, 17),
                         hulpvraag=rng.choice(HELP_TEXTS).format(n=i % 10000), telefoon="0612345678",
                         email="ouder@example.nl", toestemming=True, kanaal="chat"))
    with engine.begin() as conn:
        conn.execute(insert(hulpverzoek), rows)
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM hulpverzoek ORDER BY id")]
        for rid in ids[::3]:
            assigned.append(dict(hulpverzoek_id=rid, account_id=worker.id, door="bench", toegewezen_op=now))
        conn.execute(insert(toewijzing), assigned)
    engine.dispose()
    return {"worker": worker.id}


def inbox_scenarios(worker: int):
    from bot.console.inbox_filters import InboxFilters
    from bot.console.roles import Scope

    alle, jz09 = Scope(alle=True), Scope(alle=False, codes=frozenset({"JZ09"}))
    return [
        ("alle regio's, nieuwste eerst", alle, InboxFilters(), 1, True, False),
        ("alle regio's, pagina 20", alle, InboxFilters(), 20, True, False),
        ("één jeugdregio (JZ09)", jz09, InboxFilters(), 1, True, False),
        ("filter gemeente + status", alle, InboxFilters(gemeente="GM0014", status="nieuw"), 1, True, False),
        ("alleen te laat, op reactie uiterlijk", alle, InboxFilters(te_laat=True, sorteer="uiterlijk"), 1, True, False),
        ("aan mij toegewezen (JZ09)", jz09, InboxFilters(toegewezen="mij"), 1, True, False),
        ("zoeken referentie 'WW-0012'", alle, InboxFilters(zoek="WW-0012"), 1, True, False),
        ("zoeken 'leerplicht' (originele tekst)", alle, InboxFilters(zoek="leerplicht"), 1, True, False),
        ("zoeken 'vries' (afgeschermde tekst)", alle, InboxFilters(zoek="vries"), 1, False, False),
        ("CSV-selectie: alle open, alle regio's", alle, InboxFilters(open=True), 1, True, True),
    ]


def measure_inbox(url: str, rounds: int, worker: int) -> list[tuple]:
    from bot.console.inbox import Inbox
    from bot.hulpvraag.db import make_engine

    inbox = Inbox(make_engine(url))
    today = date.today()
    out = []
    for name, scope, filters, page, originals, everything in inbox_scenarios(worker):
        inbox.search(scope, filters, today, page, 50, originals, worker, everything)
        times, total = [], 0
        for _ in range(rounds):
            t0 = time.perf_counter()
            _items, total = inbox.search(scope, filters, today, page, 50, originals, worker, everything)
            times.append((time.perf_counter() - t0) * 1000)
        out.append((name, total, times))
    inbox.engine.dispose()
    return out


def load_feedback(url: str, rows: list[dict], seed: int = 4) -> int:
    """Answer feedback (Ja/Nee) for about a third of the answers, on the day of the answer."""
    from sqlalchemy import insert

    from bot.console.insight_counts import dutch_day
    from bot.feedback.schema import antwoord_feedback
    from bot.feedback.store import create_table
    from bot.hulpvraag.db import make_engine, utcnow

    rng = random.Random(seed)
    engine = make_engine(url)
    create_table(engine)
    out = []
    for i, row in enumerate(rows):
        if row["type_name"] == "user" and row["intent_name"] != "nlu_fallback" and rng.random() < 0.33:
            out.append(dict(onderwerp=row["intent_name"], gesprek_id=row["sender_id"], antwoord_ref=f"b{i}",
                            oordeel=rng.choice(("ja", "ja", "nee")), dag=dutch_day(row["timestamp"]),
                            aangemaakt_op=utcnow()))
    with engine.begin() as conn:
        conn.execute(insert(antwoord_feedback), out)
    engine.dispose()
    return len(out)


def insight_scenarios():
    from bot.console.roles import Scope

    alle, jz09 = Scope(alle=True), Scope(alle=False, codes=frozenset({"JZ09"}))
    return [
        ("alle regio's, 30 dagen per dag", alle, dict(dagen=30)),
        ("alle regio's, 7 dagen per dag", alle, dict(dagen=7)),
        ("alle regio's, 90 dagen per week", alle, dict(dagen=90, indeling="week")),
        ("één jeugdregio (JZ09), 30 dagen", jz09, dict(dagen=30)),
        ("werklijst: alle (open en afgehandeld), 90 dagen", alle, dict(dagen=90, indeling="week", toon="alle")),
        ("export: alle open vragen van 90 dagen", alle, dict(dagen=90, indeling="week", limit=None)),
    ]


def measure_insight(url: str, rounds: int) -> list[tuple]:
    from bot.console.conversation_regio import HelpRequestRegions
    from bot.console.insights import Insights
    from bot.storage.console_schema import console_metadata
    from bot.console.tracker_events import tracker_engine_for
    from bot.hulpvraag.db import create_tables, make_engine

    store_engine = make_engine(url)
    create_tables(store_engine)
    console_metadata.create_all(store_engine)
    insights = Insights(tracker_engine_for(url), HelpRequestRegions(store_engine), store_engine)
    first = insights.collect(insight_scenarios()[0][1], 90, "week", "open", 5)
    for m in first.gemist[:5]:                                   # a few handled misses
        insights.mark_handled(insight_scenarios()[0][1], m.event_id, "bench")
    out = []
    for name, scope, kwargs in insight_scenarios():
        insights.collect(scope, **kwargs)
        times, total = [], 0
        for _ in range(rounds):
            t0 = time.perf_counter()
            result = insights.collect(scope, **kwargs)
            times.append((time.perf_counter() - t0) * 1000)
            total = result.gemist_totaal
        out.append((name, total, times))
    insights.engine.dispose()
    store_engine.dispose()
    return out


def table(title: str, results: list[tuple]) -> float:
    all_times = [t for _n, _tot, times in results for t in times]
    print(f"\n### {title}\n")
    print("| scenario | treffers | n | p50 (ms) | p95 (ms) | max (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, total, times in results:
        print(f"| {name} | {total} | {len(times)} | {statistics.median(times):.0f} | {percentile(times, 95):.0f} "
              f"| {max(times):.0f} |")
    p95 = percentile(all_times, 95)
    print(f"| **alle scenario's** | | {len(all_times)} | {statistics.median(all_times):.0f} | "
          f"{p95:.0f} | {max(all_times):.0f} |")
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=2_000, help="help requests for the inbox (0: skip)")
    parser.add_argument("--rounds", type=int, default=30, help="calls per scenario")
    parser.add_argument("--geen-inzicht", action="store_true", help="skip the insight page")
    args = parser.parse_args()
    from tests.support.postgres import postgres_server

    t0 = time.perf_counter()
    rows = generate(args.conversations)
    print(f"gegenereerd: {args.conversations} gesprekken, {len(rows)} events in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    with postgres_server() as pg:
        t0 = time.perf_counter()
        load(pg.url, rows)
        print(f"geladen in PostgreSQL in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        results = measure(pg.url, args.rounds)
        parts = breakdown(pg.url)
        inbox_results = []
        if args.requests:
            made = load_requests(pg.url, args.requests)
            inbox_results = measure_inbox(pg.url, args.rounds, made["worker"])
        insight_results = []
        if not args.geen_inzicht:
            n_feedback = load_feedback(pg.url, rows)
            insight_results = measure_insight(pg.url, args.rounds)
    all_times = [t for _n, _tot, times in results for t in times]
    print(f"\n### Console: gesprekkenlijst, {args.conversations} gesprekken ({len(rows)} events), PostgreSQL\n")
    print("| scenario | treffers | n | p50 (ms) | p95 (ms) | max (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, total, times in results:
        print(f"| {name} | {total} | {len(times)} | {statistics.median(times):.0f} | {percentile(times, 95):.0f} "
              f"| {max(times):.0f} |")
    print(f"| **alle scenario's** | | {len(all_times)} | {statistics.median(all_times):.0f} | "
          f"{percentile(all_times, 95):.0f} | {max(all_times):.0f} |")
    print("\nEén ongefilterde aanroep, opgesplitst:\n")
    for name, ms in parts.items():
        print(f"- {name}: {ms:.0f} ms")
    p95 = percentile(all_times, 95)
    print(f"\np95 over alle scenario's: {p95:.0f} ms (doel < 300 ms): {'gehaald' if p95 < 300 else 'NIET gehaald'}")
    if inbox_results:
        inbox_p95 = table(f"Console: hulpvragen-inbox (Inbox.search), {args.requests} hulpvragen, PostgreSQL",
                          inbox_results)
        print(f"\np95 inbox: {inbox_p95:.0f} ms (doel <= 300 ms): {'gehaald' if inbox_p95 <= 300 else 'NIET gehaald'}")
    if insight_results:
        insight_p95 = table(f"Console: inzicht (Insights.collect), {args.conversations} gesprekken, {n_feedback} "
                            "keer feedback, PostgreSQL (treffers: niet-begrepen vragen in de werklijst)", insight_results)
        print(f"\np95 inzicht: {insight_p95:.0f} ms (doel <= 300 ms): "
              f"{'gehaald' if insight_p95 <= 300 else 'NIET gehaald'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
