"""Generated configuration of the production profile: nginx accepts it, Rasa reads the endpoints file
(with the secret from the environment, not from the file), settings refuse nonsense."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.production.commands import process_specs
from bot.production.endpoints import endpoints_yaml, redis_parts
from bot.production.nginx_config import write_config
from bot.production.redis_server import redis_config
from bot.production.settings import ProductionSettings

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def test_nginx_accepts_the_generated_config(tmp_path):
    if not Path(NGINX).is_file():
        pytest.skip("nginx niet geïnstalleerd")
    conf = write_config(tmp_path / "nginx", listen_host="127.0.0.1", listen_port=18080, rasa_ports=[15011, 15012],
                        web_port=18081, max_body="32k", timeout=30)
    text = conf.read_text()
    result = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(conf.parent), "-e",
                             str(conf.parent / "error.log")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # both replicas in both upstreams; REST round-robin-ish with failover, socket.io sticky with upgrade
    assert text.count("server 127.0.0.1:15011") == 2 and text.count("server 127.0.0.1:15012") == 2
    rest = text.split("location /webhooks/")[1].split("}")[0]
    assert "proxy_pass http://rasa;" in rest and "proxy_next_upstream error timeout;" in rest
    sock = text.split("location /socket.io/")[1].split("}")[0]
    assert "rasa_sticky" in sock and "Upgrade $http_upgrade" in sock
    assert "hash $wegwijzer_route consistent;" in text.split("upstream rasa_sticky")[1].split("}")[0]
    assert '"~^[0-9a-f]{8,64}$" $arg_wegwijzer_route;' in text and "default $remote_addr;" in text
    assert "least_conn;" in text.split("upstream rasa ")[1].split("}")[0]
    assert "client_max_body_size 32k;" in text and "proxy_read_timeout 30s;" in text


def test_rasa_reads_the_endpoints_file_with_secrets_from_the_environment(tmp_path, monkeypatch):
    from rasa.utils.endpoints import read_endpoint_config

    path = tmp_path / "endpoints.yml"
    path.write_text(endpoints_yaml(5055, "redis://:geheim%21@redis.intern:6390/3"))
    assert "geheim" not in path.read_text()
    monkeypatch.setenv("WEGWIJZER_TRACKER_URL", "postgresql://u:pw@db.intern/ww")
    monkeypatch.setenv("WEGWIJZER_REDIS_PASSWORD", "geheim!")
    monkeypatch.setenv("WEGWIJZER_ACTIONS_TOKEN", "actie-geheim-" + "x" * 32)
    tracker = read_endpoint_config(str(path), "tracker_store")
    assert tracker.type == "bot.production.tracker_store.ReconnectingSQLTrackerStore"
    assert tracker.url == "postgresql://u:pw@db.intern/ww"
    lock = read_endpoint_config(str(path), "lock_store")
    assert lock.type == "bot.production.lock_store.PatientRedisLockStore" and lock.url == "redis.intern"
    assert lock.kwargs["port"] == 6390 and lock.kwargs["db"] == 3 and lock.kwargs["password"] == "geheim!"
    actions = read_endpoint_config(str(path), "action_endpoint")
    assert actions.url == "http://127.0.0.1:5055/webhook"
    assert actions.headers == {"X-Wegwijzer-Actietoken": "actie-geheim-" + "x" * 32}  # from the environment
    assert "actie-geheim" not in path.read_text()


def test_redis_url_parts_and_refusals():
    assert redis_parts("redis://127.0.0.1:6380/1") == {"host": "127.0.0.1", "port": 6380, "db": 1, "password": "",
                                                       "ssl": False}
    assert redis_parts("rediss://:x@h/0")["ssl"] is True
    for bad in ("http://h:1/1", "redis://h/abc"):
        with pytest.raises(ValueError):
            redis_parts(bad)


def test_redis_config_is_loopback_without_persistence(tmp_path):
    text = redis_config(6380, tmp_path)
    assert "bind 127.0.0.1" in text and "save \"\"" in text and "appendonly no" in text and "daemonize no" in text


def test_settings_from_env_defaults_external_services_and_refusals():
    s = ProductionSettings.from_env({})
    assert s.replicas == 2 and s.rasa_ports == [5011, 5012] and s.own_postgres and s.own_redis
    assert s.database() == s.tracker() == "postgresql+psycopg2://postgres@127.0.0.1:5433/wegwijzer"
    external = ProductionSettings.from_env({"WEGWIJZER_DATABASE_URL": "postgresql://a@db/ww",
                                            "WEGWIJZER_REDIS_URL": "redis://r:6379/2", "WEGWIJZER_RASA_REPLICAS": "3"})
    assert not external.own_postgres and not external.own_redis
    assert external.tracker() == "postgresql://a@db/ww" and external.rasa_ports == [5011, 5012, 5013]
    for env in ({"WEGWIJZER_RASA_REPLICAS": "0"}, {"WEGWIJZER_PROXY_PORT": "x"},
                {"WEGWIJZER_PROXY_MAX_BODY": "veel"}):
        with pytest.raises(ValueError):
            ProductionSettings.from_env(env)


def test_process_specs_one_place_for_every_process(tmp_path):
    s = ProductionSettings.from_env({"WEGWIJZER_RASA_REPLICAS": "3", "WEGWIJZER_REDIS_URL": "redis://:pw@r/1"})
    specs = process_specs(s, tmp_path / "e.yml", tmp_path / "n.conf", None)
    names = [spec.name for spec in specs]
    assert names == ["actieserver", "outbox-worker", "rasa-1", "rasa-2", "rasa-3", "webapp", "console", "metrieken",
                     "nginx"]
    rasa = [spec for spec in specs if spec.name.startswith("rasa")]
    assert all("--interface" in spec.argv and spec.env["WEGWIJZER_REDIS_PASSWORD"] == "pw" for spec in rasa)
    assert all(spec.ready is not None and spec.live is not None for spec in specs)
    assert [spec.stage for spec in specs] == sorted(spec.stage for spec in specs)
    metrics = next(spec for spec in specs if spec.name == "metrieken")
    assert metrics.ready.target == f"http://127.0.0.1:{s.metrics_port}/gezond"
    assert metrics.env["WEGWIJZER_METRICS_PROBES"].startswith("rasa-1=http://127.0.0.1:5011/,rasa-2=")


def test_metrics_checked_where_the_exporter_listens():
    from bot.production.commands import metrics_probe_host

    assert metrics_probe_host({}) == "127.0.0.1"
    assert metrics_probe_host({"WEGWIJZER_METRICS_HOST": "0.0.0.0"}) == "127.0.0.1"
    assert metrics_probe_host({"WEGWIJZER_METRICS_HOST": "10.0.0.5"}) == "10.0.0.5"
    assert metrics_probe_host({"WEGWIJZER_METRICS_HOST": "fd00::5"}) == "[fd00::5]"
