"""Session 13's third unseen set (reports/redaction.md, "ronde 7 gemeten op een ongezien zevende set": 90.8 %
before round 7, 91.8 % after, counting letters and digits), now a development set. Guard: pieces fully masked,
as bot.privacy.measure counts them (0.917 after round 7, 0.948 after round 8), and the messages without personal
data untouched."""
from pathlib import Path

from bot.privacy.measure import measure

SET = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "redaction_testset_holdout_s13c.yml"


def test_the_seventh_hold_out_set_stays_up():
    r = measure(SET)
    assert sum(r.found_any_kind.values()) / sum(r.expected.values()) >= 0.965, r.misses   # 0.969 after round 9 (session 14)
    assert r.untouched_rate >= 0.98, r.false_alarms
