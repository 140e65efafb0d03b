"""The generated nginx config keeps one widget socket on one replica and spreads different widgets over
the replicas, also when they all come from one address (a school network). Real nginx, two small
HTTP servers in place of the Rasa replicas that answer with their own port."""
from __future__ import annotations

import subprocess
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from bot.production.commands import NGINX
from bot.production.nginx_config import write_config
from bot.production.ports import free_port

pytestmark = pytest.mark.integration


class Replica(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        body = str(self.server.server_address[1]).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    if not Path(NGINX).is_file():
        pytest.skip("nginx niet geïnstalleerd")
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Replica) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    port = free_port()
    conf = write_config(tmp_path_factory.mktemp("nginx"), listen_host="127.0.0.1", listen_port=port,
                        rasa_ports=[s.server_address[1] for s in servers], web_port=free_port(),
                        max_body="16k", timeout=10)
    nginx = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(conf.parent), "-e", str(conf.parent / "error.log")],
                             stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(f"{url}/nginx/gezond", timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield url, {str(s.server_address[1]) for s in servers}
    nginx.terminate()
    nginx.wait(10)
    for server in servers:
        server.shutdown()


def replica_for(url: str, query: str) -> str:
    response = requests.get(f"{url}/socket.io/?EIO=4&transport=polling{query}", timeout=5)
    assert response.status_code == 200
    return response.text


def test_one_widget_always_reaches_the_same_replica(proxy):
    url, _ = proxy
    for _ in range(5):
        key = uuid.uuid4().hex[:16]
        assert len({replica_for(url, f"&wegwijzer_route={key}") for _ in range(6)}) == 1


def test_widgets_from_one_address_spread_over_the_replicas(proxy):
    url, replicas = proxy
    counts = Counter(replica_for(url, f"&wegwijzer_route={uuid.uuid4().hex[:16]}") for _ in range(60))
    assert set(counts) == replicas
    assert min(counts.values()) >= 10, counts  # 60 keys, consistent hashing: roughly even


@pytest.mark.parametrize("bad", ["", "&wegwijzer_route=", "&wegwijzer_route=NIET-HEX", "&wegwijzer_route=abc",
                                 "&wegwijzer_route=" + "a" * 65, "&wegwijzer_route=%27%3B--"])
def test_a_missing_or_malformed_key_falls_back_to_the_client_address(proxy, bad):
    url, _ = proxy
    assert len({replica_for(url, bad) for _ in range(4)} | {replica_for(url, "")}) == 1
