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

_TOKEN = re.compile(r"[a-z0-9$%]+")
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[A-Z(\"“0-9])")
_STRIP = str.maketrans("", "", ".,;:()[]\"'“”‘’!?*")
_STOP = frozenset("a an and or the of to in on for by with any all this that be is are will shall may such as "
                  "its it at from under than not no each other".split())


#: One sentence of a clause: offsets within the clause, its informative words, and its first ones (in order).
_Sentence = tuple[int, int, frozenset[str], tuple[str, ...]]


@dataclass
class _Unit:
    clause: Clause
    start: int  # the clause's own words: from its start to its first child (or its end)
    end: int
    topics: frozenset[str]
    words: frozenset[str]  # every word of the clause's own text
    sentences: list[_Sentence] | None = None  # split when the clause first becomes a candidate
    cues: dict[str, list[bool]] = field(default_factory=dict)  # per topic: which sentences hold a cue


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


@lru_cache(maxsize=1024)
def _preferred(text: str) -> tuple[frozenset[str], str]:
    """A preferred text's words and rapidfuzz key, remembered: a playbook checks the same texts every time."""
    words = _tokens(text)
    return frozenset(words), " ".join(words)


def _lead(tokens: list[str]) -> tuple[str, ...]:
    """The first :data:`LEAD_WORDS` informative words, in order."""
    out: list[str] = []
    for t in tokens:
        if t not in _STOP:
            out.append(t)
            if len(out) == LEAD_WORDS:
                break
    return tuple(out)


class ClauseIndex:
    """The clauses of one report prepared for lookups, built once per playbook check.

    Each clause's own words are read once, as a set (one pass of a regular expression over the lower-cased
    text the cue finder holds); only the clauses that become candidates are split into sentences, once.
    Word weights and postings are computed in :meth:`closest` for the preferred texts' words only, so a
    check never indexes the thousands of words no position asks about."""

    def __init__(self, report: Report, cues: CueFinder | None = None) -> None:
        self.text = report.document.text
        self.cues = cues if cues is not None else CueFinder(self.text)
        low = self.cues.low
        first_child: dict[str, int] = {}
        for c in report.clauses:
            if c.parent_id is not None and c.parent_id not in first_child:
                first_child[c.parent_id] = c.start
        self.units: list[_Unit] = []
        for c in report.clauses:
            end = first_child.get(c.id, c.end)
            if end - c.start < MIN_CHARS or len(self.text[c.start:end].strip()) < MIN_CHARS:
                continue
            words = frozenset(_TOKEN.findall(low, c.start, end))  # stop words too: only asked-for words are read
            self.units.append(_Unit(c, c.start, end, frozenset(t.category for t in c.tags), words))
        self.starts = [u.start for u in self.units]
        self.idf: dict[str, float] = {}
        self.postings: dict[str, list[int]] = {}
        self._cued: dict[str, list[int]] = {}
        self.by_topic: dict[str, list[int]] = defaultdict(list)
        for j, u in enumerate(self.units):
            for t in u.topics:
                self.by_topic[t].append(j)

    def _index(self, vocabulary: set[str]) -> None:
        """Postings and inverse document frequencies of the words not indexed yet among ``vocabulary``."""
        new = vocabulary - self.idf.keys()
        if not new:
            return
        postings: dict[str, list[int]] = {w: [] for w in new}
        for j, u in enumerate(self.units):
            for w in u.words & new:
                postings[w].append(j)
        n = max(len(self.units), 1)
        for w, p in postings.items():
            if p:
                self.postings[w] = p
                self.idf[w] = math.log(1 + n / len(p))
            else:
                self.idf[w] = 0.0  # not in the contract: weighs nothing, shared by no clause

    def _unit_at(self, offset: int) -> int | None:
        j = bisect_right(self.starts, offset) - 1
        return j if j >= 0 and offset < self.units[j].end else None

    def _shared(self, words: frozenset[str]) -> dict[int, float]:
        """Each clause's weight of informative words shared with the preferred text."""
        acc: dict[int, float] = defaultdict(float)
        for w in words:
            weight = self.idf.get(w)
            if weight:
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
        the word-by-word deviation (all by default). Positions asking the same question (the same text, topic
        and deciding words) are answered once."""
        party_words = frozenset(t for v in (names or {}).values() for t in v.split())
        asks: list[tuple[str, frozenset[str], frozenset[str], str | None, tuple[tuple[int, int], ...], bool]] = []
        for i, text in enumerate(preferred):
            words, key = _preferred(text)
            actor: frozenset[str] = frozenset()  # the names of the party the preferred text makes act first
            if names:
                words = frozenset(t for w in words for t in names.get(w, w).split())
                first = next((w for w in key.split() if w in names), None)
                actor = frozenset(names[first].split()) if first else frozenset()
            spans = tuple(sorted({(a, b) for a, b, _ in evidence[i]}))
            asks.append((text, words, actor, topics[i], spans, with_diff[i] if with_diff is not None else True))
        self._index(set().union(*(w for _, w, _, _, _, _ in asks)))
        answered: dict[tuple[object, ...], ClauseMatch | None] = {}
        out: list[ClauseMatch | None] = []
        for ask in asks:
            if ask not in answered:
                answered[ask] = self._closest_one(*ask, party_words)
            out.append(answered[ask])
        return out

    def _closest_one(self, text: str, words: frozenset[str], actor: frozenset[str], topic: str | None,
                     spans: tuple[tuple[int, int], ...], diff: bool,
                     party_words: frozenset[str]) -> ClauseMatch | None:
        decided = {j for a, _ in spans if (j := self._unit_at(a)) is not None}
        tagged = set(self.by_topic.get(topic, ())) if topic else set()
        shared = self._shared(words)
        proposed = sorted(shared, key=lambda j: -shared[j])[:CANDIDATES]
        if len(tagged) > CUED_UNITS:  # a topic tagged everywhere: those sharing most words
            tagged = set(sorted(tagged, key=lambda j: -shared.get(j, 0.0))[:CUED_UNITS])
        cands = set(proposed) | tagged | decided | set(self._cued_units(topic, shared))
        if not cands:
            return None
        idf = self.idf
        total = sum(idf.get(w, 0.0) for w in words) or 1.0

        def bound(j: int) -> float:
            """No sentence of clause j can score more: all the clause's shared words, every bonus it may earn."""
            u = self.units[j]
            return (100.0 * shared.get(j, 0.0) / total + (ACTOR_BONUS if actor else 0.0)
                    + (CUE_BONUS if self.cues.within(topic, u.start, u.end) else 0.0)
                    + (TAG_BONUS if j in tagged else 0.0)
                    + (EVIDENCE_BONUS if any(x < u.end and u.start < y for x, y in spans) else 0.0) + 1e-6)

        # Clauses are read from the most promising down, and reading stops when no clause left can beat the best
        # sentence found; among equal scores the first sentence in the contract wins, as in reading order.
        best: tuple[float, int, int, int, int, frozenset[str]] | None = None
        for limit, j in sorted(((bound(j), j) for j in cands), key=lambda x: (-x[0], x[1])):
            if best is not None and limit < best[0]:
                break
            unit = self.units[j]
            for k, ((s, e, toks, lead), cued) in enumerate(zip(self._sentences(unit), self._cues_of(unit, topic))):
                shared_words = toks & words
                score = 100.0 * sum(idf[w] for w in shared_words) / total if shared_words else 0.0
                if actor and next((w for w in lead if w in party_words), None) in actor:
                    score += ACTOR_BONUS  # "Supplier will defend": the supplier's promise, not the mirror
                if len(toks) < SHORT_SENTENCE:
                    score *= 0.5  # a heading or a fragment shares words by accident
                if cued:
                    score += CUE_BONUS
                if j in tagged:
                    score += TAG_BONUS
                a, b = unit.start + s, unit.start + e
                if any(x < b and a < y for x, y in spans):
                    score += EVIDENCE_BONUS
                if best is None or score > best[0] or (score == best[0] and (j, k) < (best[1], best[2])):
                    best = (score, j, k, a, b, toks)
        assert best is not None
        _, j, _, a, b, toks = best
        unit = self.units[j]
        start, end = _trim(self.text, a, b)
        # token_set_ratio compares sets of words: the sentence's informative words are those of its stretch
        score = float(fuzz.token_set_ratio(_preferred(text)[1], " ".join(sorted(toks))))
        return ClauseMatch.model_construct(
            clause_id=unit.clause.id, start=start, end=end, score=round(score, 1),
            tagged=bool(topic and topic in unit.topics),
            diff=word_diff(text, self.text[start:end]) if diff else [])

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

    def _sentences(self, unit: _Unit) -> list[_Sentence]:
        """The clause's sentences, split and tokenised on first use."""
        if unit.sentences is None:
            low = self.cues.low
            out: list[_Sentence] = []
            pos = unit.start
            for m in [*_SENTENCE.finditer(self.text, unit.start, unit.end), None]:
                s, e = pos, (m.start() if m is not None else unit.end)
                if m is not None:
                    pos = m.end()
                toks = _TOKEN.findall(low, s, e)
                if toks:  # a stretch of only whitespace or punctuation is no sentence
                    out.append((s - unit.start, e - unit.start, frozenset(toks) - _STOP, _lead(toks)))
            unit.sentences = out
        return unit.sentences

    def _cues_of(self, unit: _Unit, topic: str | None) -> list[bool]:
        """Which of the clause's sentences hold a cue of the topic (sought once per clause and topic)."""
        cues = unit.cues.get(topic or "")
        if cues is None:
            cues = [self.cues.within(topic, unit.start + s, unit.start + e) for s, e, _, _ in self._sentences(unit)]
            unit.cues[topic or ""] = cues
        return cues


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words(text: str) -> tuple[list[str], list[str]]:
    """The text's words as written and as compared (lower-cased, without punctuation), aligned."""
    shown = text.split()  # words are runs of non-space characters
    compared = text.lower().translate(_STRIP).split()
    if len(compared) != len(shown):  # a word of punctuation only vanished: compare word by word
        compared = [w.lower().translate(_STRIP) for w in shown]
    return shown, compared


_preferred_words = lru_cache(maxsize=1024)(_words)  # a playbook's texts are the same on every contract


def word_diff(preferred: str, contract: str) -> list[WordDiff]:
    """The preferred language against the contract's words, as equal / delete / insert / replace steps (words
    compared lower-cased, without punctuation; shown as written)."""
    a, na = _preferred_words(preferred)
    b, nb = _words(contract)
    return [WordDiff.model_construct(op=op.tag, preferred=" ".join(a[op.src_start:op.src_end]),
                                     contract=" ".join(b[op.dest_start:op.dest_end]))
            for op in Levenshtein.opcodes(na, nb)]
