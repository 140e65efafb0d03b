"""bot.nlu.corpus without Rasa: reading the five-column corpus and scoring what the user gets."""
import pytest

from bot.nlu.corpus import CORPUS_DIR, Message, Outcome, read_corpus, report


def test_reads_every_corpus_whole():
    for path in sorted(CORPUS_DIR.glob("*.tsv")):
        messages = read_corpus(path)
        assert messages and all(m.topics and m.text for m in messages), path.name
        assert len({m.id for m in messages}) == len(messages), path.name


def test_a_line_without_five_columns_is_an_error(tmp_path):
    bad = tmp_path / "c.tsv"
    bad.write_text("# comment\nA1\tpersona\tvraag_tlv\twat is een tlv\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_corpus(bad)


def message(topics, text="wat is een tlv", previous=None):
    return Message("X1", "ouder", tuple(topics), previous, text)


def test_the_first_topic_decides_and_a_bare_fallback_on_a_story_counts():
    story = "onze zoon van twaalf zit al weken thuis omdat school zegt dat ze hem niet aankunnen en niemand doet iets"
    outcomes = [
        Outcome(message(["vraag_tlv", "vraag_opp"]), "vraag_tlv", False),
        Outcome(message(["vraag_tlv", "vraag_opp"]), "vraag_opp", False),
        Outcome(message(["situatie_thuiszitten"], story), "nlu_fallback", False),
        Outcome(message(["veiligheid"], "mijn vader slaat me"), "situatie_thuiszitten", True),
    ]
    assert [o.right for o in outcomes] == [True, False, False, False]
    assert outcomes[3].danger_seen  # the patterns saw it, even though the intent did not
    table = report(outcomes, ["vraag_tlv", "vraag_opp", "situatie_thuiszitten", "veiligheid"])
    assert "| goed, alle berichten | 0.250 (1/4) |" in table
    assert "kaal 'niet begrepen' op een situatie | 1 van" in table
    assert "| gevaar herkend | 1 van 1 |" in table


def test_follow_ups_and_two_questions_are_reported_apart():
    outcomes = [
        Outcome(message(["vraag_tlv"], "en wie beslist dat?", previous="vraag_tlv"), "vraag_tlv", False,
                follow_up_answered=True),
        Outcome(message(["vraag_tlv"], "mag mijn oma mee?", previous="vraag_tlv"), "vraag_tlv", False,
                follow_up_answered=False),
        Outcome(message(["vraag_tlv", "vraag_opp"]), "vraag_tlv", False, second="vraag_opp"),
        Outcome(message(["vraag_tlv", "vraag_opp"]), "vraag_tlv", False),
    ]
    table = report(outcomes, ["vraag_tlv", "vraag_opp"])
    assert "| goed, vervolgvragen (met het vorige onderwerp) | 1.000 (2/2) |" in table
    assert "antwoord uit de uitleg / eerlijk 'staat er niet in' | 1 / 1 |" in table
    assert "| twee vragen: beide beantwoord | 0.500 (1/2) |" in table


def test_each_corpus_has_its_own_floors_and_every_corpus_has_one():
    from bot.nlu.corpus import CORPUS_DIR, read_floors

    floors = read_floors(CORPUS_DIR / "ondergrenzen.yml")
    assert set(floors) == {p.name for p in CORPUS_DIR.glob("*.tsv")}
    assert all(0.5 <= f["goed"] <= f["een_verwacht"] <= 1.0 for f in floors.values())


@pytest.mark.parametrize("text", ["- a\n- b\n", "x.tsv: {goed: 1.5}\n", "x.tsv: {goed: 0.5, anders: 0.3}\n"])
def test_a_floors_file_that_is_not_per_corpus_shares_is_an_error(tmp_path, text):
    from bot.nlu.corpus import read_floors

    path = tmp_path / "ondergrenzen.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError):
        read_floors(path)
