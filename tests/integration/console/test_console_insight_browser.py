"""The insight page in real headless Chromium, keyboard only: reach the page from the menu, read the charts
(SVG images with a name) and their table, change the period, mark a miss as handled and download the
training sentences; axe-core (WCAG 2.0/2.1/2.2 A and AA) with zero violations at 1280 and 320 px, no
horizontal page scroll at 320 px, screenshots reports/screenshots/console-inzicht-trend-*.png."""
from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from bot.console.accounts import Accounts
from bot.console.insight_counts import dutch_day
from bot.feedback import store as feedback
from bot.feedback.token import AnswerRef
from bot.hulpvraag.db import make_engine
from bot.production import migrate
from console_data import PASSWORD, add_accounts
from console_process import Console, console_process
from test_console_browser import (FITS, FOCUS, assert_axe_clean, browser, login_by_keyboard,  # noqa: F401 - fixtures
                                  new_page, tab_to)
from tests.support.browser import SCREENSHOTS
from tracker_data import XSS, Turn, fill

pytestmark = pytest.mark.integration
DAY = 86400
TOPICS = ["vraag_tlv", "thuiszitten", "leerplicht"]


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    work = tmp_path_factory.mktemp("inzicht-browser")
    now = time.time()
    conversations = {}
    for d in range(12):                     # twelve days of conversations in Zaanstad, a few misses each day
        for i in range(1 + d % 3):
            turns = [Turn("wat kan ik doen", TOPICS[(d + i) % 3], "Dit kunt u doen ...")]
            if (d + i) % 2 == 0:
                turns.append(Turn(f"blabla vraag {d}-{i}", "nlu_fallback", "Dat begreep ik niet.", confidence=0.2))
            if i == 1:
                turns.append(Turn("middag", "nlu_fallback", "Dank u.", form=("hulpvraag_form", "hv_voorkeurstijd"),
                                  form_ends=True))
            conversations[f"zaan-{d}-{i}"] = ("GM0479", turns, now - d * DAY - 3600)
    conversations["zaan-xss"] = ("GM0479", [Turn(XSS + " 0612345678", "nlu_fallback", "Dat begreep ik niet.")],
                                 now - 1800)
    fill(str(work / "tracker.db"), conversations)
    url = f"sqlite:///{work / 'wegwijzer.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    add_accounts(engine)
    Accounts(engine).create("redactie-a", PASSWORD, "contentredacteur", frozenset({"JZ09"}))
    n = 0
    for d in range(12):
        for k in range(d % 4 + 1):
            n += 1
            feedback.record(engine, AnswerRef(f"zaan-{d}-0", TOPICS[k % 3], f"f{n}"), "ja" if k % 3 else "nee",
                            dutch_day(now - d * DAY))
    engine.dispose()
    with console_process(work, url, f"sqlite:///{work / 'tracker.db'}") as base:
        yield Console(base)


def test_insight_by_keyboard_charts_mark_and_export(console, new_page):
    page = new_page()
    login_by_keyboard(page, console.url, "redactie-a")
    focus = tab_to(page, "el.getAttribute('href') === '/inzicht'")
    assert focus["outline"], focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inzicht")
    charts = page.get_by_role("img")
    expect(charts).to_have_count(2)
    expect(page.get_by_role("img", name="Niet begrepen vragen per dag")).to_be_visible()
    table = page.get_by_role("table", name="Verloop per dag (dezelfde aantallen als de grafieken)")
    expect(table).to_be_hidden()                                 # behind "Toon de aantallen als tabel"
    focus = tab_to(page, "el.tagName === 'SUMMARY'", limit=20)
    assert focus["outline"], focus
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    assert "0612345678" not in page.content() and "<script>alert" not in page.content()
    assert ">middag<" not in page.content()
    assert_axe_clean(page, "inzicht")

    # the period by keyboard: 90 days, per week
    tab_to(page, "el.id === 'dagen'")
    page.keyboard.press("End")
    assert page.evaluate("() => document.activeElement.value") == "90"
    tab_to(page, "el.id === 'indeling'", limit=2)
    page.keyboard.press("End")
    assert page.evaluate("() => document.activeElement.value") == "week"
    tab_to(page, "el.textContent.trim() === 'Tonen'", limit=4)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("img", name="Niet begrepen vragen per week")).to_be_visible()
    assert_axe_clean(page, "inzicht per week")

    # mark the first miss of the work list as handled
    before = page.locator("#werklijst tbody tr").count()
    focus = tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim().startsWith('Afgehandeld')", limit=80)
    assert focus["outline"], focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Gemarkeerd als afgehandeld.")
    assert page.locator("#werklijst tbody tr").count() == before - 1
    assert "dagen=90" in page.url
    assert_axe_clean(page, "inzicht na afhandelen")

    # download the open misses as text, keyboard only
    tab_to(page, "el.id === 'formaat-csv'", limit=120)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.id") == "formaat-tekst"
    tab_to(page, "el.textContent.trim() === 'Download'", limit=3)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    text = open(info.value.path(), encoding="utf-8").read()
    assert "blabla vraag" in text and "0612345678" not in text and "middag" not in text


def test_insight_is_axe_clean_reflows_and_is_photographed(console, new_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1280, 800), (320, 640)):
        page = new_page(width, height)
        login_by_keyboard(page, console.url, "redactie-a")
        page.goto(console.url + "/inzicht?dagen=30")
        page.locator("details.aantallen summary").click()        # show the table in the screenshot too
        assert page.evaluate(FITS), f"inzicht loopt horizontaal over bij {width}px"
        assert_axe_clean(page, f"inzicht bij {width}px")
        page.screenshot(path=str(SCREENSHOTS / f"console-inzicht-trend-{width}px.png"), full_page=True)
        page.goto(console.url + "/inzicht?dagen=31")
        assert page.evaluate(FITS)
        assert_axe_clean(page, f"inzicht met een foute periode bij {width}px")
    assert FOCUS
