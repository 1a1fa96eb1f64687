"""A playbook: your negotiating positions, each with what it checks, how much it matters and the clause language
to propose.

A :class:`Playbook` is data a legal team writes once (YAML or JSON, validated by the models here, with a
published JSON Schema) and runs on every contract. Each :class:`Position` is about one topic of the taxonomy,
checks the contract with a typed :data:`~.conditions.Condition`, says how severe a failure is and whether a
contract that lacks the term fails, and carries the preferred and fallback language. The results of a check
are data-model objects (:class:`~leverage_lens.model.PlaybookResult`), so a Report carries them without the
data model importing this package.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..model import Severity
from ..taxonomy import default as default_taxonomy
from .conditions import Condition, LedgerCheck, walk

__all__ = ["BUILTIN_SUBJECTS", "DATA_DIR", "Playbook", "Position", "builtin_subjects", "descriptive_subjects"]

#: The playbook package's data files: the example playbooks, the subjects and the published JSON Schema.
DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _subjects_data() -> dict[str, Any]:
    path = DATA_DIR / "subjects.json"
    return json.loads(path.read_text(encoding="utf-8"))


def builtin_subjects() -> dict[str, list[str]]:
    """Subject id -> the literal phrases that place a sentence on it (``playbook/data/subjects.json``)."""
    return dict(_subjects_data()["subjects"])


BUILTIN_SUBJECTS: tuple[str, ...] = tuple(builtin_subjects())


def descriptive_subjects() -> frozenset[str]:
    """Subjects that say what kind of term a sentence is (a cap, an exclusion, force majeure) rather than what
    an indemnity covers; ``unless_only`` does not count them."""
    return frozenset(_subjects_data().get("descriptive", []))


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Position(_Model):
    """One negotiating position: what it checks, how much it matters, and what to propose when it fails."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", description="stable id, lower case: 'supplier-cap-floor'")
    title: str = Field(min_length=1, description="the position in one line, as a reviewer reads it")
    topic: str | None = Field(default=None, description="the taxonomy category it is about (liability.cap); "
                              "clauses tagged with it are preferred when looking for the closest clause")
    why: str | None = Field(default=None, description="why the position matters, for the reader of the brief")
    severity: Severity = Field(default=Severity.MEDIUM, description="how serious a failure is: info, low, "
                               "medium, high, critical (analyze --fail-on gates on it)")
    missing_fails: bool = Field(default=False, description="whether a contract without the term fails the "
                                "position (a missing liability cap, say) or merely lacks it")
    applies_if: Condition | None = Field(default=None, description="the position applies only when this holds "
                                         "(else: not applicable), e.g. only to contracts that renew by themselves")
    check: Condition = Field(description="what the contract must show; see docs/playbooks.md")
    preferred: str | None = Field(default=None, description="the clause we want; the contract's closest clause is "
                                  "compared with it word by word")
    fallback: str | None = Field(default=None, description="the clause we can live with: proposed when the "
                                 "position fails")

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, topic: str | None) -> str | None:
        if topic is not None and topic not in default_taxonomy():
            raise ValueError(f"unknown topic {topic!r}: use a taxonomy category id such as liability.cap")
        return topic

    def conditions(self) -> list[Condition]:
        """Every condition of the position (applies_if and check, with what they contain)."""
        return [*(walk(self.applies_if) if self.applies_if else []), *walk(self.check)]


class Playbook(_Model):
    """Your positions, for one side of a kind of deal; load one with :func:`~leverage_lens.playbook.load_playbook`."""

    name: str = Field(min_length=1)
    version: str | None = None
    description: str | None = None
    side: str | None = Field(default=None, description="whose positions these are, in words: customer, "
                             "supplier, either")
    our_roles: list[str] = Field(default_factory=list, description="roles we take in contracts (Customer, "
                                 "Licensee, ...): tell which party is us when no perspective is given")
    subjects: dict[str, list[str]] = Field(default_factory=dict, description="your own subjects for mentions / "
                                           "unless_only: id -> literal phrases")
    positions: list[Position] = Field(min_length=1)

    @field_validator("subjects")
    @classmethod
    def _phrases(cls, subjects: dict[str, list[str]]) -> dict[str, list[str]]:
        for sid, phrases in subjects.items():
            if not phrases or any(not p.strip() for p in phrases):
                raise ValueError(f"subject {sid!r} needs at least one non-empty phrase")
        return subjects

    @model_validator(mode="after")
    def _consistent(self) -> Playbook:
        seen: set[str] = set()
        known = set(BUILTIN_SUBJECTS) | set(self.subjects)
        for p in self.positions:
            if p.id in seen:
                raise ValueError(f"two positions have the id {p.id!r}: ids must be unique")
            seen.add(p.id)
            for c in p.conditions():
                if isinstance(c, LedgerCheck):
                    for s in [*c.mentions, *c.unless_only, *c.ignore]:
                        if s not in known:
                            raise ValueError(f"position {p.id!r}: unknown subject {s!r}; built in: "
                                             f"{', '.join(BUILTIN_SUBJECTS)} (or define it under subjects:)")
        return self

    def position(self, position_id: str) -> Position:
        """The position with this id (``KeyError`` when there is none)."""
        for p in self.positions:
            if p.id == position_id:
                return p
        raise KeyError(position_id)

    def all_subjects(self) -> dict[str, list[str]]:
        """The built-in subjects with the playbook's own added (its own win on a shared id)."""
        return {**builtin_subjects(), **self.subjects}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The playbook as JSON (conditions written with their short keys: ``all``, ``any``)."""
        return self.model_dump_json(indent=indent, by_alias=True, exclude_none=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)
