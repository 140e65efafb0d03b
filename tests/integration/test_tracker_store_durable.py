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
