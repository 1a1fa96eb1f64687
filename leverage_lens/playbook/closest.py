"""The clause closest to a position's preferred language, and its deviation word by word.

Candidates are the contract's clauses, each read as its own words (a parent's text without its children, so a
section heading does not win by containing its whole subtree). Each is scored by rapidfuzz against the
preferred language, with bonuses for what the pipeline already knows: the clause is tagged with the position's
topic, or holds the words that decided the position. The best clause's stretch most like the preferred
language is then compared with it word by word (rapidfuzz's Levenshtein opcodes over words), so a reviewer
sees what to strike and what to add.

All clauses are scored against all preferred texts in one ``rapidfuzz.process.cdist`` call, so a playbook
of thirty positions costs one matrix, not thirty scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..model import Clause, ClauseMatch, Report, WordDiff

__all__ = ["ClauseIndex", "word_diff"]

#: A clause tagged with the position's topic gains this much (on the 0-100 scale).
TAG_BONUS = 12.0
#: A clause holding the words that decided the position gains this much.
EVIDENCE_BONUS = 25.0
#: Clauses whose own words are shorter than this are headings or labels, never the closest clause.
MIN_CHARS = 40
#: The stretch compared word by word is at most this many times the preferred language's length.
WINDOW_FACTOR = 1.6

_WORD = re.compile(r"\S+")
_NORM = re.compile(r"[^\w%$]+")


@dataclass
class _Unit:
    clause: Clause
    start: int  # the clause's own words: from its start to its first child (or its end)
    end: int
    key: str  # lower-cased words, for scoring
    topics: frozenset[str]


class ClauseIndex:
    """The clauses of one report prepared for scoring, built once per playbook check."""

    def __init__(self, report: Report) -> None:
        self.text = report.document.text
        clauses = report.clauses
        first_child: dict[str, int] = {}
        for c in clauses:
            if c.parent_id is not None and c.parent_id not in first_child:
                first_child[c.parent_id] = c.start
        self.units: list[_Unit] = []
        for c in clauses:
            end = first_child.get(c.id, c.end)
            own = self.text[c.start:end]
            if len(own.strip()) < MIN_CHARS:
                continue
            self.units.append(_Unit(c, c.start, end, _key(own), frozenset(t.category for t in c.tags)))

    def closest(self, preferred: list[str], topics: list[str | None],
                evidence: list[list[tuple[int, int, str | None]]]) -> list[ClauseMatch | None]:
        """For each preferred text, the closest clause (None without candidates); ``topics`` and ``evidence``
        (the spans that decided the position, with their clause ids) give the bonuses. When the closest clause
        holds deciding words, those words are what the preferred language is compared with."""
        if not self.units or not preferred:
            return [None] * len(preferred)
        keys = [_key(p) for p in preferred]
        scores = process.cdist(keys, [u.key for u in self.units], scorer=fuzz.token_set_ratio, workers=1)
        sort_scores = process.cdist(keys, [u.key for u in self.units], scorer=fuzz.token_sort_ratio, workers=1)
        out: list[ClauseMatch | None] = []
        for i, text in enumerate(preferred):
            best, best_score = None, -1.0
            for j, u in enumerate(self.units):
                s = 0.5 * float(scores[i][j]) + 0.5 * float(sort_scores[i][j])
                if topics[i] and topics[i] in u.topics:
                    s += TAG_BONUS
                if any(cid == u.clause.id or (u.start <= a < u.end) for a, _, cid in evidence[i]):
                    s += EVIDENCE_BONUS
                if s > best_score:
                    best, best_score = u, s
            inside = [(a, b) for a, b, _ in evidence[i] if best is not None and best.start <= a < best.end]
            out.append(self._match(text, best, topics[i], inside[0] if inside else None)
                       if best is not None else None)
        return out

    def _match(self, preferred: str, unit: _Unit, topic: str | None,
               decided: tuple[int, int] | None = None) -> ClauseMatch:
        start, end = _trim(self.text, *decided) if decided else self._window(preferred, unit)
        stretch = self.text[start:end]
        score = float(fuzz.token_sort_ratio(_key(preferred), _key(stretch)))
        return ClauseMatch(clause_id=unit.clause.id, start=start, end=end, score=round(score, 1),
                           tagged=bool(topic and topic in unit.topics), diff=word_diff(preferred, stretch))

    def _window(self, preferred: str, unit: _Unit) -> tuple[int, int]:
        """The stretch of the clause most like the preferred language: the whole clause when it is short, else
        the run of sentences rapidfuzz aligns with it (extended to whole words)."""
        text = self.text[unit.start:unit.end]
        if len(text) <= WINDOW_FACTOR * len(preferred):
            return _trim(self.text, unit.start, unit.end)
        al = fuzz.partial_ratio_alignment(preferred.lower(), text.lower())
        s, e = al.dest_start, al.dest_end
        s = max(text.rfind(". ", 0, s) + 2 if text.rfind(". ", 0, s) >= 0 else 0, 0)
        stop = text.find(". ", e)
        e = len(text) if stop < 0 else stop + 1
        return _trim(self.text, unit.start + s, unit.start + e)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _key(text: str) -> str:
    return " ".join(_NORM.sub(" ", text.lower()).split())


def word_diff(preferred: str, contract: str) -> list[WordDiff]:
    """The preferred language against the contract's words, as equal / delete / insert / replace steps (words
    compared lower-cased, without punctuation; shown as written)."""
    a, b = _WORD.findall(preferred), _WORD.findall(contract)
    na, nb = [_key(w) for w in a], [_key(w) for w in b]
    steps: list[WordDiff] = []
    for op in Levenshtein.opcodes(na, nb):
        kind = op.tag
        steps.append(WordDiff(op=kind, preferred=" ".join(a[op.src_start:op.src_end]),
                              contract=" ".join(b[op.dest_start:op.dest_end])))
    return steps
