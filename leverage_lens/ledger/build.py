"""Building the ledger: every sentence on a leverage topic, read for who gains and who gives.

Candidate sentences come from each topic's anchors (a few ``str.find`` calls over the lower-cased text,
:meth:`~leverage_lens.analysis.Analysis.candidates`); the cue confirms the topic and marks where the
leverage is conferred; :func:`~leverage_lens.ledger.reading.read_holding` reads who holds it around each cue
match. A sentence whose cues name one party gives a one-sided entry; cues naming both, or a collective
subject, give a mutual one; a one-party carve-out in a mutual rule gives a one-sided entry for the party it
favours. The other principal party is the counterpart: with fewer than two principal parties nothing is
one-sided, and the ledger stays empty (the report's warnings say why).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from ..analysis import Analysis, Sentence
from ..model import Ledger, LedgerEntry, Obligation, Span
from .reading import PAIR_KEY, RIGHT_WORDS, SIDE_KEY, Holding, listed, one_side, read_holding
from .second_reading import check_and_fill
from .sentence_model import SENTENCE_ON_TOPIC, load_sentence_topics, sentence_scores
from .topics import TOPICS, Topic

__all__ = ["build_ledger", "principal_pair", "principal_sides"]


def principal_pair(an: Analysis) -> tuple[str, str] | None:
    """The two principal parties the ledger weighs against each other, or None (see :func:`principal_sides`)."""
    found = principal_sides(an)
    return found[0] if found is not None else None


def principal_sides(an: Analysis) -> tuple[tuple[str, str], frozenset[str]] | None:
    """The pair the ledger weighs against each other and the first one's side of the deal, or None.

    The pair is the most mentioned principal party and the most mentioned of the others that is not on its
    side. Parties the contract lists together as one subject ("the Company, the MHC and the Bank jointly and
    severally agree to indemnify the Agent") stand on one side of a deal of three or more; weighing them
    against each other reads every term of the other side wrong."""
    principal = [p.id for p in an.parties if getattr(p, "principal", True)]
    if len(principal) < 2:
        return None
    if len(principal) == 2:
        return (principal[0], principal[1]), frozenset(principal[:1])
    counts: dict[str, int] = defaultdict(int)
    joined: dict[frozenset[str], int] = defaultdict(int)
    for s in an.sentences:
        ms = sorted((a, b, pid) for a, b, pid in s.mentions if pid in principal)
        for (_, end, x), (start, _, y) in pairwise(ms):
            if x != y and listed(an.text, end, start) is not None:
                joined[frozenset((x, y))] += 1
        for _, _, pid in ms:
            counts[pid] += 1
    ranked = sorted(principal, key=lambda p: (-counts[p], principal.index(p)))
    first = ranked[0]
    side = {first}  # the first party's side: parties listed with it, or with one already on it
    grew = True
    while grew:
        grew = False
        for p in ranked:
            if p not in side and any(_same_side(joined[frozenset((p, q))], min(counts[p], counts[q])) for q in side):
                side.add(p)
                grew = True
    apart = [p for p in ranked[1:] if p not in side]
    if not apart:  # everyone listed with everyone: no sides to tell apart
        return (first, ranked[1]), frozenset((first,))
    return (first, apart[0]), frozenset(side)


def _same_side(together: int, mentions: int) -> bool:
    """Listed together often enough, against how often the less named of the two is named at all, to be one
    side."""
    return together >= 3 and together >= 0.15 * mentions


def build_ledger(an: Analysis) -> Ledger:
    """The :class:`~leverage_lens.model.Ledger` of an analysed document (empty without two principal parties)."""
    found = principal_sides(an)
    if found is None:
        return Ledger()
    pair, side = found
    principal = frozenset(p.id for p in an.parties if getattr(p, "principal", True))
    an.cache[PAIR_KEY] = pair  # type: ignore[index]
    an.cache[SIDE_KEY] = side  # type: ignore[index]
    modals = _modals_by_sentence(an.obligations)
    entries: list[LedgerEntry] = []
    for topic in TOPICS:
        for s in an.candidates(topic.cue, topic.anchors):
            matches = list(topic.cue.finditer(s.text))
            if not matches or topic.unless is not None and topic.unless.search(s.text) or _definitional(s):
                continue
            holdings = [((s.start + m.start(), s.start + m.end()), h) for m in matches
                        if (h := read_holding(an, s, topic, s.start + m.start(), s.start + m.end(),
                                              modals.get(s.start, ()), principal, pair)) is not None]
            if not holdings:
                continue
            entry = _entry(an, s, topic, holdings, pair, principal)
            if entry is not None:
                entries.append(entry)
    entries.extend(_from_tags(an, entries, modals, pair, principal))
    entries = check_and_fill(an, entries, pair, _definitional)
    entries.sort(key=lambda e: (e.start, e.category, e.reading))
    return Ledger(entries=_dedupe(entries))


#: Topics not read from clause tags: their sentences' verbs do not say who gains (a volume cap on a party's
#: own duty favours it; a warranty clause mixes the warrantor's promises with the buyer's inspection duties).
UNTAGGED = frozenset({"payment.volume_restriction", "liability.warranty_duration"})
#: Least tag confidence for a clause's sentences to be read on the tag's topic without a cue of their own.
TAG_FLOOR = 0.6


def _from_tags(an: Analysis, found: list[LedgerEntry], modals: dict[int, list[Obligation]],
               pair: tuple[str, str], principal: frozenset[str]) -> list[LedgerEntry]:
    """Entries for operative sentences of clauses the tagger placed on a topic, where no cue matched: the
    clause-level reading of the tagger, with the sentence's own operative verb read for who holds it."""
    covered = {(e.category, e.start) for e in found}
    primary: dict[str, Topic] = {}
    for t in TOPICS:
        primary.setdefault(t.category, t)
    out: list[LedgerEntry] = []
    for c in an.clauses:
        cats = [t.category for t in c.tags if t.category in primary and t.confidence >= TAG_FLOOR
                and t.category not in UNTAGGED]
        if not cats:
            continue
        i = an.sentence_index(c.start)
        sents = an.sentences
        k = i if i is not None else 0
        while k < len(sents) and sents[k].start < c.end:
            s = sents[k]
            k += 1
            if s.end <= c.start or s.clause is not c and s.clause is not None and s.clause.tags or _definitional(s):
                continue  # a sub-clause with tags of its own is read on those
            ops = [o for o in modals.get(s.start, ()) if o.trigger is not None and o.actor in principal
                   and not _STATE_VERB.match(an.text, o.trigger.end)]
            if not ops:
                continue
            op = _operative(an, ops)
            for cat in cats:
                if (cat, s.start) in covered:
                    continue
                topic = _by_modality(primary[cat], op, an.text)
                trig = op.trigger
                assert trig is not None
                h = read_holding(an, s, topic, trig.start, trig.end, modals.get(s.start, ()), principal, pair)
                if h is None:
                    continue
                entry = _entry(an, s, topic, [((trig.start, trig.end), h)], pair, principal)
                if entry is not None:
                    covered.add((cat, s.start))
                    out.append(entry.model_copy(update={"confidence": round(entry.confidence - 0.15, 2),
                                                        "basis": "clause_tag"}))
    return _confirm_sentences(an, out)


def _confirm_sentences(an: Analysis, entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """The clause-tag readings, those whose sentence the sentence-topic model places on the topic marked
    with a :data:`SENTENCE_ON_TOPIC` evidence span (one batch for the document)."""
    model = load_sentence_topics() if entries else None
    if model is None:
        return entries
    spans = [an.sentence_bounds(e.start) for e in entries]
    scores = model.confirm(sentence_scores(model, an.text, spans, an.cache), [e.category for e in entries])
    return [e if p is None else e.model_copy(update={"evidence": [
        *e.evidence, Span(start=a, end=b, label=f"{SENTENCE_ON_TOPIC} ({p:.2f})")]})
        for e, p, (a, b) in zip(entries, scores, spans)]


_DEFINES = re.compile(
    r"^\W*(?:(?:section\s+)?[\d.()a-zA-Z]{1,12}\s+)?[\"\u201c][^\"\u201d]{1,80}[\"\u201d]\s*(?:,\s*)?(?:shall\s+)?"
    r"(?:means?|has\s+the\s+meaning|includes?|refers?\s+to|shall\s+have\s+the\s+meaning)\b", re.IGNORECASE)


_RECITAL = re.compile(r"^\W*(?:[A-Z]\.\s+)?WHEREAS\b", re.IGNORECASE)
#: A table of contents read as a sentence: "Section 6.1 Indemnification of Operator by Owner 21 Section 6.2 ...".
_CONTENTS = re.compile(r"\b(?:Section|Article|Clause)\s+\d+(?:\.\d+)*\s+[A-Z][^.;]{0,80}?\s\d{1,3}\s+"
                       r"(?:Section|Article|Clause)\s+\d+(?:\.\d+)*\s+[A-Z]")


#: A running page header or footer read as a sentence: "Schedule 3.3(c) ... Exclusive Agency and Marketing
#: Agreement for Roundup ... 3 of 10" (a page count at the end and no verb that binds anyone).
_FURNITURE = re.compile(r"\b(?:page\s+)?\d{1,3}\s+of\s+\d{1,3}\s*$", re.IGNORECASE)
_BINDS = re.compile(r"\b(?:shall|will|may|must|agrees?|grants?|hereby|is|are)\b", re.IGNORECASE)


def _definitional(s: Sentence) -> bool:
    """A definition ("'Affiliate' means ...") or a recital ("WHEREAS, Hyatt granted Playa the exclusive right
    under the Master Development Agreement") confers no leverage itself: the operative clauses do; nor does a
    page header."""
    if s.clause is not None and s.clause.kind.value in ("definition", "recital"):
        return True
    return bool(_DEFINES.match(s.text) or _RECITAL.match(s.text) or _CONTENTS.search(s.text) or
                (_FURNITURE.search(s.text) and not _BINDS.search(s.text)) or _heading(s.text))


_FUNCTION_WORDS = frozenset({"of", "by", "the", "and", "or", "to", "for", "in", "on", "with", "a", "an", "its", "their"})
#: Longest heading read as one (words).
_HEADING_WORDS = 12


def _heading(text: str) -> bool:
    """A heading read as a sentence ("11.2 CPDC MAXIMUM LIABILITY.", "Termination by FUSION, Without Cause."):
    a few words, every one but the small ones capitalised or a number, and no verb that binds. It names a
    topic; the sentences under it confer the leverage."""
    words = re.findall(r"[A-Za-z][\w'\u2019&-]*", text)
    if not words or len(text.split()) > _HEADING_WORDS or _BINDS.search(text):
        return False  # "NEITHER PARTY SHALL BE LIABLE FOR LOST PROFITS." is no heading
    return all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in words)


def _modals_by_sentence(obligations: Sequence[Obligation]) -> dict[int, list[Obligation]]:
    out: dict[int, list[Obligation]] = defaultdict(list)
    for o in obligations:
        out[o.start].append(o)
    return out


def _entry(an: Analysis, s: Sentence, topic: Topic, holdings: list[tuple[tuple[int, int], Holding]],
           pair: tuple[str, str], principal: frozenset[str]) -> LedgerEntry | None:
    """One entry for the sentence: one-sided when the cues name one party (or a carve-out does)."""
    named = {h.party for _, h in holdings if h.party in principal}
    side = one_side(frozenset(named), pair, an.cache.get(SIDE_KEY, frozenset()))  # several named, one side
    if side is not None:
        named = {side}
    carved = [h for _, h in holdings if h.carve_out and h.party in principal]
    mutual = any(h.mutual for _, h in holdings) or len(named) > 1
    evidence = [Span(start=a, end=b, label="cue") for (a, b), _ in holdings[:1]]
    if carved:
        h = carved[0]
        mutual = False
    elif mutual or not named:
        h = next((h for _, h in holdings if h.mutual), holdings[0][1])
        mutual = True
    else:
        h = next(h for _, h in holdings if h.party in named)
    if h.evidence is not None:
        evidence.append(h.evidence)
    favors = burdened = None
    if not mutual:
        party = h.party
        other = _counterpart(s, party, pair, principal, an.cache.get(SIDE_KEY, frozenset()))
        favors, burdened = (party, other) if h.gains else (other, party)
    clause = s.clause
    key = f"{topic.category}\x1f{topic.reading}\x1f{(clause.number or clause.id) if clause else ''}\x1f" \
          f"{' '.join(s.text.lower().split())[:200]}"
    return LedgerEntry(
        id=hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16],
        category=topic.category, family=topic.category.split(".", 1)[0], reading=topic.reading,
        clause_id=clause.id if clause else None, start=s.start, end=s.end, mutual=mutual, favors=favors,
        burdened=burdened, weight=topic.weight, confidence=_confidence(an, s, topic, mutual, bool(carved)),
        evidence=evidence,
    )


#: What follows a modal when the sentence states a consequence, not a party's act: "any assignment without
#: the consent of Company shall be null and void", "this Section shall survive".
_STATE_VERB = re.compile(r"\s+(?:not\s+)?(?:be\s+(?:null|void|deemed|construed|interpreted|effective|binding|valid|"
                         r"invalid|final|conclusive|governed|subject)|constitute|apply|survive|remain|continue|"
                         r"terminate|expire)\b", re.IGNORECASE)


#: What follows a modal when the subject keeps what it has: "ENERGOUS will also continue to own all right,
#: title and interest", "Licensor shall retain all rights".
_KEEPS = re.compile(r"\s+(?:also\s+)?(?:continue\s+to\s+)?(?:own|retain|remain\s+the\s+(?:sole\s+(?:and\s+exclusive\s+)?)?"
                    r"owner|keep\s+(?:all|sole|exclusive)\s+(?:right|title|ownership))\b", re.IGNORECASE)


def _by_modality(topic: Topic, op: Obligation, text: str) -> Topic:
    """The topic read by what the operative verb does: a party that *may* holds a right on the topic, a party
    that *shall not* is restricted on it, a party that *shall* owes a duty (or a payment, an indemnity, a
    grant, as the topic reads). A clause tagged "exclusivity" whose sentence says "Allied shall not endorse
    any other company" binds Allied, whatever the topic's usual wording."""
    trig = op.trigger
    if op.modality == "right" or (trig is not None and (RIGHT_WORDS.match(text, trig.start) or
                                                         _KEEPS.match(text, trig.end))):
        reading = "right"  # "shall have the option to purchase", "will continue to own": held, whatever the modal
    elif op.modality == "prohibition":
        reading = "restriction"
    else:
        reading = topic.reading if topic.reading in ("payment", "exposure") else "duty"
    return topic if reading == topic.reading else replace(topic, reading=reading)  # type: ignore[arg-type]


_EMBEDS = re.compile(r"\b(?:agrees?|acknowledges?|understands?|confirms?|represents?|warrants?|covenants?)\s+"
                     r"(?:and\s+\w+\s+)?that\s+(?:the\s+)?\S+(?:\s+\S+)?\s*$", re.IGNORECASE)


def _operative(an: Analysis, ops: list[Obligation]) -> Obligation:
    """The modal that carries the sentence: the first, unless it only introduces another ("Zanotti agrees
    that Aura may store ...": the second)."""
    first = ops[0]
    for o in ops[1:]:
        if o.trigger is not None and _EMBEDS.search(an.text, max(0, o.trigger.start - 80), o.trigger.start):
            return o
    return first


def _counterpart(s: Sentence, party: str | None, pair: tuple[str, str], principal: frozenset[str],
                 side: frozenset[str] = frozenset()) -> str:
    """The other side of a one-sided term: the other principal party named in the sentence, or else the other
    of the two principal parties (in a contract of three or more, the sentence usually names both). The other
    of the pair comes first when the sentence names it: "Gulf Oil and Gulf India ... the Buyer" sets the sellers
    against the buyer, not one seller against the other; nor is a party of ``side`` (the first party's side of
    the deal) the counterpart of another."""
    if party in pair:
        other = pair[1] if party == pair[0] else pair[0]
        if any(pid == other for _, _, pid in s.mentions):
            return other
    for _, _, pid in s.mentions:
        if pid != party and pid in principal and not ({pid, party} <= side):
            return pid
    return pair[1] if party == pair[0] else pair[0]


def _confidence(an: Analysis, s: Sentence, topic: Topic, mutual: bool, carved: bool) -> float:
    """Higher when the clause's tags agree with the topic, lower for carve-outs (a subtler reading)."""
    conf = 0.6
    if s.clause is not None and any(t.category == topic.category for t in s.clause.tags):
        conf += 0.25
    if carved:
        conf -= 0.1
    return round(min(conf, 0.95), 2)


def _dedupe(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """One entry per sentence, category and reading (two topics of one category can read one sentence)."""
    seen: set[tuple[int, str, str]] = set()
    out = []
    for e in entries:
        key = (e.start, e.category, e.reading)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
