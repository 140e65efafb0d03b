"""Our SQL tracker store stores every event exactly once while skipping Rasa's count query where it
already knows the answer (a real SQLite file, Rasa's own tracker classes, no server)."""
import asyncio
import sqlite3

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from bot.rasa_runtime.tracker_store import WegwijzerSQLTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [begroeting]
slots:
  gemeente:
    type: text
    mappings: [{type: custom}]
""")


@pytest.fixture
def store(tmp_path):
    made = WegwijzerSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    made.queries = []

    @sa.event.listens_for(made.engine, "before_cursor_execute")
    def remember(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        made.queries.append(statement)

    made.db_file = tmp_path / "tracker.db"
    return made


def counts(store):
    return sum("count(" in q.lower() for q in store.queries)


def stored(store, sender):
    with sqlite3.connect(store.db_file) as conn:
        return [row[0] for row in conn.execute(
            "SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))]


def turn(tracker, text):
    tracker.update(UserUttered(text, {"name": "begroeting", "confidence": 1.0}))
    tracker.update(ActionExecuted("action_answer"))
    tracker.update(BotUttered("antwoord"))
    tracker.update(ActionExecuted("action_listen"))


def test_a_new_conversation_counts_once_and_stores_every_event_once(store):
    async def first_turn():
        tracker = await store.get_or_create_tracker("c1")  # Rasa saves it once at creation
        turn(tracker, "hoi")
        await store.save(tracker)
        return tracker

    tracker = asyncio.run(first_turn())
    assert counts(store) == 1  # only for the brand-new tracker; the end of the turn knows
    assert stored(store, "c1") == [e.type_name for e in tracker.events]


def test_later_turns_never_count_and_nothing_is_stored_twice(store):
    async def conversation():
        tracker = await store.get_or_create_tracker("c2")
        turn(tracker, "hoi")
        await store.save(tracker)
        before = counts(store)
        for text in ("wat is leerplicht", "ik woon in Zwolle"):
            tracker = await store.retrieve("c2")
            turn(tracker, text)
            tracker.update(SlotSet("gemeente", "GM0193"))
            await store.save(tracker)
            await store.save(tracker)  # a second save of the same tracker adds nothing
        return before, await store.retrieve("c2")

    before, final = asyncio.run(conversation())
    assert counts(store) == before
    types = stored(store, "c2")
    assert types == [e.type_name for e in final.events]
    assert types.count("user") == 3


def test_a_new_session_within_a_turn_is_stored_once(store):
    async def conversation():
        tracker = await store.get_or_create_tracker("c3")
        turn(tracker, "hoi")
        await store.save(tracker)
        tracker = await store.retrieve("c3")
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        turn(tracker, "daar ben ik weer")
        await store.save(tracker)
        await store.save(tracker)

    asyncio.run(conversation())
    types = stored(store, "c3")
    assert types.count("session_started") == 1 and types.count("user") == 2


def test_a_bsn_like_number_never_reaches_the_database(store):
    """Issue 18, finding 8: the user event and a slot filled from its text are stored masked; the tracker in
    memory (which the turn's actions use) keeps the original."""
    async def conversation():
        tracker = await store.get_or_create_tracker("c4")
        turn(tracker, "mijn bsn is 111222333")
        tracker.update(SlotSet("gemeente", "bsn 111 222 333"))
        await store.save(tracker)
        return tracker, await store.retrieve("c4")

    in_memory, reloaded = asyncio.run(conversation())
    with sqlite3.connect(store.db_file) as conn:
        raw = " ".join(row[0] for row in conn.execute("SELECT data FROM events WHERE sender_id = 'c4'"))
    assert "111222333" not in raw and "111 222 333" not in raw and "[BSN]" in raw
    assert reloaded.latest_message.text == "mijn bsn is [BSN]" and reloaded.get_slot("gemeente") == "bsn [BSN]"
    assert in_memory.latest_message.text == "mijn bsn is 111222333"
    assert [e.type_name for e in reloaded.events] == [e.type_name for e in in_memory.events]
