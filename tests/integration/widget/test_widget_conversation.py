"""The widget on the municipal demo page, in real Chromium against the real Rasa + action servers:
keyboard, a question and its answer, a button, reload, and losing and regaining the connection."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import (ACTIVE_IN_WIDGET, ask, bot_messages, launcher, new_bot_texts,
                                              open_by_keyboard, question_box, user_messages, wait_connected)

pytestmark = pytest.mark.integration

SESSION_ID = "() => JSON.parse(sessionStorage.getItem('wegwijzer.v1')).sessionId"


def test_keyboard_question_answer_button_and_reload(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".wegwijzer")).to_have_attribute("lang", "nl")
    # No focus theft on load: nothing in the widget has focus until the user goes there.
    assert page.evaluate(ACTIVE_IN_WIDGET) is None
    expect(page.locator("#wegwijzer-paneel")).to_be_hidden()

    open_by_keyboard(page)
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")
    ask(page, "wat is een tlv")
    answer = " ".join(bot_messages(page).all_inner_texts())
    assert "toelaatbaarheidsverklaring" in answer
    assert "computerprogramma" in answer  # the first answer says it is a computer program

    # Follow-up buttons are real <button>s; clicking one sends it and gets its answer.
    choices = page.locator(".wegwijzer__keuzes button")
    expect(choices.first).to_be_visible()
    title = choices.first.inner_text()
    before = bot_messages(page).count()
    choices.first.click()
    expect(user_messages(page).last).to_contain_text(title)
    expect(bot_messages(page)).not_to_have_count(before)
    expect(page.locator(".wegwijzer__typen")).to_be_hidden()
    session = page.evaluate(SESSION_ID)

    # Reload in the same tab: same session, same transcript, panel still open, focus not taken.
    shown = bot_messages(page).count()
    page.reload()
    expect(bot_messages(page)).to_have_count(shown)
    expect(user_messages(page).first).to_contain_text("wat is een tlv")
    assert page.evaluate(SESSION_ID) == session
    assert page.evaluate(ACTIVE_IN_WIDGET) is None
    wait_connected(page)
    before = bot_messages(page).count()
    ask(page, "en wat is een opp")
    later = " ".join(new_bot_texts(page, before))
    assert "ontwikkelingsperspectief" in later.lower()
    assert "computerprogramma" not in later  # same conversation: no second introduction


def test_escape_closes_and_returns_focus(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    page.keyboard.press("Escape")
    expect(page.locator("#wegwijzer-paneel")).to_be_hidden()
    expect(launcher(page)).to_be_focused()
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")


def test_lost_connection_queues_and_resends(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    wait_connected(page)
    widget_stack.proxy.cut()
    try:
        status = page.locator(".wegwijzer__status-tekst")
        expect(status).to_contain_text("geen verbinding")
        expect(page.get_by_role("button", name="Nu opnieuw proberen")).to_be_visible()
        box = question_box(page)
        box.fill("wat is leerplicht")
        box.press("Enter")
        pending = user_messages(page).last.locator(".wegwijzer__bezorging")
        expect(pending).to_be_visible()
        expect(pending).to_contain_text("Nog niet verstuurd")
        assert bot_messages(page).count() == 0
    finally:
        widget_stack.proxy.restore()
    # After the reconnect the queued message is sent once and answered.
    expect(bot_messages(page).first).to_be_visible()
    wait_connected(page)
    expect(page.locator(".wegwijzer__bezorging")).to_have_count(0)
    expect(page.locator(".wegwijzer__typen")).to_be_hidden()
    assert "leerplicht" in " ".join(bot_messages(page).all_inner_texts()).lower()
    assert page.evaluate("() => JSON.parse(sessionStorage.getItem('wegwijzer.v1')).queue.length") == 0


def test_new_conversation_starts_fresh(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "wat is een tlv")
    first_session = page.evaluate(SESSION_ID)
    page.get_by_role("button", name="Nieuw gesprek").click()
    expect(bot_messages(page)).to_have_count(0)
    expect(question_box(page)).to_be_focused()
    expect(page.locator(".wegwijzer__melding")).to_contain_text("nieuw gesprek")
    assert page.evaluate(SESSION_ID) != first_session
    wait_connected(page)
    ask(page, "wat is een opp")
    assert "computerprogramma" in " ".join(bot_messages(page).all_inner_texts())


STATE = "() => JSON.parse(sessionStorage.getItem('wegwijzer.v1'))"
PLANT = """(id) => sessionStorage.setItem('wegwijzer.v1', JSON.stringify(
  {sessionId: id, sessionToken: 'A'.repeat(43), transcript: [], queue: [], open: false}))"""


def test_a_second_browser_with_the_session_id_but_not_its_token_gets_a_conversation_of_its_own(
        widget_stack, new_page):
    first = new_page()
    first.goto(widget_stack.base_url + "/")
    open_by_keyboard(first)
    ask(first, "wat is een tlv")
    victim = first.evaluate(STATE)
    assert len(victim["sessionId"]) == 32 and victim["sessionToken"], "the server issued id and token"

    # Someone who saw the id (console, log, shoulder) plants it, with a made-up token, in another browser.
    second = new_page()
    second.goto(widget_stack.base_url + "/")
    second.evaluate(PLANT, victim["sessionId"])
    second.reload()
    open_by_keyboard(second)
    ask(second, "wat is een opp")
    assert "computerprogramma" in " ".join(bot_messages(second).all_inner_texts()), "a new conversation"
    mine = second.evaluate(STATE)
    assert mine["sessionId"] != victim["sessionId"] and mine["sessionToken"] != victim["sessionToken"]

    # The owner goes on; nothing of it reaches the second browser.
    seen = bot_messages(second).count()
    ask(first, "wat is leerplicht")
    second.wait_for_timeout(2000)
    expect(bot_messages(second)).to_have_count(seen)
    assert first.evaluate(STATE)["sessionId"] == victim["sessionId"]
