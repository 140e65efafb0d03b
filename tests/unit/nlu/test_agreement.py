"""bot.nlu.agreement: two readers' first labels compared, and the committed second reader is whole."""
import pytest

from bot.nlu.agreement import agreement, read_second_reader
from bot.nlu.corpus import CORPUS_DIR, Message, read_corpus


def test_counts_same_first_and_first_within_the_writers_topics():
    messages = [Message("A1", "p", ("vraag_tlv", "vraag_opp"), None, "x"),
                Message("A2", "p", ("oorzaak_pesten",), None, "y"),
                Message("A3", "p", ("mdo", "vraag_meepraten"), None, "z")]
    second = {"A1": ("vraag_opp",), "A2": ("oorzaak_pesten", "vraag_klacht"), "A3": ("vraag_klacht",)}
    a = agreement(messages, second)
    assert (a.messages, a.same_first, a.first_in_writers) == (3, 1, 2)


def test_a_line_without_topics_is_an_error(tmp_path):
    bad = tmp_path / "r.tsv"
    bad.write_text("A1\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_second_reader(bad)


def test_the_committed_second_reader_covers_its_corpus_with_known_topics():
    for path in sorted((CORPUS_DIR / "tweede_lezer").glob("*.tsv")):
        corpus = read_corpus(CORPUS_DIR / path.name)
        second = read_second_reader(path)
        assert {m.id for m in corpus} == set(second), path.name
        writers_topics = {t for m in read_corpus(CORPUS_DIR / path.name) for t in m.topics}
        assert {t for ts in second.values() for t in ts} <= writers_topics | {"situatie_thuiszitten"}
