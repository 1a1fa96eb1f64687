"""From calibrated probabilities to the categories a unit is tagged with; shared by the tagger and the
training command (which picks the threshold with exactly this rule).

The model scores every category and, pooled, every family (``family:<id>``): rare categories have few
examples, their family has many. A category is tagged when its own probability reaches the threshold. When
a family's does but none of its categories' do, the family's most probable category is tagged with the
family's probability: the clause is, at those odds, about that family, and that category is the model's
best guess within it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["FAMILY_PREFIX", "decide"]

FAMILY_PREFIX = "family:"


def decide(row: Any, labels: Sequence[str], cut: float, family_of: Mapping[str, str]) -> dict[str, float]:
    """Category id -> confidence for one unit's probability ``row`` (aligned with ``labels``)."""
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
        members = [j for j, k in enumerate(labels) if family_of.get(k) == fam]
        if members:
            best = max(members, key=lambda j: row[j])
            chosen[labels[best]] = p
    return chosen
