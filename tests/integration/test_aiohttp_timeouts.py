"""Issue 18, finding 7: the aiohttp servers (web app, staff console, the worker's health checks) kept idle and half-sent requests
open for minutes (still open after 130 s), so a few slow clients could hold every connection. Now a
request head must arrive within WEGWIJZER_LIMIT_HTTP_HEADER_TIMEOUT seconds of the connection (or of the
previous answer, through the keep-alive time-out), and a half-sent body ends with 408 after the handler
deadline. Real servers (python -m bot.web, python -m bot.console) with short limits so the test is
quick; raw sockets send exactly as much as a slow or hostile client would."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from bot.hulpvraag.db import create_tables, make_engine
from bot.tooling.launcher import REPO, free_port, wait_until_up

pytestmark = pytest.mark.integration

LIMIT = 2          # seconds: header time-out, keep-alive and handler deadline in these servers
BOUND = LIMIT + 4  # a connection must be closed well within this (the old servers: never)


@contextmanager
def server(module: str, tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'wegwijzer.db'}")
    create_tables(engine)
    engine.dispose()
    dist = tmp_path / "dist"
    dist.mkdir(exist_ok=True)
    (dist / "wegwijzer.js").write_text("/* widget */\n")
    (dist / "wegwijzer.css").write_text("/* widget */\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), WEGWIJZER_DATABASE_URL=f"sqlite:///{tmp_path / 'wegwijzer.db'}",
               WEGWIJZER_TRACKER_URL=f"sqlite:///{tmp_path / 'tracker.db'}", WEGWIJZER_WIDGET_DIST=str(dist),
               WEGWIJZER_LIMIT_HTTP_HEADER_TIMEOUT=str(LIMIT), WEGWIJZER_LIMIT_HTTP_KEEPALIVE_TIMEOUT=str(LIMIT),
               WEGWIJZER_LIMIT_HTTP_HANDLER_TIMEOUT=str(LIMIT))
    port, log = free_port(), tmp_path / f"{module}.log"
    args = ["--port", str(port), "--host", "127.0.0.1"]
    if module == "bot.hulpvraag.worker":  # the outbox worker's health server
        args = []
        env.update(WEGWIJZER_WORKER_HEALTH_PORT=str(port), WEGWIJZER_OUTBOX_DROOG="1")
    process = subprocess.Popen([sys.executable, "-m", module, *args],
                               cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/gezond", process, log, timeout=90)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module", params=["bot.web", "bot.console", "bot.hulpvraag.worker"])
def port(request, tmp_path_factory):
    with server(request.param, tmp_path_factory.mktemp(request.param.replace(".", "_"))) as port:
        yield port


def closed_after(sock: socket.socket, bound: float = BOUND) -> tuple[float, bytes]:
    """Seconds until the server closed the connection, and what it sent before; fails after ``bound``."""
    start, received = time.monotonic(), b""
    sock.settimeout(0.5)
    while time.monotonic() - start < bound:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except ConnectionResetError:
            return time.monotonic() - start, received
        if not chunk:
            return time.monotonic() - start, received
        received += chunk
    pytest.fail(f"connection still open after {bound} s (received {received[:200]!r})")


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def test_an_idle_connection_is_closed(port):
    with connect(port) as sock:
        seconds, _ = closed_after(sock)
    assert seconds >= LIMIT - 0.5  # not at once: a client gets its time


def test_a_half_sent_request_head_is_closed(port):
    with connect(port) as sock:
        sock.sendall(b"GET /gezond HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Traag: ")
        for _ in range(3):  # a slowloris keeps trickling bytes: that must not reset the clock
            time.sleep(0.5)
            sock.sendall(b"a")
        seconds, received = closed_after(sock)
    assert b"200 OK" not in received


def test_a_half_sent_request_after_a_kept_alive_answer_is_closed(port):
    with connect(port) as sock:
        sock.sendall(b"GET /gezond HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(5)
        assert b"200 OK" in sock.recv(65536)
        sock.sendall(b"GET /gezond HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        closed_after(sock)


def test_a_half_sent_body_gets_408_and_the_connection_closes(tmp_path):
    with server("bot.console", tmp_path) as console_port, connect(console_port) as sock:
        sock.sendall(b"POST /inloggen HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: 1000\r\n\r\ngebruikersnaam=a")
        seconds, received = closed_after(sock, BOUND + 2)
    assert received.startswith(b"HTTP/1.1 408"), received[:200]


def test_a_slow_but_complete_request_is_answered(port):
    with connect(port) as sock:
        sock.sendall(b"GET /gezond HTTP/1.1\r\n")
        time.sleep(LIMIT / 2)
        sock.sendall(b"Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
        _, received = closed_after(sock)
    assert received.startswith(b"HTTP/1.1 200")
