"""A throwaway PostgreSQL server for tests: its own data directory in a temp dir, a free port on
127.0.0.1, trust authentication, stopped and deleted afterwards. ``crash()`` stops it the hard way
(immediate shutdown, like a killed server) and ``start()`` brings the same cluster back.

Binaries come from WEGWIJZER_PG_BIN, the PATH, or /usr/lib/postgresql/<version>/bin (Debian). When run
as root, the server runs as the ``postgres`` user (initdb refuses root). Without binaries the test is
skipped, unless WEGWIJZER_REQUIRE_SERVICES=1 (CI): then it fails.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


def _unavailable(reason: str):
    if os.environ.get("WEGWIJZER_REQUIRE_SERVICES") == "1":
        pytest.fail(f"PostgreSQL nodig (WEGWIJZER_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(f"PostgreSQL niet beschikbaar: {reason}")


def find_bin_dir() -> Path | None:
    env = os.environ.get("WEGWIJZER_PG_BIN")
    if env and (Path(env) / "pg_ctl").exists():
        return Path(env)
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]) if
                  d.split("/")[-2].isdigit() else 0)
    for d in reversed(dirs):
        if (Path(d) / "pg_ctl").exists() and (Path(d) / "initdb").exists():
            return Path(d)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, bin_dir: Path, base: Path, run_as: str | None):
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.socket_dir = base / "sock"
        self.log = base / "postgres.log"
        self.run_as = run_as
        self.port = _free_port()
        self.database = "wegwijzer"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, check=check, timeout=timeout, capture_output=True, text=True)

    def init(self) -> None:
        self.socket_dir.mkdir()
        if self.run_as:
            pw = pwd.getpwnam(self.run_as)
            for p in (self.base, self.socket_dir):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c max_connections=50"
        result = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", opts,
                           "start", check=False)
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL start mislukt: {result.stderr}\n{self.log_tail()}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def crash(self) -> None:
        """Immediate shutdown: no checkpoint, open connections cut; recovery runs at the next start."""
        self.stop("immediate")

    def restart_after_crash(self) -> None:
        self.crash()
        self.start()

    def create_database(self) -> None:
        import psycopg2

        deadline = time.monotonic() + 30
        while True:
            try:
                conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE {self.database}")
        conn.close()

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _unavailable("geen initdb/pg_ctl gevonden (zet WEGWIJZER_PG_BIN of installeer postgresql)")
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("als root gestart en er is geen gebruiker postgres")
        if not shutil.which("runuser"):
            _unavailable("als root gestart en runuser ontbreekt")
        run_as = "postgres"
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        _unavailable("psycopg2 ontbreekt")
    base = Path(tempfile.mkdtemp(prefix="wegwijzer-pg-"))
    server = PostgresServer(bin_dir, base, run_as)
    try:
        server.init()
        server.start()
        server.create_database()
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(base, ignore_errors=True)
