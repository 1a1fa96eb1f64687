"""Phrase rules: spaCy ``PhraseMatcher`` (lower-cased) and ``Matcher`` patterns from the taxonomy.

Rules are cheap and explain themselves (the matched words are the evidence). On their own most phrases are
weak evidence ("audit" also occurs in accounting definitions): for categories with CUAD labels the tagger
uses them as evidence for the model's tags, and the training command records each rule's precision on
the dev contracts. Categories CUAD does not cover are tagged by rules and headings alone, with
:data:`UNMEASURED_CONFIDENCE` (no labelled data to calibrate on).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..taxonomy import Taxonomy
from .tokenizer import FastTokenizer

__all__ = ["UNMEASURED_CONFIDENCE", "RuleHit", "RuleMatcher", "rule_precision"]

#: Confidence of a rule hit for a category without CUAD labels (no data to measure it on).
UNMEASURED_CONFIDENCE = 0.6


@dataclass(frozen=True)
class RuleHit:
    category: str
    start: int  # token offsets in the matched Doc: map to characters with tokenizer.token_offsets
    end: int


class RuleMatcher:
    """Every taxonomy category's phrases and patterns, compiled once; matching is thread-safe."""

    def __init__(self, vocab: Vocab, taxonomy: Taxonomy) -> None:
        self.vocab = vocab
        tokenizer = FastTokenizer(vocab)
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.patterns = Matcher(vocab)
        sequences: dict[tuple[int, ...], set[str]] = defaultdict(set)
        for cat in taxonomy.categories:
            if cat.phrases:
                docs = [tokenizer(p.lower()) for p in cat.phrases]
                self.phrases.add(cat.id, docs)
                for d in docs:
                    if len(d):
                        sequences[tuple(t.lower for t in d)].add(cat.id)
            if cat.patterns:
                self.patterns.add(cat.id, [list(p) for p in cat.patterns])
        # Every phrase as the LOWER ids of its words, by its first word's id, shortest first: what
        # :meth:`hits_many` compares a text's ids with. Only when no word sequence is the phrase of two
        # categories (the PhraseMatcher would report both at one place in an order of its own) and there are
        # no token patterns does it give the matcher's answer without a Doc.
        by_first: dict[int, list[tuple[list[int], str]]] = defaultdict(list)
        for seq in sorted(sequences, key=len):
            for cat_id in sequences[seq]:
                by_first[seq[0]].append((list(seq), cat_id))
        self._by_first = dict(by_first)
        self._firsts = np.array(sorted(by_first), dtype=np.uint64)
        self._exact = not len(self.patterns) and all(len(c) == 1 for c in sequences.values())

    def hits_many(self, texts: Sequence[np.ndarray]) -> list[list[RuleHit]] | None:
        """:meth:`hits` of each text given as the LOWER ids of its tokens, without building spaCy Docs, in one
        pass over all of them; None when that cannot be exact (token patterns, or a phrase shared by two
        categories): then build Docs and call :meth:`hits`.

        Building a Doc per clause was most of tagging time, and few clauses hold a phrase. The phrases' first
        words are found by one ``np.isin`` over the texts' ids end to end, and only there are whole phrases
        compared. Matches come in the PhraseMatcher's order (by start, then by length), so the first per
        category is the one :meth:`hits` keeps."""
        if not self._exact:
            return None
        out: list[list[RuleHit]] = [[] for _ in texts]
        if not self._by_first or not texts:
            return out
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        ends = np.cumsum(lengths)
        if not ends[-1]:
            return out
        ids = np.concatenate(texts)
        starts = np.flatnonzero(np.isin(ids, self._firsts))
        if not len(starts):
            return out
        owner = np.searchsorted(ends, starts, side="right").tolist()
        limit = ends.tolist()
        offset = (ends - lengths).tolist()
        by_first = self._by_first
        seen: list[set[str] | None] = [None] * len(texts)
        for pos, k, first in zip(starts.tolist(), owner, ids[starts].tolist()):
            for phrase, cat_id in by_first[first]:
                end = pos + len(phrase)
                if end > limit[k]:
                    break  # the rest are longer still
                if ids[pos:end].tolist() == phrase:
                    got = seen[k]
                    if got is None:
                        got = seen[k] = set()
                    if cat_id not in got:
                        got.add(cat_id)
                        out[k].append(RuleHit(cat_id, pos - offset[k], end - offset[k]))
        return out

    def hits(self, doc: Doc) -> list[RuleHit]:
        """Matches in ``doc`` (token offsets), at most one per category (the first)."""
        seen: dict[str, RuleHit] = {}
        for matcher in (self.phrases, self.patterns):
            if len(matcher) == 0:
                continue
            for match_id, start, end in matcher(doc):
                label = self.vocab.strings[match_id]
                if label not in seen:
                    seen[label] = RuleHit(label, start, end)
        return list(seen.values())

    def hits_in(self, texts: Iterable[str]) -> list[list[RuleHit]]:
        tokenizer = FastTokenizer(self.vocab)
        return [self.hits(tokenizer(t)) for t in texts]


def rule_precision(matcher: RuleMatcher, texts: Sequence[str], labels: Sequence[Any]) -> dict[str, float]:
    """Per category: the share of units a rule fires on that carry the category (add-one smoothed)."""
    fired: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    for hits, gold in zip(matcher.hits_in(texts), labels):
        for h in hits:
            fired[h.category] += 1
            right[h.category] += h.category in gold
    return {k: round((right[k] + 1) / (fired[k] + 2), 4) for k in fired}
