"""Fitting the linear model (training time only; needs scikit-learn, the ``[eval]`` extra).

The vocabulary (most frequent features and their IDF) and one class-balanced L2 logistic regression per
label, over the TF-IDF rows :func:`.textcat.tfidf_rows` computes at run time, so what is fitted is what is
applied. liblinear solves the *dual* problem: with fewer units than features it finds the same weights
(to 1e-5 on CUAD) three to five times faster than the primal, which is what makes fitting once per
cross-validation fold affordable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..tag.decision import FAMILY_PREFIX

__all__ = ["FittedWeights", "fit_weights", "has_label", "matrix", "unsure_labels", "vocabulary"]

#: (table, idf, weights, bias) as :meth:`.textcat.LinearTextCat.set_weights` takes them.
FittedWeights = tuple[Any, Any, Any, Any]


def has_label(label: str, gold: frozenset[str], family_of: Mapping[str, str]) -> bool:
    """Whether a unit with categories ``gold`` is a positive for ``label`` (a category or ``family:<id>``)."""
    if label.startswith(FAMILY_PREFIX):
        return any(family_of.get(g) == label[len(FAMILY_PREFIX):] for g in gold)
    return label in gold


def vocabulary(feats: Sequence[Any], max_features: int, min_df: int) -> tuple[Any, Any]:
    """The most frequent features (by document frequency, at least ``min_df``) and their smoothed IDF."""
    uniq, df = np.unique(np.concatenate([np.unique(f) for f in feats]), return_counts=True)
    keep = df >= min_df
    uniq, df = uniq[keep], df[keep]
    if len(uniq) > max_features:
        top = np.argsort(-df, kind="stable")[:max_features]
        uniq, df = uniq[top], df[top]
    order = np.argsort(uniq)
    idf = np.log((1 + len(feats)) / (1 + df[order])) + 1.0
    return uniq[order], idf.astype(np.float32)


def matrix(feats: Sequence[Any], table: Any, idf: Any) -> Any:
    """The TF-IDF rows of ``feats`` as a scipy CSR matrix."""
    from scipy.sparse import csr_matrix

    from ..tag.textcat import tfidf_rows

    row, col, val = tfidf_rows(list(feats), table, idf)
    return csr_matrix((val, (row, col)), shape=(len(feats), len(table)))


def fit_weights(feats: Sequence[Any], golds: Sequence[frozenset[str]], labels: Sequence[str],
                family_of: Mapping[str, str], *, max_features: int, min_df: int, c: float,
                unsure: Sequence[frozenset[str]] | None = None) -> FittedWeights:
    """Vocabulary from ``feats``, then one logistic regression per label; a label without positives gets
    a bias of -20 (never predicted). ``unsure`` (per unit, labels it is neither a positive nor a negative
    for) leaves those units out of those labels' fits: see :func:`unsure_labels`."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        from ..errors import EvalDependencyError

        raise EvalDependencyError("training the tagger needs scikit-learn: pip install 'leverage-lens[eval]'") from exc
    table, idf = vocabulary(feats, max_features, min_df)
    x = matrix(feats, table, idf)
    weights = np.zeros((len(table), len(labels)), dtype=np.float32)
    bias = np.full(len(labels), -20.0, dtype=np.float32)
    for j, label in enumerate(labels):
        y = np.array([has_label(label, g, family_of) for g in golds])
        keep = None
        if unsure is not None:
            keep = np.array([not (has_label(label, u, family_of) and not yi) for u, yi in zip(unsure, y)])
        xs, ys = (x, y) if keep is None or keep.all() else (x[keep], y[keep])
        if ys.any() and not ys.all():
            model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", dual=True, max_iter=1000)
            model.fit(xs, ys)
            weights[:, j] = model.coef_[0]
            bias[j] = model.intercept_[0]
    return table, idf, weights, bias


def predict(feats: Sequence[Any], fitted: FittedWeights) -> Any:
    """Raw probabilities, shape ``(len(feats), labels)``, as :meth:`.textcat.LinearTextCat.predict` gives."""
    table, idf, weights, bias = fitted
    scores = np.asarray(matrix(feats, table, idf) @ weights) + bias
    return 1.0 / (1.0 + np.exp(-scores))


def unsure_labels(unit: tuple[int, int], clause: tuple[int, int], spans: Sequence[Any],
                  positive: frozenset[str], *, max_clause: int = 4000) -> frozenset[str]:
    """Categories a unit is no clear negative for: a gold span of the category overlaps the clause the
    unit tags (its sub-clauses included, at most ``max_clause`` characters: what ``eval cuad`` counts as a
    correct tag) or the unit itself, but not enough to make the unit a positive. Training such a lead-in
    ("Either party may terminate this Agreement:") as a negative punishes a tag a lawyer would accept."""
    out = set()
    for g in spans:
        if g.category in positive:
            continue
        near = min(unit[1], g.end) > max(unit[0], g.start)
        inside = clause[1] - clause[0] <= max_clause and min(clause[1], g.end) > max(clause[0], g.start)
        if near or inside:
            out.add(g.category)
    return frozenset(out)
