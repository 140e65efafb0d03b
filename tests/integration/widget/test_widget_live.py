"""Issue 20, item 5 in real Chromium, keyboard only: widget ↔ console live takeover.

The widget (web app + Rasa + action server of ``widget_stack``) and the console (a real process on the same
databases) each in their own browser context. A parent in Utrecht asks for a person during Utrecht's
live-chat hours; a colleague of Utrecht logs in to the console with the keyboard, opens the live list,
takes the chat over; the widget shows that a person answers now; the colleague's message appears in the
widget marked "Medewerker"; the user's message while paused gets no bot answer; the colleague leaves;
the assistant answers again; the console transcript shows the colleague's message as "Medewerker".
axe-core (WCAG 2.2 A/AA) finds nothing on the console's live pages or the widget with the banner.
Screenshots at 1280 and 320 px in reports/screenshots/live-*.png.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from bot.storage.console_schema import console_metadata
from bot.hulpvraag.db import make_engine
from bot.regio.opening_hours import DAYS
from tests.integration.widget.helpers import ask, bot_messages, open_by_keyboard, question_box, wait_connected
from tests.support.browser import AXE

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1] / "console"))
sys.path.insert(0, str(HERE.parents[2] / "unit" / "console"))
from console_data import PASSWORD  # noqa: E402
from console_process import Console, console_process  # noqa: E402

pytestmark = pytest.mark.integration
USER = "live-browser-utrecht"
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
  return result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}));
}"""
FOCUS_TEXT = "() => (document.activeElement.textContent || '').trim()"


def assert_axe_clean(page, what: str) -> None:
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN)
    assert violations == [], f"{what}: " + json.dumps(violations, indent=1, ensure_ascii=False)


def tab_until(page, predicate: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            return
    raise AssertionError(f"met Tab niet bereikt: {predicate}")


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.fixture(scope="module")
def console_url(widget_stack):
    override = Path(widget_stack.regio_dir) / "overrides" / "GM0344.yml"
    override.write_text(yaml.safe_dump({"gebied": "GM0344", "naam": "Testbeheer Utrecht",
                                        "live_chat": {"openingstijden": {d: "00:00-24:00" for d in DAYS}}}),
                        encoding="utf-8")
    engine = make_engine(widget_stack.database_url)
    console_metadata.create_all(engine)
    Accounts(engine).create(USER, PASSWORD, "regiomedewerker", frozenset({"GM0344"}))
    engine.dispose()
    env = {"WEGWIJZER_LIVE_TOKEN": widget_stack.live_token, "WEGWIJZER_CONSOLE_RASA_URLS": widget_stack.rasa_url}
    try:
        with console_process(widget_stack.workdir, widget_stack.database_url, f"sqlite:///{widget_stack.tracker}",
                             env) as url:
            yield url
    finally:
        override.unlink()


def test_live_takeover_widget_and_console_by_keyboard(widget_stack, console_url, new_page, screenshots_dir):
    user = new_page(1280, 800, bypass_csp=True)
    user.goto(widget_stack.base_url + "/")
    open_by_keyboard(user)
    wait_connected(user)
    ask(user, "ik woon in Utrecht")
    ask(user, "ik wil een mens spreken")
    expect(bot_messages(user).filter(has_text="Ik vraag nu een medewerker")).to_have_count(1)

    staff = new_page(1280, 800, bypass_csp=True)
    staff.goto(console_url + "/inloggen")
    tab_until(staff, "el.id === 'gebruikersnaam'")
    staff.keyboard.type(USER)
    staff.keyboard.press("Tab")
    staff.keyboard.type(PASSWORD)
    staff.keyboard.press("Tab")
    press_enter_and_wait(staff)
    tab_until(staff, "el.getAttribute('href') === '/live'")
    press_enter_and_wait(staff)
    expect(staff.get_by_role("heading", level=1)).to_have_text("Live chats")
    expect(staff.locator("table")).to_contain_text("Wacht op een medewerker")
    assert_axe_clean(staff, "live-lijst")
    staff.screenshot(path=str(screenshots_dir / "live-console-lijst-1280.png"), full_page=True)
    tab_until(staff, "(el.getAttribute('href') || '').startsWith('/live/')")
    press_enter_and_wait(staff)
    expect(staff.get_by_role("heading", level=1)).to_have_text("Live chat")
    tab_until(staff, "el.textContent.trim() === 'Neem dit gesprek over'")
    press_enter_and_wait(staff)
    expect(staff.locator(".melding")).to_contain_text("U voert nu dit gesprek")

    banner = user.locator(".wegwijzer__live")
    expect(banner).to_be_visible()
    expect(banner).to_have_text("Een medewerker praat nu met u. Wegwijzer wacht zolang.")

    # the user writes while paused: stored, no answer from the assistant
    before = bot_messages(user).count()
    box = question_box(user)
    box.fill("Hallo, fijn dat er iemand is.")
    box.press("Enter")
    user.wait_for_timeout(3000)
    expect(bot_messages(user)).to_have_count(before)

    # the colleague sees it (after "Vernieuwen") and answers with the keyboard
    tab_until(staff, "el.textContent.trim().startsWith('Vernieuwen')")
    press_enter_and_wait(staff)
    expect(staff.locator(".transcript")).to_contain_text("Hallo, fijn dat er iemand is.")
    staff.locator("#tekst").focus()
    staff.keyboard.type("Goedemorgen, ik ben Anne van het loket. Waarmee kan ik u helpen?")
    tab_until(staff, "el.textContent.trim() === 'Verstuur'", limit=3)
    press_enter_and_wait(staff)
    expect(staff.locator(".melding")).to_contain_text("Uw bericht is verzonden")
    colleague = user.locator(".wegwijzer__bericht--medewerker")
    expect(colleague).to_have_count(1)
    expect(colleague).to_contain_text("Medewerker")
    expect(colleague).to_contain_text("Goedemorgen, ik ben Anne van het loket.")
    assert_axe_clean(staff, "live-gesprek")
    staff.screenshot(path=str(screenshots_dir / "live-console-gesprek-1280.png"), full_page=True)
    user.screenshot(path=str(screenshots_dir / "live-widget-1280.png"))
    user.set_viewport_size({"width": 320, "height": 640})
    expect(banner).to_be_visible()
    assert user.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    user.screenshot(path=str(screenshots_dir / "live-widget-320.png"))
    staff.set_viewport_size({"width": 320, "height": 640})
    assert staff.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    staff.screenshot(path=str(screenshots_dir / "live-console-gesprek-320.png"), full_page=True)
    staff.set_viewport_size({"width": 1280, "height": 800})
    user.set_viewport_size({"width": 1280, "height": 800})

    # a reload keeps the colleague's message and the banner (sessionStorage)
    user.reload()
    expect(user.locator(".wegwijzer__bericht--medewerker")).to_have_count(1)
    expect(user.locator(".wegwijzer__live")).to_be_visible()

    # the colleague leaves: the banner goes, the assistant answers again
    tab_until(staff, "el.textContent.trim().startsWith('Verlaat het gesprek')")
    press_enter_and_wait(staff)
    expect(staff.locator(".melding")).to_contain_text("Wegwijzer antwoordt weer")
    expect(user.locator(".wegwijzer__live")).to_be_hidden()
    expect(bot_messages(user).filter(has_text="De medewerker heeft het gesprek verlaten")).to_have_count(1)
    ask(user, "wat is leerplicht")
    expect(bot_messages(user).last).to_contain_text("eerplicht")

    # a second takeover; the user is away (another page) when the colleague leaves: back on the page, the
    # widget hears from the server that nobody holds the chat any more, so no stale banner
    ask(user, "ik wil een mens spreken")
    staff.goto(console_url + "/live")
    tab_until(staff, "(el.getAttribute('href') || '').startsWith('/live/')")
    press_enter_and_wait(staff)
    tab_until(staff, "el.textContent.trim() === 'Neem dit gesprek over'")
    press_enter_and_wait(staff)
    expect(user.locator(".wegwijzer__live")).to_be_visible()
    user.goto("about:blank")
    tab_until(staff, "el.textContent.trim().startsWith('Verlaat het gesprek')")
    press_enter_and_wait(staff)
    user.goto(widget_stack.base_url + "/")
    expect(question_box(user)).to_be_visible()
    expect(user.locator(".wegwijzer__live")).to_be_hidden()

    # the transcript has the colleague's message as "Medewerker", masked like every message (a name)
    staff.goto(console_url + "/gesprekken")
    tab_until(staff, "(el.getAttribute('href') || '').startsWith('/gesprekken/')")
    press_enter_and_wait(staff)
    mine = staff.locator(".transcript li.medewerker")
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text("Medewerker")
    expect(mine).to_contain_text("Goedemorgen, ik ben [naam] van het loket.")
    expect(staff.locator(".transcript")).to_contain_text("Hallo, fijn dat er iemand is.")


def test_messages_sent_while_the_widget_was_away_are_shown_once_in_order(widget_stack, console_url, new_page,
                                                                        screenshots_dir):
    """The widget's socket drops during a takeover (the network: the proxy in front of Rasa cuts it), the
    colleague sends two messages; when the network is back the widget shows both, in order, once. Then
    the page is left and opened again while the colleague writes a third: shown once after the reload,
    none of the earlier ones twice. At 320 px, axe-core clean."""
    user = new_page(320, 640, bypass_csp=True)
    user.goto(widget_stack.base_url + "/")
    open_by_keyboard(user)
    wait_connected(user)
    ask(user, "ik woon in Utrecht")
    ask(user, "ik wil een mens spreken")
    expect(bot_messages(user).filter(has_text="Ik vraag nu een medewerker")).to_have_count(1)
    sender = user.evaluate("() => JSON.parse(sessionStorage.getItem('wegwijzer.v1')).sessionId")
    key = key_of(sender)

    console = Console(console_url)
    staff = console.client(USER)
    joined = staff.post(f"{console_url}/live/{key}/overnemen", data={"csrf": console.csrf(staff, f"/live/{key}")})
    assert "U voert nu dit gesprek" in joined.text
    expect(user.locator(".wegwijzer__live")).to_be_visible()
    colleague = user.locator(".wegwijzer__bericht--medewerker")
    expect(colleague).to_have_count(0)

    def write(text: str) -> None:
        sent = staff.post(f"{console_url}/live/{key}/bericht", data={"csrf": console.csrf(staff, f"/live/{key}"),
                                                                    "tekst": text})
        assert "Uw bericht is verzonden" in sent.text

    texts = ["Eerste bericht terwijl u weg was.", "Tweede bericht: bent u er nog?", "Derde bericht, na het herladen."]
    widget_stack.proxy.cut()
    try:
        expect(user.locator(".wegwijzer__status-tekst")).to_contain_text("geen verbinding")
        write(texts[0])
        write(texts[1])
        user.wait_for_timeout(1000)
        expect(colleague).to_have_count(0)                       # nothing reached the widget meanwhile
    finally:
        widget_stack.proxy.restore()
    expect(colleague).to_have_count(2, timeout=30_000)            # back: both, in order
    wait_connected(user)
    assert [t.split("\n")[-1].strip() for t in colleague.all_inner_texts()] == texts[:2]
    user.wait_for_timeout(3000)
    expect(colleague).to_have_count(2)                            # once, not again on a later round

    # the user leaves the page and comes back while the colleague writes
    user.goto("about:blank")
    write(texts[2])
    user.goto(widget_stack.base_url + "/")
    expect(colleague).to_have_count(3, timeout=30_000)
    wait_connected(user)
    user.wait_for_timeout(3000)
    expect(colleague).to_have_count(3)
    assert [t.split("\n")[-1].strip() for t in colleague.all_inner_texts()] == texts
    expect(bot_messages(user).filter(has_text="Een medewerker praat nu met u")).to_have_count(1)
    expect(user.locator(".wegwijzer__live")).to_be_visible()
    assert user.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    expect(colleague.last).to_be_in_viewport()                    # the missed messages are in view, not above it
    # the turn's buttons stay after its last bubble: the same order as before the reload
    assert user.evaluate("""() => {
      const log = document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__log, [role=log]');
      const all = Array.from(log.children);
      const group = all.findIndex(el => el.classList.contains('wegwijzer__keuzes'));
      const last = all.map(el => el.classList.contains('wegwijzer__bericht--medewerker')).lastIndexOf(true);
      return group === -1 || group > last;
    }""")
    assert_axe_clean(user, "widget na gemiste berichten")
    user.screenshot(path=str(screenshots_dir / "live-widget-gemist-320.png"))

    left = staff.post(f"{console_url}/live/{key}/verlaten", data={"csrf": console.csrf(staff, f"/live/{key}")})
    assert "Wegwijzer antwoordt weer" in left.text
    expect(user.locator(".wegwijzer__live")).to_be_hidden()
