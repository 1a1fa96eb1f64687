"""Platt scaling: turn the model's raw scores into probabilities that mean what they say.

A bag-of-words classifier trained on imbalanced data gives scores that rank well but are not
probabilities. Per category we fit ``p = sigmoid(a * logit(score) + b)`` on the dev contracts (never seen
in training), so a confidence of 0.5 means even odds on held-out data. Fitted with a few Newton steps in
plain Python: the product must not need scikit-learn at run time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Platt", "fit_platt", "logit"]

_EPS = 1e-6


def logit(p: float) -> float:
    p = min(max(p, _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Platt:
    a: float = 1.0
    b: float = 0.0

    def __call__(self, score: float) -> float:
        return _sigmoid(self.a * logit(score) + self.b)


def fit_platt(scores: Sequence[float], labels: Sequence[bool], *, iterations: int = 50) -> Platt:
    """Fit ``a, b`` by Newton's method on the log loss, with Platt's smoothed targets.

    With no positive (or no negative) example there is nothing to fit: the identity map is returned.
    """
    pos = sum(1 for y in labels if y)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return Platt()
    hi, lo = (pos + 1) / (pos + 2), 1 / (neg + 2)
    xs = [logit(s) for s in scores]
    ts = [hi if y else lo for y in labels]
    a, b = 1.0, 0.0
    loss = _loss(xs, ts, a, b)
    for _ in range(iterations):
        g_a = g_b = h_aa = h_ab = h_bb = 0.0
        for x, t in zip(xs, ts):
            p = _sigmoid(a * x + b)
            d = p - t
            w = max(p * (1 - p), 1e-12)
            g_a += d * x
            g_b += d
            h_aa += w * x * x
            h_ab += w * x
            h_bb += w
        h_aa += 1e-6
        h_bb += 1e-6
        det = h_aa * h_bb - h_ab * h_ab
        if det <= 0:
            break
        da = (h_bb * g_a - h_ab * g_b) / det
        db = (h_aa * g_b - h_ab * g_a) / det
        step = 1.0
        while step > 1e-4:  # backtrack until the loss goes down: plain Newton overshoots on flat scores
            new = _loss(xs, ts, a - step * da, b - step * db)
            if new <= loss:
                break
            step /= 2
        else:
            break
        a, b, loss = a - step * da, b - step * db, new
        if abs(step * da) < 1e-7 and abs(step * db) < 1e-7:
            break
    return Platt(a, b)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _loss(xs: Sequence[float], ts: Sequence[float], a: float, b: float) -> float:
    total = 0.0
    for x, t in zip(xs, ts):
        p = min(max(_sigmoid(a * x + b), 1e-15), 1 - 1e-15)
        total -= t * math.log(p) + (1 - t) * math.log(1 - p)
    return total
