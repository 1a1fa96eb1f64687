"""Thresholds per family, and contract presence from a contract's best clause scores."""

from __future__ import annotations

import numpy as np

from leverage_lens.tag.decision import cut_vector, decide, present

LABELS = ["liability.cap", "payment.audit_rights", "family:liability", "family:payment"]
FAMILY = {"liability.cap": "liability", "payment.audit_rights": "payment"}


def test_each_label_gets_its_familys_threshold_and_others_the_default() -> None:
    cuts = cut_vector(LABELS, FAMILY, {"payment": 0.6}, 0.4)
    assert cuts.tolist() == [0.4, 0.6, 0.4, 0.6]


def test_a_family_threshold_decides_tagging_for_that_family_only() -> None:
    row = np.array([0.5, 0.5, 0.1, 0.1])
    cuts = cut_vector(LABELS, FAMILY, {"payment": 0.6}, 0.4)
    assert decide(row, LABELS, cuts, FAMILY) == {"liability.cap": 0.5}
    assert set(decide(row, LABELS, 0.4, FAMILY)) == {"liability.cap", "payment.audit_rights"}


def test_a_family_score_alone_names_the_familys_best_category() -> None:
    row = np.array([0.1, 0.2, 0.1, 0.7])
    assert decide(row, LABELS, 0.5, FAMILY) == {"payment.audit_rights": 0.7}


def test_contract_presence_uses_the_best_unit_against_the_lower_contract_threshold() -> None:
    units = np.array([[0.30, 0.05, 0.1, 0.05], [0.10, 0.05, 0.1, 0.05]])
    best = units.max(axis=0)
    clause_cuts = cut_vector(LABELS, FAMILY, {}, 0.4)
    contract_cuts = cut_vector(LABELS, FAMILY, {"liability": 0.25}, 0.4)
    assert not any(decide(r, LABELS, clause_cuts, FAMILY) for r in units)
    assert present(best, LABELS, contract_cuts, FAMILY) == {"liability.cap": 0.30}


def test_a_label_threshold_of_its_own_overrides_its_familys() -> None:
    cuts = cut_vector(LABELS, FAMILY, {"payment": 0.6}, 0.4, {"payment.audit_rights": 0.3, "family:liability": 0.7})
    assert cuts.tolist() == [0.4, 0.3, 0.7, 0.6]
    row = np.array([0.1, 0.35, 0.1, 0.1])
    assert decide(row, LABELS, cuts, FAMILY) == {"payment.audit_rights": 0.35}
