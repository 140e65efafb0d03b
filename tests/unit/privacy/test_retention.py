"""Retention and erasure against a real tracker store written by Rasa's own SQLTrackerStore."""
import time

import pytest
from sqlalchemy import create_engine, func, select

from bot.hulpvraag.config import Settings
from bot.hulpvraag.contact_point import ContactPoint
from bot.hulpvraag.db import create_tables, make_engine
from bot.hulpvraag.request import HelpRequest
from bot.hulpvraag.schema import bezorging
from bot.hulpvraag.store import HelpRequestStore
from bot.privacy.retention import cleanup_transcripts, delete_conversation, erase_conversation, events

DAY = 86400
NOW = 1_800_000_000.0


async def save_conversation(store, sender_id: str, start: float, turns: int = 2, step: float = 60.0):
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    evts = [ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start),
            ActionExecuted("action_listen", timestamp=start)]
    t = start
    for i in range(turns):
        t += step
        evts += [UserUttered(f"bericht {i} van {sender_id}", {"name": "groet", "confidence": 1.0}, timestamp=t),
                 BotUttered("Hallo!", timestamp=t + 1), ActionExecuted("action_listen", timestamp=t + 2)]
    await store.save(DialogueStateTracker.from_events(sender_id, evts))


@pytest.fixture()
def tracker_path(tmp_path):
    return tmp_path / "tracker.db"


@pytest.fixture()
def rasa_store(tracker_path):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tracker_path))
    yield store
    store.engine.dispose()


@pytest.fixture()
def tracker_engine(tracker_path, rasa_store):
    engine = create_engine(f"sqlite:///{tracker_path}", future=True)
    yield engine
    engine.dispose()


def counts(engine) -> dict:
    with engine.connect() as conn:
        return dict(conn.execute(select(events.c.sender_id, func.count()).group_by(events.c.sender_id)).all())


async def test_cleanup_deletes_conversations_whose_last_event_is_old(rasa_store, tracker_engine):
    await save_conversation(rasa_store, "oud", NOW - 40 * DAY)
    await save_conversation(rasa_store, "recent", NOW - 2 * DAY)
    # started long ago, but still going on 10 days ago: kept whole
    await save_conversation(rasa_store, "lang", NOW - 50 * DAY, turns=3, step=20 * DAY)
    assert set(counts(tracker_engine)) == {"oud", "recent", "lang"}

    assert cleanup_transcripts(tracker_engine, 30, now=NOW) == 1
    left = counts(tracker_engine)
    assert set(left) == {"recent", "lang"}
    assert left["lang"] == 3 + 3 * 3  # no event of a kept conversation was touched
    assert await rasa_store.retrieve("oud") is None
    assert (await rasa_store.retrieve("recent")).latest_message.text == "bericht 1 van recent"
    assert cleanup_transcripts(tracker_engine, 30, now=NOW) == 0
    assert cleanup_transcripts(tracker_engine, 0, now=NOW + 60 * DAY) == 2
    assert counts(tracker_engine) == {}


async def test_cleanup_in_batches_and_with_current_time(rasa_store, tracker_engine, monkeypatch):
    import bot.privacy.retention as retention

    monkeypatch.setattr(retention, "BATCH", 2)
    old = time.time() - 31 * DAY
    for i in range(5):
        await save_conversation(rasa_store, f"oud-{i}", old, turns=1)
    await save_conversation(rasa_store, "nieuw", time.time() - 60, turns=1)
    assert cleanup_transcripts(tracker_engine, 30) == 5
    assert set(counts(tracker_engine)) == {"nieuw"}


def test_cleanup_without_tracker_table_and_bad_period(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'leeg.db'}", future=True)
    assert cleanup_transcripts(engine, 30) == 0
    assert delete_conversation(engine, "x", request_engine=engine) == 0
    with pytest.raises(ValueError):
        cleanup_transcripts(engine, -1)


@pytest.fixture()
def requests(tmp_path):
    settings = Settings.from_env({"WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'wegwijzer.db'}"})
    engine = make_engine(settings.database_url)
    create_tables(engine)
    point = ContactPoint(naam="Loket Test", email="loket@example.org", gebied="GM0479")
    store = HelpRequestStore(engine, settings, resolver=lambda gm: point)
    yield store
    engine.dispose()


def help_request(gesprek: str) -> HelpRequest:
    return HelpRequest(gesprek_id=gesprek, rol="ouder", gemeente_code="GM0479", gemeente_naam="Zaanstad",
                       leeftijd=13, schoolfase="voortgezet onderwijs", schooltype="vmbo", thuis_sinds="6 weken",
                       geprobeerd=["school"], hulpvraag="Mijn zoon zit thuis.", telefoon="+31612345678",
                       email="ouder@example.org", voorkeurstijd="ochtend", toestemming=True)


async def test_delete_conversation_erases_events_and_help_requests(rasa_store, tracker_engine, requests):
    await save_conversation(rasa_store, "wis-mij", NOW)
    await save_conversation(rasa_store, "ander", NOW)
    open_ref = requests.submit(help_request("wis-mij")).reference
    closed_ref = requests.submit(help_request("wis-mij")).reference
    assert requests.set_status(closed_ref, "afgerond")
    other_ref = requests.submit(help_request("ander")).reference

    result = erase_conversation(tracker_engine, "wis-mij", requests.engine)
    assert result.events == 3 + 2 * 3 and result.help_requests == 2
    assert set(counts(tracker_engine)) == {"ander"}
    for ref in (open_ref, closed_ref):
        row = requests.get(ref)
        assert row["telefoon"] == row["email"] == row["hulpvraag"] == row["voorkeurstijd"] == ""
        assert row["leeftijd"] is None
    assert requests.get(open_ref)["status"] == "ingetrokken"
    assert requests.get(closed_ref)["status"] == "afgerond"
    assert requests.get(other_ref)["telefoon"] == "+31612345678"
    with requests.engine.connect() as conn:  # the not yet sent e-mail of the open request is cancelled
        status = dict(conn.execute(select(bezorging.c.hulpverzoek_id, bezorging.c.status).where(
            bezorging.c.doel == "email")).all())
    assert status[requests.get(open_ref)["id"]] == "geannuleerd"
    assert status[requests.get(other_ref)["id"]] == "wachtend"

    assert delete_conversation(tracker_engine, "wis-mij", request_engine=requests.engine) == 0


@pytest.mark.parametrize("bad", ["", "   ", None, "x" * 256])
def test_delete_conversation_refuses_bad_ids(tracker_engine, bad):
    with pytest.raises(ValueError):
        delete_conversation(tracker_engine, bad, request_engine=tracker_engine)


def _note_rows(engine) -> set:
    from bot.storage.console_schema import label, notitie

    with engine.connect() as conn:
        return ({("notitie", r.doel_type, r.doel_id) for r in conn.execute(select(notitie))}
                | {("label", r.doel_type, r.doel_id) for r in conn.execute(select(label))})


async def test_notes_and_labels_go_with_an_erased_conversation_and_its_requests(rasa_store, tracker_engine,
                                                                              requests):
    from bot.console.notes import Notes
    from bot.storage.console_schema import console_metadata

    console_metadata.create_all(requests.engine)
    notes = Notes(requests.engine)
    await save_conversation(rasa_store, "wis-mij", NOW)
    await save_conversation(rasa_store, "ander", NOW)
    mine = requests.get(requests.submit(help_request("wis-mij")).reference)["id"]
    other = requests.get(requests.submit(help_request("ander")).reference)["id"]
    notes.add("gesprek", "wis-mij", "medewerker", "moeder zegt: mijn zoon Daan (12) zit thuis")
    notes.set_tag("gesprek", "wis-mij", "review_nodig", True, "medewerker")
    notes.add("hulpverzoek", str(mine), "medewerker", "teruggebeld, moeder huilde")
    notes.add("gesprek", "ander", "medewerker", "blijft")
    notes.add("hulpverzoek", str(other), "medewerker", "blijft ook")

    erase_conversation(tracker_engine, "wis-mij", requests.engine)
    assert _note_rows(requests.engine) == {("notitie", "gesprek", "ander"), ("notitie", "hulpverzoek", str(other))}


async def test_retention_removes_the_notes_of_conversations_and_requests_that_are_gone(rasa_store, tracker_engine,
                                                                                    requests):
    from bot.console.notes import Notes
    from bot.storage.console_schema import console_metadata
    from bot.privacy.notes_retention import cleanup_orphan_notes

    console_metadata.create_all(requests.engine)
    notes = Notes(requests.engine)
    await save_conversation(rasa_store, "oud", NOW - 40 * DAY)
    await save_conversation(rasa_store, "nieuw", NOW)
    notes.add("gesprek", "oud", "medewerker", "oude notitie")
    notes.set_tag("gesprek", "oud", "content_ontbreekt", True, "medewerker")
    notes.add("gesprek", "nieuw", "medewerker", "blijft")
    notes.add("hulpverzoek", "999999", "medewerker", "hulpvraag bestaat niet meer")
    assert cleanup_transcripts(tracker_engine, 30, now=NOW) == 1

    assert cleanup_orphan_notes(requests.engine, tracker_engine) == 3
    assert _note_rows(requests.engine) == {("notitie", "gesprek", "nieuw")}
    assert cleanup_orphan_notes(requests.engine, tracker_engine) == 0  # nothing left to remove
