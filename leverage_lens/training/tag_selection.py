"""Choosing the tagger's decision rules on cross-validated unit scores (training time only).

:mod:`.train` scores every unit of the training contracts with a model fitted on the other folds
(out-of-fold), calibrates those scores, and hands them here. Every choice is measured exactly as
``leverage-lens eval cuad`` measures held-out contracts (:class:`~leverage_lens.evaluate.metrics.Scores`,
core families, micro-averaged), but over all ~330 training contracts instead of the ~60 dev contracts the
first versions tuned on: with four thresholds picked on 60 contracts, dev F1 rose while held-out recall
fell.

* Clause thresholds: one global cut, then one per core family by coordinate ascent (two passes, grid
  0.20-0.70; ties keep the current value).
* Per-label clause thresholds: for core-family labels with enough positives, a cut of their own where it
  raises the core micro-F1 by :data:`MIN_GAIN` over the family's. A nested check (choose on 2-3 of the five
  folds, score on the others) found this neutral (+0.001 on average, -0.003 to +0.005), and per-category
  *contract* cuts harmful (-0.012 contract-level F1 per category on average), so contract cuts stay per family.
* Contract-rank bonus: per core family, what a contract's best unit per label adds to its probability
  before the clause thresholds apply (:func:`choose_rank_bonus`; nested check +0.006 clause F1 on average).
* Contract presence: a :class:`~.contract.ContractModel` fitted on the same scores, and per core family
  the cut on its probability that maximises contract-level F1, counting (as the product does) every
  category a clause is tagged with as present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..evaluate.data import Contract
from ..evaluate.metrics import Counts, Scores
from ..tag.contract import ContractModel, contract_features
from ..tag.decision import boost_best, bonus_vector, cut_vector, decide, label_family
from ..taxonomy import CORE_FAMILIES, Taxonomy

__all__ = ["Scored", "boosted", "choose_clause_thresholds", "choose_contract_rule", "choose_label_thresholds",
           "choose_rank_bonus"]

_GRID = [x / 100 for x in range(20, 71, 5)]
#: A label gets a clause threshold of its own only where that raises the cross-validated core micro-F1 by at
#: least this much (about one more correct clause in 2,000): with few positives a label's best cut is noise.
MIN_GAIN = 5e-4
#: Labels with fewer positive units than this keep their family's threshold.
MIN_POSITIVES = 20



@dataclass
class Scored:
    """Calibrated out-of-fold probabilities (units x labels) of the training contracts' units."""

    probs: Any
    doc_ids: Sequence[str]
    clauses: Sequence[tuple[int, int]]  # each unit's clause (start, end), what a tag marks
    contracts: Sequence[Contract]
    labels: Sequence[str]
    family_of: Mapping[str, str]
    taxonomy: Taxonomy

    def rows_of(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(self.doc_ids):
            out[d].append(i)
        return out


def _tagged(s: Scored, rows: list[int], cuts: Any) -> list[tuple[int, int, str]]:
    return [(*s.clauses[i], k) for i in rows for k in decide(s.probs[i], s.labels, cuts, s.family_of)]


def clause_counts(s: Scored, cuts: Any, *, candidates: dict[str, list[int]] | None = None) -> Counts:
    """Core-family micro counts of tagging at ``cuts`` (one value or one per label)."""
    rows = candidates if candidates is not None else s.rows_of()
    scores = Scores(s.taxonomy)
    for c in s.contracts:
        scores.add_contract(_tagged(s, rows.get(c.doc_id, []), cuts), c.spans)
    return scores.micro(CORE_FAMILIES)


def choose_clause_thresholds(s: Scored, default: float) -> tuple[float, dict[str, float], Counts, Counts]:
    """The global cut, the per-family cuts, and the counts with each."""
    low = min(_GRID)
    candidates: dict[str, list[int]] = defaultdict(list)  # units that can be tagged at any grid cut
    for i in np.flatnonzero((s.probs >= low).any(axis=1)).tolist():
        candidates[s.doc_ids[i]].append(i)
    best_cut, best = default, clause_counts(s, default, candidates=candidates)
    for cut in _GRID:
        m = clause_counts(s, cut, candidates=candidates)
        if m.f1 > best.f1 + 1e-9:
            best_cut, best = cut, m
    global_counts = best
    th = {f: best_cut for f in CORE_FAMILIES}
    for _ in range(2):
        for f in CORE_FAMILIES:
            for cut in _GRID:
                trial = {**th, f: cut}
                m = clause_counts(s, cut_vector(s.labels, s.family_of, trial, best_cut), candidates=candidates)
                if m.f1 > best.f1 + 1e-9:
                    th, best = trial, m
    return best_cut, th, global_counts, best


def choose_label_thresholds(s: Scored, global_cut: float, family_cuts: Mapping[str, float],
                            positives: Mapping[str, int]) -> tuple[dict[str, float], Counts]:
    """Per core-family label (category or pooled family) with at least :data:`MIN_POSITIVES` positive
    units, its own clause threshold where it beats the family's by :data:`MIN_GAIN` (one pass, grid
    0.20-0.70), and the counts with them."""
    low = min(_GRID)
    candidates: dict[str, list[int]] = defaultdict(list)
    for i in np.flatnonzero((s.probs >= low).any(axis=1)).tolist():
        candidates[s.doc_ids[i]].append(i)
    own: dict[str, float] = {}
    best = clause_counts(s, cut_vector(s.labels, s.family_of, family_cuts, global_cut), candidates=candidates)
    for label in s.labels:
        if label_family(label, s.family_of) not in CORE_FAMILIES or positives.get(label, 0) < MIN_POSITIVES:
            continue
        for cut in _GRID:
            trial = {**own, label: cut}
            m = clause_counts(s, cut_vector(s.labels, s.family_of, family_cuts, global_cut, trial),
                              candidates=candidates)
            if m.f1 > best.f1 + MIN_GAIN:
                own, best = trial, m
    return own, best


def boosted(s: Scored, bonus: Mapping[str, float]) -> Scored:
    """``s`` with each contract's best unit per label raised by its family's bonus (:func:`.boost_best`)."""
    vec = bonus_vector(s.labels, s.family_of, bonus)
    probs = np.array(s.probs, copy=True)
    for rows in s.rows_of().values():
        probs[rows] = boost_best(s.probs[rows], vec)
    return Scored(probs, s.doc_ids, s.clauses, s.contracts, s.labels, s.family_of, s.taxonomy)


#: Contract-rank bonuses tried per core family.
BONUS_GRID = [0.0, 0.05, 0.1, 0.15, 0.2, 0.3]


def choose_rank_bonus(s: Scored, cuts: Any) -> tuple[dict[str, float], Counts]:
    """Per core family, the bonus the contract's best unit per label gets before the clause thresholds
    ``cuts`` apply (one pass of coordinate ascent over :data:`BONUS_GRID`; ties keep no bonus), and the
    counts with them. A nested check (choose on two or three of the five folds, score on the others, four
    ways) gained +0.007, +0.002, +0.007, +0.007 clause F1 (``bench/tag_cv.py decode``)."""
    bonus = {f: 0.0 for f in CORE_FAMILIES}
    best = clause_counts(s, cuts)
    for f in CORE_FAMILIES:
        for b in BONUS_GRID:
            trial = {**bonus, f: b}
            m = clause_counts(boosted(s, trial), cuts)
            if m.f1 > best.f1 + 1e-9:
                bonus, best = trial, m
    return bonus, best


def choose_contract_rule(s: Scored, clause_cuts: Any, tagged_by: Scored | None = None,
                         ) -> tuple[ContractModel, dict[str, float], Counts]:
    """The contract model, its per-family cuts, and the core-family contract-level counts with them.
    ``tagged_by``: the scores clauses are tagged on (with the rank bonus), when not ``s``'s own."""
    tags_from = tagged_by or s
    rows = s.rows_of()
    kept = [c for c in s.contracts if rows.get(c.doc_id)]
    feats = [contract_features(s.probs[rows[c.doc_id]]) for c in kept]
    golds = [{g.category for g in c.spans} for c in kept]
    truth = [[any(label_family(k, s.family_of) == s.family_of.get(g) for g in gold) if k.startswith("family:")
              else k in gold for k in s.labels] for gold in golds]
    model = fit_contract_model(feats, truth)
    contract_probs = [model.probabilities(s.probs[rows[c.doc_id]]) for c in kept]
    tagged = [{k for *_, k in _tagged(tags_from, rows[c.doc_id], clause_cuts)} for c in kept]
    gold_fams = [{s.family_of[g] for g in gold} for gold in golds]

    def family_counts(f: str, cut: float) -> tuple[int, int, int]:
        cuts = cut_vector(s.labels, s.family_of, {f: cut}, 1.1)
        tp = fp = fn = 0
        for p, t, gold in zip(contract_probs, tagged, gold_fams):
            said = any(s.family_of.get(k) == f for k in (*decide(p, s.labels, cuts, s.family_of), *t))
            has = f in gold
            tp, fp, fn = tp + (said and has), fp + (said and not has), fn + (has and not said)
        return tp, fp, fn

    out: dict[str, float] = {}
    total = Counts()
    for f in CORE_FAMILIES:
        choice: tuple[float, float, tuple[int, int, int]] | None = None
        for cut in [x / 100 for x in range(10, 81, 5)]:
            tp, fp, fn = family_counts(f, cut)
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if choice is None or f1 > choice[0] + 1e-9 or (abs(f1 - choice[0]) <= 1e-9 and abs(cut - 0.5) < abs(choice[1] - 0.5)):
                choice = (f1, cut, (tp, fp, fn))
        assert choice is not None
        out[f] = choice[1]
        total.doc_tp += choice[2][0]
        total.doc_fp += choice[2][1]
        total.doc_fn += choice[2][2]
    return model, out, total


def fit_contract_model(features: Sequence[Any], present: Sequence[Sequence[bool]], *, c: float = 1.0) -> ContractModel:
    """Fit one regression per label from each training contract's :func:`contract_features` and whether it
    contains each label (scikit-learn, training time only). A label every training contract has (or none
    has) cannot be learnt; it gets the best unit's probability, so no text is said to contain it unread."""
    from sklearn.linear_model import LogisticRegression

    x = np.stack(features)  # contracts x labels x 3
    y = np.asarray(present, dtype=bool)  # contracts x labels
    n_labels = x.shape[1]
    coef = np.zeros((n_labels, 3))
    bias = np.zeros(n_labels)
    for j in range(n_labels):
        yj = y[:, j]
        if yj.all() or not yj.any():  # nothing to learn: present at the best unit's own odds
            coef[j, 0] = 1.0
            continue
        model = LogisticRegression(C=c, solver="lbfgs", max_iter=1000).fit(x[:, j, :], yj)
        coef[j], bias[j] = model.coef_[0], model.intercept_[0]
    return ContractModel(coef, bias)

