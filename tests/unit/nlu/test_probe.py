"""bot.nlu.probe: reading the probe file and scoring what the user experiences."""
from bot.nlu.probe import DEFAULT_FILE, read_probe, same_handling, score


def test_the_probe_file_reads_and_covers_many_intents_and_danger():
    rows = read_probe(DEFAULT_FILE)
    assert len(rows) >= 120 and len({intent for intent, _ in rows}) >= 40
    assert sum(intent == "veiligheid" for intent, _ in rows) >= 8


def test_comments_blank_and_odd_lines_are_skipped(tmp_path):
    probe = tmp_path / "p.tsv"
    probe.write_text("# kop\n\ngeen tab hier\ngroet\thoi\n", encoding="utf-8")
    assert read_probe(probe) == [("groet", "hoi")]


def test_intents_of_one_group_count_as_the_same_handling():
    assert same_handling("stappenplan", "situatie_thuiszitten")
    assert not same_handling("vraag_tlv", "vraag_opp")


def test_a_fallback_is_a_miss_and_missed_danger_is_reported():
    right, misses, danger = score([("groet", "groet", "hoi"), ("vraag_tlv", "nlu_fallback", "tlv??"),
                                   ("veiligheid", "vraag_schorsing", "hij slaat me")])
    assert round(right, 3) == 0.333 and len(misses) == 2 and danger == ["hij slaat me"]
