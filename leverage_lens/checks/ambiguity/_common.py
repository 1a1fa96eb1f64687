"""Shared machinery of the drafting checks: the clause at an offset (by bisect), findings, grouping.

Every ambiguity rule scans ``Document.text`` once with compiled patterns; to name the clause a match sits in
it asks :class:`ClauseIndex` (built once per document and cached on the context), which answers by bisect and
a walk up the parent chain instead of a loop over all clauses.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from ...analysis import Analysis
from ...model import Clause, Finding, Span
from ..finding import make_finding
from ..registry import Rule
from ._index import lowered  # noqa: F401  (re-exported: the rules import it from here)

DEFINED_TERMS = "drafting.defined_terms"
CROSS_REFERENCES = "drafting.cross_references"
NUMBERS = "drafting.numbers"
DATES = "drafting.dates"
STANDARDS = "drafting.standards"
ACTORS = "drafting.actors"
LEFTOVERS = "drafting.leftovers"
FAMILY = "drafting"


class ClauseIndex:
    """Innermost clause at an offset, and the top-level clause (group) that holds it."""

    def __init__(self, clauses: Iterable[Clause]) -> None:
        self.clauses = sorted(clauses, key=lambda c: (c.start, -c.level))
        self.starts = [c.start for c in self.clauses]
        self.by_id = {c.id: c for c in self.clauses}

    def at(self, offset: int) -> Clause | None:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        c: Clause | None = self.clauses[i]
        while c is not None and not (c.start <= offset < c.end):
            c = self.by_id.get(c.parent_id) if c.parent_id else None
        return c

    def top(self, offset: int) -> Clause | None:
        c = self.at(offset)
        while c is not None and c.parent_id and c.parent_id in self.by_id:
            c = self.by_id[c.parent_id]
        return c


def clause_index(ctx: Analysis) -> ClauseIndex:
    """The document's clause index, built once per context."""
    got = ctx.cache.get("ambiguity.clause_index")
    if got is None:
        got = ctx.cache["ambiguity.clause_index"] = ClauseIndex(ctx.doc.clauses)
    return got  # type: ignore[return-value]


def finding(ctx: Analysis, r: Rule, start: int, end: int, message: str, *, suggestion: str | None = None,
            evidence: list[Span] | None = None) -> Finding:
    """An ambiguity finding quoting ``text[start:end]`` in the innermost clause holding ``start``."""
    return make_finding(rule_id=r.id, kind="ambiguity", severity=r.severity, text=ctx.text, start=start, end=end,
                        message=message, clause=clause_index(ctx).at(start), category=r.category, family=FAMILY,
                        suggestion=suggestion or r.suggestion, evidence=evidence)


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def times(n: int) -> str:
    """"once", "twice", "3 times": counts in messages read as words, never "1 time(s)"."""
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def grouped(ctx: Analysis, r: Rule, hits: Iterable[tuple[int, int, str]], *, message: str,
            suggestion: str | Callable[[str], str | None] | None = None, per: str = "section") -> list[Finding]:
    """One finding per (top-level clause, key) for ``hits`` of ``(start, end, key)`` -- or per key in the whole
    document with ``per="document"`` -- the first occurrence quoted and the others kept as evidence, so a word
    used forty times yields one finding. Hits in uncertain stretches (tables of contents, running headers,
    redaction notices) are dropped. ``suggestion`` may be chosen per key (a function of the key)."""
    from ._uncertain import in_uncertain

    idx = clause_index(ctx)
    groups: dict[tuple[str | None, str], list[tuple[int, int]]] = {}
    for s, e, key in hits:
        if in_uncertain(ctx, s):
            continue
        top = idx.top(s) if per == "section" else None
        groups.setdefault((top.id if top else None, key), []).append((s, e))
    out = []
    for (_, key), spans in groups.items():
        s, e = spans[0]
        n = len(spans)
        msg = message.format(term=key, n=n, times=times(n))
        advice = suggestion(key) if callable(suggestion) else suggestion
        out.append(finding(ctx, r, s, e, msg, suggestion=advice,
                           evidence=[Span(start=a, end=b, label="occurrence") for a, b in spans[1:]]))
    return out
