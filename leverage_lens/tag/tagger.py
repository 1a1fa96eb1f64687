"""The clause tagger: headings, phrase rules and the trained model combined into ``Clause.tags``.

For each tagging unit (a clause's own text, see :mod:`.units`):

* the model gives a calibrated probability per CUAD-covered category; at or above the threshold stored
  with the model the clause gets a ``model`` tag, with the unit's text as evidence (plus any rule match);
* a phrase rule adds its match as evidence to the model's tag; it tags on its own (``rule``, with
  :data:`~.rules.UNMEASURED_CONFIDENCE`) only categories CUAD lacks. For learnt categories, rules tagging
  alone lowered clause-level F1 on the dev contracts (0.681 against 0.689 for the model alone), so there
  the model decides; each rule's dev precision is still recorded in ``calibration.json``;
* a heading (the clause's or its nearest headed ancestor's) tags the categories CUAD lacks (``heading``);
  CUAD categories get the heading through the model, which reads it as context;
* the categories CUAD lacks but contracts name in their headings (indemnification, confidentiality,
  arbitration, warranty disclaimers) also have *weak labels* in the model, learnt from those headings on the clauses' words alone
  (:mod:`leverage_lens.training.tag_weak`): the model tags them where the words say so (an indemnity under
  "Miscellaneous"), with a calibrated confidence; their heading tags stay, and their phrase rules tag alone
  only where the model gives the clause fair odds (:data:`WEAK_RULE_FLOOR`, with the model's probability
  as confidence): a rule alone tagged recitals, definitions and passing mentions ("arbitration" in an
  attorneys'-fees clause).

Thresholds are per family, and per category where cross-validation showed a category does better with its
own (chosen on cross-validated scores, stored with the model). A model tag's evidence is the words of the
clause that pushed its category up most (``words`` spans), then any phrase-rule match (``phrase``).
:meth:`ClauseTagger.tag_document` also says which categories the contract as a whole contains
(``Report.summary.categories_present``): every category a clause is tagged with, plus those the contract
model (:mod:`.contract`: the contract's best and second-best unit and how many units reach even odds)
finds at or above its family's contract threshold. For learnt categories the confidence reported is the
contract model's calibrated probability that the contract contains the category (its own answer, not the
best clause's). A model saved without a contract model falls back to the best unit against the contract
threshold (see :mod:`.decision`).

One :class:`ClauseTagger` is built lazily per Analyzer and shared by its threads; tagging holds a lock
only around the spaCy call.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.strings import get_string_id

from ..model import Clause, Span, Tag
from ..taxonomy import Taxonomy, default
from .decision import FAMILY_PREFIX, bonus_vector, boost_best, cut_vector, decide, present
from .gates import OWN_TEXT_ONLY, is_definition_pointer, is_filing_stamp, near_hits, rule_cue
from .headings import HeadingMatcher
from .pipeline import TEXTCAT, TaggerModel, load_model
from .rules import UNMEASURED_CONFIDENCE, RuleHit, RuleMatcher
from .textcat import compose, strip_marks
from .tokenizer import fast_words, token_offsets
from .units import MAX_MODEL_CHARS, Unit, units

#: Units tagged at once: bounds the memory the spaCy Docs and features of a long document take.
UNIT_BLOCK = 1024

__all__ = ["ClauseTagger"]

#: Words whose LOWER id a tagger remembers (see ``ClauseTagger._hashes``); the table starts over beyond it.
_WORD_TABLE_MAX = 500_000

#: A phrase of a weak-label category tags a clause on its own (``rule``, with the model's probability as its
#: confidence) only where the model gives the clause at least this much. On the training contracts' out-of-fold
#: scores, phrase matches the model scored below 0.05 sat under a heading naming the category 4% of the time
#: (1,669 matches: recitals, definitions, SEC redaction legends, passing mentions), 0.05-0.2 15-23%, 0.2-0.3
#: 29%, 0.3-0.5 40%, model tags (>= 0.5) 57%: from 0.2 a match is at least half as likely as a model tag.
WEAK_RULE_FLOOR = 0.2
#: How much of a parent clause's opening counts as the lead-in of its sub-clauses (for :mod:`.gates`).
LEAD_IN_CHARS = 400
#: How many of the own text's words (merged into phrases where adjacent) explain a model tag.
EVIDENCE_WORDS = 4


def _top_words(scores: Any, where: list[tuple[int, int]], offset: int) -> list[Span]:
    """Spans of the :data:`EVIDENCE_WORDS` tokens with the highest positive ``scores`` (adjacent ones, or
    ones a single token apart, merged into one phrase), in text order."""
    n = min(len(scores), len(where))
    if n == 0:
        return []
    order = sorted(int(k) for k in np.argsort(-scores[:n], kind="stable")[:EVIDENCE_WORDS] if scores[k] > 0)
    groups: list[list[int]] = []
    for k in order:
        if groups and k - groups[-1][-1] <= 2:
            groups[-1].append(k)
        else:
            groups.append([k])
    return [Span(start=where[g[0]][0] + offset, end=where[g[-1]][1] + offset, label="words") for g in groups]


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
        self._weak = frozenset(self.model.weak_labels)
        if threshold is None:
            self._cuts = cut_vector(self.model.labels, self._family_of, self.model.family_thresholds, self.threshold,
                                    {**self.model.label_thresholds, **self.model.weak_labels})
        else:
            self._cuts = cut_vector(self.model.labels, self._family_of, {}, threshold)
        if self.model.contract_model is not None:
            contract = self.model.contract_thresholds if threshold is None else {}
            self._contract_cuts = cut_vector(self.model.labels, self._family_of, contract, 0.5)
        else:  # a model from before the contract model: the best unit against the contract threshold
            contract = {**self.model.family_thresholds, **self.model.contract_thresholds} if threshold is None else {}
            self._contract_cuts = cut_vector(self.model.labels, self._family_of, contract, self.threshold)
        self._label_index = {k: j for j, k in enumerate(self.model.labels)}
        self._family_cols = [self._label_index.get(FAMILY_PREFIX + self._family_of.get(k, ""), j)
                             for j, k in enumerate(self.model.labels)]
        self._bonus = bonus_vector(self.model.labels, self._family_of,
                                   self.model.rank_bonus if threshold is None else {}, self._weak)
        self._lock = threading.Lock()
        self._word_ids: dict[str, int] = {}  # token text -> LOWER id (see _hashes)
        self._head = lru_cache(maxsize=4096)(self._head_hashes)

    def tag(self, clauses: Sequence[Clause], text: str) -> list[Clause]:
        """The clauses with their tags (a new list; untagged clauses are the same objects)."""
        return self._tag(clauses, text, None)[0]

    def tag_document(self, clauses: Sequence[Clause], text: str) -> tuple[list[Clause], dict[str, float]]:
        """:meth:`tag`, plus the categories the whole text contains: category id -> confidence."""
        out, probs = self._tag(clauses, text, None)
        found: dict[str, float] = {}
        own: dict[str, float] = {}  # the contract model's calibrated answer, per learnt category
        if probs is not None and len(probs):
            contract = self.model.contract_model
            scores = probs.max(axis=0) if contract is None else contract.probabilities(probs)
            best = present(scores, self.model.labels, self._contract_cuts, self._family_of, self._weak)
            found = {k: round(p, 4) for k, p in best.items() if k in self.taxonomy}
            if contract is not None:
                own = {k: round(float(p), 4) for k, p in zip(self.model.labels, scores) if k in self.taxonomy}
        for clause in out:
            for t in clause.tags:
                if t.category in own:  # present because a clause is tagged; its confidence stays the contract's
                    found[t.category] = max(own[t.category], 1e-4)
                else:
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
        # Units go through in blocks: the spaCy Docs and features of a whole 20 MB contract at once took
        # gigabytes; each unit's probabilities and tags are the same either way.
        top = None  # a long document's best unit per label, for the contract-rank bonus across blocks
        if threshold is None and self._bonus.any() and len(todo) > UNIT_BLOCK:
            top = self._best_units(todo, text)
        blocks = [self._tag_block(todo[i : i + UNIT_BLOCK], clauses, text, threshold, out, i, top)
                  for i in range(0, len(todo), UNIT_BLOCK)]
        return out, (blocks[0] if len(blocks) == 1 else np.concatenate(blocks))

    def _best_units(self, todo: list[Unit], text: str) -> Any:
        """Per label, the index of the document's best unit (Doc-free scoring, block by block)."""
        best = np.full(len(self.model.labels), -1.0)
        where = np.zeros(len(self.model.labels), dtype=np.int64)
        for i in range(0, len(todo), UNIT_BLOCK):
            block = todo[i : i + UNIT_BLOCK]
            bodies = [self._hashes(text[u.start : min(u.end, u.start + MAX_MODEL_CHARS)]) for u in block]
            feats, owners = self._features(block, bodies, text)
            probs = self._best_window(self.model.probability_matrix_features(feats), len(block), owners)
            top = np.argmax(probs, axis=0)
            score = probs[top, np.arange(probs.shape[1])]
            better = score > best
            best[better], where[better] = score[better], top[better] + i
        return where

    @staticmethod
    def _best_window(probs: Any, n: int, owners: list[int]) -> Any:
        if not owners:  # a long unit scores as its best window
            return probs
        extra = probs[n:]
        probs = probs[:n].copy()
        np.maximum.at(probs, np.array(owners), extra)
        return probs

    def _boosted(self, probs: Any, offset: int, top: Any) -> Any:
        """The probabilities the block's units are tagged on: the document's best unit per label gets its
        family's contract-rank bonus (:func:`.decision.boost_best`)."""
        if top is None:  # the block is the whole document
            return boost_best(probs, self._bonus)
        local = top - offset
        cols = np.flatnonzero((local >= 0) & (local < len(probs)) & (self._bonus > 0))
        q = probs.copy()
        q[local[cols], cols] = np.minimum(1.0, probs[local[cols], cols] + self._bonus[cols])
        return q

    def _own_confidence(self, prow: Any, qrow: Any, learnt: dict[str, float]) -> dict[str, float]:
        """A tag's confidence is the unit's own probability, also when the rank bonus decided the tag."""
        out = {}
        for k, v in learnt.items():
            j = self._label_index[k]
            out[k] = float(prow[j]) if qrow[j] == v else float(prow[self._family_cols[j]])
        return out

    def _tag_block(self, todo: list[Unit], clauses: Sequence[Clause], text: str, threshold: float | None,
                   out: list[Clause], offset: int = 0, top: Any = None) -> Any:
        """Tag the units ``todo`` (into ``out``); their probability rows."""
        bodies = [text[u.start : min(u.end, u.start + MAX_MODEL_CHARS)] for u in todo]
        words = [self._hashes(b) for b in bodies]  # what make_doc(b).to_array(LOWER) gives, without the Doc
        feats, owners = self._features(todo, words, text)
        probs = self._best_window(self.model.probability_matrix_features(feats), len(todo), owners)
        cut = self._cuts if threshold is None else threshold
        labels = self.model.labels
        boosted = threshold is None and bool(self._bonus.any())
        q = self._boosted(probs, offset, top) if boosted else probs
        candidates = (q >= cut).any(axis=1)
        found = self.rules.hits_many(words)
        for i, unit in enumerate(todo):
            learnt = decide(q[i], labels, cut, self._family_of, self._weak) if candidates[i] else {}
            if boosted and learnt:
                learnt = self._own_confidence(probs[i], q[i], learnt)
            hits = found[i] if found is not None else self._rule_hits(bodies[i])
            own = bodies[i]
            if is_filing_stamp(own):  # EDGAR furniture the segmenter left as a clause: no tags at all
                continue
            evidence = self._evidence(todo[i], words[i], bodies[i], learnt) if learnt else {}
            near = _Near(unit, clauses, text)
            tags = self._unit_tags(unit, own, clauses[unit.index], learnt, hits, evidence, probs[i], near)
            if tags:
                out[unit.index] = clauses[unit.index].model_copy(update={"tags": tags})
        return probs

    def _rule_hits(self, body: str) -> list[RuleHit]:
        """Phrase-rule hits in ``body`` from its spaCy Doc: only for rules :meth:`.rules.RuleMatcher.hits_many`
        cannot match on word ids (token patterns in a custom taxonomy)."""
        with self._lock:  # the model's vocab is not safe to grow from two threads
            doc = self.model.nlp.make_doc(body)
        return self.rules.hits(doc)

    def _hashes(self, text: str) -> Any:
        """:func:`.textcat.text_hashes` of ``text`` (the LOWER ids of the fast tokenizer's tokens), each word's
        id looked up in a table kept by this tagger instead of lower-cased and hashed at every occurrence."""
        ids = self._word_ids
        found = fast_words(text)
        try:
            return np.fromiter(map(ids.__getitem__, found), dtype=np.uint64, count=len(found))
        except KeyError:  # a word not seen before
            if len(ids) > _WORD_TABLE_MAX:  # bounded: a stream of odd tokens must not grow it for ever
                ids.clear()
            out = []
            for w in found:
                v = ids.get(w)
                if v is None:
                    v = ids[w] = get_string_id(w.lower())
                out.append(v)
            return np.array(out, dtype=np.uint64)

    def _evidence(self, unit: Unit, words: Any, body: str, learnt: dict[str, float]) -> dict[str, list[Span]]:
        """Per tagged category, the words of the unit's own text (its first window) that pushed the label up
        most (``words``; the pooled family's weights when the category's own find none), merged into
        phrases where adjacent. ``words`` are the LOWER ids of the unit's tokens."""
        where = token_offsets(body)
        textcat = self.model.nlp.get_pipe(TEXTCAT)
        out: dict[str, list[Span]] = {}
        for label in learnt:
            j = self._label_index[label]
            spans = _top_words(textcat.token_scores(words, j), where, unit.start)
            if not spans and self._family_cols[j] != j:
                spans = _top_words(textcat.token_scores(words, int(self._family_cols[j])), where, unit.start)
            out[label] = spans
        return out

    def _features(self, todo: list[Unit], words: list[Any], text: str) -> tuple[list[Any], list[int]]:
        """The model's features of every unit's first window (from its own text's word ids) and of its further
        windows, with the owner unit of each further window. Exactly what :func:`.textcat.doc_features`
        gives for :meth:`.units.Unit.model_text` and ``more_windows``, but without building Docs (headings,
        shared by many units, hashed once per heading path)."""
        feats: list[Any] = []
        owners: list[int] = []
        prevs: list[Any] = []
        for unit, own in zip(todo, words):
            head = self._head(unit.context) if unit.context else None
            prev = self._hashes(strip_marks(text[unit.prev[0] : unit.prev[1]])) if unit.prev[1] > unit.prev[0] else None
            prevs.append((head, prev))
            feats.append(compose(own, head, prev))
        for i, unit in enumerate(todo):
            for s, e in unit.window_spans():
                feats.append(compose(self._hashes(text[s:e]), *prevs[i]))
                owners.append(i)
        return feats, owners

    def _head_hashes(self, context: str) -> Any:
        return self._hashes(strip_marks(context))

    def _unit_tags(self, unit: Unit, body: str, clause: Clause, learnt: dict[str, float],
                   hits: list[RuleHit], decided: dict[str, list[Span]] | None = None, row: Any = None,
                   near: _Near | None = None) -> list[Tag]:
        tax = self.taxonomy
        evidence: dict[str, list[Span]] = {}
        if hits:
            where = token_offsets(body)
            for hit in hits:
                start, end = where[hit.start][0], where[hit.end - 1][1]
                if hit.category in tax:
                    evidence.setdefault(hit.category, []).append(
                        Span(start=start + unit.start, end=end + unit.start, label="phrase"))
        tags: dict[str, Tag] = {}
        for label, p in learnt.items():
            if label in tax:
                words = (decided or {}).get(label, [])
                seen = {(w.start, w.end) for w in words}
                ev = [*words, *(e for e in evidence.get(label, []) if (e.start, e.end) not in seen)]
                if not ev:
                    ev = [Span(start=unit.start, end=unit.end, label="model")]
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=round(p, 4),
                                  source="model", evidence=ev)
        for label, spans in evidence.items():
            if label in tags:
                continue
            if label in self._weak and row is not None:  # below the model's cut: a tag only at fair odds
                p = float(row[self._label_index[label]])
                if p >= WEAK_RULE_FLOOR:
                    tags[label] = Tag(category=label, family=tax.get(label).family, confidence=round(p, 4),
                                      source="rule", evidence=spans)
                continue
            if label in self._learnt:  # where there is data, the model decides
                continue
            if near is not None:  # a phrase of the topic's words is not yet the topic
                own = near_hits(body, [(sp.start - unit.start, sp.end - unit.start) for sp in spans]) \
                    if label in OWN_TEXT_ONLY else body
                if not rule_cue(label, own, *near.texts()):
                    continue
            tags[label] = Tag(category=label, family=tax.get(label).family, confidence=UNMEASURED_CONFIDENCE,
                              source="rule", evidence=spans)
        if unit.context and not is_definition_pointer(body):
            for label in sorted(self.headings.match(unit.context.rsplit(" > ", 1)[-1])):  # stable across processes
                if label in tags or (label in self._learnt and label not in self._weak):
                    continue  # a weak label's heading is its label: the heading tag stays
                span = clause.heading_span if clause.heading and clause.heading_span else None
                conf = UNMEASURED_CONFIDENCE
                if label in self._weak and row is not None:  # the words may say more than the heading alone
                    conf = max(conf, round(float(row[self._label_index[label]]), 4))
                tags[label] = Tag(category=label, family=tax.get(label).family, confidence=conf,
                                  source="heading", evidence=[span] if span else [])
        return sorted(tags.values(), key=lambda t: -t.confidence)


class _Near:
    """What surrounds a unit, for :func:`.gates.rule_cue`: the previous unit's tail, the headings above it
    and its parent's lead-in; built only when a gated rule asks."""

    def __init__(self, unit: Unit, clauses: Sequence[Clause], text: str) -> None:
        self.unit, self.clauses, self.text = unit, clauses, text
        self._texts: tuple[str, ...] | None = None

    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            u, c = self.unit, self.clauses[self.unit.index]
            lead = ""
            if c.parent_id is not None:
                parent = next((p for p in self.clauses[u.index - 1 :: -1] if p.id == c.parent_id), None)
                if parent is not None:
                    lead = self.text[parent.start : min(parent.end, parent.start + LEAD_IN_CHARS)]
            self._texts = (self.text[u.prev[0] : u.prev[1]], u.context, lead)
        return self._texts
