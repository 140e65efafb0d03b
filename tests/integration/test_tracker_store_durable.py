"""The conversation store really is the SQLite file (Rasa falls back to memory without a word when
a custom tracker store class cannot be imported), in write-ahead-log mode."""
import sqlite3


def test_turns_are_written_to_the_sqlite_file_in_wal_mode(stack):
    sender = stack.new_sender()
    stack.say(sender, "hallo")
    stack.say(sender, "wat is leerplicht")
    db = stack.running.workdir / "tracker.db"
    with sqlite3.connect(db) as conn:
        (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
        texts = [row[0] for row in conn.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,))]
    assert mode == "wal"
    assert len(texts) == 2 and "wat is leerplicht" in texts[1]


def test_every_event_is_stored_once_over_many_turns(stack):
    """Only new events are stored each turn (the store skips Rasa's count query after loading)."""
    sender = stack.new_sender()
    messages = ["hoi", "wat is een tlv", "ik woon in Zwolle", "wie kan ik bellen", "nee", "doei"]
    for message in messages:
        stack.say(sender, message)
    with sqlite3.connect(stack.running.workdir / "tracker.db") as conn:
        rows = conn.execute("SELECT type_name, timestamp, data FROM events WHERE sender_id = ? ORDER BY id",
                            (sender,)).fetchall()
    users = [r for r in rows if r[0] == "user"]
    assert [m in r[2] for m, r in zip(messages, users)] == [True] * len(messages)
    assert len(users) == len(messages)
    assert len({(r[0], r[1], r[2]) for r in rows}) == len(rows)  # nothing stored twice
    assert sum(r[0] == "action" and '"action_listen"' in r[2] for r in rows) >= len(messages)
