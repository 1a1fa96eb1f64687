"""The holder model's part in the ledger: a check on the wording reader, and readings where it is silent.

Two things the wording reader cannot do alone (figures in docs/ledger.md and docs/evaluation.md):

* **Check.** On hand-labelled spans of contracts it was not tuned on, about one reading in eight named the
  wrong party. Where the holder model (:mod:`.holder_model`) confidently places a one-sided reading on the
  other side, the entry stays in the ledger (so the scorecard and playbooks still see the topic) with an
  evidence span saying so, and no finding is raised from it: a finding with the parties backwards is worse
  than none.
* **Fill.** Most one-sided spans the ledger missed had no cue and no clause tag to start from. Sentences that
  name a principal party and that the sentence-topic model (:mod:`.sentence_model`) places on a topic get an
  entry when the holder model is confident who gains (``basis="sentence_model"``); the rules raise such an
  entry like a clause-tag reading, at most once per clause and topic.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from ..analysis import Analysis, Sentence
from ..model import LedgerEntry, Span
from .holder_model import HolderModel, load_holder_model, masked_tokens
from .sentence_model import SENTENCE_ON_TOPIC, load_sentence_topics, sentence_scores
from .topics import TOPICS

__all__ = ["HOLDER_DISAGREES", "HOLDER_FLOOR", "HOLDER_VETO", "HOLDER_READ", "check_and_fill"]

#: A one-sided reading whose other side the holder model gives at least this probability is not raised.
HOLDER_VETO = 0.75
#: Least probability of one side for the holder model to read a sentence nothing else read.
HOLDER_FLOOR = 0.7
#: Evidence labels (a prefix; the probability follows in parentheses).
HOLDER_DISAGREES = "holder model reads it the other way"
HOLDER_READ = "holder model"
#: A word without which a sentence confers nothing on anyone (headings, recitals of fact, addresses).
_OPERATIVE = re.compile(r"\b(?:shall|may|will|must|agrees?|grants?|granted|hereby|entitled|rights?|option|liab\w*|"
                        r"own\w*|pay\w*|exclusive\w*|not|no)\b", re.IGNORECASE)
#: Sentences shorter than this are headings, captions or list stubs: not read for a topic.
_SHORTEST = 40


def _tokens(an: Analysis, s: Sentence, pair: tuple[str, str]) -> list[str]:
    return masked_tokens([(s.text, [(a - s.start, b - s.start, pid) for a, b, pid in s.mentions])], pair)


def check_and_fill(an: Analysis, entries: list[LedgerEntry], pair: tuple[str, str],
                   definitional: object = None) -> list[LedgerEntry]:
    """``entries`` with the holder model's check applied, plus the sentence-topic readings it makes."""
    model = load_holder_model()
    if model is None:
        return entries
    checked = [_check(an, e, pair, model) for e in entries]
    return checked + _fill(an, checked, pair, model, definitional)


def _check(an: Analysis, e: LedgerEntry, pair: tuple[str, str], model: HolderModel) -> LedgerEntry:
    if e.mutual or e.favors not in pair:
        return e
    if e.basis != "wording" and not any(w.label.startswith(SENTENCE_ON_TOPIC) for w in e.evidence):
        return e  # never raised as a finding: nothing to check
    i = an.sentence_index(e.start)
    if i is None:
        return e
    probs = model.probabilities(_tokens(an, an.sentences[i], pair), e.category)
    other = probs[1 - pair.index(e.favors)]
    if other < HOLDER_VETO:
        return e
    return e.model_copy(update={"evidence": [*e.evidence, Span(start=e.start, end=e.end,
                                                               label=f"{HOLDER_DISAGREES} ({other:.2f})")]})


def _fill(an: Analysis, entries: Sequence[LedgerEntry], pair: tuple[str, str], model: HolderModel,
          definitional: object) -> list[LedgerEntry]:
    topics = load_sentence_topics()
    if topics is None:
        return []
    primary = {}
    unless: dict[str, list[re.Pattern[str]]] = {}
    for t in TOPICS:
        primary.setdefault(t.category, t)
        if t.unless is not None:
            unless.setdefault(t.category, []).append(t.unless)
    covered = {(e.category, e.start) for e in entries}
    spans = {(e.start, e.end) for e in entries}
    sents = [s for s in an.sentences if len(s.text) >= _SHORTEST and any(pid in pair for _, _, pid in s.mentions)
             and _OPERATIVE.search(s.text) and not (callable(definitional) and definitional(s))]
    if not sents:
        return []
    probs = sentence_scores(topics, an.text, [an.sentence_bounds(s.start) for s in sents], an.cache)
    out: list[LedgerEntry] = []
    for s, row in zip(sents, probs):
        for j, cat in enumerate(topics.labels):
            if cat not in primary or topics.thresholds[j] >= 1.0 or row[j] < topics.thresholds[j]:
                continue
            if (cat, s.start) in covered or any(a < s.end and s.start < b and (cat, a) in covered for a, b in spans):
                continue
            if any(u.search(s.text) for u in unless.get(cat, ())):
                continue  # what the topic's own reader knows is not the topic ("non-exclusive", "exclusive remedy")
            pa, pb, _ = model.probabilities(_tokens(an, s, pair), cat)
            k = 0 if pa >= pb else 1
            p = max(pa, pb)
            if p < HOLDER_FLOOR:
                continue
            topic = primary[cat]
            favors, burdened = pair[k], pair[1 - k]
            clause = s.clause
            key = f"{cat}\x1fmodel\x1f{(clause.number or clause.id) if clause else ''}\x1f" \
                  f"{' '.join(s.text.lower().split())[:200]}"
            out.append(LedgerEntry(
                id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16], category=cat,
                family=cat.split(".", 1)[0], reading=topic.reading, clause_id=clause.id if clause else None,
                start=s.start, end=s.end, favors=favors, burdened=burdened, weight=topic.weight,
                basis="sentence_model", confidence=round(min(0.9, 0.4 + 0.5 * (p - HOLDER_FLOOR) / (1 - HOLDER_FLOOR)), 2),
                evidence=[Span(start=s.start, end=s.end, label=f"{SENTENCE_ON_TOPIC} ({row[j]:.2f})"),
                          Span(start=s.start, end=s.end, label=f"{HOLDER_READ}: favours {an.party_name(favors)} ({p:.2f})")]))
            covered.add((cat, s.start))
    return out
