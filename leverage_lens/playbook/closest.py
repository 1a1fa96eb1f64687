"""The clause closest to a position's preferred language, and its deviation word by word.

Candidates are the contract's clauses, each read as its own words (a parent's text without its children, so a
section heading does not win by containing its whole subtree). Finding the closest one is cheap by design, so
a playbook of thirty positions costs a few milliseconds, not a scan per position:

1. an inverted index of the clauses' words proposes the clauses sharing the most *informative* words with
   the preferred language (each shared word weighs its inverse document frequency in this contract);
2. rapidfuzz (``token_set_ratio``) ranks those few candidates, with bonuses for what the pipeline already
   knows: the clause is tagged with the position's topic, or holds the words that decided the position;
3. the best clause's sentence most like the preferred language (or the deciding words, when the clause holds
   them) is compared with it word by word (rapidfuzz's Levenshtein opcodes over words), so a reviewer sees
   what to strike and what to add.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..model import Clause, ClauseMatch, Report, WordDiff

__all__ = ["ClauseIndex", "word_diff"]

#: A clause tagged with the position's topic gains this much (on the 0-100 scale).
TAG_BONUS = 12.0
#: A clause holding the words that decided the position gains this much.
EVIDENCE_BONUS = 25.0
#: Clauses whose own words are shorter than this are headings or labels, never the closest clause.
MIN_CHARS = 40
#: How many clauses the word index proposes to rapidfuzz for each preferred text.
CANDIDATES = 4

_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[a-z0-9$%]+")
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(\"“0-9])")
_STRIP = str.maketrans("", "", ".,;:()[]\"'“”‘’!?*")
_STOP = frozenset("a an and or the of to in on for by with any all this that be is are will shall may such as "
                  "its it at from under than not no each other".split())


@dataclass
class _Unit:
    clause: Clause
    start: int  # the clause's own words: from its start to its first child (or its end)
    end: int
    key: str  # lower-cased words, for rapidfuzz
    topics: frozenset[str]
    sentences: list[tuple[int, int, frozenset[str]]] | None = field(default=None)  # filled on first use


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


@lru_cache(maxsize=1024)
def _preferred(text: str) -> tuple[frozenset[str], str]:
    """A preferred text's words and rapidfuzz key, remembered: a playbook checks the same texts every time."""
    words = _tokens(text)
    return frozenset(words), " ".join(words)


class ClauseIndex:
    """The clauses of one report prepared for lookups, built once per playbook check."""

    def __init__(self, report: Report) -> None:
        self.text = report.document.text
        first_child: dict[str, int] = {}
        for c in report.clauses:
            if c.parent_id is not None and c.parent_id not in first_child:
                first_child[c.parent_id] = c.start
        self.units: list[_Unit] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        for c in report.clauses:
            end = first_child.get(c.id, c.end)
            own = self.text[c.start:end]
            if len(own.strip()) < MIN_CHARS:
                continue
            words = _tokens(own)
            j = len(self.units)
            for w in set(words):
                self.postings[w].append(j)
            self.units.append(_Unit(c, c.start, end, " ".join(words), frozenset(t.category for t in c.tags)))
        n = max(len(self.units), 1)
        self.idf = {w: math.log(1 + n / len(p)) for w, p in self.postings.items()}
        self.starts = [u.start for u in self.units]
        self.by_topic: dict[str, list[int]] = defaultdict(list)
        for j, u in enumerate(self.units):
            for t in u.topics:
                self.by_topic[t].append(j)

    def _unit_at(self, offset: int) -> int | None:
        j = bisect_right(self.starts, offset) - 1
        return j if j >= 0 and offset < self.units[j].end else None

    def _proposed(self, words: set[str]) -> list[int]:
        acc: dict[int, float] = defaultdict(float)
        for w in words:
            weight = self.idf.get(w)
            if weight is not None:
                for j in self.postings[w]:
                    acc[j] += weight
        return sorted(acc, key=lambda j: -acc[j])[:CANDIDATES]

    def closest(self, preferred: list[str], topics: list[str | None],
                evidence: list[list[tuple[int, int, str | None]]],
                with_diff: list[bool] | None = None) -> list[ClauseMatch | None]:
        """For each preferred text, the closest clause (None without candidates). ``topics`` and ``evidence``
        (the spans that decided the position, with their clause ids) give the bonuses; when the closest clause
        holds deciding words, they are what the preferred language is compared with. ``with_diff`` says for
        which positions to compute the word-by-word deviation (all by default)."""
        out: list[ClauseMatch | None] = []
        for i, text in enumerate(preferred):
            words, key = _preferred(text)
            topic = topics[i]
            decided = {j for a, _, _ in evidence[i] if (j := self._unit_at(a)) is not None}
            tagged = set(self.by_topic.get(topic, ())) if topic else set()
            cands = set(self._proposed(words)) | tagged | decided
            if not cands:
                out.append(None)
                continue
            best, best_score = -1, -1.0
            for j in sorted(cands):
                s = float(fuzz.token_set_ratio(key, self.units[j].key))
                if j in tagged:
                    s += TAG_BONUS
                if j in decided:
                    s += EVIDENCE_BONUS
                if s > best_score:
                    best, best_score = j, s
            unit = self.units[best]
            inside = [(a, b) for a, b, _ in evidence[i] if unit.start <= a < unit.end]
            diff = with_diff[i] if with_diff is not None else True
            out.append(self._match(text, words, unit, topic, inside[0] if inside else None, diff))
        return out

    def _match(self, preferred: str, words: frozenset[str], unit: _Unit, topic: str | None,
               decided: tuple[int, int] | None, diff: bool) -> ClauseMatch:
        start, end = _trim(self.text, *decided) if decided else self._sentence(words, unit)
        stretch = self.text[start:end]
        score = float(fuzz.token_set_ratio(_preferred(preferred)[1], " ".join(_tokens(stretch))))
        return ClauseMatch.model_construct(
            clause_id=unit.clause.id, start=start, end=end, score=round(score, 1),
            tagged=bool(topic and topic in unit.topics), diff=word_diff(preferred, stretch) if diff else [])

    def _sentence(self, words: set[str], unit: _Unit) -> tuple[int, int]:
        """The sentence of the clause sharing the most informative words with the preferred language (the
        whole clause when it is one sentence)."""
        if unit.sentences is None:
            text = self.text[unit.start:unit.end]
            bounds, pos = [], 0
            for m in _SENTENCE.finditer(text):
                bounds.append((pos, m.start()))
                pos = m.end()
            bounds.append((pos, len(text)))
            unit.sentences = [(s, e, frozenset(_tokens(text[s:e]))) for s, e in bounds]
        if len(unit.sentences) == 1:
            return _trim(self.text, unit.start, unit.end)
        s, e, _ = max(unit.sentences, key=lambda b: sum(self.idf.get(w, 0.0) for w in b[2] & words))
        return _trim(self.text, unit.start + s, unit.start + e)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_diff(preferred: str, contract: str) -> list[WordDiff]:
    """The preferred language against the contract's words, as equal / delete / insert / replace steps (words
    compared lower-cased, without punctuation; shown as written)."""
    a, b = _WORD.findall(preferred), _WORD.findall(contract)
    na = [w.lower().translate(_STRIP) for w in a]
    nb = [w.lower().translate(_STRIP) for w in b]
    return [WordDiff.model_construct(op=op.tag, preferred=" ".join(a[op.src_start:op.src_end]),
                                     contract=" ".join(b[op.dest_start:op.dest_end]))
            for op in Levenshtein.opcodes(na, nb)]
