"""Opt-in voice in the widget: microphone only after a plain explanation, Dutch recognition and
read-aloud; and everything works in a browser without any speech support."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import ask, bot_messages, open_by_keyboard, question_box

pytestmark = pytest.mark.integration

NO_SPEECH = """
delete window.SpeechRecognition; delete window.webkitSpeechRecognition;
delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;
"""
FAKE_SPEECH = """
window.__herkenning = []; window.__gesproken = [];
window.SpeechRecognition = window.webkitSpeechRecognition = class {
  start() {
    window.__herkenning.push(this.lang);
    setTimeout(() => { this.onresult({results: [[{transcript: 'wat is een tlv'}]]}); this.onend(); }, 0);
  }
  stop() {}
};
window.speechSynthesis.speak = (u) => window.__gesproken.push({text: u.text, lang: u.lang});
"""


def test_widget_works_without_speech_support(widget_stack, new_page):
    page = new_page()
    page.add_init_script(NO_SPEECH)
    page.goto(widget_stack.base_url + "/jongeren")
    open_by_keyboard(page, "jongeren")
    expect(page.get_by_role("button", name="Inspreken")).to_have_count(0)
    expect(page.get_by_role("button", name="Voorlezen")).to_have_count(0)
    ask(page, "wat is een tlv", "jongeren")
    assert "speciaal onderwijs" in " ".join(bot_messages(page).all_inner_texts())


def test_microphone_after_consent_and_read_aloud_in_dutch(widget_stack, new_page):
    page = new_page()
    page.add_init_script(FAKE_SPEECH)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    page.get_by_role("button", name="Inspreken").click()
    explanation = page.locator(".wegwijzer__microfoon-uitleg")
    expect(explanation).to_contain_text("stuurt het geluid daarvoor soms naar de maker van de browser")
    assert page.evaluate("window.__herkenning") == []  # nothing is recorded before consent
    page.get_by_role("button", name="Nee, ik typ liever").click()
    expect(question_box(page)).to_be_focused()
    assert page.evaluate("window.__herkenning") == []

    page.get_by_role("button", name="Inspreken").click()
    page.get_by_role("button", name="Ja, inspreken").click()
    expect(question_box(page)).to_have_value("wat is een tlv")
    assert page.evaluate("window.__herkenning") == ["nl-NL"]

    read = page.get_by_role("button", name="Voorlezen")
    expect(read).to_have_attribute("aria-pressed", "false")
    read.click()
    expect(read).to_have_attribute("aria-pressed", "true")
    ask(page, "wat is een tlv")
    spoken = page.evaluate("window.__gesproken")
    assert spoken and all(item["lang"] == "nl-NL" for item in spoken)
    assert any("toelaatbaarheidsverklaring" in item["text"] for item in spoken)
    assert not any("http" in item["text"] for item in spoken)
