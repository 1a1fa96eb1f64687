"""One document, read once: the :class:`Analysis` every stage after tagging reads.

``api.py`` builds it once per document, after the clauses are tagged and the text enriched: the text and its
tagged clause tree, sentences with the parties each mentions, parties, definitions, obligations, the
reader's party, and a cache for work rules share. The ledger, the checks, the brief and the scorecard read
it; none of them builds its own context or re-reads the text, and nothing flows back into it except through
the documented slots (``ledger``, ``warnings``, ``cache``) that the pipeline fills in order.

Helpers that prune the text cheaply live here because every reader needs them: :meth:`Analysis.candidates`
finds the sentences a pattern may match by a few ``str.find`` calls, :meth:`Analysis.tagged` the clauses the
tagger placed in a category, :meth:`Analysis.anchors` the offsets of literal words. An Analysis is read-only
for rules; it must not be kept after the analysis that made it returns.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .enrich import Enrichment, enrich
from .enrich.anchors import VOCABULARY, sentences_with
from .model import Clause, Definition, Document, Obligation, ParseWarning, Party

__all__ = ["Analysis", "Sentence"]


@dataclass(frozen=True)
class Sentence:
    """One sentence with its offsets, innermost clause and the parties it mentions (in order)."""

    start: int
    end: int
    text: str
    clause: Clause | None
    mentions: tuple[tuple[int, int, str], ...]


@dataclass(eq=False)
class Analysis:
    """Everything known about one document after enrichment and tagging (see the module docstring).

    ``doc.clauses`` are the tagged clauses (the Report's one clause list). ``reader`` is the party id the
    report is read as (None when no perspective was given). ``ledger`` is filled by the ledger stage before
    the checks run; ``warnings`` collects analysis-level parse-health notes (parties, gated rules) that the
    Report carries beside the loader's.
    """

    doc: Document
    enrichment: Enrichment
    categories_present: Mapping[str, float] = field(default_factory=dict)
    reader: str | None = None
    ledger: Any = None
    warnings: list[ParseWarning] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, doc: Document, enrichment: Enrichment | None = None, **kwargs: Any) -> Analysis:
        """An Analysis of ``doc`` (enriched here unless ``enrichment`` is given); clauses as they are."""
        return cls(doc=doc, enrichment=enrichment or enrich(doc), **kwargs)

    # -- what the document holds ---------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.doc

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def clauses(self) -> list[Clause]:
        return self.doc.clauses

    @property
    def parties(self) -> list[Party]:
        return self.enrichment.parties

    @property
    def definitions(self) -> list[Definition]:
        return self.enrichment.definitions

    @property
    def obligations(self) -> list[Obligation]:
        return self.enrichment.obligations

    @property
    def sentence_spans(self) -> list[tuple[int, int]]:
        return self.enrichment.sentences

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence as a :class:`Sentence` (innermost clause and party mentions resolved once)."""
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

    @cached_property
    def lower(self) -> str | None:
        """The lower-cased text when lower-casing keeps every offset (almost always), else None."""
        low = self.doc.text.lower()
        return low if len(low) == len(self.doc.text) else None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.enrichment.sentences]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [e for _, e in self.enrichment.sentences]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.start for c in self.doc.clauses]

    @cached_property
    def _by_category(self) -> dict[str, list[tuple[float, Clause]]]:
        out: dict[str, list[tuple[float, Clause]]] = {}
        for c in self.doc.clauses:
            for t in c.tags:
                out.setdefault(t.category, []).append((t.confidence, c))
        return out

    # -- finding things cheaply ----------------------------------------------------------------------------

    def candidates(self, pattern: re.Pattern[str], anchors: Sequence[str] | None = None) -> list[Sentence]:
        """Sentences where ``pattern`` may match, found by one scan of the whole text (fast), in order.

        A rule then confirms with ``pattern.search(sentence.text)``; the scan only prunes sentences.
        ``anchors`` (lower-case literals, at least one of which occurs in every match of ``pattern``, case
        ignored) make the scan a few ``str.find`` calls instead of a regular-expression pass: several times
        faster on long contracts, for the same sentences after confirmation."""
        sents = self.sentences
        starts = self._sentence_starts
        hit: dict[int, None] = {}
        lower = self.lower if anchors else None
        if lower is not None and anchors:
            found: set[int] = set()
            for word in anchors:
                found.update(self._sentences_with(word))
            return [sents[i] for i in sorted(found)]
        for m in pattern.finditer(self.doc.text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0:
                hit[i] = None
            j = bisect.bisect_right(starts, m.end() - 1) - 1  # a match may start in whitespace before a sentence
            if j >= 0:
                hit[j] = None
        return [sents[i] for i in sorted(hit)]

    def _sentences_with(self, word: str) -> list[int]:
        """Indexes of the sentences holding ``word`` (lower-case literal), found once per document: rules and
        ledger topics share anchor words ("assign", "terminat", "liab"), and each is scanned for only once.

        The first word asked for that the process's anchor vocabulary knows reads the document once for every
        word of it (:mod:`.enrich.anchors`); a word it does not know is scanned on its own and learnt."""
        key = ("analysis.anchor", word)
        got = self.cache.get(key)  # type: ignore[call-overload]
        if got is not None:
            return got  # type: ignore[no-any-return]
        lower = self.lower
        assert lower is not None
        starts, ends = self._sentence_starts, self._sentence_ends
        if word and word in VOCABULARY and "analysis.anchor_pass" not in self.cache:
            self.cache["analysis.anchor_pass"] = True
            for w, found in VOCABULARY.index(lower, starts, ends).items():
                self.cache.setdefault(("analysis.anchor", w), found)  # type: ignore[call-overload]
            got = self.cache.get(key)  # type: ignore[call-overload]
            if got is not None:
                return got  # type: ignore[no-any-return]
        if word:
            VOCABULARY.learn(word)
        out = sentences_with(lower, word, starts, ends)
        self.cache[key] = out  # type: ignore[index]
        return out

    def sentences_matching(self, pattern: re.Pattern[str], anchors: Sequence[str] | None = None,
                           ) -> Iterator[tuple[Sentence, re.Match[str]]]:
        """Sentences where ``pattern`` matches, with the first match (offsets relative to the sentence)."""
        for s in self.candidates(pattern, anchors):
            m = pattern.search(s.text)
            if m:
                yield s, m

    def sentence_index(self, offset: int) -> int | None:
        """Index in :attr:`sentences` of the sentence holding ``offset`` (None between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.enrichment.sentences[i][1]:
            return i
        return None

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (a 300-character window when no sentence holds it)."""
        i = self.sentence_index(offset)
        if i is not None:
            return self.enrichment.sentences[i]
        return max(0, offset - 150), min(len(self.doc.text), offset + 150)

    def sentences_in(self, start: int, end: int, shortest: int = 30) -> Iterator[tuple[int, int]]:
        """Sentences overlapping ``[start, end)``, clipped to it; those under ``shortest`` characters (a
        heading such as "4.2 Automatic Renewal.") are skipped; the whole range when none is long enough."""
        spans = self.enrichment.sentences
        i = max(bisect.bisect_right(self._sentence_starts, start) - 1, 0)
        found = False
        while i < len(spans) and spans[i][0] < end:
            s, e = spans[i]
            if e > start:
                s, e = max(s, start), min(e, end)
                if e - s >= shortest:
                    found = True
                    yield s, e
            i += 1
        if not found and end - start >= shortest:
            yield start, end

    def clause_at(self, offset: int) -> Clause | None:
        """The innermost clause containing ``offset`` (clauses are in pre-order: the last one starting at
        or before it that still contains it)."""
        clauses = self.doc.clauses
        i = bisect.bisect_right(self._clause_starts, offset) - 1
        while i >= 0:
            c = clauses[i]
            if c.start <= offset < c.end:
                return c
            i -= 1
        return None

    def clause_id_at(self, offset: int) -> str | None:
        c = self.clause_at(offset)
        return c.id if c is not None else None

    def tagged(self, *categories: str) -> list[tuple[float, Clause]]:
        """Clauses tagged with any of ``categories``: most confident first, then the shorter (more specific)."""
        seen: dict[str, tuple[float, Clause]] = {}
        for cat in categories:
            for conf, c in self._by_category.get(cat, []):
                if c.id not in seen or seen[c.id][0] < conf:
                    seen[c.id] = (conf, c)
        return sorted(seen.values(), key=lambda x: (-x[0], x[1].end - x[1].start, x[1].start))

    def anchors(self, words: tuple[str, ...], limit: int = 200) -> list[int]:
        """Offsets of the first ``limit`` occurrences of any of ``words`` (lower-case literals, any case in the
        text; a trailing ``$`` asks for a word end: "term$" skips "terminate"), in document order.

        ``str.find`` on the lower-cased text: a regular-expression alternation over the whole contract costs
        several times more."""
        low = self.lower
        hits: list[int] = []
        for word in words:
            whole = word.endswith("$")
            literal = word.rstrip("$")
            if low is None:  # lower-casing changed the length (rare letters): a case-blind regex instead
                tail = r"(?!\w)" if whole else ""
                hits.extend(m.start() for m in re.finditer(re.escape(literal) + tail, self.doc.text, re.IGNORECASE))
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

    # -- parties --------------------------------------------------------------------------------------------

    def party_name(self, party_id: str | None) -> str | None:
        """What a lawyer calls the party in prose: its role, else its first alias, else its name."""
        for p in self.parties:
            if p.id == party_id:
                return p.role or (p.aliases[0] if p.aliases else p.name)
        return party_id

    def two_parties(self) -> tuple[str, str] | None:
        """The two principal parties (most mentioned), or None if fewer than two are known."""
        if "two_parties" not in self.cache:
            counts: dict[str, int] = {}
            for s in self.sentences:
                for _, _, pid in s.mentions:
                    counts[pid] = counts.get(pid, 0) + 1
            top = sorted(counts, key=lambda k: -counts[k])[:2]
            self.cache["two_parties"] = (top[0], top[1]) if len(top) == 2 else None
        return self.cache["two_parties"]  # type: ignore[no-any-return]
