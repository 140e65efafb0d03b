"""The console in real headless Chromium: log in with the keyboard only, open the inbox and a request,
change its status, open a transcript; axe-core (WCAG 2 A and AA) with zero violations on every page,
visible keyboard focus, no page-wide horizontal scroll at 320 px, and screenshots at 320 and 1280 px in
reports/screenshots/console-*.png."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.console.conversations import key_of
from console_data import PASSWORD
from tests.support.axe import assert_axe_clean  # noqa: F401 - also imported by test_console_insight_browser
from tests.support.browser import AXE, SCREENSHOTS, chromium_browser, page_factory, require

pytestmark = pytest.mark.integration

FOCUS = """() => {
  const el = document.activeElement, s = getComputedStyle(el);
  return {id: el.id, tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2};
}"""
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture(scope="module")
def browser():
    require(AXE.exists(), f"axe-core ontbreekt ({AXE}); draai 'npm ci' in web/")
    with chromium_browser() as browser:
        yield browser


@pytest.fixture
def new_page(browser):
    # the console's CSP forbids every script; axe is injected in a context that bypasses CSP
    with page_factory(browser, 30_000, bypass_csp=True) as make:
        yield make


def tab_to(page, predicate: str, limit: int = 40) -> dict:
    """Press Tab until the focused element matches (a JS predicate on `el`); returns its focus info."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return page.evaluate(FOCUS)
    raise AssertionError(f"met Tab niet bereikt: {predicate}")


def login_by_keyboard(page, url: str, user: str) -> None:
    page.goto(url + "/inloggen")
    first = tab_to(page, "el.classList.contains('skip')", limit=1)
    assert first["outline"], f"skiplink zonder zichtbare focus: {first}"
    assert page.evaluate("() => document.querySelector('.skip').getBoundingClientRect().left >= 0")
    focus = tab_to(page, "el.id === 'gebruikersnaam'")
    assert focus["outline"], f"geen zichtbare focus op het invoerveld: {focus}"
    page.keyboard.type(user)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "wachtwoord"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    button = page.evaluate(FOCUS)
    assert button["text"] == "Inloggen" and button["outline"], button
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_login_inbox_request_status_and_transcript_by_keyboard(console, new_page):
    page = new_page()
    page.goto(console.url + "/inloggen")
    assert_axe_clean(page, "inloggen")
    login_by_keyboard(page, console.url, "zaan")
    expect(page).to_have_url(console.url + "/hulpvragen")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulpvragen")
    assert_axe_clean(page, "hulpvragen")

    focus = tab_to(page, "el.textContent.trim() === 'WW-ZAAN-1'")
    assert focus["outline"], focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hulpvraag WW-ZAAN-1")
    assert "0612345678" not in page.content()
    assert_axe_clean(page, "hulpvraag")

    tab_to(page, "el.id === 'nieuwe-status'")
    if page.evaluate("() => document.activeElement.value") != "in_behandeling":
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == "in_behandeling"
    focus = tab_to(page, "el.textContent.trim() === 'Status opslaan'", limit=2)
    assert focus["outline"], focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Status gewijzigd.")
    expect(page.locator("main")).to_contain_text("Status: in behandeling")
    assert_axe_clean(page, "hulpvraag na statuswijziging")

    page.goto(console.url + "/gesprekken")
    assert_axe_clean(page, "gesprekken")
    link = f"/gesprekken/{key_of('zaan-1')}"
    tab_to(page, f"el.getAttribute('href') === '{link}'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gesprek")
    expect(page.locator(".transcript")).to_contain_text("Klikte op de knop")
    assert "06-12345678" not in page.content()
    assert_axe_clean(page, "transcript")


@pytest.mark.parametrize("user,path,name", [
    ("zaan", "/hulpvragen", "hulpvragen"),
    ("zaan", "/hulpvragen/{zaan}", "hulpvraag"),
    ("zaan", "/gesprekken", "gesprekken"),
    ("zaan", "/gesprekken/" + key_of("zaan-1"), "gesprek"),
    ("admin", "/gesprekken/" + key_of("zaan-2"), "gesprek-beheerder"),
    ("redactie", "/inzicht", "inzicht"),
    ("admin", "/beheer/accounts", "accounts"),
    ("admin", "/beheer/audit", "audit"),
])
def test_every_page_is_axe_clean_reflows_and_is_photographed(console, new_page, user, path, name):
    url = console.url + path.format(zaan=console.ids["zaan"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (320, 640)):
        page = new_page(width, height)
        login_by_keyboard(page, console.url, user)
        page.goto(url)
        assert page.evaluate(FITS), f"{name} loopt horizontaal over bij {width}px"
        assert_axe_clean(page, f"{name} bij {width}px")
        page.screenshot(path=str(SCREENSHOTS / f"console-{name}-{width}px.png"), full_page=True)


def test_login_page_screenshots(console, new_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (320, 640)):
        page = new_page(width, height)
        page.goto(console.url + "/inloggen")
        assert page.evaluate(FITS)
        page.screenshot(path=str(SCREENSHOTS / f"console-inloggen-{width}px.png"), full_page=True)


def _old_request(console) -> int:
    """A request that came in 30 days before the product's day: overdue."""
    from datetime import datetime, timedelta

    from sqlalchemy import update

    from bot.clock import today
    from bot.hulpvraag.db import make_engine
    from bot.hulpvraag.schema import hulpverzoek
    from console_data import add_request

    engine = make_engine(f"sqlite:///{console.db_path}")
    rid = add_request(engine, "WW-OUD-9", "GM0479", hulpvraag="Al lang thuis")
    when = datetime.combine(today() - timedelta(days=30), datetime.min.time()) + timedelta(hours=10)
    with engine.begin() as conn:
        conn.execute(update(hulpverzoek).where(hulpverzoek.c.id == rid).values(aangemaakt_op=when))
    engine.dispose()
    return rid


def choose_option(page, select_id: str, text: str, limit: int = 20) -> None:
    """Pick an option of a focused <select> with the arrow keys only."""
    tab_to(page, f"el.id === '{select_id}'")
    for _ in range(limit):
        if page.evaluate("() => document.activeElement.selectedOptions[0].textContent.trim()") == text:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"optie {text!r} niet gevonden in #{select_id}")


def test_inbox_search_filter_bulk_assign_and_history_by_keyboard(console, new_page):
    rid = _old_request(console)
    page = new_page()
    login_by_keyboard(page, console.url, "zaan")
    expect(page).to_have_url(console.url + "/hulpvragen")

    # search: type in the search field, Enter submits
    focus = tab_to(page, "el.id === 'zoek'")
    assert focus["outline"], focus
    page.keyboard.type("ww-oud")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("1 hulpvraag gevonden.")
    expect(page.locator("tbody")).to_contain_text("WW-OUD-9")
    expect(page.locator("tbody")).to_contain_text("Let op: te laat")      # overdue in words
    assert_axe_clean(page, "hulpvragen na zoeken")

    # filters in words: only overdue, sorted by deadline
    page.goto(console.url + "/hulpvragen")
    choose_option(page, "sorteer", "reactie uiterlijk, eerst")
    tab_to(page, "el.id === 'te_laat'")
    page.keyboard.press("Space")
    focus = tab_to(page, "el.textContent.trim() === 'Zoeken'")
    assert focus["outline"], focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "te_laat=1" in page.url and "sorteer=uiterlijk" in page.url
    expect(page.locator("tbody tr")).to_have_count(1)
    assert_axe_clean(page, "hulpvragen te laat")

    # bulk: tick the request, assign it to a colleague
    focus = tab_to(page, "el.type === 'checkbox' && el.name === 'id'")
    assert focus["outline"], focus
    page.keyboard.press("Space")
    choose_option(page, "bulk-account", "zaan2")
    focus = tab_to(page, "el.textContent.trim() === 'Toewijzen'", limit=3)
    assert focus["outline"], focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("1 hulpvraag: toewijzing opgeslagen.")
    assert "te_laat=1" in page.url                                         # back to the same filters
    expect(page.locator("tbody")).to_contain_text("zaan2")
    assert_axe_clean(page, "hulpvragen na toewijzen")

    # an unknown filter value: a Dutch message, a clean page
    page.goto(console.url + "/hulpvragen?status=vraag_tlv")
    expect(page.get_by_role("alert")).to_contain_text("Onbekende status ‘vraag_tlv’")
    assert_axe_clean(page, "hulpvragen met fout filter")

    # the request page: history in words, link to its conversation
    page.goto(console.url + f"/hulpvragen/{rid}")
    expect(page.locator("main")).to_contain_text("Statusgeschiedenis")
    expect(page.locator("main")).to_contain_text("binnengekomen als ‘nieuw’")
    expect(page.get_by_role("link", name="Bekijk het gesprek met Wegwijzer")).to_be_visible()
    assert_axe_clean(page, "hulpvraag met geschiedenis")
