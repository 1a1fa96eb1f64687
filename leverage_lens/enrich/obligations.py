"""Who must, may or must not do what: one :class:`~leverage_lens.model.Obligation` per modal phrase.

For each sentence, every modal phrase ("shall", "may not", "is entitled to", ...) is found by one compiled
pattern. Its actor is the party named closest before it in the same sentence (through names and aliases),
or one of the collective subjects ``each`` / ``either`` / ``neither`` / ``both``; the beneficiary is the
first other party named after it. Conditions and exceptions ("provided that", "except", "subject to
Section 9", "notwithstanding", "unless", "if") are returned as spans labelled with their kind.

Everything is pattern matching over offsets: no parser, so it runs at millions of characters a second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Clause, Obligation, Party, Span
from .sentences import sentence_spans

__all__ = ["find_obligations", "sentence_mentions", "PartyResolver", "MODALITY_PATTERNS"]

#: Modal phrase -> modality; the first alternative that matches wins, so negatives come first.
MODALITY_PATTERNS: tuple[tuple[str, str], ...] = (
    ("prohibition", r"shall\s+not|must\s+not|will\s+not|may\s+not|cannot|can\s*not|agrees?\s+not\s+to|"
     r"(?:is|are)\s+not\s+(?:permitted|allowed|entitled)\s+to|(?:is|are)\s+prohibited\s+from|shall\s+in\s+no\s+event"),
    ("right", r"may|(?:is|are|shall\s+be)\s+entitled\s+to|(?:has|have|shall\s+have)\s+the\s+(?:sole\s+)?right\s+to|"
     r"reserves?\s+the\s+right\s+to|(?:is|are)\s+permitted\s+to|can"),
    ("obligation", r"shall|must|will|agrees?\s+to|(?:is|are)\s+required\s+to|undertakes?\s+to|covenants?\s+to|"
     r"(?:is|are)\s+responsible\s+for|(?:is|are)\s+obligated\s+to"),
)
# "(?<!\w)(?=[...])" is "\b" before a word starting with one of the modals' first letters: same matches,
# about a third faster to scan than a bare "\b" in Python's engine.
_MODAL = re.compile(
    r"(?<!\w)(?=[acehimprsuw])(?:" + "|".join(f"(?P<{kind}>{pat})" for kind, pat in MODALITY_PATTERNS) + r")\b(?!\s*(?:be\s+)?deemed)"
)
_COLLECTIVE = re.compile(r"\b(?P<which>each|either|neither|both)(?:\s+of\s+the)?\s+(?:part(?:y|ies)|of\s+them)\b",
                         re.IGNORECASE)
# The look-ahead on the first letters (as in _MODAL) halves the scan time: same matches.
_CONDITION = re.compile(
    r"\b(?=[pPeEuUsSnNiI])"
    r"(?P<kind>provided(?:,)?\s+(?:however,?\s+)?that|except(?:\s+(?:as|that|for|to\s+the\s+extent))?|"
    r"unless|subject\s+to|notwithstanding|if|in\s+the\s+event(?:\s+that)?)\b[^,;.:]{0,300}",
    re.IGNORECASE,
)
#: Words one of which every match of _COLLECTIVE / _CONDITION contains (lower case).
_COLLECTIVE_WORDS = ("each", "either", "neither", "both")
_CONDITION_WORDS = ("in", "if", "provided", "except", "unless", "subject", "notwithstanding")  # commonest first
_COND_LABEL = {"provided": "proviso", "except": "exception", "unless": "exception", "subject": "subject_to",
               "notwithstanding": "notwithstanding", "if": "condition", "in": "condition"}


class PartyResolver:
    """Finds party mentions (names, aliases, roles) in text and maps them to party ids.

    Built once per document; ``mentions(text, a, b)`` yields ``(start, end, party_id)`` for every mention in
    ``text[a:b]``, longest alias first, so "Licensee Affiliate" never splits wrongly into a shorter alias.
    """

    def __init__(self, parties: Sequence[Party]) -> None:
        self.parties = list(parties)
        table: dict[str, str] = {}
        for p in parties:
            for alias in (p.name, *p.aliases, *([p.role] if p.role else [])):
                if alias and len(alias) > 1:
                    table.setdefault(alias, p.id)
                    table.setdefault(alias.upper(), p.id)
        self._table = table
        alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
        # A match starts with "the" or an alias: the look-ahead on those first letters lets the engine skip
        # every other position quickly (twice as fast as the bare look-behind), for the same matches.
        firsts = "".join(sorted({re.escape(a[0]) for a in table} | {"t"}))
        self._pattern = (re.compile(rf"(?=[{firsts}])(?<![\w\-])(?:the\s+)?(?P<m>{alts})(?![\w\-])")
                         if alts else None)

    def mentions(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        if self._pattern is None:
            return []
        return [(m.start("m"), m.end("m"), self._table[m.group("m")]) for m in self._pattern.finditer(text, start, end)]

    def resolve(self, name: str) -> str | None:
        """The party id for a name, alias or role (case-insensitive), or None."""
        low = name.strip().lower()
        for alias, pid in self._table.items():
            if alias.lower() == low:
                return pid
        return None


def find_obligations(
    text: str, parties: Sequence[Party], clauses: Sequence[Clause] = (), resolver: PartyResolver | None = None,
    *, sentences: Sequence[tuple[int, int]] | None = None,
    mentions: Sequence[list[tuple[int, int, str]]] | None = None,
) -> list[Obligation]:
    """Every modal phrase in ``text`` with its actor, modality, beneficiary and conditions.

    ``sentences`` and ``mentions`` (per sentence, as :func:`sentence_mentions` gives them) let :func:`enrich`
    share one sentence split and one party scan between this stage and the checks."""
    resolver = resolver or PartyResolver(parties)
    spans = sentence_spans(text) if sentences is None else sentences
    if mentions is None:
        mentions = sentence_mentions(resolver, text, spans)
    out: list[Obligation] = []
    leaves = _LeafIndex(clauses)
    lowered = text.lower()
    low = lowered if len(lowered) == len(text) else None  # lower-casing moved offsets (rare letters): no filter
    for (s, e), ments in zip(spans, mentions):
        modals = list(_MODAL.finditer(text, s, e))
        if not modals:
            continue
        # The two patterns ignore case and rarely match: a str.find on the lower-cased text skips most sentences.
        collectives = [(m.start(), m.end(), m.group("which").lower()) for m in _COLLECTIVE.finditer(text, s, e)
                       ] if low is None or any(low.find(w, s, e) >= 0 for w in _COLLECTIVE_WORDS) else []
        conditions = [
            Span(start=c.start(), end=c.end(), label=_COND_LABEL.get(c.group("kind").split()[0].lower(), "condition"))
            for c in _CONDITION.finditer(text, s, e)
        ] if low is None or any(low.find(w, s, e) >= 0 for w in _CONDITION_WORDS) else []
        clause_id = leaves.innermost(s)
        for m in modals:
            kind = m.lastgroup or "obligation"
            actor = _actor_before(m.start(), s, ments, collectives)
            if actor == "neither" and kind == "obligation":  # "Neither party shall ..." forbids
                kind = "prohibition"
            beneficiary = next((pid for a, _, pid in ments if a > m.end() and pid != actor), None)
            out.append(Obligation(clause_id=clause_id, start=s, end=e, actor=actor,
                                 modality=kind,  # type: ignore[arg-type]
                                 beneficiary=beneficiary, conditions=conditions,
                                 trigger=Span(start=m.start(), end=m.end(), label=kind)))
    return out


def sentence_mentions(resolver: PartyResolver, text: str,
                      sentences: Sequence[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
    """The party mentions of each sentence, from one scan of the whole text (mentions between sentences
    are dropped)."""
    out: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
    if not sentences:
        return out
    allm = resolver.mentions(text, sentences[0][0], sentences[-1][1])
    i, n = 0, len(sentences)
    redo: set[int] = set()
    for m in allm:
        while i < n and sentences[i][1] <= m[0]:
            i += 1
        if i == n:
            break
        if m[0] >= sentences[i][0] and m[1] <= sentences[i][1]:
            out[i].append(m)
        else:  # a mention across a sentence boundary hid a shorter one inside: scan those sentences alone
            redo.update(k for k in (i - 1, i, i + 1) if 0 <= k < n)
    for k in redo:
        out[k] = resolver.mentions(text, *sentences[k])
    return out


def _actor_before(pos: int, sent_start: int, mentions: list[tuple[int, int, str]],
                  collectives: list[tuple[int, int, str]]) -> str | None:
    """The subject nearest before the modal, within 80 characters (else unstated)."""
    best: tuple[int, str] | None = None
    for a, b, pid in mentions:
        if b <= pos and pos - b <= 80 and (best is None or b > best[0]):
            best = (b, pid)
    for a, b, which in collectives:
        if b <= pos and pos - b <= 80 and (best is None or b > best[0]):
            best = (b, which if which != "both" else "each")
    return best[1] if best else None


class _LeafIndex:
    """The innermost clause holding an offset, for offsets asked in increasing order (a sweep, not a scan
    of every clause per sentence: documents have thousands of both)."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self._clauses = sorted(clauses, key=lambda c: (c.start, -c.level))
        self._next = 0
        self._open: list[Clause] = []
        self._last = -1

    def innermost(self, offset: int) -> str | None:
        if offset < self._last:  # asked out of order: start the sweep again
            self._next, self._open = 0, []
        self._last = offset
        clauses = self._clauses
        while self._next < len(clauses) and clauses[self._next].start <= offset:
            self._open.append(clauses[self._next])
            self._next += 1
        self._open = [c for c in self._open if c.end > offset]
        best: Clause | None = None
        for c in self._open:  # the deepest; on a tie the later one, as document order would have it
            if best is None or c.level >= best.level:
                best = c
        return best.id if best else None
