"""The web app's routes with aiohttp's test client: pages with security headers, widget files, the
token endpoint for allowed and other origins, and Dutch errors."""
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.widget_policy import WidgetPolicy
from bot.channels.widget_token import token_valid_for
from bot.web.app import create_app
from bot.web.settings import WebSettings

ALLOWED = "https://www.gemeente.nl"


def settings(tmp_path: Path, secret: bytes = b"s", built: bool = True) -> WebSettings:
    dist = tmp_path / "dist"
    dist.mkdir()
    if built:
        (dist / "wegwijzer.js").write_text("/* widget */")
        (dist / "wegwijzer.css").write_text(".wegwijzer{}")
        (dist / "pagina.css").write_text(".pagina{}")
        (dist / "noto-sans-400.woff2").write_bytes(b"wOF2\x00font")
    return WebSettings(host="127.0.0.1", port=0, rasa_public_url="https://chat.gemeente.nl", dist_dir=dist,
                       policy=WidgetPolicy(allowed_origins=(ALLOWED,), secret=secret, token_ttl=600))


@pytest.fixture
async def make_client():
    clients = []

    async def make(app):
        client = TestClient(TestServer(app))
        await client.start_server()
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.close()


@pytest.fixture
async def client(make_client, tmp_path):
    return await make_client(create_app(settings(tmp_path), clock=lambda: 1000.0))


async def test_demo_pages_have_a_strict_csp_and_embed_the_widget(client):
    for path, thema in (("/", 'data-thema="gemeente"'), ("/jongeren", 'data-thema="jongeren"')):
        response = await client.get(path)
        assert response.status == 200
        html = await response.text()
        assert '<html lang="nl">' in html and 'src="/widget/wegwijzer.js"' in html and thema in html
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "connect-src 'self' https://chat.gemeente.nl wss://chat.gemeente.nl" in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "microphone=(self)" in response.headers["Permissions-Policy"]


async def test_widget_files_are_served_for_embedding(client):
    js = await client.get("/widget/wegwijzer.js")
    assert js.status == 200 and js.content_type == "application/javascript"
    assert js.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    css = await client.get("/widget/wegwijzer.css")
    assert css.status == 200 and css.content_type == "text/css"
    assert (await client.get("/widget/../settings.py")).status == 404
    assert (await client.get("/widget/andere.js")).status == 404


async def test_the_letter_and_the_page_look_are_served(client):
    # Browsers fetch fonts in CORS mode: without Access-Control-Allow-Origin the widget's letter
    # would not load on a municipality's own site.
    font = await client.get("/widget/noto-sans-400.woff2")
    assert font.status == 200 and font.content_type == "font/woff2"
    assert font.headers["Access-Control-Allow-Origin"] == "*"
    assert font.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert await font.read() == b"wOF2\x00font"
    page_css = await client.get("/widget/pagina.css")
    assert page_css.status == 200 and page_css.content_type == "text/css"
    assert "Access-Control-Allow-Origin" not in page_css.headers
    for path in ("/widget/noto-sans-400.woff", "/widget/noto-sans-900.woff2", "/static/demo.css"):
        assert (await client.get(path)).status == 404
    for path in ("/", "/jongeren", "/privacy"):
        html = await (await client.get(path)).text()
        assert 'href="/widget/pagina.css"' in html and "voorbeeld-theme" in html


async def test_unbuilt_widget_says_how_to_build_it(make_client, tmp_path):
    client = await make_client(create_app(settings(tmp_path, built=False)))
    response = await client.get("/widget/wegwijzer.js")
    assert response.status == 503
    assert "scripts/build_widget" in await response.text()


async def test_token_for_an_allowed_origin(client):
    response = await client.post("/widget/toegang", headers={"Origin": ALLOWED})
    assert response.status == 200
    body = await response.json()
    assert body["socket_url"] == "https://chat.gemeente.nl" and body["socket_path"] == "/socket.io"
    assert token_valid_for(b"s", body["token"], ALLOWED, now=1001)
    assert not token_valid_for(b"s", body["token"], ALLOWED, now=1600)
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert response.headers["Cache-Control"] == "no-store"


async def test_no_token_for_other_or_missing_origins(client):
    for headers in ({"Origin": "https://kwaadwillend.example"}, {}, {"Origin": "null"}):
        response = await client.post("/widget/toegang", headers=headers)
        assert response.status == 403
        assert await response.json() == {"fout": "herkomst_niet_toegestaan"}
    assert (await client.get("/widget/toegang")).status == 404  # only POST issues tokens


async def test_without_secret_no_token_is_issued(make_client, tmp_path):
    client = await make_client(create_app(settings(tmp_path, secret=None)))
    body = await (await client.post("/widget/toegang", headers={"Origin": ALLOWED})).json()
    assert body["token"] is None


async def test_errors_are_dutch_without_traces(client):
    response = await client.get("/bestaat-niet")
    assert response.status == 404
    assert await response.text() == "Deze pagina bestaat niet."
    assert (await client.get("/gezond")).status == 200


def test_settings_from_env(tmp_path):
    s = WebSettings.from_env({"WEGWIJZER_RASA_PORT": "5010"})
    assert s.rasa_public_url == "http://localhost:5010" and s.port == 8080
    assert s.rasa_socket_sources() == "http://localhost:5010 ws://localhost:5010"
    with pytest.raises(ValueError):
        WebSettings.from_env({"WEGWIJZER_RASA_PUBLIC_URL": "ftp://x"})


async def test_the_privacy_page_says_what_is_kept_for_how_long_and_who_reads_it(client, monkeypatch):
    monkeypatch.setenv("WEGWIJZER_BEWAARTERMIJN_DAGEN", "14")
    monkeypatch.setenv("WEGWIJZER_HULPVRAAG_BEWAARDAGEN", "60")
    response = await client.get("/privacy")
    assert response.status == 200
    html = await response.text()
    assert '<html lang="nl">' in html and '<h1 class="utrecht-heading-1">Privacy bij Wegwijzer</h1>' in html
    # the periods the cleanup job really applies in this deployment
    assert "14 dagen na het laatste bericht" in html and "nog 60 dagen" in html
    assert "nooit om een BSN" in html and "trek mijn hulpvraag in" in html
    assert "{{" not in html
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_the_privacy_page_defaults_to_the_cleanup_job_s_own_defaults():
    from bot.web.privacy_page import privacy_html

    html = privacy_html({})
    assert "30 dagen na het laatste bericht" in html and "nog 90 dagen" in html


async def test_feedback_endpoint_preflight_origin_and_storage(make_client, tmp_path):
    from dataclasses import replace as _replace

    from bot.feedback.store import counts_per_topic_per_day
    from bot.feedback.token import issue
    from bot.hulpvraag.db import make_engine

    db = f"sqlite:///{tmp_path / 'f.db'}"
    client = await make_client(create_app(_replace(settings(tmp_path), database_url=db), clock=lambda: 1000.0))
    pre = await client.options("/widget/feedback", headers={"Origin": ALLOWED, "Access-Control-Request-Method": "POST"})
    assert pre.status == 204 and pre.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "Content-Type" in pre.headers["Access-Control-Allow-Headers"]
    other = await client.options("/widget/feedback", headers={"Origin": "https://kwaad.example"})
    assert other.status == 403 and "Access-Control-Allow-Origin" not in other.headers
    ref = issue(b"s", "a" * 32, "vraag_tlv", now=1000)
    body = {"antwoord": ref, "oordeel": "ja"}
    refused = await client.post("/widget/feedback", json=body, headers={"Origin": "https://kwaad.example"})
    assert refused.status == 403
    assert (await client.post("/widget/feedback", json=body)).status == 403  # no Origin: not a browser on a site
    ok = await client.post("/widget/feedback", json=body, headers={"Origin": ALLOWED})
    assert ok.status == 200 and ok.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert (await ok.json())["status"] == "ontvangen"
    again = await client.post("/widget/feedback", json={**body, "oordeel": "nee"}, headers={"Origin": ALLOWED})
    assert again.status == 409 and "tekst" in await again.json()
    big = await client.post("/widget/feedback", data="x" * 5000, headers={"Origin": ALLOWED,
                                                                        "Content-Type": "application/json"})
    assert big.status == 413
    engine = make_engine(db)
    try:
        assert [(c.onderwerp, c.ja, c.nee) for c in counts_per_topic_per_day(engine)] == [("vraag_tlv", 1, 0)]
    finally:
        engine.dispose()
