"""The clause closest to a position's preferred language, and its deviation word by word.

Candidates are the contract's clauses, each read as its own words (a parent's text without its children, so a
section heading does not win by containing its whole subtree). A reviewer looking for where to put the
fallback language looks for the sentence that says what such a term says, by the party it concerns, so:

1. candidates are the clauses sharing the most *informative* words with the preferred language (an inverted
   index weighing each word by its inverse document frequency in this contract), the clauses tagged with the
   position's topic, the clauses holding the words that decided the position, and the clauses holding the
   topic's cue words (:mod:`.cues`: a cap says liability will not *exceed*; at most a few of them);
2. every sentence of those clauses is scored: the share of the preferred text's informative words it holds
   (the playbook's role words, "Supplier", "Customer", read as the names this contract gives those parties),
   plus bonuses for the cue words, the topic's tag, the deciding words, and the right party acting first;
3. the best sentence is compared with the preferred language word by word (rapidfuzz's Levenshtein opcodes
   over words), so a reviewer sees what to strike and what to add.
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
from .cues import CueFinder

__all__ = ["ClauseIndex", "word_diff"]

#: A clause tagged with the position's topic gains this much (on the 0-100 scale).
TAG_BONUS = 12.0
#: A clause holding the words that decided the position gains this much.
EVIDENCE_BONUS = 25.0
#: Clauses whose own words are shorter than this are headings or labels, never the closest clause.
MIN_CHARS = 40
#: How many clauses the word index proposes for each preferred text.
CANDIDATES = 4
#: A sentence holding the topic's cue words (what such a term says) gains this much.
CUE_BONUS = 30.0
#: A sentence whose first party named is the one the preferred text makes act first gains this much.
ACTOR_BONUS = 10.0
#: How many of a sentence's first words are searched for the party acting.
LEAD_WORDS = 12
#: At most this many clauses holding the topic's cue words become candidates (those sharing most words first).
CUED_UNITS = 8
#: Sentences of fewer informative words than this count half: headings and fragments.
SHORT_SENTENCE = 6

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
    sentences: list[tuple[int, int, frozenset[str], tuple[str, ...]]] | None = field(default=None)  # on first use
    cues: dict[str, list[bool]] = field(default_factory=dict)  # per topic: which sentences hold a cue


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


@lru_cache(maxsize=1024)
def _preferred(text: str) -> tuple[frozenset[str], str]:
    """A preferred text's words and rapidfuzz key, remembered: a playbook checks the same texts every time."""
    words = _tokens(text)
    return frozenset(words), " ".join(words)


class ClauseIndex:
    """The clauses of one report prepared for lookups, built once per playbook check."""

    def __init__(self, report: Report, cues: CueFinder | None = None) -> None:
        self.text = report.document.text
        self.cues = cues if cues is not None else CueFinder(self.text)
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
        self._cued: dict[str, list[int]] = {}
        self.by_topic: dict[str, list[int]] = defaultdict(list)
        for j, u in enumerate(self.units):
            for t in u.topics:
                self.by_topic[t].append(j)

    def _unit_at(self, offset: int) -> int | None:
        j = bisect_right(self.starts, offset) - 1
        return j if j >= 0 and offset < self.units[j].end else None

    def _shared(self, words: frozenset[str]) -> dict[int, float]:
        """Each clause's weight of informative words shared with the preferred text."""
        acc: dict[int, float] = defaultdict(float)
        for w in words:
            weight = self.idf.get(w)
            if weight is not None:
                for j in self.postings[w]:
                    acc[j] += weight
        return acc

    def closest(self, preferred: list[str], topics: list[str | None],
                evidence: list[list[tuple[int, int, str | None]]],
                with_diff: list[bool] | None = None,
                names: dict[str, str] | None = None) -> list[ClauseMatch | None]:
        """For each preferred text, the closest clause and its sentence (None without candidates).

        Each sentence of the candidate clauses is scored by the share of the preferred text's informative
        words it holds, plus bonuses for what a reviewer looks for: the topic's cue words (:mod:`.cues`), the
        clause tagged with the topic, and the words that decided the position (``evidence``: spans with their
        clause ids). ``names`` maps the playbook's role words ("supplier", "customer") to the words this
        contract uses for that party ("cro", "egain"), so "Supplier will defend Customer" finds "CRO will
        defend Client" rather than the mirror-image promise. ``with_diff`` says for which positions to compute
        the word-by-word deviation (all by default)."""
        out: list[ClauseMatch | None] = []
        for i, text in enumerate(preferred):
            words, key = _preferred(text)
            actor: frozenset[str] = frozenset()  # the names of the party the preferred text makes act first
            if names:
                words = frozenset(t for w in words for t in names.get(w, w).split())
                first = next((w for w in key.split() if w in names), None)
                actor = frozenset(names[first].split()) if first else frozenset()
                party_words = frozenset(t for v in names.values() for t in v.split())
            topic = topics[i]
            spans = evidence[i]
            decided = {j for a, _, _ in spans if (j := self._unit_at(a)) is not None}
            tagged = set(self.by_topic.get(topic, ())) if topic else set()
            shared = self._shared(words)
            proposed = sorted(shared, key=lambda j: -shared[j])[:CANDIDATES]
            if len(tagged) > CUED_UNITS:  # a topic tagged everywhere: those sharing most words
                tagged = set(sorted(tagged, key=lambda j: -shared.get(j, 0.0))[:CUED_UNITS])
            cands = set(proposed) | tagged | decided | set(self._cued_units(topic, shared))
            if not cands:
                out.append(None)
                continue
            total = sum(self.idf.get(w, 0.0) for w in words) or 1.0
            best: tuple[float, int, int, int] | None = None
            for j in sorted(cands):
                unit = self.units[j]
                for s, e, toks, lead, cued in self._sentences(unit, topic):
                    score = 100.0 * sum(self.idf.get(w, 0.0) for w in toks & words) / total
                    if actor and next((w for w in lead if w in party_words), None) in actor:
                        score += ACTOR_BONUS  # "Supplier will defend": the supplier's promise, not the mirror
                    if len(toks) < SHORT_SENTENCE:
                        score *= 0.5  # a heading or a fragment shares words by accident
                    if cued:
                        score += CUE_BONUS
                    if j in tagged:
                        score += TAG_BONUS
                    a, b = unit.start + s, unit.start + e
                    if any(x < b and a < y for x, y, _ in spans):
                        score += EVIDENCE_BONUS
                    if best is None or score > best[0]:
                        best = (score, j, a, b)
            assert best is not None
            _, j, a, b = best
            unit = self.units[j]
            diff = with_diff[i] if with_diff is not None else True
            out.append(self._match(text, unit, topic, _trim(self.text, a, b), diff))
        return out

    def _cued_units(self, topic: str | None, shared: dict[int, float]) -> list[int]:
        """The clauses holding a cue of the topic (found once per topic), the ``CUED_UNITS`` sharing the most
        informative words with the preferred text first: a topic a contract mentions everywhere
        ("confidential", "pay") must not make every clause a candidate."""
        if not topic:
            return []
        hit = self._cued.get(topic)
        if hit is None:
            hit = sorted({j for a in self.cues.starts(topic) if (j := self._unit_at(a)) is not None})
            self._cued[topic] = hit
        if len(hit) <= CUED_UNITS:
            return hit
        return sorted(hit, key=lambda j: -shared.get(j, 0.0))[:CUED_UNITS]

    def _match(self, preferred: str, unit: _Unit, topic: str | None, stretch_at: tuple[int, int],
               diff: bool) -> ClauseMatch:
        start, end = stretch_at
        stretch = self.text[start:end]
        score = float(fuzz.token_set_ratio(_preferred(preferred)[1], " ".join(_tokens(stretch))))
        return ClauseMatch.model_construct(
            clause_id=unit.clause.id, start=start, end=end, score=round(score, 1),
            tagged=bool(topic and topic in unit.topics), diff=word_diff(preferred, stretch) if diff else [])

    def _sentences(self, unit: _Unit, topic: str | None) -> list[tuple[int, int, frozenset[str], tuple[str, ...],
                                                                      bool]]:
        """The clause's sentences (offsets within the clause, words) and whether each holds a cue of the topic
        (split once per clause, cues sought once per clause and topic)."""
        if unit.sentences is None:
            text = self.text[unit.start:unit.end]
            bounds, pos = [], 0
            for m in _SENTENCE.finditer(text):
                bounds.append((pos, m.start()))
                pos = m.end()
            bounds.append((pos, len(text)))
            unit.sentences = [(s, e, frozenset(t), tuple(t[:LEAD_WORDS]))
                              for s, e in bounds if text[s:e].strip() for t in [_tokens(text[s:e])]]
        cues = unit.cues.get(topic or "")
        if cues is None:
            cues = [self.cues.within(topic, unit.start + s, unit.start + e) for s, e, _, _ in unit.sentences]
            unit.cues[topic or ""] = cues
        return [(s, e, toks, lead, c) for (s, e, toks, lead), c in zip(unit.sentences, cues)]


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
