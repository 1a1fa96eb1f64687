"""Contract presence ("does this contract cap liability?") from all of a contract's clause scores.

Which clause caps liability and whether the contract caps it at all are different questions: one weak
clause is weak evidence for tagging that clause, but the best clause of a whole contract, a second one
close behind it, or several middling ones are decent evidence the contract deals with the matter. Per
label (category or ``family:<id>``) a three-input logistic regression reads the logit of the contract's
best unit probability, the logit of its second best, and the log count of units at even odds or better,
and says how likely the contract contains the label. It is fitted at training time on cross-validated
unit scores of the training contracts (units the model did not see), so its probabilities are honest;
at run time it is a few numpy operations per contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["ContractModel", "contract_features"]

_EPS = 1e-4


def contract_features(probs: Any) -> Any:
    """Per label, ``[logit(best), logit(second best), log(1 + units >= 0.5)]`` of a contract's calibrated
    unit probabilities ``probs`` (units x labels); shape ``(labels, 3)``."""
    probs = np.asarray(probs, dtype=np.float64)
    if probs.ndim != 2 or probs.shape[0] == 0:
        raise ValueError("contract_features needs a (units, labels) array with at least one unit")
    if probs.shape[0] >= 2:
        top = np.partition(probs, probs.shape[0] - 2, axis=0)[-2:]
        first, second = top[1], top[0]
    else:
        first, second = probs[0], np.zeros(probs.shape[1])
    first = np.clip(first, _EPS, 1 - _EPS)
    second = np.clip(second, _EPS, 1 - _EPS)
    count = np.log1p((probs >= 0.5).sum(axis=0))
    return np.stack([np.log(first / (1 - first)), np.log(second / (1 - second)), count], axis=1)


@dataclass(frozen=True)
class ContractModel:
    """Per-label weights ``(labels, 3)`` and biases ``(labels,)``, aligned with the model's labels."""

    coef: Any
    bias: Any

    def probabilities(self, probs: Any) -> Any:
        """The probability that the contract contains each label, from its units' probabilities."""
        z = (contract_features(probs) * self.coef).sum(axis=1) + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self, labels: Sequence[str]) -> dict[str, list[float]]:
        return {k: [round(float(x), 6) for x in (*self.coef[j], self.bias[j])] for j, k in enumerate(labels)}

    @classmethod
    def from_json(cls, raw: Mapping[str, Sequence[float]], labels: Sequence[str]) -> ContractModel:
        """Labels missing from ``raw`` get a model that never says present."""
        coef = np.zeros((len(labels), 3))
        bias = np.full(len(labels), -20.0)
        for j, k in enumerate(labels):
            if k in raw:
                *w, b = raw[k]
                coef[j], bias[j] = w, b
        return cls(coef, bias)
