import sqlalchemy as sa

from bot.rasa_runtime.sqlite_tuning import is_sqlite, tuned_sqlite_engine


def test_tuned_engine_uses_wal_normal_sync_and_a_pool(tmp_path):
    engine = tuned_sqlite_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert conn.execute(sa.text("PRAGMA busy_timeout")).scalar() == 5000
    assert type(engine.pool).__name__ == "QueuePool"
    assert is_sqlite(engine)


def test_memory_and_postgres_urls_are_not_tuned():
    assert not is_sqlite(sa.create_engine("sqlite://"))
    assert not is_sqlite(sa.create_engine("postgresql+psycopg2://u@localhost/db"))


def test_writes_survive_a_new_engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    engine = tuned_sqlite_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (v TEXT)"))
        conn.execute(sa.text("INSERT INTO t VALUES ('bewaard')"))
    engine.dispose()
    with tuned_sqlite_engine(url).connect() as conn:
        assert conn.execute(sa.text("SELECT v FROM t")).scalar() == "bewaard"
