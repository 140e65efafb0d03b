"""The widget's header (title, "Over Wegwijzer", close) stays in view while the conversation scrolls:
at 1280x800 with "Over Wegwijzer" open and a long answer, at 320 px wide and at 200 % zoom (issue 19).
The panel itself never scrolls; only the conversation (and a long "Over Wegwijzer" text) does."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import ask, open_by_keyboard, question_box

pytestmark = pytest.mark.integration

HEADER = """() => {
  const root = document.querySelector('#wegwijzer-widget').shadowRoot;
  const panel = root.querySelector('.wegwijzer__paneel'), kop = root.querySelector('.wegwijzer__kop');
  const title = root.querySelector('#wegwijzer-titel'), close = root.querySelector('[data-actie="sluiten"]');
  const log = root.querySelector('.wegwijzer__log'), input = root.querySelector('#wegwijzer-vraag');
  const p = panel.getBoundingClientRect(), k = kop.getBoundingClientRect();
  // what is really drawn at the centre of the title and of the close button
  const hit = (el) => { const r = el.getBoundingClientRect();
    const at = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return Boolean(at) && (at === el || el.contains(at)); };
  const i = input.getBoundingClientRect(), l = log.getBoundingClientRect();
  return {panelScrollTop: panel.scrollTop, panelTop: p.top, panelBottom: p.bottom, kopTop: k.top, kopBottom: k.bottom,
          titleShown: hit(title), closeShown: hit(close), inputShown: i.top >= p.top && i.bottom <= p.bottom + 0.5,
          logTop: l.top, logHeight: l.height, logScrolls: log.scrollHeight > log.clientHeight,
          viewport: [innerWidth, innerHeight], overScrollTop: root.querySelector('#wegwijzer-over').scrollTop,
          focus: root.activeElement ? root.activeElement.outerHTML.slice(0, 60) : null};
}"""
SIZES = [(1280, 800), (320, 640), (640, 400), (320, 256)]


def _assert_header_in_view(page, when: str) -> dict:
    state = page.evaluate(HEADER)
    print(when, json.dumps(state))
    assert state["titleShown"] and state["closeShown"], (when, state)
    assert state["kopTop"] >= state["panelTop"] - 0.5 and state["kopTop"] >= -0.5, (when, state)
    assert state["panelScrollTop"] == 0, (when, state)
    assert state["inputShown"], (when, state)
    assert state["logTop"] >= state["kopBottom"] - 0.5, (when, state)
    return state


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_header_stays_in_view_with_about_open_and_a_long_answer(widget_stack, new_page, screenshots_dir,
                                                                width, height):
    page = new_page(width, height)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    about = page.get_by_role("button", name="Over Wegwijzer")
    if about.get_attribute("aria-expanded") != "true":
        about.click()
    expect(about).to_have_attribute("aria-expanded", "true")
    _assert_header_in_view(page, "open")
    ask(page, "mijn zoon zit al 6 weken thuis, wat kan ik doen?")
    ask(page, "ik woon in Utrecht, wie kan ik bellen?")
    _assert_header_in_view(page, "after a long answer")
    # Reading on: the conversation scrolls, the header does not.
    log = page.locator(".wegwijzer__log")
    log.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    log.hover()
    page.mouse.wheel(0, 2000)
    _assert_header_in_view(page, "log scrolled to the end")
    # Keyboard: Tab through the links of the answer and back to the question box.
    question_box(page).focus()
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        _assert_header_in_view(page, "shift-tab in the log")
    question_box(page).focus()
    state = _assert_header_in_view(page, "back in the question box")
    assert state["logScrolls"], state  # the answer really was longer than the log
    page.screenshot(path=str(screenshots_dir / f"widget-kop-{width}x{height}.png"))
