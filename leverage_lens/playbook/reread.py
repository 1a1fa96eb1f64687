"""Key terms a threshold position needs when the brief found none: read again from the sentences holding the
topic's cue words.

The brief reads payment periods and liability caps only in clauses the tagger tagged with the topic, so a cap
in the last sentence of a warranty section, or a payment period in an untagged "Terms of Payment" clause, is
not read, and a position comparing it with a threshold says *missing* where a reviewer sees a term. This second
reading runs only for the kinds a playbook compares with a threshold, only when the brief has none of that
kind, and only on sentences holding the topic's cue words (:mod:`.cues`). Its terms carry a lower confidence
and ``detail="reread"``, so a reader can tell them from the brief's.

What it reads, as a contracts lawyer would:

* a payment period: "within thirty (30) days of receipt of invoice", "current plus thirty (30) days", "within
  five (5) days after the end of each month"; and payment *in advance*, *on signing*, *upon shipment* or *on
  receipt*, which is no credit at all (``P0D``);
* a liability cap: a sentence saying whose liability will not *exceed*, or is *limited to*, an amount or a
  measure ("the price paid for the Services out of which the claim arose"), with the party whose liability it
  is (the first party named before the word "liability", or each party).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..enrich.periods import find_durations
from ..model import KeyTerm, Report
from .cues import CueFinder

__all__ = ["REREAD", "reread"]

#: The key-term kinds read again, with the topic whose cue words mark the sentences to read.
REREAD = {"payment_terms": "payment.terms", "liability_cap": "liability.cap"}
#: At most this many terms of a kind are read again.
LIMIT = 3

_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(\"“0-9])")
_PAY = re.compile(r"(?i:\b(?:pa(?:y|ys|id|yable|yments?)|due|remit\w*)\b)")
_WITHIN = re.compile(r"(?i:(?:within|net|no\s+later\s+than|not\s+later\s+than|plus|after|following|of)\s+(?:the\s+)?$)")
_NOT_A_PAYMENT_PERIOD = re.compile(r"(?i:\bnotice\b|\bterminat\w*|\bcure\b|\binterest\b|\blate\b|\bdispute\w*|"
                                   r"\bwarrant\w*|\baudit\w*|\brecords?\b)")
_NO_CREDIT = re.compile(r"(?i:\bin\s+advance\b|\bon\s+or\s+before\s+the\s+first\s+day\s+of\b|\bprior\s+to\s+(?:the\s+)?"
                        r"(?:commencement|delivery|shipment|performance)\b|\bupon\s+(?:the\s+)?(?:signing|signature|"
                        r"execution|shipment|delivery)\b|\b(?:on|upon)\s+receipt\s+of\s+(?:the\s+|an?\s+|each\s+|"
                        r"such\s+)?invoice|\b(?:due|payable)\s+(?:on|upon)\s+receipt\b|\bcash\s+(?:on|upon)\s+delivery\b)")
_CAP_WORDS = re.compile(r"(?i:\bexceed\b|\bin\s+excess\s+of\b|\blimited\b[^.;]{0,80}?\bto\b)")
_AFTER_CAP = re.compile(r"(?i:(?:exceed|in\s+excess\s+of|\bto)\s+(?P<m>(?:an?\s+amount|the|any|all|\$|US\$|USD|"
                        r"\w+\s+\(|one|two|three|five|ten|twelve|fifty|hundred|\d)[^.;]{0,140}))")
_LIABILITY = re.compile(r"(?i:\bliabilit\w*|\bliable\b|\bdamages\b)")
_EACH = re.compile(r"(?i:\b(each|either|neither|both)\s+part(?:y|ies)\b|\bthe\s+parties\b)")


def reread(kind: str, report: Report, cues: CueFinder | None = None) -> list[KeyTerm]:
    """Terms of ``kind`` (one of :data:`REREAD`) read from the sentences holding the topic's cue words
    (``cues``: the check's finder, so each topic's cues are sought once)."""
    topic = REREAD.get(kind)
    if topic is None:
        return []
    out: list[KeyTerm] = []
    read = _payment if kind == "payment_terms" else _cap
    names = _party_patterns(report) if kind == "liability_cap" else []
    finder = cues if cues is not None else CueFinder(report.document.text)
    for start, end, clause_id in _cued_sentences(report, topic, finder):
        term = read(report.document.text, start, end, clause_id, names)
        if term is not None:
            out.append(term)
            if len(out) >= LIMIT:
                break
    return out


def _cued_sentences(report: Report, topic: str, cues: CueFinder) -> Iterator[tuple[int, int, str]]:
    """The sentences of each clause's own words (without its children) holding the topic's cue words, in
    order; only clauses holding a cue are split into sentences."""
    text = report.document.text
    starts = cues.starts(topic)
    if not starts:
        return
    first_child: dict[str, int] = {}
    for c in report.clauses:
        if c.parent_id is not None and c.parent_id not in first_child:
            first_child[c.parent_id] = c.start
    own = sorted((c.start, first_child.get(c.id, c.end), c.id) for c in report.clauses)
    own_starts = [a for a, _, _ in own]
    seen: set[str] = set()
    for at in starts:
        k = bisect_right(own_starts, at) - 1
        if k < 0 or not at < own[k][1] or own[k][2] in seen:
            continue
        c_start, c_end, cid = own[k]
        seen.add(cid)
        pos = c_start
        for m in [*_SENTENCE.finditer(text, c_start, c_end), None]:
            s, e = pos, (m.start() if m is not None else c_end)
            if m is not None:
                pos = m.end()
            if e - s > 20 and cues.within(topic, s, e):
                yield s, e, cid


def _payment(text: str, s: int, e: int, clause_id: str, _names: list) -> KeyTerm | None:
    sentence = text[s:e]
    if not _PAY.search(sentence) or _NOT_A_PAYMENT_PERIOD.search(sentence):
        return None
    for d in find_durations(text, s, e):
        if d.unit == "D" and _WITHIN.search(text[max(s, d.start - 25):d.start]):
            return KeyTerm(kind="payment_terms", value=d.iso, text=sentence, clause_id=clause_id, start=s, end=e,
                           confidence=0.45, detail="reread")
    if _NO_CREDIT.search(sentence):
        return KeyTerm(kind="payment_terms", value="P0D", text=sentence, clause_id=clause_id, start=s, end=e,
                       confidence=0.45, detail="reread")
    return None


def _party_patterns(report: Report) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for p in report.parties:
        if not p.principal:
            continue
        for n in {p.name, *p.aliases, *([p.role] if p.role else [])}:
            if n and len(n) > 1:
                out.append((re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.IGNORECASE), p.id))
    return out


def _cap(text: str, s: int, e: int, clause_id: str, names: list[tuple[re.Pattern[str], str]]) -> KeyTerm | None:
    sentence = text[s:e]
    cap = _CAP_WORDS.search(sentence)
    if cap is None:
        return None
    liab = None
    for liab in _LIABILITY.finditer(sentence, 0, cap.start()):
        pass  # the last "liability" before the cap words is the one capped
    if liab is None:
        return None
    head = sentence[:liab.end()]  # whose liability: the party named last before that word
    each = [m.start() for m in _EACH.finditer(head)]
    hits = [(m.start(), pid) for rx, pid in names for m in rx.finditer(head)]
    party: str | None = None
    if hits or each:
        last_party = max(hits, default=(-1, None))
        party = last_party[1] if last_party[0] > max(each, default=-1) else "each"
    measure = _AFTER_CAP.search(sentence, cap.start())
    value = " ".join(measure.group("m").split()) if measure else None
    return KeyTerm(kind="liability_cap", value=value, text=sentence, clause_id=clause_id, start=s, end=e,
                   confidence=0.45, party=party, detail="reread")
