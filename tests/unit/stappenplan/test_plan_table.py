"""The table of situations (situaties.yml): free text -> extract_situation -> build_plan, checked
against the next step, reasons and deadline dates worked out by hand."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.stappenplan import build_plan, extract_situation

TABLE = yaml.safe_load((Path(__file__).with_name("situaties.yml")).read_text(encoding="utf-8"))
TODAY: date = TABLE["today"]
CASES = TABLE["cases"]


def test_table_is_big_enough_and_today_is_fixed():
    assert len(CASES) >= 40
    assert TODAY == date(2026, 11, 24)


@pytest.mark.parametrize("case", CASES, ids=[c["naam"] for c in CASES])
def test_situation(case):
    situation = extract_situation(case["tekst"], TODAY)
    plan = build_plan(situation, TODAY, case.get("gemeente"))
    assert plan.volgende == case["volgende"], situation.to_dict()
    if "na_veiligheid" in case:
        assert plan.stap_na_veiligheid == case["na_veiligheid"]
    if "reden" in case:
        assert plan.reden == case["reden"]
    if "ook" in case:
        assert list(plan.ook) == case["ook"]
    for deadline_id, (expected, passed) in (case.get("termijnen") or {}).items():
        deadline = plan.deadline(deadline_id)
        assert deadline is not None, f"missing deadline {deadline_id}: {[d.id for d in plan.termijnen]}"
        assert deadline.datum == expected, deadline_id
        assert deadline.verstreken is passed, deadline_id
    for deadline_id in case.get("geen_termijnen") or ():
        assert plan.deadline(deadline_id) is None, deadline_id
    for note in case.get("notities") or ():
        assert note in plan.notities
