"""Sources as data for the widget (bot.turn.reply_sources) and how the widget channel sends a reply with
them (bot.channels.widget_output): text without the plain source line, links and dates on the last
paragraph, buttons there too; anything odd goes Rasa's normal way."""
import asyncio
from datetime import date

from bot.channels.widget_output import WidgetSocketIOOutput, clean_sources, widget_messages
from bot.content.loader import Answer, Source
from bot.turn.replies import Reply, render_answer
from bot.turn.reply_sources import KEY, reply_sources, sources_payload

ANSWER = Answer(id="vraag_x", soort="feit", knop="X", gecontroleerd=date(2026, 11, 24),
                bronnen=(Source("Bron A", "https://a.example/pagina", "2019"),
                         Source("Bron B", "https://b.example", "onbekend"),
                         Source("Kwaad", "javascript:alert(1)", "")),
                tekst={"ouder": "Eerste deel.\n\nTweede deel.", "jongere": "Je.", "spraak": "Spraak."},
                vervolg=())
TALK = Answer(id="praat", soort="gesprek", knop="P", gecontroleerd=date(2026, 11, 24), bronnen=(),
              tekst={"ouder": "Hallo.", "jongere": "Hoi.", "spraak": "Hallo."}, vervolg=())


class Library:
    def get(self, answer_id):
        return {"vraag_x": ANSWER, "praat": TALK}.get(answer_id)


def test_payload_has_links_dates_and_the_plain_line():
    payload = sources_payload(ANSWER)
    assert payload["regel"] == ("Bron: Bron A, pagina van 2019; Bron B, pagina zonder datum. "
                                "Gecontroleerd op 24 november 2026.")
    assert payload["bronnen"] == [{"naam": "Bron A", "url": "https://a.example/pagina", "datum": "pagina van 2019"},
                                  {"naam": "Bron B", "url": "https://b.example", "datum": "pagina zonder datum"}]
    assert payload["gecontroleerd"] == "Gecontroleerd op 24 november 2026."
    assert sources_payload(TALK) is None


def test_reply_sources_only_when_the_text_ends_with_its_line():
    reply = render_answer(ANSWER, "ouder", lambda _: None)
    assert reply_sources(reply, Library())[KEY]["bronnen"][0]["naam"] == "Bron A"
    assert reply_sources(render_answer(ANSWER, "spraak", lambda _: None), Library()) is None  # voice: no line
    assert reply_sources(Reply(text="Iets anders.", answer_id="vraag_x"), Library()) is None
    assert reply_sources(Reply(text="Regio.", answer_id="regio:vraag_x"), Library()) is None
    assert reply_sources(render_answer(TALK, "ouder", lambda _: None), Library()) is None


def _message():
    reply = render_answer(ANSWER, "ouder", lambda _: None)
    return {"text": reply.text, "buttons": [{"title": "Y", "payload": "/vraag_y"}],
            "custom": reply_sources(reply, Library())}


def test_widget_gets_paragraphs_without_the_line_and_sources_on_the_last():
    events = widget_messages(_message())
    assert [e["text"] for e in events] == ["Eerste deel.", "Tweede deel."]
    assert "quick_replies" not in events[0] and "bronnen" not in events[0]
    assert events[-1]["quick_replies"] == [{"content_type": "text", "title": "Y", "payload": "/vraag_y"}]
    assert [s["url"] for s in events[-1]["bronnen"]] == ["https://a.example/pagina", "https://b.example"]
    assert events[-1]["gecontroleerd"] == "Gecontroleerd op 24 november 2026."
    assert not any("Bron:" in e["text"] for e in events)


def test_odd_payloads_go_rasas_way():
    assert widget_messages({"text": "Hallo."}) is None
    message = _message()
    message["text"] = "Tekst zonder bronregel."
    assert widget_messages(message) is None
    message = _message()
    message["custom"] = {KEY: {"regel": message["custom"][KEY]["regel"],
                               "bronnen": [{"naam": "X", "url": "javascript:alert(1)"}]}}
    assert widget_messages(message) is None
    assert clean_sources({"bronnen": [{"naam": "X", "url": "https://x.example/a b"}, "rommel", {"naam": "",
                                                                                             "url": "https://y"}]}) is None
    assert clean_sources("rommel") is None


class FakeSio:
    def __init__(self):
        self.sent = []

    async def emit(self, event, data=None, room=None, **_):
        self.sent.append((event, data, room))


def test_output_channel_emits_the_widget_events():
    sio = FakeSio()
    asyncio.run(WidgetSocketIOOutput(sio, "bot_uttered").send_response("kamer", _message()))
    assert [data["text"] for _, data, _ in sio.sent] == ["Eerste deel.", "Tweede deel."]
    assert all(event == "bot_uttered" and room == "kamer" for event, _, room in sio.sent)
    assert sio.sent[-1][1]["bronnen"][0]["naam"] == "Bron A"
    sio = FakeSio()
    asyncio.run(WidgetSocketIOOutput(sio, "bot_uttered").send_response("kamer", {"text": "A\n\nB"}))
    assert [data for _, data, _ in sio.sent] == [{"text": "A"}, {"text": "B"}]  # Rasa's own way


def test_the_safety_messages_are_shown_whole():
    for safety_id in ("veiligheid", "veiligheid_zekerheid"):
        answer = Answer(id=safety_id, soort="feit", knop="Hulp bij gevaar", gecontroleerd=date(2026, 12, 6),
                        bronnen=(Source("Bron A", "https://a.example/pagina", "2019"),),
                        tekst={"ouder": "Bel 112.\nBel 113.", "jongere": "Bel 112.", "spraak": "Bel 112."}, vervolg=())
        reply = render_answer(answer, "ouder", lambda _: None)

        class Safety:
            def get(self, answer_id):
                return answer if answer_id == safety_id else None

        events = widget_messages({"text": reply.text, "custom": reply_sources(reply, Safety())})
        assert events and all(event.get("heel") is True for event in events)
    assert not any("heel" in event for event in widget_messages(_message()))
