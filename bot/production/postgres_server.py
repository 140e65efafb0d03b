"""A PostgreSQL server of our own: its own data directory, a port on 127.0.0.1, trust authentication
for local connections only. Used by the production profile (persistent data in var/productie/pg) and
by the tests (a temporary directory, deleted afterwards).

Binaries come from WEGWIJZER_PG_BIN, the PATH, or /usr/lib/postgresql/<version>/bin (Debian). When run
as root, the server runs as the ``postgres`` user (initdb refuses root); the data directory is then
owned by that user.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

from bot import settings
from bot.production.ports import free_port


class PostgresUnavailable(RuntimeError):
    """No usable PostgreSQL binaries or user on this machine."""


def find_bin_dir() -> Path | None:
    env = settings.read("WEGWIJZER_PG_BIN")
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


def server_user() -> str | None:
    """The user the server runs as: ``postgres`` when we are root, else ourselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresUnavailable("als root gestart en er is geen gebruiker postgres") from None
    if not shutil.which("runuser"):
        raise PostgresUnavailable("als root gestart en runuser ontbreekt")
    return "postgres"


class PostgresServer:
    def __init__(self, bin_dir: Path, base: Path, run_as: str | None, port: int | None = None,
                 database: str = "wegwijzer", max_connections: int = 50):
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.socket_dir = base / "sock"
        self.log = base / "postgres.log"
        self.run_as = run_as
        self.port = port or free_port()
        self.database = database
        self.max_connections = max_connections

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *args: str, check: bool = True, timeout: float = 90) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, check=check, timeout=timeout, capture_output=True, text=True)

    @property
    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").is_file()

    def init(self) -> None:
        """Create the cluster (once). Safe to call when it already exists."""
        self.base.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        if self.run_as:
            pw = pwd.getpwnam(self.run_as)
            for p in (self.base, self.socket_dir):
                os.chown(p, pw.pw_uid, pw.pw_gid)
            os.chmod(self.base, 0o700)
        if self.initialised:
            return
        result = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                           "--locale=C", "--no-sync", check=False)
        if result.returncode != 0:
            raise RuntimeError(f"initdb mislukt (kan de gebruiker {self.run_as or 'huidige'} bij {self.base}? "
                               f"Elke map erboven moet voor hem te openen zijn; of zet WEGWIJZER_PG_DIR): "
                               f"{result.stderr.strip()}")

    def start(self) -> None:
        opts = (f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
                f"-c max_connections={self.max_connections}")
        result = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", opts,
                           "start", check=False)
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL start mislukt: {result.stderr}\n{self.log_tail()}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def crash(self) -> None:
        """Immediate shutdown: no checkpoint, open connections cut; recovery runs at the next start."""
        self.stop("immediate")

    def restart_after_crash(self) -> None:
        self.crash()
        self.start()

    def _connect(self, dbname: str, timeout: float = 30):
        import psycopg2

        deadline = time.monotonic() + timeout
        while True:
            try:
                return psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=dbname,
                                        connect_timeout=5)
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def create_database(self) -> None:
        """Create the database unless it exists."""
        conn = self._connect("postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.database,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{self.database}"')
        conn.close()

    def ready(self) -> bool:
        try:
            self._connect(self.database, timeout=0).close()
            return True
        except Exception:
            return False

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def local_server(base: Path, port: int | None = None, max_connections: int = 50) -> PostgresServer:
    """A server object for ``base`` on this machine; raises PostgresUnavailable without binaries."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable("geen initdb/pg_ctl gevonden (zet WEGWIJZER_PG_BIN of installeer postgresql)")
    run_as = server_user()
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        raise PostgresUnavailable("psycopg2 ontbreekt") from None
    return PostgresServer(bin_dir, base, run_as, port=port, max_connections=max_connections)
