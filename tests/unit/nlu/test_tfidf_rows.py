"""bot.nlu.tfidf_rows computes the very same TF-IDF rows as scikit-learn (values, columns, row starts,
bit for bit), on vectorizers fitted on the real training data and loaded as a saved model loads them,
for every training and held-out example and for hostile input; and the classifier uses it only where
that holds."""
import re
from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy import sparse

from bot.nlu import topic_classifier
from bot.nlu.tfidf_rows import TfidfRows, supports
from bot.nlu.topic_classifier import ANALYZERS, TopicClassifier, prepare

REPO = Path(__file__).resolve().parents[3]
MARKUP = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")
HOSTILE = ["", " ", "?!?!", "👍", "😭😭😭", "a", "ik", "mn zoon zit thuis " * 300, "ß" * 5000,
           "Моя дочь не ходит в школу", "ابني لا يذهب إلى المدرسة", "\x00\x01 tlv\u200b", "1234 AB",
           "k ga nie meer naar skool!!!", "IK WIL DOOD", "zit      al     weken\n\nthuis"]


def texts(*directories: str) -> list[str]:
    found = []
    for directory in directories:
        for path in sorted((REPO / directory).glob("*.yml")):
            for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
                for line in str(block.get("examples", "")).splitlines():
                    if line.strip().startswith("- "):
                        found.append(MARKUP.sub(lambda m: m.group(1) or m.group(2), line.strip()[2:]))
    return found


@pytest.fixture(scope="module")
def loaded_vectorizers():
    """Fitted on the training examples, idf stored and read back as float64 (TopicClassifier.load)."""
    prepared = [prepare(t) for t in texts("data/nlu")]
    vectorizers = [topic_classifier._vectorizer(a, n) for a, n in ANALYZERS]
    for v in vectorizers:
        v.fit(prepared)
        v.idf_ = v.idf_.astype(np.float32).astype(np.float64)   # as saved (float32) and loaded
    return vectorizers


def sklearn_rows(vectorizers, documents):
    return sparse.hstack([v.transform(documents) for v in vectorizers]).tocsr()


def same_arrays(a, b) -> bool:
    return (a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a.indptr, b.indptr)
            and np.array_equal(a.indices, b.indices) and np.array_equal(a.data, b.data))


def test_every_example_gets_exactly_sklearns_row(loaded_vectorizers):
    rows = TfidfRows(loaded_vectorizers)
    documents = [prepare(t) for t in texts("data/nlu", "tests/nlu_testset") + HOSTILE]
    assert len(documents) > 1000
    different = [d for d in documents
                 if not same_arrays(rows.transform([d]), sklearn_rows(loaded_vectorizers, [d]))]
    assert different == []
    assert same_arrays(rows.transform(documents[:50]), sklearn_rows(loaded_vectorizers, documents[:50]))
    assert rows.transform([]).shape == (0, rows.width)


def test_the_classifier_uses_it_only_where_it_is_exact(loaded_vectorizers, tmp_path):
    examples = {"vraag_tlv": ["wat is een tlv", "wie geeft de tlv", "tlv aanvragen", "een tlv nodig"],
                "oorzaak_pesten": ["hij wordt gepest", "pesten op school", "ze pesten haar", "gepest in de klas"]}
    fitted = TopicClassifier.fit([t for ts in examples.values() for t in ts],
                                 [i for i, ts in examples.items() for _ in ts])
    assert not supports(fitted.vectorizers) and fitted._rows is None     # float32 idf: scikit-learn decides
    fitted.save(tmp_path)
    loaded = TopicClassifier.load(tmp_path)
    assert supports(loaded.vectorizers) and loaded._rows is not None
    documents = [prepare(t) for t in texts("tests/nlu_testset")[:200] + HOSTILE]
    assert same_arrays(loaded._features(documents), loaded._sklearn_features(documents))
    plain = loaded._sklearn_features(documents) @ loaded._weights_for(np.float64) + loaded.intercept
    fast = loaded._features(documents) @ loaded._weights_for(np.float64) + loaded.intercept
    assert np.array_equal(np.asarray(plain), np.asarray(fast))


@pytest.mark.parametrize("change", [
    {"sublinear_tf": False}, {"norm": "l1"}, {"binary": True}, {"use_idf": False}, {"dtype": np.float64}])
def test_other_vectorizer_settings_are_not_claimed(loaded_vectorizers, change):
    import copy

    changed = [copy.deepcopy(v) for v in loaded_vectorizers]
    changed[1].set_params(**change)
    assert not supports(changed)
    with pytest.raises(ValueError):
        TfidfRows(changed)
