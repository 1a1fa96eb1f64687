"""The statistical classifier, a spaCy component registered as ``leverage_lens_textcat``.

A linear model over TF-IDF-weighted lower-cased words and word pairs: for each category a logistic
regression. spaCy's own ``textcat_multilabel`` (bag of words trained by SGD on a squared-error gradient)
was tried first: on CUAD, where most categories label under 1% of clauses, its rare categories collapsed
to scores near zero, and regularised logistic regression on the same units ranked far better (see
``models/leverage_lens_tagger/MODEL_CARD.md``). So the weights are fitted by a convex solver at training
time (:mod:`.train`) and this component only applies them, vectorised with numpy over a whole batch:
token hashes come from ``Doc.to_array(LOWER)``, word pairs are hashed from them, and features are found
in a sorted hash table with ``searchsorted``. It sets ``doc.cats`` (raw probabilities; the tagger
calibrates them) and serialises with the pipeline (``nlp.to_disk``/``spacy.load``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.attrs import IS_SPACE, LOWER
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LinearTextCat", "doc_features", "tfidf_rows"]

_PAIR = np.uint64(0x9E3779B97F4A7C15)


def doc_features(doc: Doc) -> np.ndarray:
    """Hashes of the doc's lower-cased words and of each pair of neighbouring words (white space skipped)."""
    arr = doc.to_array([LOWER, IS_SPACE])
    words = arr[arr[:, 1] == 0, 0].astype(np.uint64, copy=False)
    if len(words) < 2:
        return words
    with np.errstate(over="ignore"):
        pairs = (words[:-1] * _PAIR) ^ (words[1:] >> np.uint64(1))
    return np.concatenate([words, pairs])


def tfidf_rows(feats: list[np.ndarray], table: np.ndarray, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse TF-IDF rows (sublinear tf, L2-normalised) of the docs' features known to ``table``.

    Returns ``(row, col, value)`` sorted by row, like a COO matrix.
    """
    n_feat = len(table)
    if not feats or n_feat == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    lengths = np.array([len(f) for f in feats], dtype=np.int64)
    allf = np.concatenate(feats) if lengths.sum() else np.zeros(0, dtype=np.uint64)
    rows = np.repeat(np.arange(len(feats), dtype=np.int64), lengths)
    pos = np.searchsorted(table, allf)
    pos[pos >= n_feat] = 0
    known = table[pos] == allf
    keys = rows[known] * n_feat + pos[known]
    uniq, counts = np.unique(keys, return_counts=True)
    row, col = uniq // n_feat, uniq % n_feat
    val = (1.0 + np.log(counts)) * idf[col]
    norms = np.sqrt(np.bincount(row, weights=val * val, minlength=len(feats)))
    norms[norms == 0] = 1.0
    return row, col, (val / norms[row]).astype(np.float32)


class LinearTextCat:
    """Applies per-category logistic regressions to TF-IDF features; sets ``doc.cats``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.labels: list[str] = []
        self.table = np.zeros(0, dtype=np.uint64)
        self.idf = np.zeros(0, dtype=np.float32)
        self.weights = np.zeros((0, 0), dtype=np.float32)
        self.bias = np.zeros(0, dtype=np.float32)

    def set_weights(self, labels: list[str], table: np.ndarray, idf: np.ndarray, weights: np.ndarray,
                    bias: np.ndarray) -> None:
        order = np.argsort(table)
        self.labels = list(labels)
        self.table = table[order].astype(np.uint64)
        self.idf = idf[order].astype(np.float32)
        self.weights = weights[order].astype(np.float32)
        self.bias = bias.astype(np.float32)

    def predict(self, docs: list[Doc]) -> np.ndarray:
        """Probability per doc and label, shape ``(len(docs), len(labels))``."""
        scores = np.tile(self.bias, (len(docs), 1))
        row, col, val = tfidf_rows([doc_features(d) for d in docs], self.table, self.idf)
        if len(row):
            contrib = self.weights[col] * val[:, None]
            starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
            scores[row[starts]] += np.add.reduceat(contrib, starts, axis=0)
        return 1.0 / (1.0 + np.exp(-scores))

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 512) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._set(batch)
                batch = []
        if batch:
            yield from self._set(batch)

    def _set(self, docs: list[Doc]) -> list[Doc]:
        probs = self.predict(docs)
        for doc, p in zip(docs, probs.tolist()):
            doc.cats.update(zip(self.labels, p))
        return docs

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "weights.npz", table=self.table, idf=self.idf.astype(np.float16),
                            weights=self.weights.astype(np.float16), bias=self.bias,
                            labels=np.array(self.labels))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LinearTextCat:
        with np.load(Path(path) / "weights.npz") as data:
            self.labels = [str(x) for x in data["labels"]]
            self.table = data["table"]
            self.idf = data["idf"].astype(np.float32)
            self.weights = data["weights"].astype(np.float32)
            self.bias = data["bias"].astype(np.float32)
        return self


@Language.factory("leverage_lens_textcat")
def make_linear_textcat(nlp: Language, name: str) -> LinearTextCat:
    """Registered factory; the weights come from ``from_disk`` (trained by ``leverage_lens.tag.train``)."""
    return LinearTextCat(nlp, name)
