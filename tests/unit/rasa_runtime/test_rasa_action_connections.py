"""Rasa's action-server calls share one connection pool per event loop; each request behaves as before."""
import aiohttp
import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

import bot.rasa_runtime.action_connections as connections

connections.apply()  # importing applies nothing (bot.rasa_runtime.install is the switch)


async def _server(aiohttp_unused=None):
    peers, auths = [], []

    async def webhook(request):
        peers.append(request.transport.get_extra_info("peername")[1])
        auths.append(request.headers.get("Authorization"))
        body = await request.json()
        if body.get("fout"):
            return web.json_response({"error": "kapot"}, status=500)
        return web.json_response({"events": [], "echo": body["n"]})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, port, peers, auths


async def test_requests_reuse_one_connection_and_keep_auth():
    runner, port, peers, auths = await _server()
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook",
                                  basic_auth={"username": "rasa", "password": "geheim"})
        answers = [await endpoint.request(json={"n": n}, method="post") for n in range(4)]
        assert [a["echo"] for a in answers] == [0, 1, 2, 3]
        assert len(set(peers)) == 1  # one TCP connection for all four calls
        assert all(a and a.startswith("Basic ") for a in auths)
    finally:
        await runner.cleanup()


async def test_server_errors_still_raise_like_rasa():
    runner, port, _, _ = await _server()
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        with pytest.raises(ClientResponseError) as info:
            await endpoint.request(json={"n": 1, "fout": True}, method="post")
        assert info.value.status == 500
    finally:
        await runner.cleanup()


async def test_unreachable_server_raises_a_connection_error():
    endpoint = EndpointConfig("http://127.0.0.1:9/webhook")
    with pytest.raises(aiohttp.ClientConnectionError):
        await endpoint.request(json={}, method="post")


def test_no_shared_pool_outside_a_running_loop():
    assert connections.shared_connector() is None
