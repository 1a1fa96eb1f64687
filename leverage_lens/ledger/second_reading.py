"""The holder model's part in the ledger: a check on the wording reader, and readings where it is silent.

Two things the wording reader cannot do alone (figures in docs/ledger.md and docs/evaluation.md):

* **Check.** On hand-labelled spans of contracts it was not tuned on, about one reading in eight named the
  wrong party. Where the holder model (:mod:`.holder_model`) confidently places a one-sided reading on the
  other side, the entry stays in the ledger (so the scorecard and playbooks still see the topic) and no
  finding is raised from it (:func:`disagreement`, asked by the one-sided rules): a finding with the parties
  backwards is worse than none.
* **Fill.** Most one-sided spans the ledger missed had no cue and no clause tag to start from. Operative
  sentences that name a principal party, in clauses the tagger placed on a ledger topic, and that the
  sentence-topic model (:mod:`.sentence_model`) places on a topic no entry covers there, get an entry when the
  holder model is confident who gains (``basis="sentence_model"``); the rules raise such an entry like a
  clause-tag reading, at most once per clause and topic.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..analysis import Analysis, Sentence
from ..model import LedgerEntry, Span
from .holder_model import HolderModel, load_holder_model, masked_tokens
from .reading import PAIR_KEY
from .sentence_model import SENTENCE_ON_TOPIC, load_sentence_topics, sentence_scores
from .topics import TOPICS, Topic

__all__ = ["HOLDER_FLOOR", "HOLDER_READ", "HOLDER_VETO", "check_and_fill", "disagreement"]

#: A one-sided reading whose other side the holder model gives at least this probability is not raised.
HOLDER_VETO = 0.75
#: Least probability of one side for the holder model to read a sentence nothing else read.
HOLDER_FLOOR = 0.7
#: Evidence label of a holder-model reading (a prefix; the party and probability follow).
HOLDER_READ = "holder model"
#: A word without which a sentence confers nothing on anyone (headings, recitals of fact, addresses).
_OPERATIVE = re.compile(r"\b(?:shall|may|will|must|agrees?|grants?|granted|hereby|entitled|rights?|option|liab\w*|"
                        r"own\w*|pay\w*|exclusive\w*|not|no)\b", re.IGNORECASE)
#: Where an analysis keeps each sentence's masked tokens and shared feature indices, by sentence index.
_SHARED_KEY = "ledger.holder_shared"
#: Sentences shorter than this are headings, captions or list stubs: not read for a topic.
_SHORTEST = 40


def _tokens(s: Sentence, pair: tuple[str, str]) -> list[str]:
    return masked_tokens([(s.text, [(a - s.start, b - s.start, pid) for a, b, pid in s.mentions])], pair)


def check_and_fill(an: Analysis, entries: list[LedgerEntry], pair: tuple[str, str],
                   definitional: Callable[[Sentence], bool] | None = None) -> list[LedgerEntry]:
    """``entries`` plus the sentence-topic readings the holder model makes (the check is made when a finding
    is about to be raised: :func:`disagreement`)."""
    model = load_holder_model()
    if model is None:
        return entries
    return entries + _fill(an, entries, pair, model, definitional)


def disagreement(an: Analysis, e: LedgerEntry) -> float | None:
    """The holder model's probability that ``e``'s one-sided reading favours the other party, when at least
    :data:`HOLDER_VETO` (the reading is then not raised as a finding), else None. Asked only of entries about
    to become findings: most entries never are, and each question reads a sentence."""
    model = load_holder_model()
    pair = an.cache.get(PAIR_KEY)
    if model is None or pair is None or e.mutual or e.favors not in pair or e.basis == "sentence_model":
        return None
    i = an.sentence_index(e.start)
    if i is None:
        return None
    memo: dict[int, tuple[list[str], frozenset[int]]] = an.cache.setdefault(_SHARED_KEY, {})
    if i not in memo:
        tokens = _tokens(an.sentences[i], pair)
        memo[i] = (tokens, model.shared(tokens))
    tokens, shared = memo[i]
    probs = model.read(tokens, [e.category], shared)[0]
    other = probs[1 - pair.index(e.favors)]
    return round(other, 2) if other >= HOLDER_VETO else None


def _fill(an: Analysis, entries: Sequence[LedgerEntry], pair: tuple[str, str], model: HolderModel,
          definitional: Callable[[Sentence], bool] | None) -> list[LedgerEntry]:
    """Readings of operative sentences in tagged clauses that the sentence-topic model places on a topic no
    entry covers there. Clauses the tagger left without any tag are not read: on labelled spans they added
    nothing, at a third of this step's cost."""
    topics = load_sentence_topics()
    if topics is None:
        return []
    primary: dict[str, Topic] = {}
    unless: dict[str, list[re.Pattern[str]]] = defaultdict(list)
    for t in TOPICS:
        primary.setdefault(t.category, t)
        if t.unless is not None:
            unless[t.category].append(t.unless)
    covered = [(e.category, e.start, e.end) for e in entries]
    sents = [s for s in an.sentences if s.clause is not None and any(t.category in primary for t in s.clause.tags)
             and len(s.text) >= _SHORTEST
             and any(pid in pair for _, _, pid in s.mentions) and _OPERATIVE.search(s.text)
             and not (definitional is not None and definitional(s))]
    if not sents:
        return []
    probs = sentence_scores(topics, an.text, [an.sentence_bounds(s.start) for s in sents], an.cache)
    out: list[LedgerEntry] = []
    for s, row in zip(sents, probs):
        cats = [(cat, float(row[j])) for j, cat in enumerate(topics.labels)
                if cat in primary and topics.thresholds[j] < 1.0 and row[j] >= topics.thresholds[j]
                and not any(c == cat and a < s.end and s.start < b for c, a, b in covered)
                and not any(u.search(s.text) for u in unless.get(cat, ()))]  # "non-exclusive", "exclusive remedy"
        if not cats:
            continue
        tokens = _tokens(s, pair)
        for (cat, score), (pa, pb, _) in zip(cats, model.read(tokens, [c for c, _ in cats])):
            k = 0 if pa >= pb else 1
            p = max(pa, pb)
            if p >= HOLDER_FLOOR:
                out.append(_entry(an, s, primary[cat], pair[k], pair[1 - k], score, p))
    return out


def _entry(an: Analysis, s: Sentence, topic: Topic, favors: str, burdened: str, score: float, p: float) -> LedgerEntry:
    clause = s.clause
    key = f"{topic.category}\x1fmodel\x1f{(clause.number or clause.id) if clause else ''}\x1f" \
          f"{' '.join(s.text.lower().split())[:200]}"
    return LedgerEntry(
        id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16], category=topic.category,
        family=topic.category.split(".", 1)[0], reading=topic.reading, clause_id=clause.id if clause else None,
        start=s.start, end=s.end, favors=favors, burdened=burdened, weight=topic.weight, basis="sentence_model",
        confidence=round(min(0.9, 0.4 + 0.5 * (p - HOLDER_FLOOR) / (1 - HOLDER_FLOOR)), 2),
        evidence=[Span(start=s.start, end=s.end, label=f"{SENTENCE_ON_TOPIC} ({score:.2f})"),
                  Span(start=s.start, end=s.end, label=f"{HOLDER_READ}: favours {an.party_name(favors)} ({p:.2f})")])
