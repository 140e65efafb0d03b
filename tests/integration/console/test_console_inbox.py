"""The help-request inbox over real HTTP against the real console process (issue 20 items 1-3): search
(audited, masked), filters in words, bad filter values, sort by deadline, overdue in words, bulk actions
checked per request, the CSV export (escaped, masked, audited), the request page with its history and
conversation link, the readable export, and labels in words."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from sqlalchemy import update

from bot.clock import today
from bot.console.conversations import key_of
from bot.hulpvraag.db import make_engine
from bot.hulpvraag.schema import hulpverzoek
from console_data import add_request

FORMULA = '=HYPERLINK("http://kwaad.example","klik")'


def _at(engine, request_id: int, when: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(update(hulpverzoek).where(hulpverzoek.c.id == request_id).values(aangemaakt_op=when,
                                                                                       bijgewerkt_op=when))


def _setup(console):
    if "oud" in console.ids:
        return console.ids
    engine = make_engine(f"sqlite:///{console.db_path}")
    noon = datetime.combine(today(), datetime.min.time()) + timedelta(hours=11)
    ids = {
        "oud": add_request(engine, "WW-OUD-1", "GM0479", hulpvraag="Al maanden thuis, graag snel contact"),
        "vers": add_request(engine, "WW-VERS-1", "GM0479", hulpvraag=FORMULA, telefoon="+31612345678"),
        "utrecht": add_request(engine, "WW-UTR-1", "GM0344", hulpvraag="Zoon zit thuis in Utrecht"),
        "gesprek": add_request(engine, "WW-GESPREK-1", "GM0479", hulpvraag="Uit gesprek zaan-2", gesprek_id="zaan-2"),
    }
    _at(engine, ids["oud"], noon - timedelta(days=30))
    _at(engine, ids["vers"], noon)
    _at(engine, ids["utrecht"], noon - timedelta(days=1))
    engine.dispose()
    console.ids.update(ids)
    return console.ids


def _audit(console) -> str:
    return console.client("admin").get(console.url + "/beheer/audit").text


def test_search_by_reference_gemeente_name_and_text_is_audited_masked(console):
    _setup(console)
    s = console.client("admin")
    page = s.get(console.url + "/hulpvragen", params={"zoek": "ww-oud"}).text
    assert "WW-OUD-1" in page and "WW-VERS-1" not in page and "1 hulpvraag gevonden" in page
    page = s.get(console.url + "/hulpvragen", params={"zoek": "utrecht"}).text
    assert "WW-UTR-1" in page and "WW-OUD-1" not in page
    page = s.get(console.url + "/hulpvragen", params={"zoek": "maanden thuis"}).text
    assert "WW-OUD-1" in page and "WW-UTR-1" not in page
    # a phone number is searched but never written to the audit log
    s.get(console.url + "/hulpvragen", params={"zoek": "0612345678"})
    log = console.client("admin").get(console.url + "/beheer/audit", params={"actie": "gezocht"}).text
    assert "zoekterm &#39;[telefoonnummer]&#39; in originele tekst: 1 hulpvragen" in log and "0612345678" not in log
    assert "zoekterm &#39;ww-oud&#39; in originele tekst: 1 hulpvragen" in log


def test_sql_and_markup_in_search_and_unknown_filters_give_dutch_messages(console):
    _setup(console)
    s = console.client("zaan")
    for query in ("' OR 1=1 --", "<script>alert(1)</script>", "%", "_", "\\", "'; DROP TABLE hulpverzoek; --"):
        r = s.get(console.url + "/hulpvragen", params={"zoek": query})
        assert r.status_code == 200 and "Traceback" not in r.text and "<script>alert" not in r.text, query
        assert "0 hulpvragen gevonden" in r.text, query
    for params, message in (({"status": "vraag_tlv"}, "Onbekende status"), ({"gemeente": "GM0344x"}, "Onbekende gemeente"),
                            ({"toegewezen": "99999"}, "Onbekende collega"), ({"sorteer": "id; drop"}, "Onbekende volgorde"),
                            ({"status": "<b>x</b>"}, "Onbekende status")):
        r = s.get(console.url + "/hulpvragen", params=params)
        assert r.status_code == 400 and message in r.text and "<b>x</b>" not in r.text, params
    r = s.get(console.url + "/api/hulpvragen", params={"status": "vraag_tlv"})
    assert r.status_code == 400 and "Onbekende status" in r.json()["fout"]


def test_filters_in_words_overdue_and_sort_by_deadline(console):
    ids = _setup(console)
    s = console.client("admin")
    page = s.get(console.url + "/hulpvragen", params={"gemeente": "Utrecht"}).text
    assert "WW-UTR-1" in page and "WW-OUD-1" not in page
    assert ">Utrecht</option>" in page and ">Zaanstad</option>" in page          # choices by name
    page = s.get(console.url + "/hulpvragen", params={"status": "nieuw", "te_laat": "1"}).text
    assert "WW-OUD-1" in page and "WW-VERS-1" not in page and "Let op: te laat" in page
    page = s.get(console.url + "/hulpvragen", params={"sorteer": "uiterlijk", "gemeente": "GM0479"}).text
    assert page.index("WW-OUD-1") < page.index("WW-VERS-1")
    page = s.get(console.url + "/hulpvragen", params={"sorteer": "nieuwste", "gemeente": "GM0479"}).text
    assert page.index("WW-VERS-1") < page.index("WW-OUD-1")
    api = s.get(console.url + "/api/hulpvragen", params={"te_laat": "1"}).json()
    assert {h["referentie"] for h in api["hulpvragen"]} >= {"WW-OUD-1"} and all(h["te_laat"] for h in api["hulpvragen"])
    # a worker of Groningen never sees Zaanstad's requests, not even through search or filters
    gron = console.client("gron")
    assert "WW-OUD-1" not in gron.get(console.url + "/hulpvragen", params={"zoek": "WW-OUD"}).text
    assert ids["oud"]


def test_bulk_status_and_assign_are_checked_per_request_and_audited(console):
    ids = _setup(console)
    s = console.client("zaan")
    token = console.csrf(s, "/hulpvragen")
    r = s.post(console.url + "/hulpvragen", data=[("csrf", token), ("actie", "status"), ("status", "in_behandeling"),
                                                  ("id", str(ids["oud"])), ("id", str(ids["vers"])),
                                                  ("id", str(ids["utrecht"])), ("terug", "gemeente=GM0479&evil=1")])
    assert r.status_code == 200 and "2 hulpvragen: status gewijzigd" in r.text
    assert f"#{ids['utrecht']}: niet gevonden" in r.text      # Utrecht is outside zaan's regions
    assert "evil" not in r.url and "gemeente=GM0479" in r.url
    # a second time: "in behandeling" → "in behandeling" is no step of the workflow
    r = s.post(console.url + "/hulpvragen", data=[("csrf", token), ("actie", "status"), ("status", "in_behandeling"),
                                                  ("id", str(ids["oud"]))])
    assert "0 hulpvragen" in r.text and "WW-OUD-1: Van &#39;in behandeling&#39; kan een hulpvraag niet" in r.text
    accounts = console.ids["accounts"]
    r = s.post(console.url + "/hulpvragen", data=[("csrf", token), ("actie", "toewijzen"),
                                                  ("account", str(accounts["gron"])), ("id", str(ids["oud"]))])
    assert "Deze collega kan hulpvragen van deze regio niet behandelen" in r.text
    r = s.post(console.url + "/hulpvragen", data=[("csrf", token), ("actie", "toewijzen"),
                                                  ("account", str(accounts["zaan2"])), ("id", str(ids["oud"])),
                                                  ("id", str(ids["vers"]))])
    assert "2 hulpvragen: toewijzing opgeslagen" in r.text
    page = s.get(console.url + "/hulpvragen", params={"toegewezen": str(accounts["zaan2"])}).text
    assert "WW-OUD-1" in page and "WW-VERS-1" in page
    r = s.post(console.url + "/hulpvragen", data={"csrf": token, "actie": "status", "status": "afgerond"})
    assert "Kies eerst een of meer hulpvragen" in r.text
    # each request has its own audit entry, and its history shows who changed what, in words
    detail = s.get(f"{console.url}/hulpvragen/{ids['oud']}").text
    assert "Statusgeschiedenis" in detail and "zaan: van ‘nieuw’ naar ‘in behandeling’" in detail
    assert "binnengekomen als ‘nieuw’" in detail
    log = _audit(console)
    assert log.count("WW-OUD-1") >= 2 and log.count("WW-VERS-1") >= 2
    api = s.get(f"{console.url}/api/hulpvragen/{ids['oud']}").json()
    assert [(c["wie"], c["van"], c["naar"]) for c in api["geschiedenis"]][-1] == ("zaan", "nieuw", "in_behandeling")
    assert api["te_laat"] is True and api["reactie_uiterlijk"] and "gesprek_id" not in api


def test_csv_export_escapes_formulas_masks_and_is_audited(console):
    ids = _setup(console)
    s = console.client("zaan")
    token = console.csrf(s, "/hulpvragen")
    r = s.post(console.url + "/hulpvragen/csv", data={"csrf": token, "gemeente": "GM0479", "zoek": "WW-VERS"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["Referentie"] for row in rows] == ["WW-VERS-1"]
    row = rows[0]
    assert row["Hulpvraag"].startswith("'=") and row["Telefoon"] == "[verborgen]" and row["Gemeente"] == "Zaanstad"
    assert "+31612345678" not in r.text and row["Reactie uiterlijk"] and row["Status"]
    raw = s.post(console.url + "/hulpvragen/csv", data={"csrf": token, "zoek": "WW-VERS", "onbewerkt": "1"})
    raw_row = list(csv.DictReader(io.StringIO(raw.content.decode("utf-8-sig")), delimiter=";"))[0]
    assert raw_row["Telefoon"] == "'+31612345678" and raw_row["Hulpvraag"] == "'" + FORMULA
    bad = s.post(console.url + "/hulpvragen/csv", data={"csrf": token, "status": "kapot"})
    assert bad.status_code == 400 and "Onbekende status" in bad.text
    log = _audit(console)
    assert "csv, 1 hulpvragen, afgeschermd" in log and "csv, 1 hulpvragen, onbewerkt" in log
    assert console.client("redactie").post(console.url + "/hulpvragen/csv",
                                           data={"csrf": console.csrf(console.client("redactie"))}).status_code in (403,)
    assert ids


def test_request_page_links_conversation_and_readable_export(console):
    ids = _setup(console)
    s = console.client("zaan")
    detail = s.get(f"{console.url}/hulpvragen/{ids['oud']}").text
    assert f'href="/gesprekken/{key_of("gesprek-WW-OUD-1")}"' in detail
    assert "Reactie uiterlijk" in detail and "let op: te laat" in detail and "binnen 5 werkdagen" in detail
    token = console.csrf(s, f"/hulpvragen/{ids['oud']}")
    s.post(f"{console.url}/hulpvragen/{ids['oud']}/notities", data={"csrf": token, "tekst": "Gebeld: 0687654321"})
    text = s.post(f"{console.url}/hulpvragen/{ids['oud']}/export", data={"csrf": token, "formaat": "tekst"}).text
    assert text.startswith("Hulpvraag WW-OUD-1")
    for label in ("Status:", "Binnengekomen:", "Reactie uiterlijk:", "Gemeente:", "Zaanstad", "Aanvrager:",
                  "ouder of verzorger", "Statusgeschiedenis"):
        assert label in text, label
    assert "aangemaakt_op" not in text and "gemeente_code" not in text and "0612345678" not in text
    assert "Notities" in text and "zaan: Gebeld: [telefoonnummer]" in text and "0687654321" not in text
    raw = s.post(f"{console.url}/hulpvragen/{ids['oud']}/export", data={"csrf": token, "formaat": "tekst",
                                                                     "onbewerkt": "1"}).text
    assert "0687654321" in raw and "0612345678" in raw


def test_transcript_and_insight_speak_in_words(console):
    s = console.client("admin")
    page = s.get(f"{console.url}/gesprekken/{key_of('zaan-1')}").text
    assert "Klikte op de knop: <strong>Een mens spreken</strong>" in page and "onderwerp: mens_spreken" not in page
    page = s.get(f"{console.url}/gesprekken/{key_of('anoniem-1')}").text
    assert "Ik ben Wegwijzer" in page and "Ik ben [naam]" not in page
    page = s.get(f"{console.url}/gesprekken/{key_of('zaan-2')}").text
    assert "onderwerp: niet begrepen (20% zeker)" in page and "nlu_fallback" not in page


def test_conversation_filters_take_names_and_refuse_unknown_values(console):
    s = console.client("admin")
    by_name = s.get(console.url + "/api/gesprekken", params={"regio": "zaanstad"}).json()
    by_code = s.get(console.url + "/api/gesprekken", params={"regio": "GM0479"}).json()
    assert by_name == by_code and by_name["totaal"] >= 2
    page = s.get(console.url + "/gesprekken", params={"regio": "Zaanstad"}).text
    assert 'value="Zaanstad"' in page and "<datalist" in page
    by_topic = s.get(console.url + "/api/gesprekken", params={"intent": "TLV (speciaal onderwijs)"})
    assert by_topic.status_code == 200
    assert ">TLV (speciaal onderwijs)</option>" in page
    for params, message in (({"regio": "Atlantis"}, "Onbekende gemeente of regio"),
                            ({"regio": "GM9999"}, "Onbekende gemeente of regio"),
                            ({"intent": "<script>x</script>"}, "Onbekend onderwerp"),
                            ({"intent": "' OR 1=1 --"}, "Onbekend onderwerp")):
        r = s.get(console.url + "/gesprekken", params=params)
        assert r.status_code == 400 and message in r.text and "<script>x" not in r.text, params
        assert s.get(console.url + "/api/gesprekken", params=params).status_code == 400
    zaan = console.client("zaan")
    page = zaan.get(console.url + "/gesprekken").text
    assert '<option value="Zaanstad">' in page and '<option value="Groningen">' not in page


def test_conversation_links_to_its_help_request_for_those_who_may_read_it(console):
    ids = _setup(console)
    link = f'href="/hulpvragen/{ids["gesprek"]}"'
    assert link in console.client("zaan").get(f"{console.url}/gesprekken/{key_of('zaan-2')}").text
    editor = console.client("redactie").get(f"{console.url}/gesprekken/{key_of('zaan-2')}")
    assert editor.status_code == 200 and link not in editor.text and "WW-GESPREK-1" not in editor.text
    assert link not in console.client("zaan").get(f"{console.url}/gesprekken/{key_of('zaan-1')}").text


def test_a_form_answer_clicked_as_a_button_is_shown_as_the_button(console):
    """The form offers its choices and then sends one more message; the click is the payload, which the NLU
    calls nlu_fallback (25%). The console shows the button's text, not the guess."""
    import asyncio

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    t = 1_700_000_000.0
    events = [ActionExecuted("action_session_start", timestamp=t), SessionStarted(timestamp=t),
              ActionExecuted("action_listen", timestamp=t),
              UserUttered("hallo", intent={"name": "groet", "confidence": 0.99},
                          parse_data={"intent": {"name": "groet", "confidence": 0.99}, "entities": [], "text": "hallo"},
                          timestamp=t + 1),
              SlotSet("gemeente", "GM0479", timestamp=t + 1),
              BotUttered("Hallo! Ik ben Wegwijzer. Wanneer kunnen we u bellen?",
                         data={"buttons": [{"title": "In de middag", "payload": "middag"},
                                           {"title": "In de ochtend", "payload": "ochtend"}]}, timestamp=t + 2),
              BotUttered("U kunt ook zelf een moment typen.", data={}, timestamp=t + 3),
              ActionExecuted("action_listen", timestamp=t + 3),
              UserUttered("middag", intent={"name": "nlu_fallback", "confidence": 0.25},
                          parse_data={"intent": {"name": "nlu_fallback", "confidence": 0.25}, "entities": [],
                                      "text": "middag"}, timestamp=t + 4)]

    async def save():
        store = SQLTrackerStore(dialect="sqlite", db=str(console.db_path.parent / "tracker.db"))
        tracker = DialogueStateTracker("knoppen-1", slots=[])
        for event in events:
            tracker.update(event)
        await store.save(tracker)
        store.engine.dispose()

    asyncio.run(save())
    page = console.client("zaan").get(f"{console.url}/gesprekken/{key_of('knoppen-1')}").text
    assert "Klikte op de knop: <strong>In de middag</strong>" in page
    assert "niet begrepen (25% zeker)" not in page and "nlu_fallback" not in page
    assert "Ik ben Wegwijzer" in page


def test_admin_gives_regions_by_name(console):
    s = console.client("admin")
    token = console.csrf(s, "/beheer/accounts")
    r = s.post(console.url + "/beheer/accounts", data={
        "csrf": token, "gebruikersnaam": "nuenen-1", "rol": "regiomedewerker",
        "regios": "Nuenen, Gerwen en Nederwetten, jeugdregio Zaanstreek-Waterland",
        "wachtwoord": "lange-zin met 7 woorden", "wachtwoord2": "lange-zin met 7 woorden"})
    assert r.status_code == 200 and "Nuenen, Gerwen en Nederwetten" in r.text
    bad = s.post(console.url + "/beheer/accounts", data={
        "csrf": token, "gebruikersnaam": "atlantis-1", "rol": "regiomedewerker", "regios": "Atlantis",
        "wachtwoord": "lange-zin met 7 woorden", "wachtwoord2": "lange-zin met 7 woorden"})
    assert bad.status_code == 400 and "Atlantis" in bad.text
