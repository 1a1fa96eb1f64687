"""Weak labels from headings for the categories CUAD does not label (training time only).

CUAD's lawyers marked no indemnity, confidentiality, payment-terms, termination-for-breach, arbitration,
jurisdiction or warranty-disclaimer clauses, so until now those came only from headings and phrase rules at
an unmeasured confidence. But contracts name such sections themselves ("Indemnification", "Confidential
Information", "Events of Default"): a heading is a label a lawyer wrote. Each unit whose nearest heading
names exactly one category (:class:`~leverage_lens.tag.headings.HeadingMatcher`) of :data:`WEAK_CATEGORIES`
is a positive for it; a heading naming it with another category ("Governing Law and Arbitration",
"Warranties and Indemnities") leaves the unit out of that category's fit (unsure); every other unit is a
negative.

The model is fitted on the units' text **without their headings** (own text and the previous clause's
tail): with the heading in its input it would only relearn the heading, which the heading tagger already
reads, and say nothing about a clause whose section does not name it (an indemnity in "Miscellaneous", a
contract without headings). At run time the heading is in the input as usual, which only adds its words.
Scores are Platt-calibrated on out-of-fold scores (folds by contract), so a weak label's confidence is the
chance that the clause sits under a heading naming the category, estimated from its words alone. The training
command keeps a weak label only where its out-of-fold average precision reaches
:data:`leverage_lens.training.tagger.MIN_WEAK_AP` (payment terms and termination for cause do not: their
headings, "Fees", "Default and Termination", cover much else; the phrase rules keep tagging them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..tag.headings import HeadingMatcher
from ..tag.textcat import HEAD_MARK, PREV_MARK
from ..taxonomy import Taxonomy
from .tag_fit import matrix

__all__ = ["MIN_POSITIVES", "WEAK_CATEGORIES", "fit_weak", "heading_targets", "without_heading"]

#: Categories without CUAD labels learnt from headings. Left out: jurisdiction (its headings, "Jurisdiction
#: and Venue", "Governing Law; Jurisdiction", nearly always name another category too: 2 clean positives on
#: the training side), suspension, sole discretion, unilateral change, content removal and acceptance by use
#: (under 60 headed units, and "Modifications" headings are mostly mutual amendment clauses, not a
#: unilateral right to change).
WEAK_CATEGORIES = (
    "confidentiality.obligations",
    "disputes.arbitration",
    "liability.indemnification",
    "liability.warranty_disclaimer",
    "payment.terms",
    "termination.for_cause",
)
#: A weak label needs at least this many positive units to be fitted.
MIN_POSITIVES = 40


def heading_targets(contexts: Sequence[str], taxonomy: Taxonomy,
                    weak: Sequence[str] = WEAK_CATEGORIES) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Per unit (its heading path, ``A > B``): the weak categories it is a positive for, and those it is
    left out of (its nearest heading names the category together with another one)."""
    matcher = HeadingMatcher(taxonomy)
    wanted = frozenset(weak)
    pos: list[frozenset[str]] = []
    unsure: list[frozenset[str]] = []
    for context in contexts:
        named = matcher.match(context.rsplit(" > ", 1)[-1]) if context else frozenset()
        hits = named & wanted
        if hits and len(named) == 1:
            pos.append(hits)
            unsure.append(frozenset())
        else:
            pos.append(frozenset())
            unsure.append(hits)
    return pos, unsure


def without_heading(model_text: str) -> str:
    """A model input (``prev PREV_MARK heads HEAD_MARK own``) with its headings left out."""
    head = model_text.find(HEAD_MARK)
    if head < 0:
        return model_text
    prev = model_text.find(PREV_MARK)
    lead = model_text[: prev + 1] + " " if 0 <= prev < head else ""
    return lead + model_text[head:]


def fit_weak(feats: Sequence[Any], table: Any, idf: Any, pos: Sequence[frozenset[str]],
             unsure: Sequence[frozenset[str]], labels: Sequence[str], *, c: float) -> tuple[Any, Any]:
    """One class-balanced logistic regression per weak label over the TF-IDF rows of ``feats`` (the
    heading-less inputs) in the main model's vocabulary; weights ``(features, labels)`` and biases."""
    from sklearn.linear_model import LogisticRegression

    x = matrix(feats, table, idf)
    weights = np.zeros((len(table), len(labels)), dtype=np.float32)
    bias = np.full(len(labels), -20.0, dtype=np.float32)
    for j, label in enumerate(labels):
        y = np.array([label in p for p in pos])
        keep = np.array([label not in u for u in unsure])
        if y.sum() < MIN_POSITIVES:
            continue
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", dual=True, max_iter=1000)
        model.fit(x[keep], y[keep])
        weights[:, j] = model.coef_[0]
        bias[j] = model.intercept_[0]
    return weights, bias


def weak_scores(feats: Sequence[Any], table: Any, idf: Any, weights: Any, bias: Any) -> Any:
    """Raw probabilities of the weak labels for ``feats``."""
    z = np.asarray(matrix(feats, table, idf) @ weights) + bias
    return 1.0 / (1.0 + np.exp(-z))


def label_counts(pos: Sequence[frozenset[str]], labels: Sequence[str]) -> Mapping[str, int]:
    return {k: sum(k in p for p in pos) for k in labels}
