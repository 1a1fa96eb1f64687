"""The clause tagger: headings, phrase rules and the trained model combined into ``Clause.tags``.

For each tagging unit (a clause's own text, see :mod:`.units`):

* the model gives a calibrated probability per CUAD-covered category; at or above the threshold stored
  with the model the clause gets a ``model`` tag, with the unit's text as evidence (plus any rule match);
* a phrase rule adds its match as evidence to the model's tag; it tags on its own (``rule``, with
  :data:`~.rules.UNMEASURED_CONFIDENCE`) only categories CUAD lacks. For learnt categories, rules tagging
  alone lowered clause-level F1 on the dev contracts (0.681 against 0.689 for the model alone), so there
  the model decides; each rule's dev precision is still recorded in ``calibration.json``;
* a heading (the clause's or its nearest headed ancestor's) tags the categories CUAD lacks (``heading``);
  CUAD categories get the heading through the model, which reads it as context.

Thresholds are per family (tuned on dev, stored with the model). :meth:`ClauseTagger.tag_document` also says
which categories the contract as a whole contains (``Report.summary.categories_present``): every category a
clause is tagged with, plus those whose best unit reaches the family's lower contract threshold (see
:mod:`.decision`).

One :class:`ClauseTagger` is built lazily per Analyzer and shared by its threads; tagging holds a lock
only around the spaCy call.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Clause, Span, Tag
from ..taxonomy import Taxonomy, default
from .decision import cut_vector, decide, present
from .headings import HeadingMatcher
from .pipeline import TaggerModel, load_model
from .rules import UNMEASURED_CONFIDENCE, RuleHit, RuleMatcher
from .tokenizer import token_offsets
from .units import Unit, units, windowed

__all__ = ["ClauseTagger"]


class ClauseTagger:
    """Tags clauses of parsed documents. Thread-safe; build once and reuse."""

    def __init__(self, model: TaggerModel | None = None, taxonomy: Taxonomy | None = None,
                 *, model_path: Path | None = None, threshold: float | None = None) -> None:
        self.model = model or load_model(model_path)
        self.taxonomy = taxonomy or default()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.rules = RuleMatcher(self.model.nlp.vocab, self.taxonomy)
        self.headings = HeadingMatcher(self.taxonomy)
        self._learnt = set(self.model.labels)
        self._family_of = {c.id: c.family for c in self.taxonomy.categories}
        if threshold is None:
            self._cuts = cut_vector(self.model.labels, self._family_of, self.model.family_thresholds, self.threshold)
        else:
            self._cuts = cut_vector(self.model.labels, self._family_of, {}, threshold)
        contract = {**self.model.family_thresholds, **self.model.contract_thresholds} if threshold is None else {}
        self._contract_cuts = cut_vector(self.model.labels, self._family_of, contract, self.threshold)
        self._lock = threading.Lock()

    def tag(self, clauses: Sequence[Clause], text: str) -> list[Clause]:
        """The clauses with their tags (a new list; untagged clauses are the same objects)."""
        return self._tag(clauses, text, None)[0]

    def tag_document(self, clauses: Sequence[Clause], text: str) -> tuple[list[Clause], dict[str, float]]:
        """:meth:`tag`, plus the categories the whole text contains: category id -> confidence."""
        out, probs = self._tag(clauses, text, None)
        found: dict[str, float] = {}
        if probs is not None and len(probs):
            best = present(probs.max(axis=0), self.model.labels, self._contract_cuts, self._family_of)
            found = {k: round(p, 4) for k, p in best.items() if k in self.taxonomy}
        for clause in out:
            for t in clause.tags:
                found[t.category] = max(found.get(t.category, 0.0), t.confidence)
        return out, dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))

    def tag_with_scores(self, clauses: Sequence[Clause], text: str, *, threshold: float | None = None,
                        ) -> tuple[list[Clause], list[dict[str, float]]]:
        """:meth:`tag`, plus each unit's calibrated probabilities (in unit order)."""
        out, probs = self._tag(clauses, text, threshold)
        if probs is None:
            return out, []
        labels = self.model.labels
        return out, [{k: p for k, p in zip(labels, row) if k in self.taxonomy} for row in probs.tolist()]

    def _tag(self, clauses: Sequence[Clause], text: str, threshold: float | None) -> tuple[list[Clause], Any]:
        todo = units(list(clauses))
        out = list(clauses)
        if not todo:
            return out, None
        inputs, owners = windowed(todo, text)
        with self._lock:
            docs = [self.model.nlp.make_doc(t) for t in inputs]
            probs = self.model.probability_matrix(docs)
        if owners:  # a long unit scores as its best window
            extra = probs[len(todo):]
            probs = probs[: len(todo)].copy()
            np.maximum.at(probs, np.array(owners), extra)
        cut = self._cuts if threshold is None else threshold
        labels = self.model.labels
        candidates = (probs >= cut).any(axis=1)
        for i, (unit, doc) in enumerate(zip(todo, docs)):
            learnt = decide(probs[i], labels, cut, self._family_of) if candidates[i] else {}
            hits = self.rules.hits(doc)
            tags = self._unit_tags(unit, inputs[i], clauses[unit.index], learnt, hits)
            if tags:
                out[unit.index] = clauses[unit.index].model_copy(update={"tags": tags})
        return out, probs

    def _unit_tags(self, unit: Unit, model_text: str, clause: Clause, learnt: dict[str, float],
                   hits: list[RuleHit]) -> list[Tag]:
        tax = self.taxonomy
        evidence: dict[str, list[Span]] = {}
        if hits:
            offset = unit.start - (len(unit.context) + 1 if unit.context else 0)
            own_from = len(unit.context) + 1 if unit.context else 0
            where = token_offsets(model_text)
            for hit in hits:
                start, end = where[hit.start][0], where[hit.end - 1][1]
                if start >= own_from and hit.category in tax:
                    evidence.setdefault(hit.category, []).append(
                        Span(start=start + offset, end=end + offset, label="phrase"))
        tags: dict[str, Tag] = {}
        for label, p in learnt.items():
            if label in tax:
                ev = [Span(start=unit.start, end=unit.end, label="model"), *evidence.get(label, [])]
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=round(p, 4),
                                  source="model", evidence=ev)
        for label, spans in evidence.items():
            if label in tags or label in self._learnt:  # where there is data, the model decides
                continue
            tags[label] = Tag(category=label, family=tax.get(label).family, confidence=UNMEASURED_CONFIDENCE,
                              source="rule", evidence=spans)
        if unit.context:
            for label in self.headings.match(unit.context.rsplit(" > ", 1)[-1]):
                if label in tags or label in self._learnt:
                    continue
                span = clause.heading_span if clause.heading and clause.heading_span else None
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=UNMEASURED_CONFIDENCE,
                                  source="heading", evidence=[span] if span else [])
        return sorted(tags.values(), key=lambda t: -t.confidence)
