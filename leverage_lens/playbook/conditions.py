"""The condition language of a playbook position: typed checks on the ledger, the key terms and the clause tags.

A condition is data, never code: each kind is a pydantic model with a fixed set of fields, told apart by the
key that names what it reads (``term:``, ``ledger:``, ``tag:``, ``all:``, ``any:``). Nothing a user writes is
evaluated or compiled as a pattern: thresholds are read by fixed patterns (:mod:`.quantity`), jurisdictions
by the shared table of names, subjects by literal phrases.

* ``term``: a key term of the brief (``liability_cap``, ``renewal_notice``, ``governing_law``, ...), filtered
  by whom it binds (``party``) and its qualifier (``detail``), compared with ``at_least`` / ``at_most``
  (periods, sums, months of fees) or ``one_of`` / ``none_of`` (jurisdictions, values); with no comparison,
  finding the term is enough.
* ``ledger``: the ledger entries on one or more topics; ``forbid`` fails on entries held by ``them`` (one-sided
  for the other side), ``us`` or ``mutual``; ``require`` needs an entry held so; ``mentions`` keeps entries
  about a subject ("ip_infringement"); ``unless_only`` excuses a forbidden entry whose subjects all lie in a
  list (an indemnity by us only for IP infringement and bodily injury).
* ``tag``: a clause tagged with a category is there (``present: true``) or must not be (``present: false``).
* ``all`` / ``any``: every / one of several conditions.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from ..model import LedgerReading
from ..taxonomy import default as default_taxonomy
from .quantity import parse_threshold

__all__ = ["AllOf", "AnyOf", "Condition", "Holder", "LedgerCheck", "TagCheck", "TermCheck", "TermName"]

#: Who holds a ledger entry, seen from the playbook's side: ``us``, ``them`` (the other principal party) or
#: ``mutual`` (the wording gives it to both).
Holder = Literal["us", "them", "mutual"]

#: The key terms of :class:`~leverage_lens.model.Brief` a ``term`` condition can read.
TermName = Literal[
    "liability_cap", "liability_exclusion", "renewal_term", "renewal_notice", "initial_term", "payment_terms",
    "governing_law", "forum", "termination_right", "exclusivity", "non_compete", "non_solicit",
]


class _Condition(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class TermCheck(_Condition):
    """A key term of the brief, optionally compared with a threshold or a list of values."""

    term: TermName = Field(description="the key term to read (kind of KeyTerm)")
    party: list[Literal["us", "them", "either"]] | None = Field(
        default=None, description="keep terms that bind or benefit these: us, them, either (both or unstated)")
    detail: list[str] | None = Field(default=None, description="keep terms with this qualifier: 'convenience', "
                                     "'cause' (termination), 'automatic' (renewal), 'courts', 'arbitration'")
    at_least: list[str] | None = Field(
        default=None, description="met when the value is at least one of these: '30 days', 'P1Y', '$1,000,000', "
        "'12 months of fees'")
    at_most: list[str] | None = Field(default=None, description="met when the value is at most all of these")
    one_of: list[str] | None = Field(default=None, description="met when the value is one of these (a "
                                     "jurisdiction is matched by its ISO 3166 code: 'New York' = 'US-NY')")
    none_of: list[str] | None = Field(default=None, description="met when the value is none of these")

    @field_validator("party", "detail", "at_least", "at_most", "one_of", "none_of", mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return _as_list(v)

    @field_validator("at_least", "at_most")
    @classmethod
    def _readable(cls, values: list[str] | None) -> list[str] | None:
        for v in values or []:
            if parse_threshold(v).empty:
                raise ValueError(f"{v!r} is not a quantity: write a period ('90 days', 'P1Y'), a sum "
                                 "('$1,000,000') or months of fees ('12 months of fees')")
        return values

    @model_validator(mode="after")
    def _one_comparison(self) -> TermCheck:
        given = [n for n in ("at_least", "at_most", "one_of", "none_of") if getattr(self, n)]
        if len(given) > 1 and set(given) - {"at_least", "at_most"}:
            raise ValueError(f"use one comparison per term condition, not {', '.join(given)} (combine with all:)")
        return self


class LedgerCheck(_Condition):
    """The ledger's entries on one or more topics: who holds them, and what they are about."""

    ledger: list[str] = Field(description="taxonomy categories (topics), e.g. termination.convenience")
    forbid: list[Holder] = Field(default_factory=list, description="fail on an entry held by these")
    require: list[Holder] = Field(default_factory=list, description="need an entry held by one of these")
    mentions: list[str] = Field(default_factory=list, description="count only entries whose sentence is about "
                                "one of these subjects (see subjects)")
    unless_only: list[str] = Field(default_factory=list, description="excuse a forbidden entry whose subjects "
                                   "all lie in this list")
    ignore: list[str] = Field(default_factory=list, description="leave out entries about these subjects (force "
                              "majeure, service levels, warranty remedies: not limitations of liability)")
    unless_mirrored: bool = Field(default=False, description="excuse forbidden entries when we hold the same (an "
                                  "entry on the topic for us, or mutual): 'no termination for convenience by them "
                                  "unless we may too'")
    reading: list[LedgerReading] | None = Field(default=None, description="keep entries read so: right, "
                                                "restriction, protection, exposure, payment, grant, duty")
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0, description="count only entries read with at "
                                  "least this confidence (the ledger's: higher when the clause's tags agree with "
                                  "the wording; 0.8 keeps wording the tagger confirms)")
    basis: list[Literal["wording", "clause_tag", "sentence_model"]] = Field(
        default_factory=lambda: ["wording"], description="which readings count: wording (the sentence's own "
        "words, the default) and/or clause_tag (the tagger's topic, read by the operative verb; less sure) and/or "
        "sentence_model (the sentence-topic and holder models; least sure)")

    @field_validator("ledger", "forbid", "require", "mentions", "unless_only", "ignore", "reading", "basis",
                     mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return _as_list(v)

    @field_validator("ledger")
    @classmethod
    def _known_topics(cls, topics: list[str]) -> list[str]:
        tax = default_taxonomy()
        unknown = [t for t in topics if t not in tax]
        if unknown:
            raise ValueError(f"unknown topic {unknown[0]!r}: use a taxonomy category id such as liability.cap "
                             "(leverage-lens taxonomy lists them)")
        if not topics:
            raise ValueError("name at least one topic")
        return topics

    @model_validator(mode="after")
    def _something_to_check(self) -> LedgerCheck:
        if (self.unless_only or self.unless_mirrored) and not self.forbid:
            raise ValueError("unless_only and unless_mirrored excuse forbidden entries: give forbid as well")
        return self


class TagCheck(_Condition):
    """Whether a clause is tagged with a category (``present: false``: must not be)."""

    tag: str = Field(description="a taxonomy category id")
    present: bool = Field(default=True, description="true: a clause must carry the tag; false: none may")
    min_confidence: float = Field(default=0.5, ge=0.0, le=1.0, description="the least tag confidence that counts")

    @field_validator("tag")
    @classmethod
    def _known(cls, tag: str) -> str:
        if tag not in default_taxonomy():
            raise ValueError(f"unknown tag {tag!r}: use a taxonomy category id (leverage-lens taxonomy)")
        return tag


class AllOf(_Condition):
    """Every condition holds: not met when one is not met, met when one is met, missing when all are."""

    all_of: list[Condition] = Field(alias="all", min_length=1)


class AnyOf(_Condition):
    """One condition holds: met when one is met, not met when one is not met and none is, else missing."""

    any_of: list[Condition] = Field(alias="any", min_length=1)


_KINDS = ("term", "ledger", "tag", "all", "any")


def _kind(value: Any) -> str | None:
    """Which kind of condition a value is, from the key naming what it reads (or the model's class)."""
    if isinstance(value, dict):
        keys = [k for k in _KINDS if k in value] + [k for k in ("all_of", "any_of") if k in value]
        return keys[0].removesuffix("_of") if len(keys) == 1 else None
    return {TermCheck: "term", LedgerCheck: "ledger", TagCheck: "tag", AllOf: "all", AnyOf: "any"}.get(type(value))


Condition = Annotated[
    Union[
        Annotated[TermCheck, Tag("term")],
        Annotated[LedgerCheck, Tag("ledger")],
        Annotated[TagCheck, Tag("tag")],
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
    ],
    Discriminator(_kind, custom_error_type="condition_kind",
                  custom_error_message="a condition names exactly one of term:, ledger:, tag:, all:, any:"),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()


def walk(condition: Condition) -> list[Condition]:
    """The condition and every condition inside it, depth first."""
    out: list[Condition] = [condition]
    inner = condition.all_of if isinstance(condition, AllOf) else condition.any_of if isinstance(
        condition, AnyOf) else []
    for c in inner:
        out.extend(walk(c))
    return out
