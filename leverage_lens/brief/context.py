"""What the key-term finders share: the text, its sentences, and the clauses tagged with a category.

The tagger has already read every clause, so a finder looks first in the few clauses tagged with its category
(a governing-law clause, a renewal clause) and falls back to a literal anchor scan of the whole text ("govern",
"renew") only when no clause is tagged. Either way a pattern runs over a few hundred characters, not the whole
contract, which keeps the brief a small share of ``analyze``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..model import Clause, KeyTerm, KeyTermKind

__all__ = ["BriefContext"]


@dataclass
class BriefContext:
    """One document's text, sentences and tagged clauses, with helpers to cut spans and make key terms."""

    text: str
    clauses: Sequence[Clause]
    sentences: Sequence[tuple[int, int]]
    _starts: list[int] = field(default_factory=list, repr=False)
    _by_category: dict[str, list[tuple[float, Clause]]] = field(default_factory=dict, repr=False)
    _leaf_starts: list[int] = field(default_factory=list, repr=False)
    _leaves: list[Clause] = field(default_factory=list, repr=False)
    _lower: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.sentences]
        lowered = self.text.lower()
        self._lower = lowered if len(lowered) == len(self.text) else None
        for c in self.clauses:
            for t in c.tags:
                self._by_category.setdefault(t.category, []).append((t.confidence, c))
        # innermost clause lookup: clauses are in pre-order, so the last one starting at or before an offset
        # that still contains it is the innermost
        self._leaves = list(self.clauses)
        self._leaf_starts = [c.start for c in self._leaves]

    def tagged(self, *categories: str) -> list[tuple[float, Clause]]:
        """Clauses tagged with any of ``categories``: most confident first, then the shorter (more specific)."""
        seen: dict[str, tuple[float, Clause]] = {}
        for cat in categories:
            for conf, c in self._by_category.get(cat, []):
                if c.id not in seen or seen[c.id][0] < conf:
                    seen[c.id] = (conf, c)
        return sorted(seen.values(), key=lambda x: (-x[0], x[1].end - x[1].start, x[1].start))

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (a 300-character window when sentences are unknown there)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return max(0, offset - 150), min(len(self.text), offset + 150)

    def sentences_in(self, start: int, end: int, shortest: int = 30) -> Iterator[tuple[int, int]]:
        """Sentences overlapping ``[start, end)``, clipped to it; those under ``shortest`` characters (a
        heading such as "4.2 Automatic Renewal.") are skipped."""
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        found = False
        while i < len(self.sentences) and self.sentences[i][0] < end:
            s, e = self.sentences[i]
            if e > start:
                s, e = max(s, start), min(e, end)
                if e - s >= shortest:
                    found = True
                    yield s, e
            i += 1
        if not found and end - start >= shortest:
            yield start, end

    def clause_id_at(self, offset: int) -> str | None:
        """Id of the innermost clause containing ``offset``."""
        i = bisect.bisect_right(self._leaf_starts, offset) - 1
        while i >= 0:
            c = self._leaves[i]
            if c.start <= offset < c.end:
                return c.id
            i -= 1
        return None

    def anchors(self, words: tuple[str, ...], limit: int = 200) -> list[int]:
        """Offsets of the first ``limit`` occurrences of any of ``words`` (lower-case literals, any case in the
        text; a trailing ``$`` asks for a word end: "term$" skips "terminate"), in document order.

        ``str.find`` on the lower-cased text: a regular-expression alternation over the whole contract costs
        several times more."""
        low = self._lower
        hits: list[int] = []
        for word in words:
            whole = word.endswith("$")
            literal = word.rstrip("$")
            if low is None:  # lower-casing changed the length (rare letters): a case-blind regex instead
                tail = r"(?!\w)" if whole else ""
                hits.extend(m.start() for m in re.finditer(re.escape(literal) + tail, self.text, re.IGNORECASE))
                continue
            pos = low.find(literal)
            found = 0
            while pos >= 0 and found < limit:
                end = pos + len(literal)
                if not whole or end >= len(low) or not low[end].isalnum():
                    hits.append(pos)
                    found += 1
                pos = low.find(literal, end)
        return sorted(hits)[:limit]

    def term(self, kind: KeyTermKind, start: int, end: int, *, value: str | None, confidence: float,
             party: str | None = None, detail: str | None = None, clause_id: str | None = None) -> KeyTerm:
        """A :class:`KeyTerm` over ``text[start:end]`` (whitespace trimmed), in the innermost clause there."""
        raw = self.text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        end = max(end, start)
        return KeyTerm(kind=kind, value=value, text=self.text[start:end], start=start, end=end,
                       clause_id=clause_id or self.clause_id_at(start), confidence=round(min(max(confidence, 0), 1), 3),
                       party=party, detail=detail)
