"""The insight page's plain parts without a database or web server: the form-answer rule, counting per topic
and per day/week, the SVG chart (accessible, escaped), the filters in words and the training-sentence export."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest

from bot.clock import DUTCH_TIME
from bot.console.form_turns import form_answer_ids
from bot.console.insight_counts import Feedback, UserTurn, bucket_start, per_topic, split_misses, totals, trend
from bot.console.insight_views import candidate_sentences, parse_filters, sentences_csv, sentences_text
from bot.console.svg_chart import bar_chart, nice_max, ticks


def ts(y, m, d, h=12) -> float:
    return datetime(y, m, d, h, tzinfo=DUTCH_TIME).timestamp()


# -- form answers -------------------------------------------------------------------------------------------
def test_a_reply_while_a_form_asks_for_a_slot_is_a_form_answer():
    rows = [("a", 1, "user", None, None),                                   # before the form: a real question
            ("a", 2, "active_loop", "hulpvraag_form", None),
            ("a", 3, "slot", "requested_slot", "hv_voorkeurstijd"),
            ("a", 4, "user", None, None),                                   # "middag"
            ("a", 5, "slot", "requested_slot", "hv_rol"),
            ("a", 6, "user", None, None),                                   # "ouder"
            ("a", 7, "active_loop", None, None),                            # the form ends
            ("a", 8, "user", None, None)]                                   # a question again
    assert form_answer_ids(rows) == {4, 6}


def test_form_state_is_per_conversation_and_ends_on_restart_or_new_session():
    rows = [("a", 1, "active_loop", "stappenplan_form", None), ("a", 2, "slot", "requested_slot", "sp_antwoord"),
            ("b", 3, "user", None, None),                                   # another conversation: no form
            ("a", 4, "user", None, None),
            ("a", 5, "restart", None, None), ("a", 6, "user", None, None),
            ("b", 7, "active_loop", "hulpvraag_form", None), ("b", 8, "slot", "requested_slot", "hv_rol"),
            ("b", 9, "session_started", None, None), ("b", 10, "user", None, None)]
    assert form_answer_ids(rows) == {4}


def test_an_active_form_that_asks_for_nothing_or_a_null_slot_is_no_form_answer():
    rows = [("a", 1, "active_loop", "hulpvraag_form", None), ("a", 2, "user", None, None),
            ("a", 3, "slot", "requested_slot", ""), ("a", 4, "user", None, None),
            ("a", 5, "slot", "requested_slot", None), ("a", 6, "user", None, None)]
    assert form_answer_ids(rows) == set()


def test_split_misses_leaves_form_answers_out():
    fallbacks = [(2, "a", 1.0), (4, "a", 2.0), (9, "b", 3.0)]
    form = [("a", 3, "active_loop", "hulpvraag_form", None), ("a", 3, "slot", "requested_slot", "hv_rol"),
            ("b", 5, "active_loop", "hulpvraag_form", None), ("b", 6, "slot", "requested_slot", "hv_rol"),
            ("b", 7, "active_loop", None, None)]
    misses, answers = split_misses(fallbacks, form)
    assert misses == [(2, "a", 1.0), (9, "b", 3.0)] and answers == [(4, "a", 2.0)]


# -- counting -----------------------------------------------------------------------------------------------
TURNS = [
    UserTurn("a", 1, ts(2026, 12, 1), "thuiszitten"),
    UserTurn("a", 2, ts(2026, 12, 1), "nlu_fallback"),                       # a miss
    UserTurn("a", 3, ts(2026, 12, 2), "nlu_fallback", form_answer=True),     # "middag": not a miss
    UserTurn("b", 4, ts(2026, 12, 2), "thuiszitten"),
    UserTurn("b", 5, ts(2026, 12, 3), "leerplicht"),
    UserTurn("c", 6, ts(2026, 12, 8), "nlu_fallback", form_answer=True),
    UserTurn("c", 7, ts(2026, 12, 8), "leerplicht", form_answer=True),       # recognised as a topic: counts
]


def test_totals_leave_form_answers_out_of_the_misses():
    t = totals(TURNS)
    assert (t.gesprekken, t.berichten, t.gemist, t.formulierantwoorden, t.gesprekken_met_gemist) == (3, 7, 1, 2, 1)


def test_per_topic_counts_conversations_rate_and_feedback():
    rows = per_topic(TURNS, [Feedback("thuiszitten", date(2026, 12, 1), 3, 1), Feedback("leerplicht", date(2026, 12, 2), 0, 2),
                             Feedback("contact", date(2026, 12, 2), 1, 0)],
                     [("leerplicht", "te_weinig", 2)])
    by = {r.onderwerp: r for r in rows}
    assert [r.onderwerp for r in rows][:2] == ["thuiszitten", "leerplicht"]      # most conversations, then feedback
    assert (by["thuiszitten"].gesprekken, by["thuiszitten"].met_gemist, by["thuiszitten"].gemist_procent) == (2, 1, 50)
    assert (by["thuiszitten"].ja, by["thuiszitten"].nee, by["thuiszitten"].ja_procent) == (3, 1, 75)
    assert (by["leerplicht"].gesprekken, by["leerplicht"].met_gemist, by["leerplicht"].redenen) == (2, 0, {"te_weinig": 2})
    assert by["contact"].gesprekken == 0 and by["contact"].gemist_procent is None and by["contact"].ja == 1
    assert "nlu_fallback" not in by


def test_trend_per_day_has_every_day_and_per_week_starts_on_monday():
    fb = [Feedback("thuiszitten", date(2026, 12, 2), 2, 1)]
    days = trend(TURNS, fb, date(2026, 12, 1), date(2026, 12, 8), "dag")
    assert [b.begin.day for b in days] == list(range(1, 9))
    assert [(b.berichten, b.gemist, b.ja, b.nee) for b in days[:3]] == [(2, 1, 0, 0), (2, 0, 2, 1), (1, 0, 0, 0)]
    assert days[0].gemist_procent == 50 and days[3].gemist_procent is None and days[0].label == "01-12"
    weeks = trend(TURNS, fb, date(2026, 12, 1), date(2026, 12, 8), "week")
    assert [b.begin for b in weeks] == [date(2026, 11, 30), date(2026, 12, 7)]
    assert [(b.berichten, b.gemist, b.ja) for b in weeks] == [(5, 1, 2), (2, 0, 0)]
    assert weeks[0].label == "week 49 (30-11)" and bucket_start(date(2026, 12, 6), "week") == date(2026, 11, 30)


def test_days_are_dutch_calendar_days():
    late = datetime(2026, 12, 1, 23, 30, tzinfo=DUTCH_TIME).timestamp()   # 22:30 UTC, still 1 December in NL
    days = trend([UserTurn("a", 1, late, "nlu_fallback")], [], date(2026, 12, 1), date(2026, 12, 2), "dag")
    assert [b.gemist for b in days] == [1, 0]


# -- the chart ----------------------------------------------------------------------------------------------
def test_chart_is_an_accessible_svg_image_with_title_and_desc():
    svg = bar_chart("g1", "Niet begrepen per dag", "Uitleg", ["01-12", "02-12"], [("Ja", [3, 0]), ("Nee", [1, 7])])
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "g1-titel g1-uitleg"
    assert root.find(ns + "title").get("id") == "g1-titel" and root.find(ns + "title").text == "Niet begrepen per dag"
    assert root.find(ns + "desc").get("id") == "g1-uitleg"
    bars = [r for r in root.iter(ns + "rect") if r.get("x") and float(r.get("height", 0)) > 0 and r.get("width") != "12"
            and r.get("height") != "6"]
    heights = sorted(round(float(r.get("height"))) for r in bars)
    assert len(heights) == 3 and heights[-1] == round(188 * 0.7)         # 7 of an axis up to 10 on 188 px
    assert "style=" not in svg and "<script" not in svg


def test_chart_escapes_every_label():
    evil = '<script>alert(1)</script>"&'
    svg = bar_chart("g2", evil, evil, [evil], [(evil, [1])])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&quot;&amp;" in svg
    ET.fromstring(svg)    # still well-formed
    with pytest.raises(ValueError):
        bar_chart('x" onload="1', "t", "d", [], [])


def test_axis_values():
    assert [nice_max(v) for v in (0, 1, 3, 7, 10, 11, 180, 999)] == [1, 1, 5, 10, 10, 20, 200, 1000]
    assert ticks(10) == [0, 5, 10] and ticks(1) == [0, 1]
    svg = bar_chart("g3", "t", "d", [], [("Niet begrepen", [])])           # no data: an empty chart, no error
    ET.fromstring(svg)


# -- filters in words ---------------------------------------------------------------------------------------
def test_filters_defaults_and_unknown_values_in_dutch():
    f = parse_filters({})
    assert (f.dagen, f.indeling, f.toon, f.fouten) == (30, "dag", "open", [])
    assert parse_filters({"dagen": "90"}).indeling == "week"
    assert parse_filters({"dagen": "90", "indeling": "dag"}).indeling == "dag"
    bad = parse_filters({"dagen": "31", "indeling": "maand", "toon": "<b>x</b>"})
    assert len(bad.fouten) == 3 and "Onbekende periode ‘31’" in bad.fouten[0]
    assert "Onbekende indeling" in bad.fouten[1] and "Onbekende keuze" in bad.fouten[2]
    assert parse_filters({"dagen": "1" * 50}).fouten


# -- the export ---------------------------------------------------------------------------------------------
def test_candidate_sentences_are_masked_deduplicated_and_formula_escaped():
    texts = ["bel me op 0612345678", "wat is een  tlv", "wat is een tlv", "=HYPERLINK(\"http://x\")", "", "-5 dagen"]
    sentences = candidate_sentences(texts)
    assert sentences[0] == ("wat is een tlv", 2)
    assert all("0612345678" not in s for s, _n in sentences)
    rows = list(csv.reader(io.StringIO(sentences_csv(sentences).lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Zin (afgeschermd)", "Aantal keer", "Onderwerp (in te vullen)"]
    cells = [r[0] for r in rows[1:]]
    assert "'=HYPERLINK(\"http://x\")" in cells and "'-5 dagen" in cells
    assert not any(re.match(r"^[=+\-@\t\r]", c) for c in cells)
    assert sentences_text(sentences).splitlines()[0] == "wat is een tlv"
