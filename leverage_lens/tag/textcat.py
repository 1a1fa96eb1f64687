"""The statistical classifier, a spaCy component registered as ``leverage_lens_textcat``.

A linear model over TF-IDF-weighted lower-cased words and word pairs: for each category a logistic
regression. spaCy's own ``textcat_multilabel`` (bag of words trained by SGD on a squared-error gradient)
was tried first: on CUAD, where most categories label under 1% of clauses, its rare categories collapsed
to scores near zero, and regularised logistic regression on the same units ranked far better (see
``models/leverage_lens_tagger/MODEL_CARD.md``). So the weights are fitted by a convex solver at training
time (:mod:`leverage_lens.training.tagger`) and this component only applies them, vectorised with numpy over a whole batch:
token hashes come from ``Doc.to_array(LOWER)``, word pairs are hashed from them, and features are found
in a sorted hash table with ``searchsorted``. It sets ``doc.cats`` (raw probabilities; the tagger
calibrates them) and serialises with the pipeline (``nlp.to_disk``/``spacy.load``).

A model input may carry context in front of the clause's own text, fenced by two marker tokens:
``<tail of the previous clause> PREV_MARK <headings> HEAD_MARK <own text>`` (see
:meth:`.units.Unit.model_text`). The headings' words count twice, as plain words and pairs (they say what
the clause is about as much as its body does) and in a namespace of their own (so "term" in a heading,
which announces renewal and expiry, is a different feature from "term" in running text); the previous
clause's words count in a third namespace ("as follows:" before a list item). A Doc without markers
(anyone's text through the ``leverage_lens_tagger`` factory) is all own text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.attrs import IS_SPACE, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .tokenizer import fast_words

__all__ = ["HEAD_MARK", "PREV_MARK", "LinearTextCat", "compose", "doc_features", "linear_probabilities",
           "strip_marks", "text_hashes", "tfidf_rows"]

_PAIR = np.uint64(0x9E3779B97F4A7C15)
_SALT_HEAD = np.uint64(0x51ED2701)
_SALT_PREV = np.uint64(0x2A4F7713)

#: Private-use characters fencing a model input's context (see the module docstring); the fast tokenizer
#: makes each a token of its own, and :func:`strip_marks` keeps them out of the context itself.
PREV_MARK = "\ue000"
HEAD_MARK = "\ue001"
_PREV_ID = np.uint64(get_string_id(PREV_MARK))
_HEAD_ID = np.uint64(get_string_id(HEAD_MARK))


def strip_marks(text: str) -> str:
    """``text`` without the marker characters (a PDF's symbol font may use private-use code points)."""
    if PREV_MARK in text or HEAD_MARK in text:
        return text.replace(PREV_MARK, " ").replace(HEAD_MARK, " ")
    return text


def _words_pairs(words: np.ndarray) -> np.ndarray:
    if len(words) < 2:
        return words
    with np.errstate(over="ignore"):
        pairs = (words[:-1] * _PAIR) ^ (words[1:] >> np.uint64(1))
    return np.concatenate([words, pairs])


def compose(body: np.ndarray, head: np.ndarray | None = None, prev: np.ndarray | None = None) -> np.ndarray:
    """The features of a model input from the word hashes of its three parts (see the module docstring):
    the one recipe behind :func:`doc_features` and the tagger's Doc-free path (:func:`text_hashes`)."""
    parts = [_words_pairs(body)]
    if head is not None and len(head):
        parts += [_words_pairs(head), head ^ _SALT_HEAD]
    if prev is not None and len(prev):
        parts.append(prev ^ _SALT_PREV)
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def doc_features(doc: Doc) -> np.ndarray:
    """Feature hashes of a model input: the own text's lower-cased words and neighbouring word pairs, the
    headings' words and pairs plus their words in the heading namespace, the previous clause's words in
    its namespace (white space skipped; see the module docstring for the markers)."""
    arr = doc.to_array([LOWER, IS_SPACE])
    words = arr[arr[:, 1] == 0, 0].astype(np.uint64, copy=False)
    head_at = np.flatnonzero(words == _HEAD_ID)
    if not len(head_at):
        return _words_pairs(words)
    h = int(head_at[0])
    prev_at = np.flatnonzero(words[:h] == _PREV_ID)
    p = int(prev_at[0]) if len(prev_at) else -1
    return compose(words[h + 1 :], words[p + 1 : h], words[:p] if p > 0 else None)


def text_hashes(text: str) -> np.ndarray:
    """The LOWER hashes the fast tokenizer's Doc of ``text`` would have, without building the Doc: context
    is read by every unit, and building Docs for it cost a third of tagging time."""
    return np.array([get_string_id(w.lower()) for w in fast_words(text)], dtype=np.uint64)


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


#: Rows (clauses) scored at once by :meth:`LinearTextCat.predict_features`: bounds its memory on long documents.
BLOCK = 2048


def linear_probabilities(feats: list[np.ndarray], table: np.ndarray, idf: np.ndarray, weights: np.ndarray,
                         bias: np.ndarray) -> np.ndarray:
    """Logistic probabilities, shape ``(len(feats), labels)``, of TF-IDF rows against fitted weights; rows
    are scored in blocks of :data:`BLOCK` (the per-feature contributions of a whole long document at once
    took gigabytes; each row's sum is the same either way)."""
    scores = np.tile(bias, (len(feats), 1))
    for first in range(0, len(feats), BLOCK):
        row, col, val = tfidf_rows(feats[first : first + BLOCK], table, idf)
        if len(row):
            contrib = weights[col] * val[:, None]
            starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
            scores[first + row[starts]] += np.add.reduceat(contrib, starts, axis=0)
    return 1.0 / (1.0 + np.exp(-scores))


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
        return self.predict_features([doc_features(d) for d in docs])

    def predict_features(self, feats: list[np.ndarray]) -> np.ndarray:
        """:meth:`predict` from feature hashes (:func:`doc_features`, :func:`compose`).

        Rows are scored in blocks of :data:`BLOCK`: the per-feature contributions (features x labels) of a
        whole long document at once took gigabytes; each row's sum is the same either way.
        """
        return linear_probabilities(feats, self.table, self.idf, self.weights, self.bias)

    def token_scores(self, words: np.ndarray, label: int) -> np.ndarray:
        """How much each own-text token (its LOWER hash in ``words``) pushes ``label`` up: its word
        feature's weight times IDF plus half of each word pair it is in. Ranks the words that decided a
        tag (:attr:`leverage_lens.model.Tag.evidence`); not the exact share of the score, which also depends
        on the TF-IDF normalisation of the whole input."""
        n = len(words)
        if n == 0 or len(self.table) == 0:
            return np.zeros(n)
        feats = _words_pairs(words)
        pos = np.searchsorted(self.table, feats)
        pos[pos >= len(self.table)] = 0
        known = self.table[pos] == feats
        w = np.where(known, self.weights[pos, label] * self.idf[pos], 0.0).astype(np.float64)
        out = w[:n].copy()
        if n > 1:
            pairs = w[n:]
            out[:-1] += pairs / 2
            out[1:] += pairs / 2
        return out

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
    """Registered factory; the weights come from ``from_disk`` (trained by ``leverage_lens.training.tagger``)."""
    return LinearTextCat(nlp, name)
