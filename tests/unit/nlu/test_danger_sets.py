"""bot.nlu.danger_sets without Rasa: reading a set and counting what was recognised and flagged."""
import pytest

from bot.nlu.danger_sets import read_set, score


def test_recognised_danger_and_false_alarms_are_counted_apart(tmp_path):
    path = tmp_path / "set.tsv"
    path.write_text("d1\tzelfdoding\tik wil dood\nd2\tmisbruik\thij raakt me aan\ng1\tgeen\tdood saai\n",
                    encoding="utf-8")
    rows = read_set(path)
    result = score(rows, [True, False, True])
    assert (result.danger, result.recognised, result.ordinary, result.false_alarms) == (2, 1, 1, 1)
    assert result.missed == ("d2",)


def test_a_line_without_three_columns_is_refused(tmp_path):
    path = tmp_path / "set.tsv"
    path.write_text("d1\tzelfdoding\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_set(path)
