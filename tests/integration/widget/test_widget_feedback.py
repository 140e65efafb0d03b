"""Feedback on answers in real Chromium (issue 19, item 7): "Had u hier iets aan? Ja / Nee" under a
factual answer, not under small talk; keyboard and screen reader friendly (a labelled group of two
buttons of at least 44 px, thanks in a status); one choice per answer, kept after a reload; stored by
the web app with the topic and the conversation (counted per topic per day), and hostile requests to
the endpoint get a clean 4xx."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, inspect, select

from bot.clock import today
from bot.feedback.schema import antwoord_feedback
from bot.feedback.store import counts_per_topic_per_day
from tests.integration.widget.helpers import FOCUSED, ask, bot_messages, launcher, open_by_keyboard, question_box
from tests.support.axe import assert_axe_clean

pytestmark = pytest.mark.integration



def _rows(db_url: str) -> list:
    engine = create_engine(db_url)
    try:
        if not inspect(engine).has_table(antwoord_feedback.name):
            return []
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(antwoord_feedback).order_by(antwoord_feedback.c.id))]
    finally:
        engine.dispose()


@pytest.mark.parametrize("width,height", [(1280, 800), (320, 640), (640, 400)])
def test_feedback_by_keyboard_is_stored_once_with_topic_and_conversation(widget_stack, new_page, screenshots_dir,
                                                                        width, height):
    page = new_page(width, height, bypass_csp=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "wat is een tlv")
    answer = bot_messages(page).last
    group = answer.get_by_role("group", name="Had u hier iets aan?")
    expect(group).to_be_visible()
    yes, no = group.get_by_role("button", name="Ja", exact=True), group.get_by_role("button", name="Nee", exact=True)
    for button in (yes, no):
        box = button.bounding_box()
        assert box["height"] >= 44 - 0.5 and box["width"] >= 44 - 0.5, box
    # only under the factual answer, not under the one-line introduction of the first turn
    assert page.locator(".wegwijzer__feedback").count() == 1
    no.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots_dir / f"widget-feedback-{width}x{height}.png"))
    assert_axe_clean(page)
    # keyboard: from the question box backwards to "Nee", then Enter
    question_box(page).focus()
    for _ in range(20):
        page.keyboard.press("Shift+Tab")
        if page.evaluate(FOCUSED) == "nee":
            break
    else:
        raise AssertionError("'Nee' is niet met het toetsenbord te bereiken")
    before = len(_rows(widget_stack.feedback_db))
    page.keyboard.press("Enter")
    thanks = answer.locator(".wegwijzer__feedback-dank")
    expect(thanks).to_have_text("Bedankt voor uw reactie. Wilt u een mens spreken? Typ dan: mens spreken.")
    expect(thanks).to_have_attribute("role", "status")
    assert "feedback-dank" in page.evaluate(FOCUSED)  # focus moved to the thanks, not lost
    expect(answer.get_by_role("button", name="Nee", exact=True)).to_have_count(0)
    rows = _rows(widget_stack.feedback_db)
    assert len(rows) == before + 1, rows
    row = rows[-1]
    session = page.evaluate("() => JSON.parse(sessionStorage.getItem('wegwijzer.v1')).sessionId")
    assert (row["onderwerp"], row["oordeel"], row["gesprek_id"], row["dag"]) == ("vraag_tlv", "nee", session, today())
    counts = {(c.onderwerp, c.dag): (c.ja, c.nee) for c in
              counts_per_topic_per_day(create_engine(widget_stack.feedback_db))}
    assert counts[("vraag_tlv", today())][1] >= 1
    # after "Nee": one optional question with fixed choices, reached with Tab from the thanks
    reasons = answer.get_by_role("group", name="Wat miste u? U mag dit overslaan.")
    expect(reasons.get_by_role("button")).to_have_count(3)
    page.screenshot(path=str(screenshots_dir / f"widget-feedback-bedankt-{width}x{height}.png"))
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "niet_duidelijk"
    page.keyboard.press("Enter")
    expect(thanks).to_have_text("Dank u. Zo kunnen we dit antwoord beter maken.")
    expect(reasons).to_have_count(0)
    assert "feedback-dank" in page.evaluate(FOCUSED)
    assert _rows(widget_stack.feedback_db)[-1]["reden"] == "niet_duidelijk"
    # a reload keeps the choice: the thanks, no buttons again
    page.reload()
    expect(question_box(page)).to_be_visible()  # it was open, so it opens again
    answer = bot_messages(page).last
    expect(answer.locator(".wegwijzer__feedback-dank")).to_be_visible()
    expect(answer.get_by_role("button", name="Ja", exact=True)).to_have_count(0)
    assert len(_rows(widget_stack.feedback_db)) == before + 1


def test_youth_version_uses_je(widget_stack, new_page):
    page = new_page(bypass_csp=True)
    page.goto(widget_stack.base_url + "/jongeren")
    open_by_keyboard(page, "jongeren")
    ask(page, "wat is een tlv", "jongeren")
    group = bot_messages(page).last.get_by_role("group", name="Had je hier iets aan?")
    group.get_by_role("button", name="Ja", exact=True).click()
    expect(bot_messages(page).last.locator(".wegwijzer__feedback-dank")).to_have_text("Bedankt voor je reactie!")


def test_no_feedback_under_small_talk(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "bedankt")
    expect(page.locator(".wegwijzer__feedback")).to_have_count(0)


def test_hostile_feedback_requests_get_a_clean_4xx(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "wat is een tlv")
    ref = page.evaluate("""() => JSON.parse(sessionStorage.getItem('wegwijzer.v1')).transcript
                            .filter(e => e.feedback).map(e => e.feedback).pop()""")
    assert ref
    url = widget_stack.base_url + "/widget/feedback"
    origin = {"Origin": widget_stack.base_url, "Content-Type": "application/json"}

    def post(body, headers=origin):
        data = body if isinstance(body, str) else json.dumps(body)
        return page.request.post(url, data=data, headers=headers)

    forged = ref.rsplit(".", 2)[0] + ".vraag_opp." + ref.rsplit(".", 1)[1]  # another topic, same signature
    cases = [
        ({"antwoord": "x.y.z.vraag_tlv.sig", "oordeel": "ja"}, 400),
        ({"antwoord": forged, "oordeel": "ja"}, 400),
        ({"antwoord": ref, "oordeel": "<script>alert(1)</script>"}, 400),
        ({"antwoord": ref, "oordeel": "ja", "opmerking": "<b>mijn naam</b>"}, 400),
        ("<html>", 400),
        ("x" * 5000, 413),
    ]
    for body, status in cases:
        response = post(body)
        assert response.status == status, (body, response.status, response.text())
        assert "tekst" in response.json() and "Traceback" not in response.text()
    refused = page.request.post(url, data=json.dumps({"antwoord": ref, "oordeel": "ja"}),
                                headers={"Origin": "https://kwaad.example", "Content-Type": "application/json"})
    assert refused.status == 403
    assert post({"antwoord": ref, "reden": "te_weinig"}).status == 409     # no "nee" yet: no reason
    assert post({"antwoord": ref, "oordeel": "ja"}).status == 200
    assert post({"antwoord": ref, "oordeel": "nee"}).status == 409  # one answer per answer
    assert post({"antwoord": ref, "reden": "te_weinig"}).status == 409     # a reason only after "nee"
    assert post({"antwoord": ref, "reden": "<b>mijn naam is Jan</b>"}).status == 400
    statuses = [post({"antwoord": ref, "oordeel": "ja"}).status for _ in range(25)]  # a flood
    assert set(statuses) <= {409, 429} and 429 in statuses, statuses
    rows = [r for r in _rows(widget_stack.feedback_db) if r["onderwerp"] == "vraag_tlv" and r["oordeel"] == "ja"]
    assert all("<" not in r["oordeel"] for r in _rows(widget_stack.feedback_db))
    assert len([r for r in rows if r["antwoord_ref"] == ref.split(".")[1]]) == 1
