"""Reading the conversation in real Chromium (issue 19, items 1-4), at 1280x800, 320x640, 640x400
(1280x800 at 200 % zoom) and 320x256 (400 %): a new answer shows its first line at the top of the
log; numbers, e-mail and web addresses in answers are links, the sources a small "Bron" disclosure;
the header is one line on a small screen with the disclaimer under "Over Wegwijzer"; the log keeps at
least 40 % of the screen; tab order, focus ring, pressed state, fonts; the launcher covers nothing;
axe-core finds nothing (WCAG 2.2 A and AA). Screenshots go to reports/screenshots/."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import ask, bot_messages, launcher, open_by_keyboard, question_box
from tests.support.axe import assert_axe_clean

pytestmark = pytest.mark.integration

SIZES = [(1280, 800), (320, 640), (640, 400), (320, 256)]
COMPACT = {(320, 640), (640, 400), (320, 256)}
# Geometry of the open widget: the log, the first bubble of the latest turn, the header's parts.
LAYOUT = """() => {
  const root = document.querySelector('#wegwijzer-widget').shadowRoot;
  const rect = (el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left,
                                                                      right: r.right, height: r.height}; };
  const log = root.querySelector('.wegwijzer__log');
  const bubbles = [...log.querySelectorAll('.wegwijzer__bericht--bot, .wegwijzer__bericht--gebruiker')];
  let start = null;
  for (let i = bubbles.length - 1; i >= 0 && !bubbles[i].classList.contains('wegwijzer__bericht--gebruiker'); i--) {
    start = bubbles[i];
  }
  const firstLine = start.querySelector('.wegwijzer__tekst p');
  const range = document.createRange();
  range.selectNodeContents(firstLine);
  const line = range.getClientRects()[0];
  const kop = root.querySelector('.wegwijzer__kop');
  return {viewport: {width: innerWidth, height: innerHeight}, log: rect(log), logPadding: parseFloat(getComputedStyle(log).paddingTop),
          firstLine: {top: line.top, bottom: line.bottom}, startText: start.innerText.slice(0, 80),
          header: [...kop.children].map(rect), headerHeight: kop.getBoundingClientRect().height,
          titleFits: root.querySelector('#wegwijzer-titel').scrollWidth <= root.querySelector('#wegwijzer-titel').clientWidth + 1,
          about: root.querySelector('[data-actie="over"]').getAttribute('aria-expanded'),
          disclaimerShown: !root.querySelector('#wegwijzer-over').hidden,
          lastChild: log.lastElementChild.className,
          atEnd: log.scrollTop + log.clientHeight >= log.scrollHeight - 2};
}"""
TURN_LINKS = """() => {
  const root = document.querySelector('#wegwijzer-widget').shadowRoot;
  const links = [...root.querySelectorAll('.wegwijzer__log .wegwijzer__bericht--bot a')];
  return links.map(a => ({href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel'),
                          label: a.getAttribute('aria-label'), text: a.textContent}));
}"""


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_long_answer_reads_from_its_first_line_with_links(widget_stack, new_page, screenshots_dir, width, height):
    page = new_page(width, height, bypass_csp=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "mijn zoon zit al 6 weken thuis, wat kan ik doen?")
    ask(page, "ik woon in Utrecht, wie kan ik bellen?")  # the contacts of Utrecht: long, with numbers and sites
    expect(page.locator(".wegwijzer__log a[href^='tel:']").first).to_be_attached()
    layout = page.evaluate(LAYOUT)
    print(json.dumps(layout, ensure_ascii=False))
    log, line = layout["log"], layout["firstLine"]
    # The first line of the new answer is at the top of the log, not scrolled past.
    assert log["top"] - 1 <= line["top"] and line["bottom"] <= log["bottom"], layout
    # At the top, unless the rest of the answer is shorter than the log (it cannot scroll further).
    at_top = line["top"] - (log["top"] + layout["logPadding"]) < 24
    assert at_top or layout["atEnd"], f"first line not at the top: {layout}"
    if (width, height) != (1280, 800):
        assert at_top, f"a long answer on a small screen starts at the top of the log: {layout}"
    # The log keeps at least 40 % of the screen, all of it on the screen.
    assert log["height"] >= 0.4 * height, layout
    assert log["top"] >= -0.5 and log["bottom"] <= height + 0.5, layout
    # Tappable: a phone number and a web address in this answer are links.
    links = page.evaluate(TURN_LINKS)
    tel = [a for a in links if a["href"].startswith("tel:")]
    web = [a for a in links if a["href"].startswith("https://")]
    assert tel and web, links
    assert all(a["label"] and a["text"] in a["label"] for a in tel), tel
    assert all(a["target"] == "_blank" and a["rel"] == "noopener noreferrer" for a in web), web
    assert all(a["href"].split(":", 1)[0] in ("tel", "mailto", "https", "http") for a in links), links
    # Room to read: one header line and the disclaimer folded away on a small screen or at high zoom.
    one_line = max(r["top"] for r in layout["header"]) < min(r["bottom"] for r in layout["header"])
    assert layout["titleFits"], layout  # the title is not squeezed under the buttons
    if (width, height) in COMPACT:
        assert one_line and layout["headerHeight"] < 64, layout
        assert layout["about"] == "false" and not layout["disclaimerShown"], layout
    else:
        assert layout["about"] == "true" and layout["disclaimerShown"], layout
    assert "keuzes" in layout["lastChild"] or "bericht--bot" in layout["lastChild"], layout
    path = screenshots_dir / f"widget-{width}x{height}.png"
    page.screenshot(path=str(path))
    print(f"schermafbeelding: {path}")
    assert_axe_clean(page)


def test_about_disclosure_holds_the_disclaimer_and_options_on_a_small_screen(widget_stack, new_page):
    page = new_page(320, 256)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    about = page.get_by_role("button", name="Over Wegwijzer")
    expect(about).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_text("Noem geen namen en geen BSN")).to_be_hidden()
    about.click()
    expect(about).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("Noem geen namen en geen BSN")).to_be_visible()
    new = page.get_by_role("button", name="Nieuw gesprek")
    new.scroll_into_view_if_needed()
    expect(new).to_be_in_viewport()
    # the privacy page of the web app that serves the widget (issue 22), opening in a new tab
    privacy = page.get_by_role("link", name="Privacy: wat bewaren wij?")
    expect(privacy).to_have_attribute("href", widget_stack.base_url + "/privacy")
    expect(privacy).to_have_attribute("rel", "noopener noreferrer")
    response = page.request.get(widget_stack.base_url + "/privacy")
    assert response.status == 200 and "Privacy bij Wegwijzer" in response.text()


def test_sources_intro_and_buttons_after_the_last_bubble(widget_stack, new_page, screenshots_dir):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "wat is een tlv")
    texts = page.locator(".wegwijzer__bericht--bot .wegwijzer__tekst").all_inner_texts()
    intro = [t for t in texts if "computerprogramma" in t]
    assert len(intro) == 1 and "\n" not in intro[0].strip() and "Bron" not in intro[0], texts
    assert not any(t.strip().startswith("Bron:") for t in texts), texts  # no plain source bubble in the widget
    sources = page.locator(".wegwijzer__bron")
    expect(sources).to_have_count(1)
    summary = sources.locator("summary")
    expect(summary).to_contain_text("Bron")
    expect(sources.locator("a").first).to_be_hidden()  # closed until asked
    summary.click()
    first = sources.locator("a").first
    expect(first).to_be_visible()
    assert first.get_attribute("href").startswith("https://www.onderwijsgeschillen.nl/")
    assert first.get_attribute("target") == "_blank" and first.get_attribute("rel") == "noopener noreferrer"
    expect(sources).to_contain_text("pagina zonder datum")
    expect(sources).to_contain_text("Gecontroleerd op")
    page.screenshot(path=str(screenshots_dir / "widget-bron-1280x800.png"))
    # The quick replies come after the last bubble of the turn, also when a turn has several bubbles.
    several = False
    for question in ("wat is een tlv", "mijn dochter zit thuis en school doet niks", "wie kan ik bellen"):
        before = bot_messages(page).count()
        ask(page, question)
        several |= bot_messages(page).count() - before > 1
        order = page.evaluate("""() => [...document.querySelector('#wegwijzer-widget').shadowRoot
            .querySelector('.wegwijzer__log').children].map(el => el.className)""")
        groups = [i for i, c in enumerate(order) if "keuzes" in c]
        assert len(groups) <= 1 and (not groups or groups[0] == len(order) - 1), order
    assert several, "no turn with more than one bubble: the order of buttons was not tested"


FOCUSED = """() => {
  const host = document.querySelector('#wegwijzer-widget');
  if (document.activeElement !== host) return 'buiten';
  const el = host.shadowRoot.activeElement;
  if (!el) return 'niets';
  if (el.classList.contains('wegwijzer__log')) return 'log';
  if (el.closest('.wegwijzer__keuzes')) return 'keuze';
  if (el.closest('.wegwijzer__log')) return 'in-log';
  if (el.id === 'wegwijzer-vraag') return 'invoer';
  if (el.classList.contains('wegwijzer__verstuur')) return 'verstuur';
  return el.textContent.trim();
}"""
RING = """() => {
  const root = document.querySelector('#wegwijzer-widget').shadowRoot;
  const log = root.querySelector('.wegwijzer__log'), panel = root.querySelector('.wegwijzer__paneel');
  const style = getComputedStyle(log), l = log.getBoundingClientRect(), p = panel.getBoundingClientRect();
  const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          fits: l.left - out >= p.left + 1 - 0.5 && l.right + out <= p.right - 1 + 0.5};
}"""


def test_keyboard_order_focus_ring_pressed_state_font_and_send_button(widget_stack, new_page):
    page = new_page()
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "wat is een tlv")
    page.evaluate("() => document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__log').focus()")
    seen = [page.evaluate(FOCUSED)]
    for _ in range(25):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if seen[-1] in ("verstuur", "buiten"):
            break
    order = [s for i, s in enumerate(seen) if i == 0 or s != seen[i - 1]]
    print(order)
    assert order[0] == "log" and order[-1] == "verstuur", order
    assert "keuze" in order and order.index("keuze") < order.index("invoer") < order.index("verstuur"), order
    assert "buiten" not in order

    page.evaluate("() => document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__log').blur()")
    question_box(page).focus()
    page.keyboard.press("Shift+Tab")
    while page.evaluate(FOCUSED) != "log":
        page.keyboard.press("Shift+Tab")
    ring = page.evaluate(RING)
    assert ring["style"] != "none" and ring["width"] >= 2 and ring["fits"], ring

    read = page.get_by_role("button", name="Voorlezen")
    off = read.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]")
    read.click()
    expect(read).to_have_attribute("aria-pressed", "true")
    on = read.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]")
    assert on[0] != off[0] and on[1] != off[1], (off, on)

    # The title is drawn in a sans-serif font that exists, not a serif fallback.
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})
    handle = cdp.send("Runtime.evaluate", {"expression":
                      "document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('#wegwijzer-titel')"})
    node = cdp.send("DOM.requestNode", {"objectId": handle["result"]["objectId"]})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    assert fonts and not any("serif" in f["familyName"].lower() and "sans" not in f["familyName"].lower()
                             for f in fonts), fonts

    # "Verstuur" on one line, next to the question box.
    for width, height in ((1280, 800), (320, 640), (320, 256)):
        page.set_viewport_size({"width": width, "height": height})
        lines = page.evaluate("""() => {
          const root = document.querySelector('#wegwijzer-widget').shadowRoot;
          const b = root.querySelector('.wegwijzer__verstuur'), box = root.querySelector('#wegwijzer-vraag');
          const range = document.createRange(); range.selectNodeContents(b);
          const rows = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
          return {rows: rows.size, sameRow: Math.abs(b.getBoundingClientRect().top - box.getBoundingClientRect().top) < 12};
        }""")
        assert lines == {"rows": 1, "sameRow": True}, (width, height, lines)


@pytest.mark.parametrize("width,height", [(1280, 800), (320, 640)])
def test_launcher_never_covers_the_footer(widget_stack, new_page, width, height):
    page = new_page(width, height)
    page.goto(widget_stack.base_url + "/jongeren")
    expect(launcher(page, "jongeren")).to_be_visible()
    page.wait_for_function("() => document.body.style.paddingBottom !== ''")
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    overlap = page.evaluate("""() => {
      const b = document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__launcher')
        .getBoundingClientRect();
      const range = document.createRange(); range.selectNodeContents(document.querySelector('.voet p'));
      return [...range.getClientRects()].some(r => r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top);
    }""")
    assert overlap is False


def test_addresses_in_user_text_are_never_links(widget_stack, new_page):
    page = new_page(bypass_csp=True)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    text = "zie https://kwaad.example/x en www.kwaad.nl, bel 0800-5010 of mail a@b.nl javascript:alert(1)"
    ask(page, text)
    user = page.locator(".wegwijzer__bericht--gebruiker").last
    expect(user).to_contain_text(text)
    assert user.locator("a").count() == 0
