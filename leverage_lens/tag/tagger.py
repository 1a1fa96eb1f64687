"""The clause tagger: headings, phrase rules and the trained model combined into ``Clause.tags``.

For each tagging unit (a clause's own text, see :mod:`.units`):

* the model gives a calibrated probability per CUAD-covered category; at or above the threshold stored
  with the model the clause gets a ``model`` tag, with the unit's text as evidence (plus any rule match);
* a phrase rule tags on its own (``rule``) when its precision measured on dev contracts is at least 0.5,
  or, for categories CUAD lacks, with :data:`~.rules.UNMEASURED_CONFIDENCE`;
* a heading (the clause's or its nearest headed ancestor's) tags the categories CUAD lacks (``heading``);
  CUAD categories get the heading through the model, which reads it as context.

One :class:`ClauseTagger` is built lazily per Analyzer and shared by its threads; tagging holds a lock
only around the spaCy call.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from ..model import Clause, Span, Tag
from ..taxonomy import Taxonomy, default
from .headings import HeadingMatcher
from .pipeline import TaggerModel, load_model
from .rules import UNMEASURED_CONFIDENCE, RuleMatcher
from .units import Unit, units

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
        self._lock = threading.Lock()

    def tag(self, clauses: Sequence[Clause], text: str) -> list[Clause]:
        """The clauses with their tags (a new list; untagged clauses are the same objects)."""
        return self.tag_with_scores(clauses, text)[0]

    def tag_with_scores(self, clauses: Sequence[Clause], text: str, *, threshold: float | None = None,
                        ) -> tuple[list[Clause], list[dict[str, float]]]:
        """:meth:`tag`, plus each unit's calibrated probabilities (in unit order)."""
        todo = units(list(clauses))
        out = list(clauses)
        if not todo:
            return out, []
        inputs = [u.model_text(text) for u in todo]
        with self._lock:
            docs = list(self.model.nlp.pipe(inputs, batch_size=512))
        cut = self.threshold if threshold is None else threshold
        probabilities = []
        for unit, doc in zip(todo, docs):
            probs = self._probabilities(doc)
            probabilities.append(probs)
            tags = self._unit_tags(unit, doc, clauses[unit.index], probs, cut)
            if tags:
                out[unit.index] = clauses[unit.index].model_copy(update={"tags": tags})
        return out, probabilities

    def _probabilities(self, doc: Doc) -> dict[str, float]:
        calibration = self.model.calibration
        return {k: calibration[k](s) if k in calibration else s for k, s in doc.cats.items()}

    def _unit_tags(self, unit: Unit, doc: Doc, clause: Clause, probs: dict[str, float], cut: float) -> list[Tag]:
        tax = self.taxonomy
        offset = unit.start - (len(unit.context) + 1 if unit.context else 0)
        own_from = len(unit.context) + 1 if unit.context else 0
        evidence: dict[str, list[Span]] = {}
        for hit in self.rules.hits(doc):
            if hit.start >= own_from and hit.category in tax:
                evidence.setdefault(hit.category, []).append(
                    Span(start=hit.start + offset, end=hit.end + offset, label="phrase"))
        tags: dict[str, Tag] = {}
        for label, p in probs.items():
            if label in tax and p >= cut:
                ev = [Span(start=unit.start, end=unit.end, label="model"), *evidence.get(label, [])]
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=round(p, 4),
                                  source="model", evidence=ev)
        for label, spans in evidence.items():
            if label in tags:
                continue
            conf = self.model.rule_precision.get(label, 0.0) if label in self._learnt else UNMEASURED_CONFIDENCE
            if conf >= 0.5:
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=conf,
                                  source="rule", evidence=spans)
        heading_clause = clause if clause.heading else None
        if unit.context:
            for label in self.headings.match(unit.context.rsplit(" > ", 1)[-1]):
                if label in tags or label in self._learnt:
                    continue
                span = heading_clause.heading_span if heading_clause and heading_clause.heading_span else None
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=UNMEASURED_CONFIDENCE,
                                  source="heading", evidence=[span] if span else [])
        return sorted(tags.values(), key=lambda t: -t.confidence)
