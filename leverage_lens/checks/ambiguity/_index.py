"""Indexes that keep the drafting checks linear in the text: each answers by bisect or a dictionary what a
scan of the text (or of every definition, clause or region) per match used to answer.

A rule that scans back to the start of the line, or loops over all definitions, once per match is quadratic:
on a contract with few newlines (a PDF read as one line) or a pattern repeated a hundred thousand times,
seconds become hours. Each index here is built once per document (cached on the Analysis) and returns
exactly what the loop it replaces returned; the docstrings give that loop.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from ...analysis import Analysis
from ...model import Clause, Definition

__all__ = ["DefinitionReach", "FollowingClause", "LineIndex", "Regions", "RunIndex", "any_within", "line_index", "lowered"]


class LineIndex:
    """Line bounds at an offset, by bisect over the newline positions."""

    def __init__(self, text: str) -> None:
        self.newlines = []
        at = text.find("\n")
        while at != -1:
            self.newlines.append(at)
            at = text.find("\n", at + 1)

    def start(self, pos: int) -> int:
        """``text.rfind("\\n", 0, pos) + 1``."""
        i = bisect_left(self.newlines, pos)
        return self.newlines[i - 1] + 1 if i else 0

    def end(self, pos: int) -> int:
        """``text.find("\\n", pos)`` (-1 when no newline follows)."""
        i = bisect_left(self.newlines, pos)
        return self.newlines[i] if i < len(self.newlines) else -1


def line_index(ctx: Analysis) -> LineIndex:
    """The document's line index, built once per analysis."""
    got = ctx.cache.get("ambiguity.line_index")
    if got is None:
        got = ctx.cache["ambiguity.line_index"] = LineIndex(ctx.text)
    return got  # type: ignore[return-value]


class Regions:
    """Membership in sorted, disjoint ``[start, end)`` regions: ``any(a <= pos < b for a, b in regions)``."""

    def __init__(self, regions: list[tuple[int, int]]) -> None:
        self.regions = regions
        self.starts = [a for a, _ in regions]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.regions[i][1]


def any_within(starts: list[int], a: int, b: int) -> bool:
    """Whether sorted ``starts`` holds a value in ``[a, b)``."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


class FollowingClause:
    """The start of the first clause after an offset at or above a level, the parser's "definition-N" items
    excepted: ``min(x.start for x in clauses if x.start > start and x.level <= level and not
    x.id.startswith("definition"))``, from one sorted list of starts per level."""

    def __init__(self, clauses: Iterable[Clause]) -> None:
        kept = [(c.start, c.level) for c in clauses if not c.id.startswith("definition")]
        self._starts = {level: sorted(s for s, lv in kept if lv <= level) for level in {lv for _, lv in kept}}
        self._levels = sorted(self._starts)

    def after(self, start: int, level: int, *, default: int) -> int:
        i = bisect_right(self._levels, level) - 1  # the deepest level present that is <= level
        if i < 0:
            return default
        starts = self._starts[self._levels[i]]
        j = bisect_right(starts, start)
        return starts[j] if j < len(starts) else default


class DefinitionReach:
    """Whether an offset lies in a definition of a term, within 200 characters of the term (the words the
    definition is made of): ``any(d.start <= pos < min(d.end, d.term_span.end + 200) for d in defs if
    " ".join(d.term.split()) == term)``, by bisect over each term's spans and the furthest end so far."""

    def __init__(self, defs: Iterable[Definition]) -> None:
        spans: dict[str, list[tuple[int, int]]] = {}
        for d in defs:
            spans.setdefault(" ".join(d.term.split()), []).append((d.start, min(d.end, d.term_span.end + 200)))
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}
        for term, pairs in spans.items():
            pairs.sort()
            self._starts[term] = [a for a, _ in pairs]
            furthest, ends = -1, []
            for _, b in pairs:
                furthest = max(furthest, b)
                ends.append(furthest)
            self._reach[term] = ends

    def covers(self, term: str, pos: int) -> bool:
        starts = self._starts.get(term)
        if not starts:
            return False
        i = bisect_right(starts, pos) - 1
        return i >= 0 and self._reach[term][i] > pos


class RunIndex:
    """Where a number such as "4.1(a)" may be printed, found without a scan of the text per number.

    Every place a number can start (a digit not after a word character or a dot) is indexed by the run of
    digits, ASCII letters and dots that follows it. A number with a parenthesis ("4.1(a)") can only be printed
    where that run is exactly its head ("4.1"); one without ("12A.3") where the run is the number itself, or
    the number followed by a dot and no digit. The caller confirms each candidate with the number's own
    pattern, so the answer is what ``re.finditer`` over the whole text gave.
    """

    _START = re.compile(r"(?<![\w.])\d[\dA-Za-z.]{0,63}")

    def __init__(self, text: str) -> None:
        self.at: dict[str, list[int]] = {}
        for m in self._START.finditer(text):
            self.at.setdefault(m.group(0), []).append(m.start())
        self.keys = sorted(self.at)

    def candidates(self, n: str) -> list[int]:
        if "(" in n:
            return self.at.get(n[: n.index("(")], [])
        out = list(self.at.get(n, []))
        prefix = n + "."
        i = bisect_left(self.keys, prefix)
        while i < len(self.keys) and self.keys[i].startswith(prefix):
            key = self.keys[i]
            if not key[len(prefix) : len(prefix) + 1].isdigit():
                out.extend(self.at[key])
            i += 1
        return sorted(out)


def lowered(ctx: Analysis) -> str | None:
    """``text.lower()`` when it keeps every offset (it does unless the text has letters such as "\u0130"), so
    case-insensitive scans can use a faster case-sensitive pattern; None otherwise."""
    if "ambiguity.lower" not in ctx.cache:
        low = ctx.text.lower()
        ctx.cache["ambiguity.lower"] = low if len(low) == len(ctx.text) else None
    return ctx.cache["ambiguity.lower"]  # type: ignore[return-value]
