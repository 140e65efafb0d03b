"""Hostile text from the user and from the bot never runs, limits answer with a friendly Dutch text,
and a page on a website that is not on the allow-list (or a client without a token) is refused."""
from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import socketio
from playwright.sync_api import expect

from bot.channels.widget_token import issue_token
from tests.integration.widget.conftest import RATE
from tests.integration.widget.helpers import ask, bot_messages, open_by_keyboard, user_messages

pytestmark = pytest.mark.integration

HOSTILE_USER = ['<img src=x onerror="window.__aangevallen=\'user-img\'">',
                "<script>window.__aangevallen='user-script'</script>",
                '<a href="javascript:window.__aangevallen=\'user-link\'">klik</a>']
INJECTED = """() => {
  const root = document.querySelector('#wegwijzer-widget').shadowRoot;
  return {flag: window.__aangevallen || null,
          elements: root.querySelectorAll('.wegwijzer__log img, .wegwijzer__log script, [onerror]').length,
          badLinks: [...root.querySelectorAll('.wegwijzer__log a')].filter(a => !/^(https?|tel|mailto):/.test(a.href)).length,
          userLinks: root.querySelectorAll('.wegwijzer__bericht--gebruiker a').length};
}"""


def test_hostile_text_from_user_and_bot_never_runs(widget_stack, new_page):
    # Without the page's CSP, so only the widget's own escaping and DOMPurify protect the page.
    page = new_page(bypass_csp=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    for text in HOSTILE_USER:
        ask(page, text)
        expect(user_messages(page).last).to_contain_text(text)  # shown as text, literally
    ask(page, "heel erg bedankt")  # the test content of this answer carries <img onerror> and <script>
    expect(bot_messages(page).last).to_contain_text("<img src=x onerror=")
    expect(bot_messages(page).last).to_contain_text('<a href="javascript:')
    expect(bot_messages(page).last).to_contain_text("Graag gedaan")
    result = page.evaluate(INJECTED)
    assert result == {"flag": None, "elements": 0, "badLinks": 0, "userLinks": 0}, result
    # Web links in answers open safely; phone and e-mail links (tel:, mailto:) stay in the page.
    for link in page.locator(".wegwijzer__log a").all():
        if link.get_attribute("href").startswith("http"):
            assert link.get_attribute("target") == "_blank"
            assert link.get_attribute("rel") == "noopener noreferrer"


def test_length_and_rate_limits_answer_in_dutch(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "waarom " * 100)
    expect(bot_messages(page).last).to_contain_text("Uw bericht is te lang")
    expect(bot_messages(page).last).to_contain_text("500 tekens")
    for _ in range(RATE[0]):
        ask(page, "hoi")
        expect(bot_messages(page).last).not_to_contain_text("kort na elkaar")
    ask(page, "hoi")
    expect(bot_messages(page).last).to_contain_text("U stuurt veel berichten kort na elkaar")


def test_page_on_a_website_not_allowed_gets_a_clear_message(widget_stack, new_page):
    page = new_page()
    # Same server, other origin: http://localhost:<port> is not on the allow-list (127.0.0.1 is).
    page.goto(f"http://localhost:{widget_stack.web_port}/")
    open_by_keyboard(page)
    expect(page.locator(".wegwijzer__status-tekst")).to_contain_text("werkt niet op deze website")


async def _try_connect(url: str, origin: str | None, token: str | None) -> str:
    client = socketio.AsyncClient(reconnection=False)
    headers = {"Origin": origin} if origin else {}
    try:
        await client.connect(url, socketio_path="/socket.io", transports=["websocket"], headers=headers,
                             auth={"token": token} if token else None, wait_timeout=20)
    except socketio.exceptions.ConnectionError as exc:
        return f"geweigerd: {exc}"
    await client.disconnect()
    return "verbonden"


def test_socket_refuses_other_origins_and_missing_tokens(widget_stack):
    secret, allowed = widget_stack.secret.encode(), widget_stack.base_url
    good = issue_token(secret, allowed, time.time(), 60)
    evil = "https://kwaadwillend.example"

    def attempt(origin, token):
        # In its own thread: Playwright's sync API keeps an event loop running in this one.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, _try_connect(widget_stack.rasa_url, origin, token)).result()

    assert attempt(allowed, good) == "verbonden"  # the positive control
    assert attempt(evil, good).startswith("geweigerd")
    assert attempt(evil, issue_token(secret, evil, time.time(), 60)).startswith("geweigerd")
    assert attempt(allowed, None).startswith("geweigerd")
    assert attempt(allowed, issue_token(b"ander geheim", allowed, time.time(), 60)).startswith("geweigerd")
    assert attempt(allowed, issue_token(secret, allowed, time.time() - 120, 60)).startswith("geweigerd")
