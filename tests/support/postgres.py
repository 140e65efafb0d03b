"""A throwaway PostgreSQL server for tests: its own data directory in a temp dir, a free port on
127.0.0.1, trust authentication, stopped and deleted afterwards. ``crash()`` stops it the hard way
(immediate shutdown, like a killed server) and ``start()`` brings the same cluster back.

The server itself is product code (bot.production.postgres_server, also used by the production
profile). Without binaries the test is skipped, unless WEGWIJZER_REQUIRE_SERVICES=1 (CI): then it fails.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from bot.production.postgres_server import (PostgresServer, PostgresUnavailable, find_bin_dir,  # noqa: F401
                                            local_server)


def unavailable(what: str, reason: str):
    if os.environ.get("WEGWIJZER_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{what} nodig (WEGWIJZER_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(f"{what} niet beschikbaar: {reason}")


def _unavailable(reason: str):
    unavailable("PostgreSQL", reason)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    base = Path(tempfile.mkdtemp(prefix="wegwijzer-pg-"))
    try:
        server = local_server(base)
    except PostgresUnavailable as exc:
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(str(exc))
    try:
        server.init()
        server.start()
        server.create_database()
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(base, ignore_errors=True)
