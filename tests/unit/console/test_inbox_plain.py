"""Plain functions of the inbox (issue 20): deadline in working days, filters in words, CSV escaping,
status history and the readable export, labels."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest

from bot.console.csv_export import COLUMNS, escape_cell, to_csv
from bot.console.deadline import DEFAULT_WERKDAGEN, deadline_of, reply_deadline, werkdagen_between
from bot.console.inbox_filters import parse_filters, parse_status
from bot.console.labels import action_label, detail_label, status_label, topic_label
from bot.console.request_history import AANVRAGER, status_history
from bot.console.request_text import readable_text
from bot.hulpvraag.config import Settings
from bot.privacy.redaction import redact


def test_deadline_counts_working_days_from_the_dutch_day():
    # Friday 4 Dec 2026 10:00 UTC + 5 working days = Friday 11 Dec
    assert reply_deadline(datetime(2026, 12, 4, 10), 5) == date(2026, 12, 11)
    # Sunday 23:30 UTC is Monday 00:30 in the Netherlands: counted from Monday
    assert reply_deadline(datetime(2026, 12, 6, 23, 30), 1) == date(2026, 12, 8)
    assert reply_deadline(datetime(2026, 12, 6, 22, 30), 1) == date(2026, 12, 7)
    # a missing or silly term falls back to the promise's default (one place: bot.hulpvraag.config)
    assert DEFAULT_WERKDAGEN == Settings().reactietermijn_werkdagen == 5
    assert reply_deadline(datetime(2026, 12, 4, 10), None) == date(2026, 12, 11)
    assert reply_deadline(datetime(2026, 12, 4, 10), 0) == date(2026, 12, 11)


def test_werkdagen_between_skips_weekends():
    assert werkdagen_between(date(2026, 12, 4), date(2026, 12, 11)) == 5
    assert werkdagen_between(date(2026, 12, 4), date(2026, 12, 7)) == 1
    assert werkdagen_between(date(2026, 12, 11), date(2026, 12, 4)) == 0
    for days in range(0, 40):
        start = date(2026, 11, 2)
        end = date.fromordinal(start.toordinal() + days)
        slow = sum(1 for d in range(start.toordinal() + 1, end.toordinal() + 1) if date.fromordinal(d).weekday() < 5)
        assert werkdagen_between(start, end) == slow


def test_overdue_only_while_waiting_and_said_in_words():
    row = {"aangemaakt_op": datetime(2026, 12, 1, 9), "reactietermijn_werkdagen": 3, "status": "nieuw"}
    on_time = deadline_of(row, date(2026, 12, 3))
    assert on_time.uiterlijk == date(2026, 12, 4) and not on_time.te_laat and on_time.tekst == "nog 1 werkdag"
    assert deadline_of(row, date(2026, 12, 4)).tekst == "vandaag"
    late = deadline_of(row, date(2026, 12, 8))
    assert late.te_laat and late.werkdagen_te_laat == 2 and late.tekst == "te laat: 2 werkdagen over de termijn"
    answered = deadline_of({**row, "status": "contact_gehad"}, date(2026, 12, 8))
    assert not answered.te_laat and answered.tekst == "beantwoord of gesloten"
    assert deadline_of({**row, "status": "in_behandeling"}, date(2026, 12, 8)).te_laat


def _parse(query, gemeente=lambda v: {"utrecht": "GM0344", "gm0344": "GM0344"}.get(v.lower()), ok=lambda v: v == "7"):
    return parse_filters(query, gemeente, ok)


def test_filters_in_words_and_codes():
    p = _parse({"status": "In behandeling", "gemeente": "Utrecht", "toegewezen": "mij", "te_laat": "1",
                "sorteer": "uiterlijk", "zoek": "  WW-1  "})
    assert not p.fouten
    f = p.filters
    assert (f.status, f.gemeente, f.toegewezen, f.te_laat, f.sorteer, f.zoek) == (
        "in_behandeling", "GM0344", "mij", True, "uiterlijk", "WW-1")
    assert _parse({"status": "in_behandeling", "gemeente": "GM0344", "toegewezen": "7"}).filters.toegewezen == "7"
    assert parse_status("contact gehad") == "contact_gehad" and parse_status("ingetrokken") == "ingetrokken"
    assert f.as_query() == {"zoek": "WW-1", "status": "in_behandeling", "gemeente": "GM0344", "toegewezen": "mij",
                            "te_laat": "1", "sorteer": "uiterlijk"}


@pytest.mark.parametrize("query,fragment", [
    ({"status": "vraag_tlv"}, "Onbekende status ‘vraag_tlv’"),
    ({"status": "' OR 1=1 --"}, "Onbekende status"),
    ({"gemeente": "<script>alert(1)</script>"}, "Onbekende gemeente"),
    ({"gemeente": "GM9999"}, "Onbekende gemeente"),
    ({"toegewezen": "8"}, "Onbekende collega"),
    ({"toegewezen": "1; DROP TABLE hulpverzoek"}, "Onbekende collega"),
    ({"sorteer": "id desc"}, "Onbekende volgorde"),
    ({"te_laat": "ja"}, "vinkje"),
    ({"zoek": "x" * 201}, "te lang"),
])
def test_unknown_filter_values_give_a_dutch_message(query, fragment):
    p = _parse(query)
    assert p.fouten and any(fragment in f for f in p.fouten), p.fouten


def test_search_text_keeps_sql_and_markup_as_plain_text():
    p = _parse({"zoek": "'; DROP TABLE hulpverzoek; -- <b>x</b>\x00\n"})
    assert not p.fouten and p.filters.zoek == "'; DROP TABLE hulpverzoek; -- <b>x</b>"


@pytest.mark.parametrize("value", ["=1+1", "+31612345678", "-2+3", "@SUM(A1)", "\tx", "\rx",
                                   "=HYPERLINK(\"http://x\",\"klik\")"])
def test_formula_cells_are_escaped(value):
    assert escape_cell(value) == "'" + value
    rows = list(csv.reader(io.StringIO(to_csv([{"Referentie": value, "Hulpvraag": value}], redact, True)
                                       .lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == list(COLUMNS)
    assert rows[1][0] == "'" + value and rows[1][COLUMNS.index("Hulpvraag")].startswith("'")


def test_ordinary_cells_are_left_alone_and_masked_without_reveal():
    assert escape_cell("WW-1") == "WW-1" and escape_cell(None) == "" and escape_cell(12) == "12"
    out = to_csv([{"Referentie": "WW-1", "Telefoon": "0612345678", "E-mail": "a@b.nl",
                   "Hulpvraag": "Bel 0612345678, ik ben Piet de Vries"}], redact, False)
    assert out.startswith("\ufeff") and "0612345678" not in out and "a@b.nl" not in out and "Piet" not in out
    assert "[verborgen]" in out and "[telefoonnummer]" in out
    shown = to_csv([{"Referentie": "WW-1", "Telefoon": "0612345678"}], redact, True)
    assert "0612345678" in shown


def test_status_history_from_audit_entries_and_withdrawal():
    row = {"aangemaakt_op": datetime(2026, 12, 1, 9), "status": "ingetrokken", "afgesloten_op": datetime(2026, 12, 3, 8)}
    entries = [
        {"id": 2, "tijdstip": datetime(2026, 12, 2, 10), "actor": "zaan", "action": "status_gewijzigd",
         "detail": "nieuw -> in_behandeling"},
        {"id": 3, "tijdstip": datetime(2026, 12, 2, 11), "actor": "zaan", "action": "bekeken", "detail": ""},
        {"id": 4, "tijdstip": datetime(2026, 12, 2, 12), "actor": "x", "action": "status_gewijzigd",
         "detail": "kapot"},
    ]
    history = status_history(row, entries)
    assert [(c.wie, c.van, c.naar) for c in history] == [
        (AANVRAGER, "", "nieuw"), ("zaan", "nieuw", "in_behandeling"), (AANVRAGER, "in_behandeling", "ingetrokken")]
    assert history[1].tekst == "van ‘nieuw’ naar ‘in behandeling’"
    assert history[0].tekst == "binnengekomen als ‘nieuw’"


def test_readable_text_has_dutch_labels_not_field_names():
    fields = {"referentie": "WW-1", "status": "nieuw", "status_tekst": "nieuw", "aangemaakt_op": "2026-12-01T09:00:00",
              "bijgewerkt_op": "2026-12-01T09:00:00", "afgesloten_op": None, "contactpunt_naam": "Team Zaanstad",
              "gemeente_code": "GM0479", "gemeente_naam": "", "rol": "ouder", "leeftijd": 12, "schoolfase": "",
              "schooltype": "", "thuis_sinds": "september", "geprobeerd": "school,leerplicht",
              "hulpvraag": "Regel 1\nRegel 2", "telefoon": "[verborgen]", "email": "[verborgen]",
              "voorkeurstijd": "middag", "kanaal": "chat", "stappenplan": "", "toegewezen_aan": ""}
    row = {"aangemaakt_op": datetime(2026, 12, 1, 9), "reactietermijn_werkdagen": 5, "status": "nieuw"}
    text = readable_text(fields, status_history(row, []), deadline_of(row, date(2026, 12, 2)))
    assert text.startswith("Hulpvraag WW-1\n")
    for label in ("Status:", "Binnengekomen:", "Reactie uiterlijk:", "Gemeente:", "Aanvrager:", "Leeftijd kind:",
                  "Al geprobeerd:", "Hulpvraag:", "Telefoon:", "Statusgeschiedenis"):
        assert label in text, label
    assert "Zaanstad" in text and "ouder of verzorger" in text and "12 jaar" in text and "school, leerplicht" in text
    assert "08-12-2026" in text and "01-12-2026 10:00" in text  # 09:00 UTC is 10:00 Dutch time and "  Regel 2" in text
    for field in ("aangemaakt_op", "gemeente_code", "status_tekst", "reactietermijn", "toegewezen_aan:"):
        assert field not in text


def test_labels_for_staff():
    assert status_label("in_behandeling") == "in behandeling"
    assert action_label("geexporteerd") == "geëxporteerd" and action_label("iets_nieuws") == "iets nieuws"
    assert detail_label("status_gewijzigd", "in_behandeling -> contact_gehad") == \
        "van ‘in behandeling’ naar ‘contact gehad’"
    assert detail_label("gezocht", "zoekterm 'x'") == "zoekterm 'x'"
    assert topic_label("vraag_tlv") == "TLV (speciaal onderwijs)"   # the knop of content/antwoorden/vraag_tlv.yml
    assert topic_label("nlu_fallback") == "niet begrepen" and topic_label("onbekend_iets") == "onbekend_iets"


def test_the_assistants_own_name_is_not_masked():
    assert redact("Hallo! Ik ben Wegwijzer. Ik help je.") == "Hallo! Ik ben Wegwijzer. Ik help je."
    assert redact("Ik ben Piet de Vries") == "Ik ben [naam]"


def test_readable_text_lists_notes_masked_unless_revealed():
    fields = {"referentie": "WW-2", "status_tekst": "nieuw", "aangemaakt_op": "2026-12-01T09:00:00"}
    notes = [{"aangemaakt_op": datetime(2026, 12, 2, 10, 5), "auteur": "zaan",
              "tekst": "Gebeld met moeder, nummer 0612345678\ntweede regel"}]
    masked = readable_text(fields, [], None, notes, redact)
    assert "Notities" in masked and "- 02-12-2026 11:05, zaan: Gebeld met moeder, nummer [telefoonnummer]" in masked
    assert "  tweede regel" in masked and "0612345678" not in masked
    assert "0612345678" in readable_text(fields, [], None, notes, None)
    assert "Notities" not in readable_text(fields, [], None, [], redact)


def test_button_clicks_are_found_across_the_assistants_messages():
    from bot.console.button_clicks import OfferedButtons

    offered = OfferedButtons()
    offered.bot_message([{"title": "Middag", "payload": "/inform{\"tijd\": \"middag\"}"}, {"title": "Ochtend",
                                                                                        "payload": "ochtend"}])
    offered.bot_message([])                                   # a second message without buttons
    assert offered.user_message('/inform{"tijd": "middag"}') == "Middag"
    offered.bot_message([{"title": "Ja", "payload": "/bevestigen"}])
    assert offered.user_message("ochtend") == ""              # a new turn: the old buttons are gone
    offered.bot_message([{"title": "Een mens spreken", "payload": "/mens_spreken"}])
    assert offered.user_message("een mens spreken") == "Een mens spreken"   # the title typed or sent as text
    offered.bot_message([{"title": "", "payload": "/leeg"}, "kapot", {"payload": "/x"}])
    assert offered.user_message("/leeg") == "" and offered.user_message("") == ""


def test_regions_by_name_round_trip_for_every_code():
    from bot.console.regio import _tables, name_of, parse_codes, region_code

    codes = list(_tables()[1])
    assert len(codes) > 300
    for code in codes:
        assert region_code(name_of(code)) == code, code
    shown = ", ".join(name_of(c) for c in codes)       # what the account form shows, read back
    assert parse_codes(shown) == (frozenset(codes), [])
    assert parse_codes("GM0479 jz09, Groningen; alle regio's") == (frozenset({"GM0479", "JZ09", "GM0014", "ALLE"}), [])
    assert parse_codes("Atlantis, GM9999")[1] == ["Atlantis", "GM9999"]
