"""The issue-18 redaction test set is well formed and big enough, the comparison script scores the product
on it, and `python -m bot.privacy.measure` keeps the comparison section of reports/redaction.md."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from bot.privacy import measure as measure_module

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "bench"))
import redaction_compare  # noqa: E402

TESTSET = REPO / "tests" / "fixtures" / "redaction_testset_issue18.yml"


def test_the_set_has_at_least_200_pieces_of_every_kind_the_issue_names():
    data = yaml.safe_load(TESTSET.read_text(encoding="utf-8"))
    kinds = Counter(kind for item in data["met_persoonsgegevens"] for kind, _ in item["verwacht"])
    assert sum(kinds.values()) >= 200 and len(data["zonder_persoonsgegevens"]) >= 40
    for kind in ("naam", "telefoon", "email", "postcode_huisnummer", "geboortedatum", "school"):
        assert kinds[kind] >= 20, kind
    for item in data["met_persoonsgegevens"]:
        assert all(piece in item["tekst"] for _, piece in item["verwacht"]), item


def test_the_product_is_scored_on_it():
    data = redaction_compare.load(TESTSET)
    result = redaction_compare.score(data, redaction_compare.product_spans(redaction_compare.texts_of(data)))
    assert sum(result["expected"].values()) >= 200
    assert result["full"]["telefoon"] / result["expected"]["telefoon"] >= 0.9
    assert "| naam |" in redaction_compare.report(data, {"Wegwijzer": result}, TESTSET)


def test_measure_keeps_the_comparison_section(tmp_path):
    report = tmp_path / "redaction.md"
    report.write_text("# oud\n\n## Vergelijking met deduce (issue 18)\n\nblijft staan\n", encoding="utf-8")
    measure_module.main(["--rapport", str(report)])
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Redactie: gemeten recall") and text.endswith("blijft staan\n")
    assert "# oud" not in text
