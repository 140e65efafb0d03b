"""bot.nlu.topic_classifier without Rasa: trains, ranks, and survives saving and loading unchanged."""
import json

import numpy as np
import pytest

from bot.nlu.topic_classifier import ARRAYS_FILE, META_FILE, TopicClassifier, prepare

EXAMPLES = {
    "vraag_tlv": ["wat is een tlv", "hoe vraag ik een toelaatbaarheidsverklaring aan",
                  "wie geeft de tlv voor speciaal onderwijs", "mijn zoon heeft een tlv nodig",
                  "duurt een tlv aanvraag lang"],
    "oorzaak_pesten": ["mijn dochter wordt gepest op school", "ze pesten hem elke dag",
                       "hij durft niet meer door het pesten", "gepest in de klas en niemand doet iets",
                       "wat doet school tegen pesten"],
    "groet": ["hallo", "hoi", "goedemorgen", "goedemiddag", "hey daar"],
}


def trained() -> TopicClassifier:
    texts = [t for ts in EXAMPLES.values() for t in ts]
    labels = [i for i, ts in EXAMPLES.items() for _ in ts]
    return TopicClassifier.fit(texts, labels, c=50)


def test_the_telling_words_decide_inside_a_long_story():
    story = ("Onze zoon van 11 zit al weken thuis en we zijn echt ten einde raad, de school belt niet terug "
             "en ik slaap er slecht van. Ze pesten hem al maanden in de klas.")
    ranking = trained().rank(story)
    assert ranking[0][0] == "oorzaak_pesten"
    assert abs(sum(p for _, p in ranking) - 1.0) < 1e-6
    assert [p for _, p in ranking] == sorted((p for _, p in ranking), reverse=True)


def test_chat_spelling_and_typos_are_read():
    assert trained().rank("wie geeft n tlv aan mn zoon")[0][0] == "vraag_tlv"
    assert prepare("Mn zoon!!").startswith("mijn zoon")


def test_saved_and_loaded_it_ranks_the_same_without_pickle(tmp_path):
    clf = trained()
    clf.save(tmp_path)
    json.loads((tmp_path / META_FILE).read_text(encoding="utf-8"))
    with np.load(tmp_path / ARRAYS_FILE, allow_pickle=False) as arrays:
        assert set(arrays.files) >= {"coef", "intercept"}
    loaded = TopicClassifier.load(tmp_path)
    for text in ("wat is een tlv", "hoi", "ze pesten mijn kind", "", "🙂🙂"):
        assert [n for n, _ in loaded.rank(text)] == [n for n, _ in clf.rank(text)]
        assert np.allclose([p for _, p in loaded.rank(text)], [p for _, p in clf.rank(text)], atol=1e-5)


def test_one_intent_is_not_enough_to_train():
    with pytest.raises(ValueError):
        TopicClassifier.fit(["hallo", "hoi"], ["groet", "groet"])


def _plain_probabilities(classifier: TopicClassifier, texts) -> np.ndarray:
    """The formula before session 13's speed-up: the float32 coef multiplied as stored."""
    scores = np.asarray(classifier._features(texts) @ classifier.coef.T + classifier.intercept, dtype=np.float64)
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def test_the_precomputed_weights_give_exactly_the_plain_products(tmp_path):
    texts = ["wat is een tlv", "Onze zoon wordt gepest en zit thuis, wie geeft een tlv?", "hoi", "",
             "xyz onbekende woorden", "mn dochter durft nie meer naar school door het pesten " * 20]
    classifier = trained()
    classifier.save(tmp_path)
    loaded = TopicClassifier.load(tmp_path)
    for model, multiplied_in in ((classifier, np.float32), (loaded, np.float64)):
        assert np.array_equal(model.probabilities(texts), _plain_probabilities(model, texts))  # bit for bit
        assert np.array_equal(model.probabilities(texts[:1]), model.probabilities(texts)[:1])
        assert list(model._weights) == [np.dtype(multiplied_in)]  # one copy, made once, in the product's type
        weights = model._weights[np.dtype(multiplied_in)]
        assert weights.flags.c_contiguous and np.array_equal(weights, model.coef.T.astype(multiplied_in))
        model.probabilities(texts)
        assert model._weights[np.dtype(multiplied_in)] is weights
