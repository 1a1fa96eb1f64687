"""Thresholds per family, and contract presence from a contract's best clause scores."""

from __future__ import annotations

import numpy as np
import pytest

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


def test_a_weak_label_is_never_its_familys_fallback_category() -> None:
    labels = [*LABELS, "payment.terms"]
    family = {**FAMILY, "payment.terms": "payment"}
    row = np.array([0.1, 0.2, 0.1, 0.7, 0.45])  # payment pooled fires; the weak label scores above audit
    assert decide(row, labels, 0.5, family) == {"payment.terms": 0.7}
    assert decide(row, labels, 0.5, family, {"payment.terms"}) == {"payment.audit_rights": 0.7}


def test_a_contracts_best_unit_per_label_gets_the_bonus_and_no_other_unit() -> None:
    from leverage_lens.tag.decision import boost_best, bonus_vector

    probs = np.array([[0.30, 0.10, 0.2, 0.1], [0.20, 0.35, 0.1, 0.3]])
    bonus = bonus_vector(LABELS, FAMILY, {"liability": 0.15})
    assert bonus.tolist() == [0.15, 0.0, 0.15, 0.0]
    boosted = boost_best(probs, bonus)
    assert boosted[0].tolist() == pytest.approx([0.45, 0.10, 0.35, 0.1])
    assert boosted[1].tolist() == probs[1].tolist()
    assert decide(boosted[0], LABELS, 0.4, FAMILY) == {"liability.cap": pytest.approx(0.45)}
    assert bonus_vector(LABELS, FAMILY, {"liability": 0.15}, {"liability.cap"}).tolist() == [0.0, 0.0, 0.15, 0.0]


def test_a_tagged_weak_label_explains_its_familys_score_without_a_guessed_category() -> None:
    labels = [*LABELS, "payment.terms"]
    family = {**FAMILY, "payment.terms": "payment"}
    row = np.array([0.1, 0.2, 0.1, 0.7, 0.6])
    assert decide(row, labels, 0.5, family, {"payment.terms"}) == {"payment.terms": 0.6}
