"""What a rule sees: the document, its enrichment and helpers to find the clauses a rule cares about.

Built once per document by the registry and shared by every rule, so sentence splitting and party resolution
happen once. Read-only; rules must not keep it after they return.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..enrich import Enrichment, enrich
from ..model import Clause, Document, Obligation, Party

__all__ = ["CheckContext", "Sentence"]


@dataclass(frozen=True)
class Sentence:
    """One sentence with its offsets, innermost clause and the parties it mentions (in order)."""

    start: int
    end: int
    text: str
    clause: Clause | None
    mentions: tuple[tuple[int, int, str], ...]


@dataclass
class CheckContext:
    """The analysed document as rules see it."""

    doc: Document
    enrichment: Enrichment
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, doc: Document, enrichment: Enrichment | None = None) -> CheckContext:
        return cls(doc=doc, enrichment=enrichment or enrich(doc))

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def parties(self) -> list[Party]:
        return self.enrichment.parties

    @property
    def obligations(self) -> list[Obligation]:
        return self.enrichment.obligations

    @cached_property
    def sentences(self) -> list[Sentence]:
        ordered = sorted(self.doc.clauses, key=lambda c: (c.start, -c.level))
        out: list[Sentence] = []
        resolver = self.enrichment.resolver
        text = self.doc.text
        ci = 0
        stack: list[Clause] = []
        spans = self.enrichment.sentences
        known = self.enrichment.mentions if len(self.enrichment.mentions) == len(spans) else None
        for k, (s, e) in enumerate(spans):
            while ci < len(ordered) and ordered[ci].start <= s:
                stack.append(ordered[ci])
                ci += 1
            stack = [c for c in stack if c.end > s]
            clause = max(stack, key=lambda c: c.level) if stack else None
            ments = known[k] if known is not None else resolver.mentions(text, s, e)
            out.append(Sentence(s, e, text[s:e], clause, tuple(ments)))
        return out

    def candidates(self, pattern: re.Pattern[str], anchors: Sequence[str] | None = None) -> list[Sentence]:
        """Sentences where ``pattern`` may match, found by one scan of the whole text (fast), in order.

        A rule then confirms with ``pattern.search(sentence.text)``; the scan only prunes sentences.
        ``anchors`` (lower-case literals, at least one of which occurs in every match of ``pattern``, case
        ignored) make the scan a few ``str.find`` calls instead of a regular-expression pass: several times
        faster on long contracts, for the same sentences after confirmation."""
        sents = self.sentences
        starts = self._starts()
        hit: dict[int, None] = {}
        lower = self._lower() if anchors else None
        if lower is not None and anchors:
            for word in anchors:
                pos = lower.find(word)
                while pos >= 0:
                    i = bisect_right(starts, pos) - 1
                    if i >= 0 and pos < sents[i].end:
                        hit[i] = None
                        pos = lower.find(word, sents[i].end)  # one hit per sentence is enough
                    else:
                        pos = lower.find(word, pos + 1)
            return [sents[i] for i in sorted(hit)]
        for m in pattern.finditer(self.doc.text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0:
                hit[i] = None
            j = bisect_right(starts, m.end() - 1) - 1  # a match may start in whitespace before a sentence
            if j >= 0:
                hit[j] = None
        return [sents[i] for i in sorted(hit)]

    def _lower(self) -> str | None:
        """The lower-cased text when lower-casing keeps every offset (almost always), else None."""
        if "lower" not in self._cache:
            low = self.doc.text.lower()
            self._cache["lower"] = low if len(low) == len(self.doc.text) else None
        return self._cache["lower"]  # type: ignore[return-value]

    def _starts(self) -> list[int]:
        got = self._cache.get("starts")
        if got is None:
            got = self._cache["starts"] = [s.start for s in self.sentences]
        return got  # type: ignore[return-value]

    def sentences_matching(self, pattern: re.Pattern[str], anchors: Sequence[str] | None = None,
                           ) -> Iterator[tuple[Sentence, re.Match[str]]]:
        """Sentences where ``pattern`` matches, with the first match (offsets relative to the sentence)."""
        for s in self.candidates(pattern, anchors):
            m = pattern.search(s.text)
            if m:
                yield s, m

    def party_name(self, party_id: str | None) -> str | None:
        for p in self.parties:
            if p.id == party_id:
                return p.role or (p.aliases[0] if p.aliases else p.name)
        return party_id

    def two_parties(self) -> tuple[str, str] | None:
        """The two principal parties (most mentioned), or None if fewer than two are known."""
        if "two_parties" in self._cache:
            return self._cache["two_parties"]  # type: ignore[return-value]
        self._cache["two_parties"] = pair = self._two_parties()
        return pair

    def _two_parties(self) -> tuple[str, str] | None:
        counts: dict[str, int] = {}
        for s in self.sentences:
            for _, _, pid in s.mentions:
                counts[pid] = counts.get(pid, 0) + 1
        top = sorted(counts, key=lambda k: -counts[k])[:2]
        return (top[0], top[1]) if len(top) == 2 else None
