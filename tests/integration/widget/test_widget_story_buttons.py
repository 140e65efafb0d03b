"""A long story in real Chromium (issue 16, item 2): the answer offers the next likely topics as
buttons before its own, all of them tappable on a phone-sized screen, and a tap answers that topic.
Screenshots at 320x640 and 1280x800 go to reports/screenshots/."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import ask, bot_messages, open_by_keyboard

pytestmark = pytest.mark.integration

STORY = ("Onze dochter van 13 zit sinds de herfstvakantie thuis. Ze heeft autisme en werd in de klas "
         "steeds vaker naar de gang gestuurd, nu mag ze alleen nog twee uur per dag komen. De mentor "
         "zegt dat ze niet meer weten wat ze met haar aan moeten. Wat kunnen wij nu het beste doen?")
BUTTONS = ".wegwijzer__keuzes .wegwijzer__knop"


@pytest.mark.parametrize(("width", "height"), [(320, 640), (1280, 800)])
def test_a_story_gets_tappable_buttons_for_the_next_likely_topics(widget_stack, new_page, screenshots_dir,
                                                                  width, height):
    page = new_page(width, height)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, STORY)
    buttons = page.locator(BUTTONS)
    expect(buttons.first).to_be_visible()
    count = buttons.count()
    # the two likely topics before the answer's own buttons, at most five in all
    assert 3 <= count <= 5, buttons.all_inner_texts()
    titles = buttons.all_inner_texts()
    assert len(set(titles)) == count, titles  # no topic offered twice
    for index in range(count):
        button = buttons.nth(index)
        button.scroll_into_view_if_needed()
        box = button.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44, (titles[index], box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (titles[index], box)
    page.screenshot(path=str(screenshots_dir / f"widget-verhaal-knoppen-{width}x{height}.png"))

    before = bot_messages(page).count()
    buttons.first.click()
    expect(bot_messages(page)).not_to_have_count(before)
    assert titles[0] in page.locator(".wegwijzer__bericht--gebruiker").last.inner_text()
