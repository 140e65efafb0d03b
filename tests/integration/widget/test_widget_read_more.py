"""A long answer shows its first part and "Lees meer" (issue 19, item 1): the rest is hidden until
asked, one tap or Enter away; the button is a disclosure (aria-expanded, aria-controls), at least
44 px high, and the choice survives a reload. Real Chromium at 1280x800, 320x640 and 640x400 (200 %)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import FOCUSED, ask, bot_messages, open_by_keyboard, question_box
from tests.support.axe import assert_axe_clean

pytestmark = pytest.mark.integration

SIZES = [(1280, 800), (320, 640), (640, 400)]


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_long_answer_first_part_then_lees_meer(widget_stack, new_page, screenshots_dir, width, height):
    page = new_page(width, height, bypass_csp=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "wat is een tlv")  # about 580 characters in one paragraph
    answer = bot_messages(page).last
    more = answer.get_by_role("button", name="Lees meer")
    expect(more).to_be_visible()
    expect(more).to_have_attribute("aria-expanded", "false")
    rest = page.locator("#" + more.get_attribute("aria-controls"))
    expect(rest).to_be_hidden()
    expect(answer).to_contain_text("Een TLV (toelaatbaarheidsverklaring)")
    assert "bezwaar" not in answer.inner_text()  # the end of the answer waits behind "Lees meer"
    assert more.bounding_box()["height"] >= 44 - 0.5
    page.screenshot(path=str(screenshots_dir / f"widget-leesmeer-{width}x{height}.png"))
    # keyboard: from the question box backwards to "Lees meer", Enter opens the rest
    question_box(page).focus()
    for _ in range(12):
        page.keyboard.press("Shift+Tab")
        if "wegwijzer__lees-meer" in (page.evaluate(FOCUSED) or ""):
            break
    else:
        raise AssertionError("'Lees meer' is niet met het toetsenbord te bereiken")
    page.keyboard.press("Enter")
    toggle = answer.locator(".wegwijzer__lees-meer")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text("Lees minder")
    expect(rest).to_be_visible()
    expect(rest).to_contain_text("bezwaar")
    assert "wegwijzer__lees-meer" in page.evaluate(FOCUSED)  # focus stays on the button
    page.screenshot(path=str(screenshots_dir / f"widget-leesmeer-open-{width}x{height}.png"))
    assert_axe_clean(page)
    page.reload()
    expect(question_box(page)).to_be_visible()
    expect(bot_messages(page).last.locator(".wegwijzer__lees-meer")).to_have_attribute("aria-expanded", "true")
    expect(bot_messages(page).last).to_contain_text("bezwaar")


def test_short_answers_are_shown_whole(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "hallo")
    expect(page.locator(".wegwijzer__lees-meer")).to_have_count(0)


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_safety_message_is_shown_whole(widget_stack, new_page, screenshots_dir, width, height):
    # longer than what a long answer shows before "Lees meer", yet every emergency number is visible at once
    page = new_page(width, height, bypass_csp=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    # a parent's story in which only the danger classifier reads danger: the longest safety text
    ask(page, "Onze zoon is 15 en zit sinds de zomer thuis. Hij komt zijn kamer niet meer uit en zei gisteren "
              "dat wij beter af zijn zonder hem. Wat kunnen wij doen?")
    answer = bot_messages(page).filter(has_text="112").last
    expect(answer).to_contain_text("voor de zekerheid")
    expect(answer).to_contain_text("113")
    expect(answer).to_contain_text("Kindertelefoon")
    expect(answer.locator(".wegwijzer__lees-meer")).to_have_count(0)
    assert len(answer.inner_text()) > 480  # splitLong would have cut it (SHOW_CHARS + MIN_REST)
    page.screenshot(path=str(screenshots_dir / f"widget-veiligheid-heel-{width}x{height}.png"))
