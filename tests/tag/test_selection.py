"""Choosing thresholds on cross-validated scores: a label gets a cut of its own only where it clearly helps."""

from __future__ import annotations

import numpy as np

from leverage_lens.evaluate.data import Contract, GoldSpan
from leverage_lens.taxonomy import default
from leverage_lens.training import tag_selection
from leverage_lens.training.tag_selection import Scored, choose_clause_thresholds, choose_label_thresholds

LABELS = ["liability.cap", "liability.insurance", "family:liability"]


def _scored(cap_scores: list[float], cap_gold: list[bool]) -> Scored:
    """One contract per unit; each unit is clause (0, 100); insurance is never present."""
    tax = default()
    family = {c.id: c.family for c in tax.categories}
    contracts, probs = [], []
    for i, (p, gold) in enumerate(zip(cap_scores, cap_gold)):
        spans = (GoldSpan(0, 100, "liability.cap", "Cap on Liability"),) if gold else ()
        contracts.append(Contract(f"c{i}", "x" * 100, spans))
        probs.append([p, 0.01, 0.01])
    return Scored(np.array(probs), [c.doc_id for c in contracts], [(0, 100)] * len(contracts), contracts,
                  LABELS, family, tax)


def test_a_label_whose_positives_score_low_gets_a_lower_cut_of_its_own() -> None:
    # cap positives score 0.3, negatives 0.1: the family cut (0.5 on this grid's default) misses all of them
    scores = [0.3] * 30 + [0.1] * 30
    gold = [True] * 30 + [False] * 30
    s = _scored(scores, gold)
    own, counts = choose_label_thresholds(s, 0.5, {"liability": 0.5}, {"liability.cap": 30})
    assert own == {"liability.cap": 0.2}
    assert counts.f1 == 1.0


def test_labels_with_few_positives_keep_their_familys_cut() -> None:
    scores = [0.3] * 5 + [0.1] * 30
    gold = [True] * 5 + [False] * 30
    s = _scored(scores, gold)
    own, _ = choose_label_thresholds(s, 0.5, {"liability": 0.5}, {"liability.cap": 5})
    assert own == {}
    assert tag_selection.MIN_POSITIVES > 5


def test_family_cuts_come_first_and_label_cuts_only_add_to_them() -> None:
    scores = [0.6] * 20 + [0.3] * 20
    gold = [True] * 20 + [False] * 20
    s = _scored(scores, gold)
    cut, family_cuts, _, with_cuts = choose_clause_thresholds(s, 0.5)
    own, counts = choose_label_thresholds(s, cut, family_cuts, {"liability.cap": 20})
    assert with_cuts.f1 == 1.0 and own == {} and counts.f1 == 1.0
