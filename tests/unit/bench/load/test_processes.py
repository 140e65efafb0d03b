"""Which processes the soak watches, and how it reads their anonymous memory."""
import os

import pytest

from bench.load.processes import anonymous_bytes, is_pg_session, sample, Watched


@pytest.mark.parametrize("name, session", [
    ("postgres: postgres wegwijzer 127.0.0.1(44052) idle", True),
    ("postgres: app wegwijzer ::1(5123) SELECT", True),
    ("postgres: postgres wegwijzer [local] idle", True),
    ("postgres: checkpointer", False),
    ("postgres: background writer", False),
    ("postgres data 5433", False),
    ("python rasa run", False),
])
def test_pg_sessions_are_recognised(name, session):
    assert is_pg_session(name) is session


def test_anonymous_memory_of_this_process(tmp_path):
    own = anonymous_bytes(os.getpid())
    if own is None:
        pytest.skip("geen smaps_rollup op deze kernel")
    assert own > 1024 * 1024  # a Python interpreter has more than 1 MB of heap
    assert sample([Watched(os.getpid(), "pytest", "pid")])[str(os.getpid())]["anon"] > 0


def test_anonymous_memory_from_a_rollup_file_and_its_absence(tmp_path):
    (tmp_path / "42").mkdir()
    (tmp_path / "42" / "smaps_rollup").write_text("Rss:  136584 kB\nPss_Shmem: 100206 kB\nAnonymous:  2428 kB\n")
    assert anonymous_bytes(42, proc=tmp_path) == 2428 * 1024
    assert anonymous_bytes(43, proc=tmp_path) is None
