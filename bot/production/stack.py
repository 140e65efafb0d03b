"""The whole production profile on free ports in a folder of your choice, as a context manager (for
tests and benchmarks; like bot.tooling.launcher.local_stack for the embedded profile).

    with production_stack(model, tmp_path) as stack:
        stack.say("gesprek-1", "ik woon in Zaanstad")                # through nginx
        stack.say("gesprek-1", "wie kan ik bellen", replica=2)        # straight to replica 2

A label such as "gesprek-1" gets its own conversation issued by the server on first use, with its
token (bot.tooling.rest_client); every replica accepts that token (one WEGWIJZER_SESSION_SECRET).
        stack.supervisor.process("rasa-1").kill()
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional


from bot.production.ports import free_port
from bot.production.settings import ProductionSettings
from bot.production.supervisor import Supervisor
from bot.tooling.rest_client import RestConversations

log = logging.getLogger(__name__)


@dataclass
class ProductionStack:
    supervisor: Supervisor
    settings: ProductionSettings
    conversations: Optional[RestConversations] = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.conversations is None:
            self.conversations = RestConversations(self.proxy_url)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.proxy_port}"

    def replica_url(self, number: int) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_ports[number - 1]}"

    def say(self, sender: str, message: str, replica: Optional[int] = None, metadata: Optional[dict] = None,
            timeout: float = 60) -> list[dict]:
        base = self.proxy_url if replica is None else self.replica_url(replica)
        return self.conversations.say(sender, message, metadata, timeout=timeout, base_url=base)

    def texts(self, sender: str, message: str, replica: Optional[int] = None, timeout: float = 60) -> list[str]:
        return [m.get("text", "") for m in self.say(sender, message, replica, timeout=timeout)]

    def wait_until_ready(self, name: str, limit: float = 600) -> None:
        """Until the supervisor has the process running and ready again (after a crash)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.supervisor.process(name).ready().ok:
                return
            time.sleep(0.5)
        raise TimeoutError(f"{name} niet weer klaar binnen {limit:.0f} s")


def temporary_settings(workdir: Path, model: Path, replicas: int = 2, **changes) -> ProductionSettings:
    rasa_base = _consecutive_free_ports(replicas)
    values = dict(
        run_dir=workdir, model=model, replicas=replicas, proxy_host="127.0.0.1", proxy_port=free_port(),
        rasa_base_port=rasa_base, actions_port=free_port(), web_port=free_port(), console_port=free_port(),
        worker_health_port=free_port(), metrics_port=free_port(), pg_port=free_port(), redis_port=free_port(), start_timeout=900,
        # its own folder under /tmp: the postgres user cannot enter a private (0700) test folder
        pg_data_dir=Path(tempfile.mkdtemp(prefix="wegwijzer-prod-pg-")),
    )
    values.update(changes)
    return ProductionSettings(**values)


def _consecutive_free_ports(count: int) -> int:
    import socket

    for _ in range(50):
        base = free_port()
        socks = []
        try:
            for port in range(base, base + count):
                sock = socket.socket()
                sock.bind(("127.0.0.1", port))
                socks.append(sock)
            return base
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    raise RuntimeError("geen opeenvolgende vrije poorten gevonden")


@contextmanager
def production_stack(model: Path, workdir: Path, extra_env: Optional[dict] = None, replicas: int = 2,
                     watch: bool = True, settings: Optional[ProductionSettings] = None) -> Iterator[ProductionStack]:
    """Start everything, yield, stop everything. ``watch``: restart stopped processes (as in production)."""
    settings = settings or temporary_settings(workdir, model, replicas)
    supervisor = Supervisor(settings, extra_env)
    supervisor.start()
    stop = threading.Event()
    watcher = threading.Thread(target=supervisor.watch, args=(stop, 0.5), daemon=True, name="bewaking")
    if watch:
        watcher.start()
    try:
        yield ProductionStack(supervisor, settings)
    finally:
        stop.set()
        if watch:
            watcher.join(timeout=10)
        supervisor.stop()
        if supervisor.postgres is not None:
            supervisor.postgres.stop("immediate")
            if settings.pg_data_dir is not None and settings.pg_data_dir.name.startswith("wegwijzer-prod-pg-"):
                shutil.rmtree(settings.pg_data_dir, ignore_errors=True)
