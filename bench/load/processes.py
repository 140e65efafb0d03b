"""The processes of the stack under test and what they hold: RSS, anonymous memory and open TCP
connections (psutil, /proc), plus the number of PostgreSQL backends (pg_stat_activity) when a
database URL is given.

Processes are found by pid or by a listening TCP port (Rasa 5005, action server 5055, web app, nginx
...), together with their child processes (nginx workers, forked servers). PostgreSQL's per-session
backends are not watched as processes: they come and go with pooled connections and are counted as
sessions instead.

Anonymous memory (``Anonymous:`` in ``/proc/<pid>/smaps_rollup``) is what a leak grows: the heap of
a Python process. RSS also counts shared memory a process has touched, such as PostgreSQL's
shared buffers, which fill up to their fixed size as the checkpointer writes them (a 30-minute soak
showed the checkpointer's RSS go from 43 to 133 MB with 2.4 MB anonymous memory)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import psutil


@dataclass(frozen=True)
class Watched:
    pid: int
    name: str
    via: str  # "pid 123", "port 5005" or "child of 123"

    def label(self) -> str:
        return f"{self.name} ({self.pid}, {self.via})"


def pids_listening_on(ports: Iterable[int]) -> dict[int, int]:
    """port -> pid of the process listening on it (TCP, any address), for the ports found."""
    wanted = set(ports)
    found: dict[int, int] = {}
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port in wanted and conn.pid:
            found.setdefault(conn.laddr.port, conn.pid)
    return found


def _name(process: psutil.Process) -> str:
    try:
        cmdline = process.cmdline()
    except (psutil.Error, OSError):
        cmdline = []
    words = [w for w in cmdline if not w.startswith("-")][:3]
    text = " ".join(part.rsplit("/", 1)[-1] for part in words) or process.name()
    return text[:60]


_PG_SESSION = re.compile(r"^postgres: \S+ \S+ (?:\[local\]|[0-9a-fA-F.:]+\(\d+\))")


def is_pg_session(name: str) -> bool:
    """A PostgreSQL backend serving one client connection ("postgres: user db 127.0.0.1(5123) idle")."""
    return bool(_PG_SESSION.match(name))


def anonymous_bytes(pid: int, proc: Path = Path("/proc")) -> Optional[int]:
    """Anonymous memory of a process from smaps_rollup (Linux 4.14+), or None when unavailable."""
    try:
        text = (proc / str(pid) / "smaps_rollup").read_text()
    except OSError:
        return None
    match = re.search(r"^Anonymous:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def discover(pids: Iterable[int] = (), ports: Iterable[int] = (), children: bool = True) -> list[Watched]:
    """The processes to watch; raises LookupError naming a pid or port that has no process."""
    roots: list[tuple[int, str]] = [(pid, f"pid {pid}") for pid in pids]
    ports = list(ports)
    listening = pids_listening_on(ports) if ports else {}
    missing = [port for port in ports if port not in listening]
    if missing:
        raise LookupError(f"no process listens on port(s) {missing}")
    roots += [(pid, f"port {port}") for port, pid in listening.items()]
    watched: dict[int, Watched] = {}
    for pid, via in roots:
        try:
            process = psutil.Process(pid)
        except psutil.NoSuchProcess as error:
            raise LookupError(f"no process with pid {pid}") from error
        watched.setdefault(pid, Watched(pid, _name(process), via))
        if children:
            for child in process.children(recursive=True):
                if is_pg_session(_name(child)):
                    continue
                watched.setdefault(child.pid, Watched(child.pid, _name(child), f"child of {pid}"))
    return list(watched.values())


def sample(watched: Iterable[Watched]) -> dict[str, dict]:
    """pid -> {rss, anon (bytes), tcp (open TCP sockets), tcp_established}; a process that has gone away
    is reported as ``{"gone": True}`` (the soak result flags it)."""
    result: dict[str, dict] = {}
    for item in watched:
        try:
            process = psutil.Process(item.pid)
            with process.oneshot():
                rss = process.memory_info().rss
                connections = process.net_connections(kind="tcp")
        except psutil.NoSuchProcess:
            result[str(item.pid)] = {"gone": True}
            continue
        anon = anonymous_bytes(item.pid)
        result[str(item.pid)] = {
            "rss": rss,
            **({"anon": anon} if anon is not None else {}),
            "tcp": len(connections),
            "tcp_established": sum(1 for c in connections if c.status == psutil.CONN_ESTABLISHED),
        }
    return result


def pg_backend_count(url: Optional[str]) -> Optional[int]:
    """Sessions in pg_stat_activity for the URL's database, not counting this query's own."""
    if not url:
        return None
    import psycopg2  # only needed with --pg-url

    dsn = url.replace("postgresql+psycopg2://", "postgresql://", 1)
    connection = psycopg2.connect(dsn, connect_timeout=10)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            return int(cursor.fetchone()[0])
    finally:
        connection.close()
