"""The step plan's "Zet in mijn agenda" in real Chromium (issue 19, item 5): under the plan, a
download link (keyboard reachable, at least 44 px) for an iCalendar file with the plan's open
deadlines as all-day events; a short status after the download. At 1280x800, 320x640 and 640x400."""
from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import FOCUSED, ask, bot_messages, open_by_keyboard, question_box
from tests.support.dates import day_and_month, days_ago

pytestmark = pytest.mark.integration

HOME_SINCE = days_ago(22)  # under 4 weeks: the 4-week mark is a deadline ahead (content/stappenplan/regels.yml)
SIZES = [(1280, 800), (320, 640), (640, 400)]


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_step_plan_offers_its_deadlines_as_a_calendar_file(widget_stack, new_page, screenshots_dir, width, height):
    page = new_page(width, height, accept_downloads=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, f"onze zoon zit sinds {day_and_month(HOME_SINCE)} thuis, we hebben alleen met zijn mentor "
              "gepraat. wat is de volgende stap?")
    link = page.get_by_role("link", name="Zet in mijn agenda")
    for answer in ("ja hij staat nog ingeschreven", "weet ik niet"):
        if link.count():
            break
        ask(page, answer)
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("download", "wegwijzer-stappenplan.ics")
    assert link.get_attribute("href").startswith("blob:")
    link.scroll_into_view_if_needed()
    assert link.bounding_box()["height"] >= 44 - 0.5
    page.screenshot(path=str(screenshots_dir / f"widget-agenda-{width}x{height}.png"))
    # keyboard: from the question box backwards to the link, Enter downloads
    question_box(page).focus()
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if "wegwijzer__agenda" in (page.evaluate(FOCUSED) or ""):
            break
    else:
        raise AssertionError("'Zet in mijn agenda' is niet met het toetsenbord te bereiken")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "wegwijzer-stappenplan.ics"
    ics = open(download.path(), "rb").read().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and ics.endswith("END:VCALENDAR\r\n")
    deadline = HOME_SINCE + timedelta(weeks=4)
    assert f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}\r\n" in ics, ics
    assert "SUMMARY:Wegwijzer: " in ics and ics.count("BEGIN:VEVENT") == ics.count("END:VEVENT") >= 1
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n")), ics
    expect(bot_messages(page).locator(".wegwijzer__agenda-status")).to_contain_text("agendabestand is gedownload")
