"""TF-IDF feature rows computed exactly as scikit-learn computes them, without its per-call overhead.

``TopicClassifier`` turns every message into TF-IDF features with two ``TfidfVectorizer``s (word and
character n-grams, ``sublinear_tf``, l2 norm) and joins them side by side. scikit-learn's
``transform`` builds and checks several sparse matrices per call (the counts, a copy, a product with
the diagonal idf matrix, the normalised result, the join): 0.6-1.2 ms per message in the session-13
profile, of which counting the n-grams is about a sixth. ``TfidfRows`` does the same arithmetic on the
few non-zero values of one message directly:

- counts: the vectorizer's own analyzer, looked up in its vocabulary (as ``CountVectorizer._count_vocab``);
- tf: ``log(count) + 1`` in float32, the vectorizer's dtype (as ``TfidfTransformer.transform``);
- idf: each float32 tf times the float64 idf, in the order SciPy's sparse product leaves them
  (columns descending: its row accumulator is a linked list, new columns in front);
- l2: the squares summed one after the other in that order, the square root, each value divided by it
  (as ``sklearn.utils.sparsefuncs_fast.inplace_csr_row_normalize_l2``);
- join: the word block, then the character block shifted by the word vocabulary's size (as
  ``scipy.sparse.hstack``).

So the CSR arrays (values, columns, row starts) are the very same numbers in the very same order, and
the classifier's product with them gives bit-for-bit the same probabilities
(tests/unit/nlu/test_tfidf_rows.py compares the arrays with scikit-learn's on every training example).
It applies only to vectorizers in the form a saved model loads them (float32 counts, float64 idf,
sublinear tf, l2 norm, not binary); ``supports`` says so, and the classifier uses scikit-learn otherwise.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


def supports(vectorizers: Sequence[TfidfVectorizer]) -> bool:
    """Whether ``TfidfRows`` computes exactly what these fitted vectorizers' ``transform`` computes."""
    for v in vectorizers:
        tfidf = getattr(v, "_tfidf", None)
        idf_diag = getattr(tfidf, "_idf_diag", None)
        if (idf_diag is None or idf_diag.dtype != np.float64 or np.dtype(v.dtype) != np.float32
                or not v.sublinear_tf or not v.use_idf or v.norm != "l2" or v.binary
                or not isinstance(getattr(v, "vocabulary_", None), dict)):
            return False
    return True


class TfidfRows:
    def __init__(self, vectorizers: Sequence[TfidfVectorizer]):
        if not supports(vectorizers):
            raise ValueError("TfidfRows: vectorizers not in the form a saved model loads them")
        self._blocks = []
        offset = 0
        for v in vectorizers:
            self._blocks.append((v.build_analyzer(), v.vocabulary_, np.asarray(v.idf_, dtype=np.float64), offset))
            offset += len(v.vocabulary_)
        self.width = offset

    def _row(self, document: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
        values, columns = [], []
        for analyze, vocabulary, idf, offset in self._blocks:
            counts: dict[int, int] = {}
            known = vocabulary.get
            for feature in analyze(document):
                index = known(feature)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            if not counts:
                continue
            order = sorted(counts, reverse=True)
            tf = np.array([counts[i] for i in order], dtype=np.float32)
            np.log(tf, out=tf)
            tf += 1
            cols = np.array(order, dtype=np.int32)
            weighted = tf.astype(np.float64) * idf[cols]
            total = 0.0
            for value in weighted.tolist():
                total += value * value
            norm = math.sqrt(total)
            if norm != 0.0:
                weighted /= norm
            values.append(weighted)
            columns.append(cols + offset if offset else cols)
        return values, columns

    def transform(self, documents: Sequence[str]) -> sparse.csr_matrix:
        """The joined TF-IDF rows of already prepared documents (one row each), as a CSR matrix."""
        values: list[np.ndarray] = []
        columns: list[np.ndarray] = []
        starts = [0]
        for document in documents:
            row_values, row_columns = self._row(document)
            values.extend(row_values)
            columns.extend(row_columns)
            starts.append(starts[-1] + sum(len(c) for c in row_columns))
        data = np.concatenate(values) if values else np.zeros(0, dtype=np.float64)
        indices = np.concatenate(columns).astype(np.int32, copy=False) if columns else np.zeros(0, dtype=np.int32)
        return sparse.csr_matrix((data, indices, np.array(starts, dtype=np.int32)),
                                 shape=(len(documents), self.width))
