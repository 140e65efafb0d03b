"""What a screen-reader user gets from the widget, read from Chromium's accessibility tree (the tree a
screen reader reads; CDP Accessibility.getFullAXTree) during a whole conversation in real Chromium:

- the conversation is a polite live region (role log) with a name, not atomic and not busy;
- every bot message enters that live region once: its element is inserted once and never moved or
  re-inserted (which makes a screen reader read it again), its text is in the tree once, and no other
  live region (status, alert) repeats it;
- the dialog, buttons, quick replies, feedback, "Lees meer", the "Bron" disclosure, "Over Wegwijzer"
  and "Voorlezen" have names and the right states (expanded, pressed), icons are hidden;
- Tab goes log -> quick replies -> question box -> send, and every stop has a role and a name.

What this does not prove (docs/toegankelijkheidsverklaring.md): that a given screen reader (NVDA, JAWS,
VoiceOver, TalkBack) speaks it this way - live-region timing and verbosity differ per reader and were
not heard."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import ask, bot_messages, open_by_keyboard, question_box

pytestmark = pytest.mark.integration

# Records what enters the live region: every element inserted into the log (anywhere in it), with a
# serial number per element, so an element inserted twice (a move) shows up as a repeat.
RECORD = """() => {
  const log = document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__log');
  const seen = new WeakMap(); let next = 0;
  window.__wwInserted = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) { if (n.textContent.trim()) window.__wwInserted.push({id: -1, cls: '#text', text: n.textContent.trim()}); continue; }
      const again = seen.has(n);
      if (!again) seen.set(n, ++next);
      window.__wwInserted.push({id: seen.get(n), again, cls: String(n.className), text: n.textContent.trim()});
    }
  }).observe(log, {childList: true, subtree: true});
}"""
# The first paragraph of every bot bubble (the rest of a long one waits behind "Lees meer").
BOT_TEXTS = """() => [...document.querySelector('#wegwijzer-widget').shadowRoot
  .querySelectorAll('.wegwijzer__log .wegwijzer__bericht--bot')]
  .map(el => el.querySelector('.wegwijzer__tekst p')).filter(Boolean).map(p => p.textContent)"""


class AXTree:
    """A snapshot of Chromium's full accessibility tree (ignored nodes left out of text and children)."""

    def __init__(self, cdp):
        self.nodes = {n["nodeId"]: n for n in cdp.send("Accessibility.getFullAXTree")["nodes"]}

    @staticmethod
    def role(node) -> str:
        return (node.get("role") or {}).get("value", "")

    @staticmethod
    def name(node) -> str:
        return str((node.get("name") or {}).get("value", "")).strip()

    @staticmethod
    def prop(node, key):
        for p in node.get("properties", []):
            if p["name"] == key:
                return p["value"].get("value")
        return None

    def find(self, role: str, name: str | None = None) -> list[dict]:
        return [n for n in self.nodes.values() if not n.get("ignored") and self.role(n) == role
                and (name is None or self.name(n) == name)]

    def one(self, role: str, name: str | None = None) -> dict:
        found = self.find(role, name)
        assert len(found) == 1, (role, name, [self.name(n) for n in self.find(role)])
        return found[0]

    def descendants(self, node) -> list[dict]:
        out, todo = [], list(node.get("childIds", []))
        while todo:
            child = self.nodes.get(todo.pop(0))
            if child is None:
                continue
            out.append(child)
            todo[0:0] = child.get("childIds", [])
        return out

    def text(self, node) -> str:
        """The text a reader gets from a subtree: its static text nodes, in order."""
        parts = [self.name(n) for n in self.descendants(node)
                 if not n.get("ignored") and self.role(n) in ("StaticText", "text")]
        return " ".join(" ".join(parts).split())

    def focused(self) -> dict | None:
        hits = [n for n in self.nodes.values() if not n.get("ignored") and self.prop(n, "focused")]
        return hits[-1] if hits else None

    def inside(self, node, ancestor) -> bool:
        return any(n["nodeId"] == node["nodeId"] for n in self.descendants(ancestor))


def _tree(page) -> AXTree:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Accessibility.enable")
    try:
        return AXTree(cdp)
    finally:
        cdp.detach()


def _key(text: str) -> str:
    """A stretch of a message that identifies it; without white space, because the reader's text
    splits at links and the DOM's text joins paragraphs without a space."""
    return "".join(text.split())[:50]


def _assert_announced_once(page, turns: list[str]) -> None:
    inserted = page.evaluate("() => window.__wwInserted")
    repeats = [i for i in inserted if i.get("again")]
    assert repeats == [], f"re-inserted into the live region (read again): {json.dumps(repeats, ensure_ascii=False)}"
    bubbles = [i for i in inserted if "wegwijzer__bericht--bot" in i["cls"]]
    texts = page.evaluate(BOT_TEXTS)
    tree = _tree(page)
    log = tree.one("log")
    log_text = "".join(tree.text(log).split())
    other_live = [n for n in tree.nodes.values() if not n.get("ignored") and tree.prop(n, "live") in ("polite", "assertive")
                  and n["nodeId"] != log["nodeId"] and not tree.inside(n, log)]
    elsewhere = "".join("".join(tree.text(n) for n in other_live).split())
    for key in sorted({_key(text) for text in texts} - {""}):
        shown = sum(1 for text in texts if _key(text) == key)  # the same answer may come twice
        # inserted into the live region as often as it is shown, each time as (part of) one bot bubble
        holders = [b for b in bubbles if key in "".join(b["text"].split())]
        assert len(holders) == shown, (key, shown, [b["text"][:60] for b in bubbles])
        # as often in the reader's text of the log, never in another live region
        assert log_text.count(key) == shown, (key, shown, log_text[:3000])
        assert key not in elsewhere, (key, elsewhere)
    assert len(bubbles) == len(texts), (len(bubbles), len(texts), turns)


def test_a_screen_reader_user_gets_a_named_live_log_each_message_once_and_named_controls(widget_stack, new_page):
    page = new_page(1280, 800)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)

    tree = _tree(page)
    dialog = tree.one("dialog", "Wegwijzer")
    assert "computerprogramma" in str((dialog.get("description") or {}).get("value", "")), dialog
    log = tree.one("log")
    assert tree.name(log) == "Gesprek met Wegwijzer", log
    assert tree.prop(log, "live") == "polite" and tree.prop(log, "busy") in (None, False), log["properties"]
    assert tree.prop(log, "atomic") in (None, False), log["properties"]
    assert tree.prop(log, "relevant") in (None, "additions text"), log["properties"]
    assert tree.prop(log, "focusable") is True, log["properties"]  # a keyboard user can scroll it
    about = tree.one("button", "Over Wegwijzer")
    assert tree.prop(about, "expanded") is True, about["properties"]
    read = tree.one("button", "Voorlezen")
    assert tree.prop(read, "pressed") == "false" or tree.prop(read, "pressed") is False, read["properties"]
    for name in ("Sluiten", "Nieuw gesprek", "Inspreken", "Verstuur"):
        tree.one("button", name)  # named once; the icons (svg, aria-hidden) add nothing
    assert tree.one("textbox", "Uw vraag")
    assert not tree.find("image") and not tree.find("graphics-document"), "an icon reaches the reader"

    page.evaluate(RECORD)
    turns = ["mijn dochter zit thuis en school doet niks", "wat is een tlv", "ik woon in Utrecht, wie kan ik bellen?",
             "wie kan ik bellen"]
    for question in turns:
        ask(page, question)
        page.wait_for_timeout(1500)  # a turn may have more bubbles after the first
    _assert_announced_once(page, turns)

    tree = _tree(page)
    # quick replies: a named group of named buttons inside the log
    groups = tree.find("group", "Kies een antwoord")
    assert len(groups) <= 1
    log = tree.one("log")
    for group in groups:
        buttons = [n for n in tree.descendants(group) if tree.role(n) == "button"]
        assert buttons and all(tree.name(b) for b in buttons), [tree.name(b) for b in buttons]
        assert tree.inside(group, log)
    # feedback: Ja / Nee in a group named by its question
    feedback = tree.find("group", "Had u hier iets aan?")
    assert feedback, "no feedback group under a factual answer"
    names = [tree.name(n) for n in tree.descendants(feedback[-1]) if tree.role(n) == "button"]
    assert names == ["Ja", "Nee"], names
    # "Lees meer": a named button with a collapsed state that opens
    more = tree.find("button", "Lees meer")
    assert more and all(tree.prop(b, "expanded") is False for b in more), [b["properties"] for b in more]
    # "Bron": a disclosure with its state
    sources = [n for n in tree.nodes.values() if tree.role(n) == "DisclosureTriangle" and not n.get("ignored")]
    assert sources and all(tree.name(s).startswith("Bron") and tree.prop(s, "expanded") is False for s in sources), \
        [(tree.name(s), s.get("properties")) for s in sources]

    # states follow the user
    page.get_by_role("button", name="Lees meer").last.click()
    page.get_by_role("button", name="Voorlezen").click()
    page.get_by_role("button", name="Over Wegwijzer").click()
    page.locator(".wegwijzer__bron summary").last.click()
    tree = _tree(page)
    assert any(tree.prop(b, "expanded") is True for b in tree.find("button", "Lees minder"))
    assert tree.prop(tree.one("button", "Over Wegwijzer"), "expanded") is False
    assert tree.find("button", "Voorlezen") == [], "hidden with 'Over Wegwijzer' closed"
    page.get_by_role("button", name="Over Wegwijzer").click()
    tree = _tree(page)
    assert tree.prop(tree.one("button", "Voorlezen"), "pressed") in ("true", True)
    sources = [n for n in tree.nodes.values() if tree.role(n) == "DisclosureTriangle" and not n.get("ignored")]
    assert any(tree.prop(s, "expanded") is True for s in sources)
    # links in answers and sources are named (a tel: link says what it calls)
    links = [n for n in tree.descendants(tree.one("log")) if tree.role(n) == "link" and not n.get("ignored")]
    print([tree.name(n) for n in links])
    assert links and all(tree.name(n) for n in links), [tree.name(n) for n in links]

    # feedback "Ja": the answer (thanks, or "not sent" when the web app's rate limit of the whole test
    # run is reached) is one status, announced once; the buttons are gone
    page.evaluate(RECORD)
    page.get_by_role("group", name="Had u hier iets aan?").last.get_by_role("button", name="Ja").click()
    status = page.locator(".wegwijzer__feedback-status").last
    expect(status).not_to_be_empty()
    said = " ".join(status.inner_text().split())
    assert said.startswith(("Bedankt voor uw reactie", "Uw reactie is niet verstuurd")), said
    tree = _tree(page)
    holders = [n for n in tree.nodes.values() if not n.get("ignored") and tree.role(n) == "status"
               and said in " ".join(tree.text(n).split())]
    assert len(holders) == 1, [tree.text(n) for n in holders]
    inserted = page.evaluate("() => window.__wwInserted")
    assert not [i for i in inserted if i.get("again")], inserted


def _focus_walk(page, start_in_log: bool = True) -> list[tuple[str, str]]:
    page.evaluate("() => document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__log').focus()")
    stops = []
    for _ in range(40):
        node = _tree(page).focused()
        stop = (AXTree.role(node), AXTree.name(node)) if node else ("", "")
        stops.append(stop)
        if stop == ("button", "Verstuur"):
            break
        page.keyboard.press("Tab")
    return stops


def test_focus_order_log_quick_replies_input_send_with_names(widget_stack, new_page):
    page = new_page(1280, 800)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    ask(page, "mijn dochter zit thuis en school doet niks")
    page.wait_for_timeout(1500)
    expect(page.locator(".wegwijzer__keuzes button").first).to_be_visible()
    stops = _focus_walk(page)
    print(stops)
    assert stops[0] == ("log", "Gesprek met Wegwijzer"), stops
    assert stops[-1] == ("button", "Verstuur"), stops
    assert all(role and name for role, name in stops), f"a focus stop without a role or name: {stops}"
    roles = [role for role, _ in stops]
    choices = [page.locator(".wegwijzer__keuzes button").nth(i).inner_text()
               for i in range(page.locator(".wegwijzer__keuzes button").count())]
    first_choice = stops.index(("button", choices[0]))
    box = stops.index(("textbox", "Uw vraag"))
    assert 0 < first_choice < box < len(stops) - 1, stops
    # after the question box only the microphone and send, nothing of the log
    assert roles[box + 1:] in (["button", "button"], ["button"]), stops
    assert bot_messages(page).count() >= 1
    question_box(page).focus()
