"""Browser steps shared by the widget tests (Playwright locators pierce the widget's shadow root)."""
from __future__ import annotations

from playwright.sync_api import Page, expect

LAUNCHER = {"gemeente": "Stel uw vraag aan Wegwijzer", "jongeren": "Stel je vraag aan Wegwijzer"}
INPUT = {"gemeente": "Uw vraag", "jongeren": "Je vraag"}

ACTIVE_IN_WIDGET = """() => {
  const host = document.querySelector('#wegwijzer-widget');
  if (document.activeElement !== host) return null;
  const el = host.shadowRoot.activeElement;
  return el ? (el.id || el.textContent.trim()) : null;
}"""
# The focused element inside the widget: a feedback button's verdict (data-oordeel), else its classes.
FOCUSED = """() => {
  const host = document.querySelector('#wegwijzer-widget');
  const el = document.activeElement === host ? host.shadowRoot.activeElement : null;
  return el ? (el.dataset.oordeel || el.className) : null;
}"""


def launcher(page: Page, thema: str = "gemeente"):
    return page.get_by_role("button", name=LAUNCHER[thema])


def question_box(page: Page, thema: str = "gemeente"):
    return page.get_by_label(INPUT[thema], exact=True)


def bot_messages(page: Page):
    return page.locator(".wegwijzer__bericht--bot")


def user_messages(page: Page):
    return page.locator(".wegwijzer__bericht--gebruiker")


def open_by_keyboard(page: Page, thema: str = "gemeente") -> None:
    """Tab from the top of the page to the launcher and press Enter; the question box gets focus."""
    expect(launcher(page, thema)).to_be_visible()
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE_IN_WIDGET) == LAUNCHER[thema]:
            break
    else:
        raise AssertionError("de knop van Wegwijzer is niet met Tab te bereiken")
    page.keyboard.press("Enter")
    expect(question_box(page, thema)).to_be_focused()


def ask(page: Page, text: str, thema: str = "gemeente") -> None:
    """Types a question in the (focused or not) question box and sends it with Enter; waits for the
    answer: the bot answers after the user's message and the typing indicator is gone."""
    before = bot_messages(page).count()
    box = question_box(page, thema)
    box.fill(text)
    box.press("Enter")
    expect(bot_messages(page)).not_to_have_count(before)
    expect(page.locator(".wegwijzer__typen")).to_be_hidden()


def new_bot_texts(page: Page, since: int) -> list[str]:
    return bot_messages(page).all_inner_texts()[since:]


def wait_connected(page: Page) -> None:
    expect(page.locator(".wegwijzer__status-tekst")).to_have_text("")
