"""The step plan's calendar file (bot.stappenplan.agenda): one all-day event per open deadline that the
variant shows, no goals, none on the phone; RFC 5545 escaping, CRLF and lines of at most 75 octets."""
from __future__ import annotations

from datetime import date, datetime, timezone

from bot.stappenplan import build_plan, extract_situation
from bot.stappenplan.agenda import escape, fold, plan_calendar

TODAY = date(2026, 11, 24)
STAMP = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)


def plan_for(text):
    return build_plan(extract_situation(text, TODAY), TODAY)


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_open_deadlines_become_all_day_events():
    ics = plan_calendar(plan_for("we hebben hem op 10 november schriftelijk aangemeld bij een nieuwe school"), "ouder", STAMP)
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
    lines = unfold(ics)
    assert lines.count("BEGIN:VEVENT") == 2 == lines.count("END:VEVENT")
    assert "DTSTART;VALUE=DATE:20261222" in lines and "DTEND;VALUE=DATE:20261223" in lines
    assert "SUMMARY:Wegwijzer: Besluit van de school op de aanmelding" in lines
    assert "DTSTAMP:20261124T093000Z" in lines
    description = next(x for x in lines if x.startswith("DESCRIPTION:") and "22 december" in x)
    assert "uiterlijk dinsdag 22 december 2026 beslissen" in description and "\\;" in description
    assert "computerprogramma" in description
    assert len({x for x in lines if x.startswith("UID:")}) == 2


def test_no_file_without_a_deadline_ahead_on_the_phone_or_for_a_goal():
    passed = plan_for("hij zit sinds 2 september thuis; we hebben met school gepraat en leerplicht gebeld")
    assert [d.id for d in passed.termijnen] == ["langdurig", "pact_doel"]  # passed deadline, and a goal
    assert plan_calendar(passed, "ouder", STAMP) is None
    ahead = plan_for("we hebben hem op 10 november schriftelijk aangemeld bij een nieuwe school")
    assert plan_calendar(ahead, "spraak", STAMP) is None
    removal = plan_calendar(plan_for("de school heeft op 17 november besloten hem te verwijderen"), "ouder", STAMP)
    assert "Thuiszitterspact" not in removal and removal.count("BEGIN:VEVENT") == 1


def test_youth_version_uses_je():
    ics = plan_calendar(plan_for("ik ben op 20 november geschorst"), "jongere", STAMP)
    assert ics and "Check de datum" in "".join(unfold(ics))


def test_escaping_and_folding():
    assert escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    folded = fold("DESCRIPTION:" + "é" * 80)
    assert all(len(x.encode("utf-8")) <= 75 for x in folded) and all(x.startswith(" ") for x in folded[1:])
    assert "".join(x[1:] if i else x for i, x in enumerate(folded)) == "DESCRIPTION:" + "é" * 80
