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
        first: set[int] = set()
        for cat in taxonomy.categories:
            if cat.phrases:
                docs = [tokenizer(p.lower()) for p in cat.phrases]
                self.phrases.add(cat.id, docs)
                first.update(d[0].lower for d in docs if len(d))
            if cat.patterns:
                self.patterns.add(cat.id, [list(p) for p in cat.patterns])
        #: LOWER ids of every phrase's first word: a text holding none of them cannot match a phrase, so the
        #: tagger builds a spaCy Doc only for the units that do (see :meth:`may_match`).
        self.first_words = np.array(sorted(first), dtype=np.uint64)

    def may_match(self, lower_ids: np.ndarray) -> bool:
        """Whether a text whose tokens have these LOWER ids may hold a match (False only when it cannot):
        building a Doc for every clause was most of tagging time, and most clauses hold no phrase."""
        if len(self.patterns):
            return True  # token patterns can match anything: no cheap test
        return bool(len(self.first_words)) and bool(np.isin(lower_ids, self.first_words).any())

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
