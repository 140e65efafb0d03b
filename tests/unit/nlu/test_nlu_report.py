"""bot.nlu.report: the F1 and safety-recall floors of scripts/test."""
import json

from bot.nlu.report import main, problems


def report(f1=0.9, safety_recall=1.0):
    return {
        "veiligheid": {"precision": 1.0, "recall": safety_recall, "f1-score": 1.0, "support": 10},
        "vraag_opp": {"precision": 0.9, "recall": 0.9, "f1-score": 0.9, "support": 8},
        "accuracy": 0.9,
        "weighted avg": {"precision": 0.9, "recall": 0.9, "f1-score": f1, "support": 18},
    }


def test_good_report_has_no_problems():
    assert problems(report(), 0.85, 1.0) == []


def test_low_f1_and_missed_danger_are_problems():
    found = problems(report(f1=0.7, safety_recall=0.9), 0.85, 1.0)
    assert len(found) == 2


def test_cli_exit_code_and_markdown(tmp_path):
    (tmp_path / "intent_report.json").write_text(json.dumps(report(f1=0.5)))
    out = tmp_path / "r.md"
    assert main([str(tmp_path), "--min-intent-f1", "0.8", "--markdown", str(out)]) == 1
    assert "| vraag_opp |" in out.read_text()
    assert main([str(tmp_path), "--min-intent-f1", "0.4"]) == 0
