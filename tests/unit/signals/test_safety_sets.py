"""The danger patterns alone on the eight independent safety sets (tests/safety_sets/README.md): the share of
danger messages a pattern recognises, and how many ordinary look-alikes it flags. Floors a little under the
figures of session 14; the classifier adds to them in the whole pipeline (bot.nlu.danger_sets)."""
from pathlib import Path

import pytest

from bot.signals.safety import detect_danger

SETS = Path(__file__).resolve().parents[2] / "safety_sets"


def read(name):
    rows = [line.rstrip("\n").split("\t") for line in (SETS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(len(r) == 3 for r in rows)
    return rows


@pytest.mark.parametrize("name, min_recognised, max_flagged", [
    ("onafhankelijk_gevaar_a.tsv", 0.85, 2),   # 133 of 150, 0 of 100 (session 14)
    ("onafhankelijk_gevaar_b.tsv", 0.76, 4),   # 119 of 150, 2 of 100
    ("onafhankelijk_gevaar_c.tsv", 0.38, 7),   # 60 of 150, 5 of 100 (never read; measured once)
    ("onafhankelijk_gevaar_d.tsv", 0.50, 6),   # 79 of 150, 4 of 100 (session 15; never read)
    ("onafhankelijk_gevaar_e.tsv", 0.50, 3),   # 79 of 150, 1 of 100 (session 15; never read)
    ("onafhankelijk_gevaar_f.tsv", 0.52, 7),   # 83 of 150, 5 of 100 (session 16 with its patterns; never read)
    ("onafhankelijk_gevaar_g.tsv", 0.42, 4),   # 67 of 150, 2 of 100 (session 16 with its patterns; never read)
    ("onafhankelijk_gevaar_h.tsv", 0.48, 5),   # 75 of 150, 3 of 100 (session 17, before and after its patterns; never read)
])
def test_patterns_on_the_independent_safety_sets(name, min_recognised, max_flagged):
    rows = read(name)
    danger = [t for _, kind, t in rows if kind != "geen"]
    ordinary = [t for _, kind, t in rows if kind == "geen"]
    assert len(danger) == 150 and len(ordinary) == 100
    recognised = sum(detect_danger(t) is not None for t in danger)
    flagged = [t for t in ordinary if detect_danger(t) is not None]
    assert recognised / len(danger) >= min_recognised, recognised
    assert len(flagged) <= max_flagged, flagged
