"""bot.console.insights on a real Rasa SQL tracker store (SQLite, written by rasa's SQLTrackerStore) and the
project database: form answers are no misses, region scope of misses and feedback, handled misses."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, insert, select

from bot.console.insight_counts import dutch_day
from bot.console.conversation_regio import HelpRequestRegions
from bot.console.insights import Insights
from bot.console.roles import Scope
from bot.storage.console_schema import gemist_afgehandeld
from bot.console.tracker_events import events, tracker_engine_for
from bot.feedback import store as feedback
from bot.feedback.token import AnswerRef
from console_data import add_request, database
from tests.support.postgres import find_bin_dir, postgres_server
from tracker_data import XSS, Turn, fill

ALL = Scope(alle=True)
JZ09 = Scope(alle=False, codes=frozenset({"JZ09"}))
GRONINGEN = Scope(alle=False, codes=frozenset({"GM0014"}))
FORM = ("hulpvraag_form", "hv_voorkeurstijd")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    work = tmp_path_factory.mktemp("inzicht")
    now = time.time()
    fill(str(work / "tracker.db"), {
        "zaan-form": ("GM0479", [
            Turn("ik wil hulp", "hulpvraag_starten", "Bent u ouder of jongere?"),
            Turn("ouder", "nlu_fallback", "In welke gemeente?", confidence=0.3, form=("hulpvraag_form", "hv_rol")),
            Turn("middag", "nlu_fallback", "Dank u.", confidence=0.2, form=FORM, form_ends=True),
            Turn("qwerty asdf", "nlu_fallback", "Dat begreep ik niet.", confidence=0.1),   # after the form: a miss
        ], now - 3600),
        "zaan-2": ("GM0479", [Turn("wat is een tlv", "vraag_tlv", "Een TLV is ..."),
                              Turn(XSS + " bel 0612345678", "nlu_fallback", "Dat begreep ik niet.", confidence=0.2)],
                   now - 7200),
        "gron-1": ("GM0014", [Turn("blub blub", "nlu_fallback", "Dat begreep ik niet.", confidence=0.2),
                              Turn("wat is een tlv", "vraag_tlv", "Een TLV is ...")], now - 600),
        "oud-1": ("GM0479", [Turn("heel oud", "nlu_fallback", "Dat begreep ik niet.")], now - 40 * 86400),
        "anoniem": (None, [Turn("zomaar iets", "nlu_fallback", "Dat begreep ik niet.")], now - 60),
    })
    engine = database(work / "wegwijzer.db")
    feedback.create_table(engine)
    # a help request in Groningen for a conversation whose slot says Zaanstad: Groningen's (request rule)
    fill(str(work / "tracker.db"), {"verhuisd": ("GM0479", [Turn("huh", "nlu_fallback", "Dat begreep ik niet.")], now - 300)})
    add_request(engine, "WW-V-1", "GM0014", gesprek_id="verhuisd")
    for i, (conv, topic, oordeel) in enumerate([("zaan-2", "vraag_tlv", "ja"), ("zaan-2", "vraag_tlv", "nee"),
                                                ("gron-1", "vraag_tlv", "nee"), ("weg", "vraag_tlv", "ja")]):
        feedback.record(engine, AnswerRef(conv, topic, f"n{i}"), oordeel, dutch_day(now))
    feedback.add_reason(engine, AnswerRef("gron-1", "vraag_tlv", "n2"), "te_weinig")
    insights = Insights(tracker_engine_for(f"sqlite:///{work / 'tracker.db'}"), HelpRequestRegions(engine), engine)
    yield insights, engine
    engine.dispose()


def texts(result) -> set[str]:
    return {m.tekst for m in result.gemist}


def test_form_answers_are_not_misses(world):
    insights, _ = world
    r = insights.collect(JZ09, 30)
    assert texts(r) == {"qwerty asdf", XSS + " bel 0612345678"}
    assert r.totaal.gemist == 2 and r.totaal.formulierantwoorden == 2
    form_ids = [m.event_id for m in insights.collect(ALL, 30, toon="alle").gemist]
    assert all(insights.miss(ALL, i) is not None for i in form_ids)


def test_misses_and_feedback_are_region_scoped(world):
    insights, _ = world
    assert texts(insights.collect(GRONINGEN, 30)) == {"blub blub", "huh"}        # "verhuisd" by its request
    assert texts(insights.collect(ALL, 30)) == {"qwerty asdf", XSS + " bel 0612345678", "blub blub", "huh",
                                                "zomaar iets"}
    assert texts(insights.collect(Scope(alle=False), 30)) == set()
    by = {t.onderwerp: t for t in insights.collect(JZ09, 30).onderwerpen}
    assert (by["vraag_tlv"].gesprekken, by["vraag_tlv"].met_gemist, by["vraag_tlv"].ja, by["vraag_tlv"].nee) == (1, 1, 1, 1)
    gron = {t.onderwerp: t for t in insights.collect(GRONINGEN, 30).onderwerpen}["vraag_tlv"]
    assert (gron.ja, gron.nee, gron.redenen) == (0, 1, {"te_weinig": 1})
    everything = {t.onderwerp: t for t in insights.collect(ALL, 30).onderwerpen}["vraag_tlv"]
    assert (everything.ja, everything.nee) == (2, 2)     # feedback of a gone conversation: all-regions only


def test_the_period_limits_and_trend_sums_match(world):
    insights, _ = world
    assert "heel oud" not in texts(insights.collect(ALL, 30)) and "heel oud" in texts(insights.collect(ALL, 90))
    r = insights.collect(ALL, 7)
    assert len(r.trend) == 7 and sum(b.gemist for b in r.trend) == r.totaal.gemist
    assert sum(b.ja + b.nee for b in r.trend) == 4
    assert len(insights.collect(ALL, 90, "week").trend) in (13, 14)
    with pytest.raises(ValueError):
        insights.collect(ALL, 31)


def test_one_miss_is_only_found_in_scope_and_only_when_it_is_a_miss(world):
    insights, _ = world
    ids = {m.tekst: m.event_id for m in insights.collect(ALL, 30).gemist}
    assert insights.miss(JZ09, ids["qwerty asdf"]).sender_id == "zaan-form"
    assert insights.miss(GRONINGEN, ids["qwerty asdf"]) is None
    assert insights.miss(ALL, 10 ** 9) is None
    with insights.engine.connect() as conn:
        answers = [r.id for r in conn.execute(select(events.c.id).where(
            (events.c.sender_id == "zaan-form") & (events.c.type_name == "user")).order_by(events.c.id))]
    assert insights.miss(ALL, answers[0]) is None      # understood (hulpvraag_starten)
    assert insights.miss(ALL, answers[1]) is None      # "ouder": a form answer
    assert insights.miss(ALL, answers[2]) is None      # "middag": a form answer


def test_mark_handled_is_durable_idempotent_and_scoped(world):
    insights, engine = world
    event_id = {m.tekst: m.event_id for m in insights.collect(ALL, 30).gemist}["blub blub"]
    assert insights.mark_handled(JZ09, event_id, "zaan") is None        # another region: no such miss
    miss, new = insights.mark_handled(GRONINGEN, event_id, "gron")
    assert new and miss.sender_id == "gron-1"
    assert insights.mark_handled(GRONINGEN, event_id, "gron")[1] is False   # twice is fine
    r = insights.collect(GRONINGEN, 30)
    assert texts(r) == {"huh"} and r.open_totaal == 1
    done = insights.collect(GRONINGEN, 30, toon="afgehandeld").gemist
    assert [(m.tekst, m.afgehandeld_door) for m in done] == [("blub blub", "gron")]
    assert {m.tekst for m in insights.collect(GRONINGEN, 30, toon="alle").gemist} == {"blub blub", "huh"}
    with engine.connect() as conn:
        assert conn.execute(select(gemist_afgehandeld.c.doel_id)).scalars().all() == ["gron-1"]


def _summary(result) -> tuple:
    return (result.totaal, sorted((m.event_id, m.tekst) for m in result.gemist),
            [(t.onderwerp, t.gesprekken, t.met_gemist, t.ja, t.nee) for t in result.onderwerpen],
            [(b.begin, b.berichten, b.gemist, b.ja, b.nee) for b in result.trend])


@pytest.mark.skipif(find_bin_dir() is None, reason="PostgreSQL-binaries ontbreken")
def test_postgresql_tracker_gives_the_same_insight(world):
    """The form state's requested slot is read from the JSON by the database: the same on PostgreSQL."""
    insights, engine = world
    with insights.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(events).order_by(events.c.id))]
    with postgres_server() as pg:
        pg_engine = create_engine(pg.url)
        events.metadata.create_all(pg_engine, tables=[events])
        with pg_engine.begin() as conn:
            conn.execute(insert(events), rows)
        pg_engine.dispose()
        on_pg = Insights(tracker_engine_for(pg.url), HelpRequestRegions(engine), engine)
        try:
            for scope in (ALL, JZ09, GRONINGEN):
                for toon in ("open", "alle"):
                    assert _summary(on_pg.collect(scope, 30, toon=toon)) == _summary(insights.collect(scope, 30, toon=toon))
            assert _summary(on_pg.collect(ALL, 90, "week")) == _summary(insights.collect(ALL, 90, "week"))
            assert on_pg.collect(ALL, 30).totaal.formulierantwoorden == 2
        finally:
            on_pg.engine.dispose()


# -- the database's counts equal a plain Python count over every message ------------------------------------
def random_world(seed: int = 20) -> dict:
    import random

    rng = random.Random(seed)
    now = time.time()
    intents = ["vraag_tlv", "thuiszitten", "leerplicht", "nlu_fallback", "nlu_fallback"]
    out = {}
    for i in range(60):
        turns = []
        for k in range(rng.randint(1, 5)):
            form = (FORM[0], rng.choice(["hv_rol", "hv_voorkeurstijd"])) if k and rng.random() < 0.3 else None
            turns.append(Turn(f"zin {i}-{k}", rng.choice(intents), "antwoord", form=form,
                              form_ends=bool(form) and rng.random() < 0.5))
        out[f"r-{i:02d}"] = (rng.choice(["GM0479", "GM0014", "GM0363", None]), turns,
                             now - rng.uniform(0, 100) * 86400)
    return out


def plain_python(engine, help_requests, scope, dagen, indeling, now):
    """The reference: every event read, form answers by form_turns, counted by insight_counts."""
    from bot.console.conversation_regio import regions_of
    from bot.console.form_turns import form_answer_ids
    from bot.console.conversations import in_scope
    from bot.console.insight_counts import UserTurn, day_start, per_topic, totals, trend
    from bot.console.tracker_events import parse

    with engine.connect() as conn:
        rows = conn.execute(select(events).order_by(events.c.id)).all()
    slots: dict[str, list] = {}
    for r in rows:
        if r.type_name == "slot" and r.action_name == "gemeente":
            slots.setdefault(r.sender_id, []).append(parse(r.data).get("value"))
    requests = help_requests()
    visible = {r.sender_id for r in rows if in_scope(scope, regions_of(slots.get(r.sender_id, ()),
                                                                        requests.get(r.sender_id)))}
    answers = form_answer_ids((r.sender_id, r.id, r.type_name, r.action_name, parse(r.data).get("value"))
                              for r in rows if r.sender_id in visible)
    last = dutch_day(now)
    first = last - timedelta(days=dagen - 1)
    turns = [UserTurn(r.sender_id, r.id, r.timestamp, r.intent_name or "", r.id in answers) for r in rows
             if r.type_name == "user" and r.sender_id in visible and r.timestamp >= day_start(first)]
    return (totals(turns), sorted((t.event_id for t in turns if t.miss), reverse=True),
            sorted((t.onderwerp, t.gesprekken, t.met_gemist) for t in per_topic(turns)),
            [(b.begin, b.berichten, b.gemist) for b in trend(turns, [], first, last, indeling)])


def database_counts(insights, scope, dagen, indeling, now):
    r = insights.collect(scope, dagen, indeling, "alle", None, now=now)
    return (r.totaal, sorted((m.event_id for m in r.gemist), reverse=True),
            sorted((t.onderwerp, t.gesprekken, t.met_gemist) for t in r.onderwerpen if t.gesprekken or t.met_gemist),
            [(b.begin, b.berichten, b.gemist) for b in r.trend])


@pytest.fixture(scope="module")
def random_tracker(tmp_path_factory):
    work = tmp_path_factory.mktemp("inzicht-willekeurig")
    fill(str(work / "tracker.db"), random_world())
    engine = database(work / "wegwijzer.db")
    add_request(engine, "WW-R-1", "GM0014", gesprek_id="r-01")      # a request in another region than the slot
    yield tracker_engine_for(f"sqlite:///{work / 'tracker.db'}"), engine
    engine.dispose()


CASES = [(ALL, 30, "dag"), (ALL, 90, "week"), (ALL, 7, "dag"), (JZ09, 90, "dag"), (GRONINGEN, 30, "week"),
         (Scope(alle=False), 30, "dag")]


def _check(tracker, engine):
    from datetime import datetime, timezone

    insights = Insights(tracker, HelpRequestRegions(engine), engine)
    now = datetime.now(timezone.utc)
    checked = 0
    for scope, dagen, indeling in CASES:
        want = plain_python(tracker, HelpRequestRegions(engine), scope, dagen, indeling, now.timestamp())
        assert database_counts(insights, scope, dagen, indeling, now) == want, (scope, dagen, indeling)
        checked += 1
    return checked, want


def test_sqlite_counts_equal_plain_python(random_tracker):
    tracker, engine = random_tracker
    checked, _ = _check(tracker, engine)
    everything = plain_python(tracker, HelpRequestRegions(engine), ALL, 90, "dag", time.time())
    assert everything[0].formulierantwoorden > 3 and everything[0].gemist > 10       # the data has both
    assert checked == len(CASES)


@pytest.mark.skipif(find_bin_dir() is None, reason="PostgreSQL-binaries ontbreken")
def test_postgresql_counts_equal_plain_python(random_tracker):
    tracker, engine = random_tracker
    with tracker.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(events).order_by(events.c.id))]
    with postgres_server() as pg:
        pg_engine = create_engine(pg.url)
        events.metadata.create_all(pg_engine, tables=[events])
        with pg_engine.begin() as conn:
            conn.execute(insert(events), rows)
        pg_engine.dispose()
        on_pg = tracker_engine_for(pg.url)
        try:
            assert _check(on_pg, engine)[0] == len(CASES)
        finally:
            on_pg.dispose()
