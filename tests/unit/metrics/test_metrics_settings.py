"""The exporter fails closed (bot.metrics.settings), refuses without a token off loopback, and checks
the token on every request (bot.metrics.exporter)."""
from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import CollectorRegistry, Counter

from bot.metrics.exporter import authorised, create_app
from bot.metrics.probes import ProbeCollector, parse_probes
from bot.metrics.settings import MetricsSettings, is_loopback
from bot.production.security import problems

TOKEN = "t" * 40


def test_needs_the_multiprocess_folder(tmp_path):
    with pytest.raises(ValueError, match="PROMETHEUS_MULTIPROC_DIR"):
        MetricsSettings.from_env({})
    with pytest.raises(ValueError, match="PROMETHEUS_MULTIPROC_DIR"):
        MetricsSettings.from_env({"PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "bestaat-niet")})


def test_loopback_by_default(tmp_path):
    s = MetricsSettings.from_env({"PROMETHEUS_MULTIPROC_DIR": str(tmp_path)})
    assert (s.host, s.port, s.token) == ("127.0.0.1", 9470, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "10.1.2.3", "::", "metrics.gemeente.nl"])
def test_off_loopback_only_with_a_token(tmp_path, host):
    env = {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "WEGWIJZER_METRICS_HOST": host}
    with pytest.raises(ValueError, match="WEGWIJZER_METRICS_TOKEN"):
        MetricsSettings.from_env(env)
    assert any("WEGWIJZER_METRICS_TOKEN" in p for p in problems(env))   # the production profile refuses too
    with pytest.raises(ValueError, match="WEGWIJZER_METRICS_TOKEN.*minstens 32 tekens"):  # bot.settings: one message for every bad value
        MetricsSettings.from_env({**env, "WEGWIJZER_METRICS_TOKEN": "kort"})
    assert MetricsSettings.from_env({**env, "WEGWIJZER_METRICS_TOKEN": TOKEN}).host == host


def test_loopback_names():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.1")


@pytest.mark.parametrize("raw", ["rasa=ftp://x/", "Rasa 1=http://x/", "rasa", "=http://x/", "rasa=http:///"])
def test_bad_probe_lists_are_refused(raw):
    with pytest.raises(ValueError):
        parse_probes(raw)


def test_probe_list():
    assert parse_probes(" rasa-1=http://127.0.0.1:5011/ ,actieserver=http://127.0.0.1:5055/health") == {
        "rasa-1": "http://127.0.0.1:5011/", "actieserver": "http://127.0.0.1:5055/health"}
    assert parse_probes("") == {}


def test_a_process_that_does_not_answer_is_down():
    from bot.production.ports import free_port

    registry = CollectorRegistry()
    registry.register(ProbeCollector({"rasa-1": f"http://127.0.0.1:{free_port()}/"}, timeout=0.5))
    assert registry.get_sample_value("wegwijzer_process_up", {"process": "rasa-1"}) == 0


def test_bearer_check():
    assert authorised(None, None)
    assert authorised(f"Bearer {TOKEN}", TOKEN) and authorised(f"bearer {TOKEN}", TOKEN)
    assert not authorised(None, TOKEN)
    assert not authorised(f"Bearer {TOKEN[:-1]}", TOKEN)
    assert not authorised(f"Basic {TOKEN}", TOKEN)


async def test_endpoint_asks_for_the_token(tmp_path):
    registry = CollectorRegistry()
    Counter("wegwijzer_probe", "test", registry=registry).inc()
    settings = MetricsSettings(folder=tmp_path, database_url="sqlite://", token=TOKEN)
    async with TestClient(TestServer(create_app(settings, registry))) as client:
        refused = await client.get("/metrics")
        assert refused.status == 401 and "wegwijzer_probe" not in await refused.text()
        ok = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status == 200 and "wegwijzer_probe_total 1.0" in await ok.text()
        assert (await client.post("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})).status == 405
        assert (await client.get("/gezond")).status == 200
