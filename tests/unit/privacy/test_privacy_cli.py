"""python -m bot.privacy.cli: opruimen and verwijder-gesprek, with the environment as in production."""
import io
import time

import pytest
from sqlalchemy import create_engine, func, select

from bot.privacy import cli
from bot.privacy.audit import AuditLog
from bot.privacy.retention import events
from test_retention import DAY, save_conversation


@pytest.fixture()
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_TRACKER_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("WEGWIJZER_DATABASE_URL", f"sqlite:///{tmp_path / 'wegwijzer.db'}")
    monkeypatch.delenv("WEGWIJZER_BEWAARTERMIJN_DAGEN", raising=False)
    return tmp_path


@pytest.fixture()
def rasa_store(env):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(env / "tracker.db"))
    yield store
    store.engine.dispose()


def run(*argv) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out=out), out.getvalue()


def senders(env) -> set:
    engine = create_engine(f"sqlite:///{env / 'tracker.db'}", future=True)
    with engine.connect() as conn:
        result = {r[0] for r in conn.execute(select(events.c.sender_id).group_by(events.c.sender_id))}
    engine.dispose()
    return result


def audit_actions(env) -> list:
    engine = create_engine(f"sqlite:///{env / 'wegwijzer.db'}", future=True)
    rows = AuditLog(engine, create=False).recent(10, 0)
    engine.dispose()
    return [(r["actor"], r["action"], r["target_id"]) for r in rows]


async def test_opruimen_uses_the_configured_period(env, rasa_store, monkeypatch):
    await save_conversation(rasa_store, "40-dagen", time.time() - 40 * DAY)
    await save_conversation(rasa_store, "10-dagen", time.time() - 10 * DAY)
    code, out = run("opruimen")
    assert code == 0 and "1 gesprek(ken) verwijderd" in out and "ouder dan 30 dagen" in out
    assert senders(env) == {"10-dagen"}
    monkeypatch.setenv("WEGWIJZER_BEWAARTERMIJN_DAGEN", "7")
    code, out = run("opruimen")
    assert code == 0 and senders(env) == set()
    assert [a[1] for a in audit_actions(env)] == ["opgeruimd", "opgeruimd"]


async def test_verwijder_gesprek(env, rasa_store):
    await save_conversation(rasa_store, "wis-mij", time.time())
    code, out = run("verwijder-gesprek", "wis-mij", "--door", "beheerder1")
    assert code == 0 and "gesprek verwijderd: 9 gebeurtenis(sen)" in out
    assert senders(env) == set()
    assert audit_actions(env)[0] == ("beheerder1", "verwijderd", "wis-mij")
    code, out = run("verwijder-gesprek", "wis-mij")
    assert code == 1 and "geen gesprek" in out


def test_bad_input_gives_a_message(env):
    assert run("opruimen", "--dagen", "-3")[0] == 2
    code, out = run("verwijder-gesprek", " ")
    assert code == 2 and "ongeldig gesprek-id" in out


def test_retention_days_from_environment():
    assert cli.retention_days({}) == 30
    assert cli.retention_days({"WEGWIJZER_BEWAARTERMIJN_DAGEN": "14"}) == 14
    assert cli.retention_days({"WEGWIJZER_BEWAARTERMIJN_DAGEN": "0"}) == 0
    for bad in ("veertien", "-1"):   # bot.settings: refused by name, no longer silently 30
        with pytest.raises(ValueError, match="WEGWIJZER_BEWAARTERMIJN_DAGEN.*minstens 0"):
            cli.retention_days({"WEGWIJZER_BEWAARTERMIJN_DAGEN": bad})
    assert cli.tracker_url({}).endswith("/var/tracker.db")


async def test_bsn_maskeren_rewrites_conversations_stored_before_the_fix(env, rasa_store):
    """Rasa's own store (as before issue 18) keeps the BSN; the one-off command masks it in place."""
    from rasa.shared.core.events import SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    text = "Zijn BSN is 111 222 333, hij is 13"
    await rasa_store.save(DialogueStateTracker.from_events("oud", [
        UserUttered(text, {"name": "informeren", "confidence": 1.0}), SlotSet("hv_hulpvraag", text),
        SlotSet("x", "111222333")]))
    await save_conversation(rasa_store, "schoon", time.time())
    engine = create_engine(f"sqlite:///{env / 'tracker.db'}", future=True)
    with engine.connect() as conn:
        before = {r.id: r.data for r in conn.execute(select(events)).all() if r.sender_id == "schoon"}
    code, out = run("bsn-maskeren")
    assert code == 0 and "3 opgeslagen gebeurtenis(sen) gemaskeerd" in out
    with engine.connect() as conn:
        rows = conn.execute(select(events)).all()
    engine.dispose()
    assert not any("111 222 333" in r.data or "111222333" in r.data for r in rows)
    assert {r.id: r.data for r in rows if r.sender_id == "schoon"} == before      # nothing else touched
    assert audit_actions(env)[0][1] == "bsn_gemaskeerd"
    assert run("bsn-maskeren")[1].startswith("0 ")                               # idempotent
