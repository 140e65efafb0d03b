"""Session 13's second unseen set (reports/redaction.md, "ronde 6 gemeten op een ongezien zesde set": 88.9 %
before round 6, 92.4 % after, counting letters and digits), now a development set. Guard: pieces fully masked,
as bot.privacy.measure counts them (0.921 after round 6, 0.975 after round 7), and the messages without personal data untouched."""
from pathlib import Path

from bot.privacy.measure import measure

SET = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "redaction_testset_holdout_s13b.yml"


def test_the_sixth_hold_out_set_stays_up():
    r = measure(SET)
    assert sum(r.found_any_kind.values()) / sum(r.expected.values()) >= 0.97, r.misses
    assert r.untouched_rate >= 0.97, r.false_alarms
