"""From calibrated probabilities to the categories a unit is tagged with, and to the categories a whole
contract contains; shared by the tagger and the training command (which tunes the thresholds with exactly
these rules, on the dev contracts).

The model scores every category and, pooled, every family (``family:<id>``): rare categories have few
examples, their family has many. A category is tagged when its own probability reaches its threshold. When
a family's does but none of its categories' do, the family's most probable category is tagged with the
family's probability: the clause is, at those odds, about that family, and that category is the model's
best guess within it.

Thresholds are per family (a label's threshold is its family's), and per category where the
cross-validated scores of the training contracts show that a category of its own does better: families
differ in how far their CUAD spans stand out, and one global cut left recall on the table for some and
precision for others.

Contract presence ("does this contract cap liability?") is a different question from "which clause caps
it": :func:`present` applies the same rule to one score per label for the whole contract, either the
contract model's probability (:mod:`.contract`) or, for models saved without one, the best unit's, against
the family's *contract* threshold.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["FAMILY_PREFIX", "boost_best", "bonus_vector", "cut_vector", "decide", "label_family", "present"]

FAMILY_PREFIX = "family:"


def label_family(label: str, family_of: Mapping[str, str]) -> str | None:
    """The family of a model label (a category id or ``family:<id>``)."""
    if label.startswith(FAMILY_PREFIX):
        return label[len(FAMILY_PREFIX):]
    return family_of.get(label)


def cut_vector(labels: Sequence[str], family_of: Mapping[str, str], thresholds: Mapping[str, float],
               default: float, overrides: Mapping[str, float] | None = None) -> Any:
    """Each label's threshold (its own in ``overrides``, else its family's, else ``default``), aligned with
    ``labels``."""
    own = overrides or {}
    return np.array([own.get(k, thresholds.get(label_family(k, family_of) or "", default)) for k in labels],
                    dtype=np.float64)


def decide(row: Any, labels: Sequence[str], cut: Any, family_of: Mapping[str, str],
           pooled_out: Collection[str] = ()) -> dict[str, float]:
    """Category id -> confidence for one unit's probability ``row`` (aligned with ``labels``); ``cut`` is
    one threshold or one per label (:func:`cut_vector`). ``pooled_out``: labels outside their family's
    pooled label (the weak labels learnt from headings), never its fallback category; when one is tagged it
    explains the family's score as well as a pooled category would (a termination-for-breach clause lifts
    the termination family; guessing "convenience" for it would be wrong)."""
    chosen: dict[str, float] = {}
    families: list[tuple[str, float]] = []
    for j in np.flatnonzero(row >= cut).tolist():
        label = labels[j]
        if label.startswith(FAMILY_PREFIX):
            families.append((label[len(FAMILY_PREFIX):], float(row[j])))
        else:
            chosen[label] = float(row[j])
    for fam, p in families:
        if any(family_of.get(c) == fam for c in chosen):
            continue
        members = [j for j, k in enumerate(labels) if family_of.get(k) == fam and k not in pooled_out]
        if members:
            best = max(members, key=lambda j: row[j])
            chosen[labels[best]] = p
    return chosen


def present(best: Any, labels: Sequence[str], cut: Any, family_of: Mapping[str, str],
            pooled_out: Collection[str] = ()) -> dict[str, float]:
    """Category id -> confidence for the categories a contract contains, from ``best`` (one score per label
    for the whole contract) and the contract thresholds ``cut``: the rule of :func:`decide` applied to the
    contract's scores."""
    return decide(best, labels, cut, family_of, pooled_out)


def bonus_vector(labels: Sequence[str], family_of: Mapping[str, str], bonus: Mapping[str, float],
                 pooled_out: Collection[str] = ()) -> Any:
    """Each label's contract-rank bonus (its family's; none for ``pooled_out`` labels), aligned with ``labels``."""
    return np.array([0.0 if k in pooled_out else bonus.get(label_family(k, family_of) or "", 0.0) for k in labels],
                    dtype=np.float64)


def boost_best(probs: Any, bonus: Any) -> Any:
    """The probabilities a contract's units are *tagged* on: per label, the contract's best unit gets
    ``bonus`` added (capped at 1). A category is usually stated once or twice per contract, so the best
    candidate in a contract is likelier to be it than the same score elsewhere; the bonus per family is
    chosen on cross-validated scores (:func:`leverage_lens.training.tag_selection.choose_rank_bonus`). The
    confidence reported stays the unit's own probability."""
    probs = np.asarray(probs)
    if not len(probs) or not np.any(bonus):
        return probs
    cols = np.arange(probs.shape[1])
    top = np.argmax(probs, axis=0)
    out = probs.copy()
    out[top, cols] = np.minimum(1.0, probs[top, cols] + bonus)
    return out
