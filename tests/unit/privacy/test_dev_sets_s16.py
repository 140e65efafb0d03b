"""Session 16's two redaction development sets, each guarded by its own floors.

Session 16's development set (tests/fixtures/redaction_testset_dev_s16.yml, 683 pieces, 177 school names, 30
lines without personal data), written by an independent writer while the work ran and measured on main 4ff5edf
before any change; then used for the error analysis of the school rules (reports/redaction.md, "Sessie 16").
Guard: every kind fully masked at least as often as after that work, as bot.privacy.measure counts them (any kind
counts: masked is masked), the school names' precision and the lines left untouched.

| kind (pieces) | main 4ff5edf, before | after session 16 | floor |
| naam (278) | 0.975 | 0.975 | 0.97 |
| geboortedatum (68) | 0.985 | 0.985 | 0.98 |
| school (177) | 0.921 | 1.000 | 0.99 |
| telefoon, email, postcode, bsn, iban (160) | 1.000 | 1.000 | 1.00 |
| school precision | 0.966 | 0.994 | 0.99 |
| untouched (30) | 0.867 | 0.967 | 0.96 |

Session 16's second development set (tests/fixtures/redaction_testset_dev_s16b.yml, 652 pieces, 192 school names,
227 names, 30 lines without personal data), written by another independent writer; measured on main before and after
the first round of session 16 (schools16) and then used for the error analysis of the second round (names16;
reports/redaction.md, "Sessie 16", second round). Guard: every kind fully masked at least as often as after that
work, as bot.privacy.measure counts them (any kind counts: masked is masked), the precision of names and schools and
the lines left untouched.

| kind (pieces) | main 74f3cbd, before round 2 | after round 2 | floor |
| naam (227) | 0.965 | 0.996 | 0.99 |
| school (192) | 0.948 | 1.000 | 0.99 |
| telefoon (60) | 0.983 | 1.000 | 1.00 |
| geboortedatum (67) | 1.000 | 1.000 | 1.00 |
| email, postcode, bsn, iban (106) | 1.000 | 1.000 | 1.00 |
| school precision | 0.958 | 0.995 | 0.99 |
| naam precision | 0.973 | 0.983 | 0.98 |
| untouched (30) | 1.000 | 1.000 | 1.00 |

A development set says what the rules learnt from it, not what they are worth on new text: that is the next
unseen set's figure.
"""
from pathlib import Path

import pytest

from bot.privacy.measure import measure

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
KINDS = ("naam", "geboortedatum", "school", "telefoon", "email", "postcode_huisnummer", "bsn", "iban")
# per set: recall floor per kind (any kind counts), precision floors, share of clean lines left untouched
FLOORS = {
    "redaction_testset_dev_s16.yml": {
        "recall": {"naam": 0.97, "geboortedatum": 0.98, "school": 0.99},
        "precision": {"school": 0.99}, "untouched": 0.96},
    "redaction_testset_dev_s16b.yml": {
        "recall": {"naam": 0.99, "school": 0.99, "geboortedatum": 1.0},
        "precision": {"school": 0.99, "naam": 0.98}, "untouched": 1.0},
}
_results: dict = {}


def result(name):
    if name not in _results:
        _results[name] = measure(FIXTURES / name)
    return _results[name]


@pytest.mark.parametrize("name, kind", [(n, k) for n in FLOORS for k in KINDS])
def test_each_kind_stays_masked_on_the_session_16_development_sets(name, kind):
    floor = FLOORS[name]["recall"].get(kind, 1.0)
    r = result(name)
    assert r.recall(kind, strict=False) >= floor, [m for m in r.misses if m[0] == kind]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_findings_stay_precise_and_lines_without_data_untouched(name):
    r = result(name)
    for kind, floor in FLOORS[name]["precision"].items():
        assert r.precision(kind) >= floor, [f for f in r.false_alarms if f[0] == kind]
    assert r.untouched_rate >= FLOORS[name]["untouched"], r.false_alarms
