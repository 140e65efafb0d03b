"""The insight page (issue 20, item 4) over real HTTP: a real console process on a database built by the
project's migrations (0004 included) and a tracker store written by Rasa's own SQLTrackerStore.

Form answers are no misses; texts masked and escaped; region scope for misses and feedback; charts with a
table fallback; unknown filters give a Dutch 400; marking a miss handled (durable, audited, twice is fine,
404 outside the region); export of open misses as masked, formula-escaped training sentences (audited);
erasure takes the handled marks along."""
from __future__ import annotations

import csv
import io
import re
import sqlite3
import time
import xml.etree.ElementTree as ET

import pytest

from bot.console.accounts import Accounts
from bot.console.conversations import key_of
from bot.console.insight_counts import dutch_day
from bot.feedback import store as feedback
from bot.feedback.token import AnswerRef
from bot.hulpvraag.db import make_engine
from bot.production import migrate
from console_data import PASSWORD, add_accounts
from console_process import Console, console_process
from tracker_data import XSS, Turn, fill

pytestmark = pytest.mark.integration
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
FORM = "hulpvraag_form"
FORMULA = '=HYPERLINK("http://evil.example","klik")'


@pytest.fixture(scope="module")
def insight(tmp_path_factory):
    work = tmp_path_factory.mktemp("inzicht")
    now = time.time()
    tracker = work / "tracker.db"
    fill(str(tracker), {
        "zaan-form": ("GM0479", [
            Turn("ik wil hulp vragen", "hulpvraag_starten", "Bent u ouder of jongere?"),
            Turn("ouder", "nlu_fallback", "Welke tijd?", confidence=0.3, form=(FORM, "hv_rol")),
            Turn("middag", "nlu_fallback", "Dank u.", confidence=0.2, form=(FORM, "hv_voorkeurstijd")),
            Turn("al 6 weken", "nlu_fallback", "Dank u.", confidence=0.2, form=(FORM, "hv_thuis_sinds"), form_ends=True),
            Turn("qwerty asdf zaan", "nlu_fallback", "Dat begreep ik niet.", confidence=0.1),
        ], now - 3600),
        "zaan-xss": ("GM0479", [Turn("wat is een tlv", "vraag_tlv", "Een TLV is ..."),
                                Turn(XSS + " bel 0612345678", "nlu_fallback", "Dat begreep ik niet.", confidence=0.2),
                                Turn(FORMULA, "nlu_fallback", "Dat begreep ik niet."),
                                Turn("-1 dag thuis", "nlu_fallback", "Dat begreep ik niet.")], now - 7200),
        "gron-1": ("GM0014", [Turn("blub blub gron", "nlu_fallback", "Dat begreep ik niet.", confidence=0.2),
                              Turn("wat is een tlv", "vraag_tlv", "Een TLV is ...")], now - 600),
    })
    url = f"sqlite:///{work / 'wegwijzer.db'}"
    assert migrate.upgrade(url) == migrate.head()  # the database is built by the migrations
    engine = make_engine(url)
    add_accounts(engine)
    Accounts(engine).create("redactie-a", PASSWORD, "contentredacteur", frozenset({"JZ09"}))
    Accounts(engine).create("redactie-b", PASSWORD, "contentredacteur", frozenset({"GM0014"}))
    day = dutch_day(now)
    for i, (conv, oordeel) in enumerate([("zaan-xss", "ja"), ("zaan-xss", "ja"), ("zaan-xss", "nee"),
                                         ("gron-1", "nee")]):
        feedback.record(engine, AnswerRef(conv, "vraag_tlv", f"n{i}"), oordeel, day)
    feedback.add_reason(engine, AnswerRef("zaan-xss", "vraag_tlv", "n2"), "te_weinig")
    engine.dispose()
    with console_process(work, url, f"sqlite:///{tracker}") as base:
        yield Console(base), work


def page(console, user, **params):
    return console.client(user).get(console.url + "/inzicht", params=params)


def miss_ids(text: str) -> list[int]:
    return [int(i) for i in re.findall(r'action="/inzicht/gemist/(\d+)/afgehandeld"', text)]


def audit(work, action: str) -> list[tuple]:
    with sqlite3.connect(work / "wegwijzer.db") as db:
        return db.execute("SELECT actor, doel_soort, doel_id, detail FROM audit_log WHERE actie = ? ORDER BY id",
                          (action,)).fetchall()


def test_who_may_see_the_page(insight):
    console, _ = insight
    for user in ("zaan", "gron"):                                 # regional workers: no insight page
        assert page(console, user).status_code == 403
    for user in ("admin", "redactie", "redactie-a"):
        assert page(console, user).status_code == 200
    assert console.client().get(console.url + "/inzicht", allow_redirects=False).status_code == 303


def test_form_answers_are_not_misses_and_texts_are_masked_and_escaped(insight):
    console, _ = insight
    text = page(console, "redactie-a").text
    assert "qwerty asdf zaan" in text
    for answer in (">ouder<", ">middag<", ">al 6 weken<"):
        assert answer not in text
    assert "Niet meegeteld: 3 korte antwoorden" in text
    assert "0612345678" not in text and "<script>alert" not in text and "&lt;script&gt;" in text
    assert "blub blub gron" not in text                           # Groningen's miss: another region
    assert "blub blub gron" in page(console, "redactie-b").text and "qwerty" not in page(console, "redactie-b").text
    assert "blub blub gron" in page(console, "admin").text and "qwerty" in page(console, "redactie").text


def _table(text: str, caption_id: str) -> list[list[str]]:
    body = text.split(f'id="{caption_id}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)]
            for r in rows]


def test_topics_and_feedback_are_region_scoped_and_in_words(insight):
    console, _ = insight
    rows = {r[0]: r for r in _table(page(console, "redactie-a").text, "onderwerp-tabel")[1:]}
    tlv = next(r for name, r in rows.items() if "tlv" in name.lower())
    assert tlv[0] != "vraag_tlv"                                  # the Dutch topic name, not the intent
    assert tlv[1:] == ["1", "1 (100%)", "2 (67%)", "1", "te weinig: 1"]
    gron = {r[0]: r for r in _table(page(console, "redactie-b").text, "onderwerp-tabel")[1:]}
    assert next(r for n, r in gron.items() if "tlv" in n.lower())[1:] == ["1", "1 (100%)", "0 (0%)", "1", "–"]
    assert "nlu_fallback" not in page(console, "admin").text


def test_trend_charts_are_svg_images_with_the_same_numbers_in_a_table(insight):
    console, _ = insight
    for params in ({}, {"dagen": "7"}, {"dagen": "90"}, {"dagen": "30", "indeling": "week"}):
        text = page(console, "admin", **params).text
        svgs = re.findall(r"<svg .*?</svg>", text, re.S)
        assert len(svgs) == 2
        for svg in svgs:
            root = ET.fromstring(svg)
            assert root.get("role") == "img" and len(root.get("aria-labelledby").split()) == 2
        rows = _table(text, "verloop-tabel")[1:]
        assert sum(int(r[2]) for r in rows) == 5                  # every miss of both regions, no form answers
        assert sum(int(r[4]) for r in rows) == 2 and sum(int(r[5]) for r in rows) == 2
        assert "<script" not in text                              # no JavaScript needed (nor allowed by the CSP)


def test_unknown_filter_values_give_a_dutch_400_with_markup_as_text(insight):
    console, _ = insight
    r = page(console, "redactie", dagen="<b>31</b>", indeling="maand", toon="x' OR 1=1 --")
    assert r.status_code == 400
    assert "Onbekende periode ‘&lt;b&gt;31&lt;/b&gt;’" in r.text and "Onbekende indeling" in r.text
    assert "Onbekende keuze" in r.text and "<b>31</b>" not in r.text and "Traceback" not in r.text
    assert "qwerty" not in r.text                                 # nothing listed on a bad request


def test_mark_a_miss_handled_durably_audited_twice_is_fine_and_scoped(insight):
    console, work = insight
    editor = console.client("redactie-a")
    first = editor.get(console.url + "/inzicht")
    token = CSRF.search(first.text).group(1)
    target = miss_ids(first.text)[-1]                             # the oldest listed
    other = console.client("redactie-b")
    other_token = CSRF.search(other.get(console.url + "/inzicht").text).group(1)
    url = f"{console.url}/inzicht/gemist/{target}/afgehandeld"
    assert other.post(url, data={"csrf": other_token}).status_code == 404        # another region's editor
    assert editor.post(url, data={}).status_code == 403                         # no CSRF token
    assert console.client("zaan").post(url, data={"csrf": token}).status_code == 403
    r = editor.post(url, data={"csrf": token, "terug": "dagen=7&toon=open&evil=<x>"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/inzicht?dagen=7&toon=open&melding=")
    assert "evil" not in r.headers["Location"]
    again = editor.post(url, data={"csrf": token})
    assert again.status_code == 200 and "was al afgehandeld" in again.text
    assert target not in miss_ids(editor.get(console.url + "/inzicht").text)
    done = editor.get(console.url + "/inzicht", params={"toon": "afgehandeld"}).text
    assert "door redactie-a" in done
    marks = audit(work, "gemist_afgehandeld")
    assert len(marks) == 1 and marks[0][0] == "redactie-a" and marks[0][2].endswith(f"#{target}")
    assert "afgehandeld" in console.client("admin").get(console.url + "/beheer/audit").text
    # a message that was understood, or a form answer, is no miss: nothing to mark
    with sqlite3.connect(work / "tracker.db") as db:
        ids = [r[0] for r in db.execute("SELECT id FROM events WHERE sender_id = 'zaan-form' AND type_name = 'user' "
                                        "ORDER BY id")]
    for event_id in ids[:4] + [10 ** 9]:
        assert editor.post(f"{console.url}/inzicht/gemist/{event_id}/afgehandeld",
                           data={"csrf": token}).status_code == 404
    assert editor.post(f"{console.url}/inzicht/gemist/abc/afgehandeld", data={"csrf": token}).status_code == 404


def test_export_open_misses_as_masked_formula_escaped_sentences(insight):
    console, work = insight
    editor = console.client("redactie-a")
    token = CSRF.search(editor.get(console.url + "/inzicht").text).group(1)
    r = editor.post(console.url + "/inzicht/export", data={"csrf": token, "dagen": "30", "formaat": "csv"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in r.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    cells = [row[0] for row in rows[1:]]
    assert "'" + FORMULA in cells and "'-1 dag thuis" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "0612345678" not in r.text and not any(c in ("ouder", "middag", "al 6 weken") for c in cells)
    assert "blub blub gron" not in r.text
    text = editor.post(console.url + "/inzicht/export", data={"csrf": token, "dagen": "30", "formaat": "tekst"})
    assert text.headers["Content-Type"].startswith("text/plain") and "0612345678" not in text.text
    assert len(text.text.splitlines()) == len(cells)
    bad = editor.post(console.url + "/inzicht/export", data={"csrf": token, "dagen": "30", "formaat": "xlsx<b>"})
    assert bad.status_code == 400 and "Onbekend formaat ‘xlsx&lt;b&gt;’" in bad.text
    assert editor.post(console.url + "/inzicht/export", data={"dagen": "30"}).status_code == 403    # no CSRF
    zaan = console.client("zaan")
    assert zaan.post(console.url + "/inzicht/export",
                     data={"csrf": CSRF.search(zaan.get(console.url + "/gesprekken").text).group(1)}).status_code == 403
    exports = [a for a in audit(work, "geexporteerd") if a[1] == "gemiste_vragen"]
    assert len(exports) == 2 and all("afgeschermd" in a[3] for a in exports) and exports[0][0] == "redactie-a"


def test_erasing_a_conversation_takes_its_handled_marks_along(insight):
    console, work = insight
    admin = console.client("admin")
    text = admin.get(console.url + "/inzicht").text
    token = CSRF.search(text).group(1)
    with sqlite3.connect(work / "tracker.db") as db:
        event_id = db.execute("SELECT id FROM events WHERE sender_id = 'gron-1' AND intent_name = 'nlu_fallback'"
                              ).fetchone()[0]
    assert admin.post(f"{console.url}/inzicht/gemist/{event_id}/afgehandeld", data={"csrf": token}).status_code == 200
    with sqlite3.connect(work / "wegwijzer.db") as db:
        assert db.execute("SELECT count(*) FROM console_gemist_afgehandeld WHERE doel_id = 'gron-1'").fetchone()[0] == 1
    admin.post(f"{console.url}/gesprekken/{key_of('gron-1')}/verwijderen", data={"csrf": token, "bevestig": "ja"})
    with sqlite3.connect(work / "wegwijzer.db") as db:
        assert db.execute("SELECT count(*) FROM console_gemist_afgehandeld WHERE doel_id = 'gron-1'").fetchone()[0] == 0
