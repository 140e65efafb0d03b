"""bot.nlu.danger_classifier: a yes/no danger classifier trained beside the topics, without Rasa."""
import numpy as np
import pytest
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from bot.nlu import danger_classifier as dc
from bot.nlu.intent_override import DANGER_MIN, DANGER_MIN_WORDS, SAFETY_INTENT, override_intent, shows_danger
from bot.nlu.topic_classifier import TopicClassifier, prepare

DANGER = ["ik wil niet meer leven", "hij zegt dat hij dood wil", "mijn vader slaat mij elke avond",
          "ze snijdt zichzelf in haar armen", "ik durf niet naar huis want mijn stiefvader slaat",
          "hij heeft een mes meegenomen en wil iemand steken", "mijn dochter wil er niet meer zijn",
          "mijn zoon heeft een afscheidsbrief geschreven"]
ORDINARY = ["wat is een tlv", "mijn zoon zit thuis sinds de zomer", "hoe lang duurt een schorsing",
            "wie beslist dat", "de school wil hem niet meer hebben", "kan iemand mij bellen",
            "mijn dochter is gepest op school", "ik ga dood van verveling op school", "wat kost dat",
            "hij heeft autisme en krijgt geen plek", "waar vind ik het samenwerkingsverband",
            "wat is leerplicht", "ze heeft buikpijn elke ochtend", "en als de school weigert"]


@pytest.fixture(scope="module")
def classifier():
    return dc.fit(DANGER + ORDINARY, [True] * len(DANGER) + [False] * len(ORDINARY))


def test_two_labels_give_real_probabilities(classifier):
    # scikit-learn keeps one coefficient row for two labels; as a softmax over that one row every message
    # would get probability 1.0 for a single label
    probs = classifier.probabilities(["ik wil niet meer leven", "wat is een tlv"])
    assert probs.shape == (2, 2)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert dc.danger_score(classifier, "ik wil niet meer leven") > 0.5 > dc.danger_score(classifier, "wat is een tlv")


def test_binary_softmax_equals_scikit_learns_sigmoid():
    texts = DANGER + ORDINARY
    labels = ["gevaar"] * len(DANGER) + ["geen"] * len(ORDINARY)
    ours = TopicClassifier.fit(texts, labels, 20.0, class_weight="balanced")
    features = sparse.hstack([v.transform([prepare(t) for t in texts]) for v in ours.vectorizers]).tocsr()
    theirs = LogisticRegression(C=20.0, max_iter=3000, random_state=2026, class_weight="balanced").fit(features, labels)
    assert np.allclose(ours.probabilities(texts), theirs.predict_proba(features), atol=1e-4)


def test_saved_and_loaded_scores_the_same(classifier, tmp_path):
    classifier.save(tmp_path)
    loaded = TopicClassifier.load(tmp_path)
    for text in ["mijn vader slaat mij", "hoe lang duurt dat", "ik wil dood"]:
        assert dc.danger_score(loaded, text) == pytest.approx(dc.danger_score(classifier, text), abs=1e-5)


def test_empty_text_scores_nothing(classifier):
    assert dc.danger_score(classifier, "") == 0.0
    assert dc.danger_score(classifier, "   ") == 0.0


def test_examples_file_is_read_and_checked(tmp_path):
    (tmp_path / "a.tsv").write_text("# comment\ngevaar\tik wil dood\n\ngeen\tik ga dood van verveling\n", encoding="utf-8")
    assert dc.read_examples(tmp_path) == [("gevaar", "ik wil dood"), ("geen", "ik ga dood van verveling")]
    (tmp_path / "b.tsv").write_text("misschien\tik weet het niet\n", encoding="utf-8")
    with pytest.raises(ValueError, match="b.tsv:1"):
        dc.read_examples(tmp_path)


def test_the_projects_examples_are_well_formed():
    rows = dc.read_examples(dc.REPO / "data" / "gevaar")
    assert {label for label, _ in rows} == {dc.DANGER, dc.NO_DANGER}


def test_training_set_marks_the_safety_intent_and_the_danger_label():
    texts, flags = dc.training_set([("veiligheid", "a"), ("vraag_tlv", "b")], [("gevaar", "c"), ("geen", "d")],
                                   "veiligheid")
    assert texts == ["a", "b", "c", "d"] and flags == [True, False, True, False]


def test_the_score_decides_from_the_threshold_on_messages_long_enough():
    long_enough = " ".join(["woord"] * DANGER_MIN_WORDS)
    assert shows_danger(long_enough, danger_score=DANGER_MIN)
    assert not shows_danger(long_enough, danger_score=DANGER_MIN - 0.01)
    short = " ".join(["woord"] * (DANGER_MIN_WORDS - 1))
    assert not shows_danger(short, danger_score=1.0)
    assert override_intent(long_enough, "vraag_tlv", danger_score=DANGER_MIN) == SAFETY_INTENT
    assert override_intent(long_enough, "vraag_tlv", danger_score=0.0) is None
