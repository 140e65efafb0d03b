"""The console's live pages update themselves (issue 20, item 5, follow-up): a real console process over HTTP
and in real Chromium, under the console's real Content-Security-Policy (no ``bypass_csp``).

- ``GET /api/live`` and ``GET /api/live/{key}`` (polled by ``/static/live.js``): region scope exactly as the
  pages (a colleague of region A never sees region B's chats, not in the list, not by address), masked text,
  a bad ``na`` is 400, a poll with new messages is audited as viewing and an empty one is not, polling does
  not keep an idle session alive; only the two live pages allow the script (their own CSP).
- In Chromium, keyboard only: the list shows a new waiting chat without a reload, announces it in one polite
  sentence, shows that a colleague took a chat, never moves or loses the focus (a focused row that is no
  longer open stays until the focus leaves); the taken chat's page shows the user's new message while a
  half-typed answer keeps its focus and text; axe-core finds nothing; no CSP violation; without JavaScript
  the pages work with "Vernieuwen". Screenshots in reports/screenshots/live-vanzelf-*.png.
"""
from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, update

from bot.console.conversations import key_of
from bot.storage.console_schema import sessie
from bot.hulpvraag.db import make_engine
from bot.live.store import LiveStore
from console_data import PASSWORD
from tests.support.browser import AXE, SCREENSHOTS, chromium_browser, page_factory, require

pytestmark = pytest.mark.integration

AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
  return result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""
FOCUS = "() => { const el = document.activeElement; return (el.getAttribute('href') || '') + ' ' + (el.textContent || '').trim(); }"
REFRESH = "/live Vernieuwen: de lijst van nu tonen"


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def store(console) -> LiveStore:
    return LiveStore(make_engine(f"sqlite:///{console.db_path}"))


def add_user_message(console, sender: str, text: str) -> None:
    """A user's message arriving in the tracker store, as Rasa stores it during a paused chat."""
    tracker = console.db_path.parent / "tracker.db"
    data = {"event": "user", "timestamp": time.time(), "text": text, "parse_data": {"intent": {}, "entities": []}}
    with sqlite3.connect(tracker) as conn:
        conn.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                     "VALUES (?, 'user', ?, NULL, NULL, ?)", (sender, data["timestamp"], json.dumps(data)))


def audited_views(console, sender: str) -> int:
    with sqlite3.connect(console.db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM audit_log WHERE actie = 'bekeken' AND doel_soort = 'live' "
                            "AND doel_id = ? AND detail = 'nieuwe berichten'", (sender,)).fetchone()[0]


@pytest.fixture(scope="module")
def chats(console):
    live = store(console)
    live.ask("zaan-1", "GM0479", now())
    live.ask("gron-1", "GM0014", now())
    yield live
    for sender in ("zaan-1", "gron-1", "zaan-2", "zaan-3"):
        live.close(sender, None, now())
    live.engine.dispose()


def test_the_live_api_keeps_to_the_region_and_masks(console, chats):
    zaan, gron, admin = console.client("zaan"), console.client("gron"), console.client("admin")
    keys = {s: key_of(s) for s in ("zaan-1", "gron-1")}

    def listed(client):
        r = client.get(console.url + "/api/live")
        assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
        return {i["sleutel"] for i in r.json()["items"]}

    assert keys["zaan-1"] in listed(zaan) and keys["gron-1"] not in listed(zaan)
    assert keys["gron-1"] in listed(gron) and keys["zaan-1"] not in listed(gron)
    assert {keys["zaan-1"], keys["gron-1"]} <= listed(admin)
    item = next(i for i in zaan.get(console.url + "/api/live").json()["items"] if i["sleutel"] == keys["zaan-1"])
    assert item["regio"] == "Zaanstad" and item["status_tekst"] == "Wacht op een medewerker"
    assert item["link"] == f"/live/{keys['zaan-1']}"

    # another region's chat does not exist through the new endpoint either; no role, no login: no access
    assert zaan.get(f"{console.url}/api/live/{keys['gron-1']}").status_code == 404
    assert gron.get(f"{console.url}/api/live/{keys['zaan-1']}?na=0").status_code == 404
    assert console.client("redactie").get(console.url + "/api/live").status_code == 403
    anonymous = console.client().get(console.url + "/api/live", allow_redirects=False)
    assert anonymous.status_code == 401 and anonymous.json()["fout"]
    assert console.client().get(f"{console.url}/api/live/{keys['zaan-1']}", allow_redirects=False).status_code == 401

    # the chat's messages: masked like the page, only after "na", audited only when there is something new
    first = zaan.get(f"{console.url}/api/live/{keys['zaan-1']}?na=0")
    assert first.status_code == 200
    body = first.json()
    assert "Mijn zoon zit thuis" in body["html"] and "12345678" not in body["html"]
    assert body["status"] == "wachtend" and "wacht op een medewerker" in body["status_html"]
    views = audited_views(console, "zaan-1")
    assert views >= 1
    empty = zaan.get(f"{console.url}/api/live/{keys['zaan-1']}?na={body['laatste']}").json()
    assert empty["html"] == "" and empty["aankondiging"] == "" and empty["laatste"] == body["laatste"]
    assert audited_views(console, "zaan-1") == views                      # an empty poll is not a view
    add_user_message(console, "zaan-1", "Is daar iemand? <b>bel</b> 0612345678")
    new = zaan.get(f"{console.url}/api/live/{keys['zaan-1']}?na={body['laatste']}").json()
    assert new["laatste"] > body["laatste"] and new["html"].count("<li") == 1
    assert "&lt;b&gt;bel&lt;/b&gt;" in new["html"] and "0612345678" not in new["html"]
    assert new["aankondiging"].startswith("Nieuw bericht van de gebruiker: Is daar iemand?")
    assert "0612345678" not in new["aankondiging"]
    assert audited_views(console, "zaan-1") == views + 1
    for bad in ("abc", "-1", "1e5", "9" * 16, "\uff19", ""):
        r = zaan.get(f"{console.url}/api/live/{keys['zaan-1']}", params={"na": bad})
        assert r.status_code == 400 and "Traceback" not in r.text, bad


def test_only_the_live_pages_may_run_a_script_and_only_their_own_file(console, chats):
    zaan = console.client("zaan")
    for path in ("/live", f"/live/{key_of('zaan-1')}"):
        r = zaan.get(console.url + path)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "connect-src 'self'" in csp and "unsafe" not in csp
        assert "default-src 'none'" in csp and '<script src="/static/live.js" defer></script>' in r.text
        assert "<script>" not in r.text                                    # nothing inline
    assert "script-src" not in zaan.get(console.url + "/hulpvragen").headers["Content-Security-Policy"]
    script = zaan.get(console.url + "/static/live.js")
    assert script.status_code == 200 and script.headers["Content-Type"].startswith("text/javascript")
    assert script.headers["X-Content-Type-Options"] == "nosniff"


def test_polling_does_not_keep_an_idle_session_alive(console, chats):
    client = console.client("zaan2")
    engine = make_engine(f"sqlite:///{console.db_path}")
    account = console.ids["accounts"]["zaan2"]
    long_ago = now() - timedelta(minutes=20)
    try:
        with engine.begin() as conn:
            conn.execute(update(sessie).where(sessie.c.account_id == account).values(laatst_gezien_op=long_ago))
        assert client.get(console.url + "/api/live").status_code == 200
        assert client.get(f"{console.url}/api/live/{key_of('zaan-1')}").status_code == 200
        with engine.connect() as conn:
            seen = conn.execute(select(sessie.c.laatst_gezien_op).where(sessie.c.account_id == account)).scalars().all()
        assert seen and all(s == long_ago for s in seen)                  # polling did not touch it
        assert client.get(console.url + "/live").status_code == 200          # a page the colleague opens does
        with engine.connect() as conn:
            seen = conn.execute(select(sessie.c.laatst_gezien_op).where(sessie.c.account_id == account)).scalars().all()
        assert all(s > long_ago for s in seen)
        # idle past the time-out: the poll is refused (the script then says so and stops)
        with engine.begin() as conn:
            conn.execute(update(sessie).where(sessie.c.account_id == account)
                         .values(laatst_gezien_op=now() - timedelta(minutes=31)))
        assert client.get(console.url + "/api/live", allow_redirects=False).status_code == 401
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def browser():
    require(AXE.exists(), f"axe-core ontbreekt ({AXE}); draai 'npm ci' in web/")
    with chromium_browser() as browser:
        yield browser


@pytest.fixture
def new_page(browser):
    with page_factory(browser, 30_000) as make:   # the console's own CSP applies: the script must obey it
        yield make


def tab_to(page, predicate: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"met Tab niet bereikt: {predicate}")


def login(page, url: str, user: str) -> None:
    page.goto(url + "/inloggen")
    tab_to(page, "el.id === 'gebruikersnaam'")
    page.keyboard.type(user)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def axe_clean(page, what: str) -> None:
    violations = page.evaluate(AXE_RUN)
    assert violations == [], f"{what}: " + json.dumps(violations, indent=1, ensure_ascii=False)


def test_the_live_pages_update_themselves_keyboard_only(console, chats, new_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_page(1280, 800)
    page.add_init_script(path=str(AXE))            # by the browser itself, not a <script> the CSP would refuse
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    login(page, console.url, "zaan")
    tab_to(page, "el.getAttribute('href') === '/live'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Live chats")
    expect(page.locator("[data-met-script]")).to_be_visible()   # the script runs under the CSP
    axe_clean(page, "live-lijst")
    page.evaluate("() => { window.__zelfde_pagina = true; }")
    tab_to(page, "el.textContent.trim().startsWith('Vernieuwen')", limit=20)   # the "Vernieuwen" link has the focus
    assert page.evaluate(FOCUS) == REFRESH

    # a new waiting chat appears without a reload, announced in one short sentence; the focus stays
    chats.ask("zaan-2", "GM0479", now())
    row = page.locator(f"tr[data-sleutel='{key_of('zaan-2')}']")
    expect(row).to_contain_text("Wacht op een medewerker", timeout=15_000)
    announcement = page.locator("#live-aankondiging")
    expect(announcement).to_have_text("Nieuwe live chat (Zaanstad): er wacht iemand op een medewerker.")
    expect(announcement).to_have_attribute("aria-live", "polite")
    assert page.evaluate(FOCUS) == REFRESH and page.evaluate("() => window.__zelfde_pagina") is True
    assert key_of("gron-1") not in page.content()                     # another region's chat never shows up
    axe_clean(page, "live-lijst met nieuwe chat")
    page.screenshot(path=str(SCREENSHOTS / "live-vanzelf-lijst-1280.png"), full_page=True)

    # a colleague takes it: the status changes in place, nothing is announced again
    chats.join("zaan-2", "zaan2", now())
    expect(row).to_contain_text("Wordt gevoerd door zaan2", timeout=15_000)
    expect(announcement).to_have_text("Nieuwe live chat (Zaanstad): er wacht iemand op een medewerker.")
    assert page.evaluate(FOCUS) == REFRESH

    # the focus on a row that is closed meanwhile is not lost: the row stays, marked, until the focus leaves
    link = f"/live/{key_of('zaan-2')}"
    tab_to(page, f"el.getAttribute('href') === '{link}'")
    chats.close("zaan-2", None, now())
    expect(row).to_contain_text("Niet meer open", timeout=15_000)
    assert page.evaluate(FOCUS).startswith(link + " Open live chat")
    page.keyboard.press("Shift+Tab")
    expect(row).to_have_count(0, timeout=15_000)

    # the taken chat's page: the user's new message appears; the half-typed answer keeps focus and text
    chats.join("zaan-1", "zaan", now())
    page.goto(console.url + f"/live/{key_of('zaan-1')}")
    expect(page.locator("#tekst")).to_be_visible()
    tab_to(page, "el.id === 'tekst'", limit=60)
    page.keyboard.type("Dag, ik ben er. Even kij")
    add_user_message(console, "zaan-1", "Fijn! Mijn dochter is 14 en zit al 6 weken thuis.")
    messages = page.locator("#berichten li.gebruiker")
    expect(messages.last).to_contain_text("Mijn dochter is 14 en zit al 6 weken thuis.", timeout=15_000)
    expect(page.locator("#live-gesprek #live-aankondiging")).to_contain_text(
        "Nieuw bericht van de gebruiker: Fijn! Mijn dochter")
    assert page.evaluate("() => document.activeElement.id") == "tekst"
    assert page.locator("#tekst").input_value() == "Dag, ik ben er. Even kij"
    count = messages.count()
    page.wait_for_timeout(4000)                                       # shown once, not on every round
    assert messages.count() == count
    axe_clean(page, "live-gesprek met nieuw bericht")
    page.screenshot(path=str(SCREENSHOTS / "live-vanzelf-gesprek-1280.png"), full_page=True)
    assert refused == [], refused

    # without JavaScript the pages still work with "Vernieuwen" (and do not claim to update themselves)
    plain = new_page(1280, 800, java_script_enabled=False)
    login(plain, console.url, "zaan")
    plain.goto(console.url + "/live")
    expect(plain.get_by_role("link", name="Vernieuwen: de lijst van nu tonen")).to_be_visible()
    expect(plain.locator("[data-met-script]")).to_be_hidden()
