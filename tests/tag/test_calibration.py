"""Platt scaling fitted in plain Python: it must map scores to honest probabilities."""

from __future__ import annotations

import math
import random

from leverage_lens.tag.calibration import Platt, fit_platt, logit


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_fit_recovers_a_known_mapping() -> None:
    rng = random.Random(7)
    scores = [rng.uniform(0.001, 0.999) for _ in range(4000)]
    truth = Platt(0.5, -1.0)
    labels = [rng.random() < truth(s) for s in scores]
    fitted = fit_platt(scores, labels)
    assert abs(fitted.a - 0.5) < 0.1
    assert abs(fitted.b + 1.0) < 0.15


def test_even_odds_means_half_the_cases_are_positive() -> None:
    rng = random.Random(3)
    scores = [rng.uniform(0.0, 1.0) for _ in range(6000)]
    labels = [rng.random() < _sigmoid(3 * logit(s) - 2) for s in scores]  # overconfident raw scores
    cal = fit_platt(scores, labels)
    near_half = [y for s, y in zip(scores, labels) if 0.4 <= cal(s) <= 0.6]
    assert len(near_half) > 100
    assert abs(sum(near_half) / len(near_half) - 0.5) < 0.08


def test_no_positive_examples_gives_the_identity() -> None:
    assert fit_platt([0.1, 0.2, 0.9], [False, False, False]) == Platt()


def test_calibrated_probabilities_stay_in_range_for_extreme_scores() -> None:
    cal = Platt(2.0, 1.0)
    assert 0.0 <= cal(0.0) <= cal(1e-9) <= cal(0.5) <= cal(1.0) <= 1.0
