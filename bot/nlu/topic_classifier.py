"""The intent classifier: TF-IDF word and character n-grams under a multinomial logistic regression.

Why not DIET's intent head: on the independent corpora of issue 16 (long parent stories, chat
spelling, non-native Dutch) this classifier answered the writer's topic more often on every corpus
(reports/begrip.md, session 10), trains in seconds instead of minutes, and its TF-IDF weighting
keeps the words every story shares ("school", "zoon", "thuis") from drowning the few that say what
it is about. DIET still finds the entities (age, how long, school type).

Plain Python over scikit-learn, tested without Rasa; ``bot.nlu.topic_classifier_component`` is the
thin Rasa adapter. A trained classifier is saved as JSON and NumPy arrays (no pickle): loading a
model never runs code from it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.nlu.tfidf_rows import TfidfRows, supports
from bot.signals.normalize import normalize_for_matching

# Word 1-2-grams and character 2-4-grams within words (robust to typos), as the featurizers before.
ANALYZERS = (("word", (1, 2)), ("char_wb", (2, 4)))
MIN_DF = 2
# Weak regularisation: the training examples are written to be right; a message's few telling words
# must be able to outweigh a long story (C measured on the corpora: 5 < 20 < 50 <= 200).
DEFAULT_C = 100.0
META_FILE = "topic_classifier.json"
ARRAYS_FILE = "topic_classifier.npz"


def prepare(text: str) -> str:
    """The text the classifier sees: spelling normalised ("mn" -> "mijn"), sentence ends kept as " . "."""
    return normalize_for_matching(text or "")


def _vectorizer(analyzer: str, ngrams: tuple[int, int], vocabulary=None) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, min_df=MIN_DF, sublinear_tf=True,
                           lowercase=False, vocabulary=vocabulary, dtype=np.float32)


@dataclass
class TopicClassifier:
    vectorizers: list[TfidfVectorizer]
    coef: np.ndarray        # classes x features
    intercept: np.ndarray   # classes
    classes: list[str]
    # coef transposed, in row order and in the type SciPy multiplies in, made once per type: a loaded
    # model's features are float64, and multiplying them with the float32 ``coef.T`` made SciPy convert
    # and copy all of coef (57 x 19,492) on every message, 0.76 ms of the 1.6 ms a message took
    # (bench/RESULTS.md, session 13). The product is the same: SciPy multiplied by exactly this copy, in
    # the same order (a freshly fitted model's float32 features still multiply in float32).
    _weights: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # the same TF-IDF rows as the vectorizers' transform, without scikit-learn's per-call overhead
    # (bot/nlu/tfidf_rows.py); None where it does not apply (a freshly fitted model: float32 idf)
    _rows: object = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._rows = TfidfRows(self.vectorizers) if supports(self.vectorizers) else None

    def _weights_for(self, features_dtype: np.dtype) -> np.ndarray:
        dtype = np.result_type(features_dtype, self.coef.dtype)
        weights = self._weights.get(dtype)
        if weights is None:
            weights = self._weights[dtype] = np.ascontiguousarray(np.asarray(self.coef).T, dtype=dtype)
        return weights

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], c: float = DEFAULT_C,
            class_weight: str | None = None) -> "TopicClassifier":
        """``class_weight="balanced"`` weighs a rare label up (the danger classifier: few danger examples)."""
        if len(set(labels)) < 2:
            raise ValueError("minstens twee intenties nodig om te trainen")
        prepared = [prepare(t) for t in texts]
        vectorizers = [_vectorizer(a, n) for a, n in ANALYZERS]
        features = sparse.hstack([v.fit_transform(prepared) for v in vectorizers]).tocsr()
        model = LogisticRegression(C=c, max_iter=3000, random_state=2026, class_weight=class_weight)
        model.fit(features, list(labels))
        coef, intercept = model.coef_.astype(np.float32), model.intercept_.astype(np.float32)
        if len(model.classes_) == 2:
            # scikit-learn keeps one row for two labels (the second label's score); as softmax rows
            # [0, w] and [0, b] give the same probabilities as its sigmoid
            coef = np.vstack([np.zeros_like(coef), coef])
            intercept = np.concatenate([np.zeros_like(intercept), intercept])
        return cls(vectorizers, coef, intercept, [str(c) for c in model.classes_])

    def _features(self, texts: Sequence[str]):
        prepared = [prepare(t) for t in texts]
        if self._rows is not None:
            return self._rows.transform(prepared)
        return self._sklearn_features(prepared)

    def _sklearn_features(self, prepared: Sequence[str]):
        return sparse.hstack([v.transform(prepared) for v in self.vectorizers]).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        features = self._features(texts)
        scores = features @ self._weights_for(features.dtype) + self.intercept
        scores = np.asarray(scores, dtype=np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def rank(self, text: str, length: int = 10) -> list[tuple[str, float]]:
        """The intents from most to least likely, with their probabilities (they add up to 1)."""
        if len(self.classes) == 0:
            return []
        probs = self.probabilities([text])[0]
        order = np.argsort(-probs, kind="stable")[:length]
        return [(self.classes[i], float(probs[i])) for i in order]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        meta = {"classes": self.classes, "analyzers": [
            {"analyzer": v.analyzer, "ngram_range": list(v.ngram_range),
             "vocabulary": {term: int(i) for term, i in v.vocabulary_.items()}} for v in self.vectorizers]}
        (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        arrays = {"coef": self.coef, "intercept": self.intercept}
        arrays.update({f"idf_{i}": v.idf_.astype(np.float32) for i, v in enumerate(self.vectorizers)})
        np.savez_compressed(directory / ARRAYS_FILE, **arrays)

    @classmethod
    def load(cls, directory: Path) -> "TopicClassifier":
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        with np.load(directory / ARRAYS_FILE, allow_pickle=False) as arrays:
            vectorizers = []
            for i, spec in enumerate(meta["analyzers"]):
                vectorizer = _vectorizer(spec["analyzer"], tuple(spec["ngram_range"]), spec["vocabulary"])
                vectorizer.idf_ = arrays[f"idf_{i}"].astype(np.float64)
                vectorizers.append(vectorizer)
            return cls(vectorizers, arrays["coef"], arrays["intercept"], list(meta["classes"]))
