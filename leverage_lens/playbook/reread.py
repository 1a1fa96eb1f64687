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

__all__ = ["REREAD", "is_exclusion_only", "prepayments", "reread"]

#: The key-term kinds read again, with the topic whose cue words mark the sentences to read.
REREAD = {"payment_terms": "payment.terms", "liability_cap": "liability.cap"}
#: At most this many terms of a kind are read again.
LIMIT = 3

_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(\"“0-9])")
_PAY = re.compile(r"(?i:\b(?:pa(?:y|ys|id|yable|yments?)|due|remit\w*)\b)")
_WITHIN = re.compile(r"(?i:(?:within|net|no\s+later\s+than|not\s+later\s+than|plus|after|following|of|"
                     r"(?:due|payable)(?:\s+and\s+payable)?)\s+(?:the\s+)?$)")
#: A payment period whose number is redacted: "within [***] of receipt of invoice", "within ***** days".
_REDACTED_PERIOD = re.compile(r"(?i:\b(?:within|net|no\s+later\s+than)\s+(?:\[\s*\*+\s*\]|\*{3,}|\[redacted\])"
                              r"(?:\s*(?:calendar\s+|business\s+)?days?)?\s+(?:of|after|from|following)\b)")
_NOT_A_PAYMENT_PERIOD = re.compile(r"(?i:\bnotice\b|\bterminat\w*|\bcure\b|\binterest\b|\blate\b|\bdispute\w*|"
                                   r"\bwarrant\w*|\baudit\w*|\brecords?\b)")
_NO_CREDIT = re.compile(r"(?i:\bin\s+advance\b|\bon\s+or\s+before\s+the\s+first\s+day\s+of\b|\bprior\s+to\s+(?:the\s+)?"
                        r"(?:commencement|delivery|shipment|performance)\b|\bupon\s+(?:the\s+|its\s+|\w+'s\s+)?(?:signing|signature|"
                        r"execution|shipment|delivery)\b|\b(?:on|upon)\s+receipt\s+of\s+(?:the\s+|an?\s+|each\s+|"
                        r"such\s+)?invoice|\b(?:due|payable)\s+(?:on|upon)\s+receipt\b|\bcash\s+(?:on|upon)\s+delivery\b)")
_CAP_WORDS = re.compile(r"(?i:\bexceed\b|\bin\s+excess\s+of\b|(?<!not )\blimited\b[^.;]{0,80}?\bto\b|"
                        r"\bliab\w*\s+(?:for\s+|is\s+|shall\s+be\s+|will\s+be\s+)?(?:no|not)\s+more\s+than\b|"
                        r"\bup\s+to\s+(?:the\s+|a\s+)?(?:greater|lesser|maximum|amount)\b|"
                        r"\bmaximum\s+(?:total\s+|aggregate\s+|cumulative\s+)?liability\b)")
#: "the greater of $100,000 or the charges paid in the twelve (12) months": the measure, wherever it stands.
_EITHER_MEASURE = re.compile(r"(?i:\bthe\s+(?:greater|lesser|higher|lower)\s+of\b[^.;]{0,200})")
_AFTER_CAP = re.compile(r"(?i:(?:exceed|in\s+excess\s+of|\bto)\s+(?P<m>(?:an?\s+amount|the|any|all|\$|US\$|USD|"
                        r"\w+\s+\(|one|two|three|five|ten|twelve|fifty|hundred|\d)[^.;]{0,140}))")
_LIABILITY = re.compile(r"(?i:\bliabilit\w*|\bliable\b|\bdamages\b)")
_EACH = re.compile(r"(?i:\b(each|either|neither|both)\s+part(?:y|ies)\b|\bthe\s+parties\b)")


#: Payment before any credit, said plainly: in advance, on signing, before the work starts, cash on delivery.
#: (Not "upon shipment" or "upon delivery": those usually say when the invoice is issued, not when it is paid.)
_PREPAID = re.compile(r"(?i:\bin\s+advance\b|\b(?:upon|on|at)\s+(?:the\s+|its\s+|\w+'s\s+)?(?:signing|signature|"
                      r"execution)\b|\bprior\s+to\s+(?:the\s+)?(?:commencement|performance)\b|\bcash\s+(?:on|upon)\s+"
                      r"delivery\b|\b(?:due|payable)\s+(?:on|upon)\s+receipt\b)")


_ON_CANCELLING = re.compile(r"(?i:\bcancel\w*|\bterminat\w*)")


def prepayments(report: Report, known: list[KeyTerm], cues: CueFinder | None = None) -> list[KeyTerm]:
    """Payment in advance or on signing (``P0D``) that the brief's payment periods (``known``) do not cover:
    a contract may give 30 days for royalties and still ask for an advance on signing, and a reviewer whose
    playbook wants credit reads the shortest period. Only sentences without a number of days are read."""
    taken = [(t.start, t.end) for t in known]
    clauses = {c.id: c for c in report.clauses}
    text = report.document.text
    out = []
    for t in reread("payment_terms", report, cues, limit=None, only=_PREPAID):
        if t.value != "P0D" or not _PREPAID.search(t.text) or any(a < t.end and t.start < b for a, b in taken):
            continue
        c = clauses.get(t.clause_id or "")
        if c is not None and _ON_CANCELLING.search(text, c.start, c.end):
            continue  # paying ahead once an order is cancelled or the contract ends is a remedy, not the terms
        out.append(t)
    return out[:LIMIT]


def reread(kind: str, report: Report, cues: CueFinder | None = None, limit: int | None = LIMIT,
           only: re.Pattern[str] | None = None) -> list[KeyTerm]:
    """Terms of ``kind`` (one of :data:`REREAD`) read from the sentences holding the topic's cue words
    (``cues``: the check's finder, so each topic's cues are sought once); at most ``limit`` (None: all); with
    ``only``, just the sentences where that pattern matches."""
    topic = REREAD.get(kind)
    if topic is None:
        return []
    out: list[KeyTerm] = []
    read = _payment if kind == "payment_terms" else _cap
    names = _party_patterns(report) if kind == "liability_cap" else []
    finder = cues if cues is not None else CueFinder(report.document.text)
    text = report.document.text
    for start, end, clause_id in _cued_sentences(report, topic, finder):
        if only is not None and not only.search(text, start, end):
            continue
        term = read(text, start, end, clause_id, names)
        if term is not None:
            out.append(term)
            if limit is not None and len(out) >= limit:
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
    if _REDACTED_PERIOD.search(sentence):  # the days are there but hidden: cannot be shown to meet a threshold
        return KeyTerm(kind="payment_terms", value=None, text=sentence, clause_id=clause_id, start=s, end=e,
                       confidence=0.45, detail="redacted")
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


#: Sentences that say "liabilities exceed" or "liable ... limited to" without capping anything: insolvency
#: ("its liabilities exceed its assets") and force majeure ("not liable for any delay ... beyond its control").
_NOT_A_CAP = re.compile(r"(?i:\bbankrupt\w*|\binsolven\w*|\bits\s+assets\b|\bforce\s+majeure\b|\bbeyond\s+(?:its|their|the)\s+"
                        r"(?:reasonable\s+)?control\b)")


def _cap(text: str, s: int, e: int, clause_id: str, names: list[tuple[re.Pattern[str], str]]) -> KeyTerm | None:
    sentence = text[s:e]
    cap = _CAP_WORDS.search(sentence)
    if cap is None or _NOT_A_CAP.search(sentence):
        return None
    liab = None
    for liab in _LIABILITY.finditer(sentence, 0, cap.end()):
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
    either = _EITHER_MEASURE.search(sentence, cap.start())
    measure = either or _AFTER_CAP.search(sentence, cap.start())
    value = " ".join((measure.group(0) if either else measure.group("m")).split()) if measure else None
    return KeyTerm(kind="liability_cap", value=value, text=sentence, clause_id=clause_id, start=s, end=e,
                   confidence=0.45, party=party, detail="reread")


#: What a cap says beyond excluding kinds of damages: a ceiling.
_CEILING = re.compile(r"(?i:\bexceed|\bin\s+excess\s+of\b|(?<!not )\blimited\s+to\b|\bcap(?:s|ped)?\b|"
                      r"\b(?:no|not)\s+(?:be\s+)?more\s+than\b|"
                      r"\bmaximum\b|\bup\s+to\b|\baggregate\s+liability\b|\btotal\s+liability\b|\bcumulative\s+liability\b)")


def is_exclusion_only(term: KeyTerm) -> bool:
    """Whether a liability-cap term is only an exclusion of kinds of damages ("neither party shall be liable
    for any indirect or consequential damages"): no value and no word of a ceiling. A reviewer does not call
    that a cap, so a threshold on the cap must not judge it (it reads the cap again, or says *missing*)."""
    return term.value is None and term.detail is None and not _CEILING.search(term.text)
