"""Short titles a lawyer reads for every built-in rule ("One-way indemnity"), from
``leverage_lens/data/rule_titles.json``; views show these and keep the rule id for a tooltip or detail.

Kept apart from the rule modules so a view of a Report read back from JSON names its rules without importing
them; :func:`~.registry.builtin_rules` gives each built-in :class:`~.registry.Rule` its title from here, and a
test fails when a built-in rule has none.
"""

from __future__ import annotations

import json
from functools import lru_cache

from .._paths import data_dir

__all__ = ["humanise", "rule_title", "titles"]


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Rule id -> title, for every built-in rule."""
    data: dict[str, str] = json.loads((data_dir() / "rule_titles.json").read_text(encoding="utf-8"))
    return data


def humanise(rule_id: str) -> str:
    """A readable fallback for a rule without a title: "acme.late_notice" -> "Late notice"."""
    last = rule_id.rsplit(".", 1)[-1].replace("_", " ").strip()
    return (last[:1].upper() + last[1:]) if last else rule_id


def rule_title(rule_id: str) -> str:
    """The title of a rule by its id: the built-in title, else the id made readable."""
    return titles().get(rule_id) or humanise(rule_id)
