"""Evaluating conditions on a Report: the ledger, the brief's key terms and the clause tags, seen from our side.

Each condition gives an :class:`Outcome`: a status (met, not met, missing), the spans that decided it and a
sentence saying what was found. Combining them (``all`` / ``any``) keeps every decisive span. Nothing here
reads the text afresh except the subject phrases of ledger sentences: the reading is the pipeline's, the
judgement the playbook's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..brief.law import jurisdiction_code
from ..model import KeyTerm, LedgerEntry, Report
from .conditions import AllOf, AnyOf, Condition, LedgerCheck, TagCheck, TermCheck
from .quantity import cap_measure, compare, parse_threshold, period_days
from .cues import CueFinder
from .reread import REREAD, is_exclusion_only, prepayments, reread

__all__ = ["Outcome", "Sides", "evaluate"]

#: Key-term parties that mean both sides: "each party", "either party", "neither party shall be liable".
_BOTH = {"each", "either", "neither", "both", "mutual"}


@dataclass(frozen=True)
class Sides:
    """Who is us and who is them in this contract (party ids); ``us`` is None when it could not be told."""

    us: str | None
    them: frozenset[str]

    def holder(self, entry: LedgerEntry) -> str | None:
        if entry.mutual:
            return "mutual"
        if self.us is not None and entry.favors == self.us:
            return "us"
        if entry.favors in self.them:
            return "them"
        return None

    def term_party(self, party: str | None) -> str:
        """A key term's party seen from our side: us, them or either (both, or not stated)."""
        if party is None or party in _BOTH:
            return "either"
        if self.us is not None and party == self.us:
            return "us"
        return "them" if party in self.them else "either"


@dataclass
class Outcome:
    """A condition's verdict with the spans (start, end, clause id) that decided it and a sentence on it."""

    status: str  # met, not_met, missing, not_applicable
    spans: list[tuple[int, int, str | None]] = field(default_factory=list)
    message: str = ""
    confidence: float = 0.8


@dataclass
class Context:
    """Everything conditions read, prepared once per check of a report."""

    report: Report
    sides: Sides
    subjects: dict[str, list[str]]
    own_subjects: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        brief = self.report.summary.brief
        self.terms: dict[str, list[KeyTerm]] = {}
        for t in brief.terms() if brief is not None else []:
            self.terms.setdefault(t.kind, []).append(t)
        self.by_topic: dict[str, list[LedgerEntry]] = self.report.ledger.by_category()
        self._phrases = _subject_phrases(tuple((k, tuple(v)) for k, v in self.subjects.items()))
        self._seen: dict[tuple[int, int], set[str]] = {}
        self._reread: dict[str, list[KeyTerm]] = {}
        self.cues = CueFinder(self.report.document.text)  # each topic's cue words, sought once per check

    def terms_of(self, kind: str) -> list[KeyTerm]:
        """The brief's key terms of a kind; for a payment period or a liability cap the brief did not find,
        those read again from the sentences holding the topic's cue words (:mod:`.reread`)."""
        found = self.terms.get(kind)
        if found and kind == "liability_cap":
            found = [t for t in found if not is_exclusion_only(t)]
        if found and kind == "payment_terms":
            if "prepaid" not in self._reread:
                self._reread["prepaid"] = prepayments(self.report, found, self.cues)
            return [*found, *self._reread["prepaid"]]
        if found:
            return list(found)
        if kind not in REREAD:
            return []
        if kind not in self._reread:
            self._reread[kind] = reread(kind, self.report, self.cues)
        return list(self._reread[kind])

    def subjects_of(self, start: int, end: int) -> set[str]:
        """The subjects a stretch of the text is about: each phrase found by ``str.find`` on the lower-cased
        words, then confirmed as whole words (remembered per stretch)."""
        found = self._seen.get((start, end))
        if found is None:
            low = " ".join(self.report.document.text[start:end].lower().split())
            found = set()
            for phrase, sid, rx in self._phrases:
                if sid not in found and phrase in low and rx.search(low):
                    found.add(sid)
            self._seen[(start, end)] = found
        return found

    def scope_of(self, start: int, end: int) -> set[str]:
        """What the sentence covers: its subjects less those that only describe the kind of term."""
        from .model import descriptive_subjects

        return self.subjects_of(start, end) - (descriptive_subjects() - set(self.own_subjects))

    def quote(self, start: int, end: int, limit: int = 160) -> str:
        flat = " ".join(self.report.document.text[start:end].split())
        return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


@lru_cache(maxsize=64)
def _subject_phrases(subjects: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, str, re.Pattern[str]]]:
    """(phrase, subject id, whole-word pattern) for every literal phrase, lower-cased with single spaces (each
    phrase escaped: a user's phrase is never a pattern)."""
    out = []
    for sid, phrases in subjects:
        for p in phrases:
            phrase = " ".join(p.lower().split())
            if phrase:
                out.append((phrase, sid, re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")))
    return out


_OPERATIVE_INDEMNITY = re.compile(r"\b(?:shall|will|agrees?\s+to|covenants?\s+to|undertakes?\s+to|must|hereby)"
                                  r"\s+(?:[\w,]+\s+){0,4}?(?:indemnif(?:y|ies)\b|defends?\b|hold\s+\w+\s+harmless|hold\s+harmless|"
                                  r"saves?\s+harmless|reimburse)", re.IGNORECASE)


def evaluate(cond: Condition, ctx: Context) -> Outcome:
    """The verdict of one condition (of any kind) on the report."""
    if isinstance(cond, TermCheck):
        return _term(cond, ctx)
    if isinstance(cond, LedgerCheck):
        return _ledger(cond, ctx)
    if isinstance(cond, TagCheck):
        return _tag(cond, ctx)
    if isinstance(cond, AllOf):
        return _all([evaluate(c, ctx) for c in cond.all_of])
    if isinstance(cond, AnyOf):
        return _any([evaluate(c, ctx) for c in cond.any_of])
    raise TypeError(f"not a condition: {type(cond).__name__}")  # pragma: no cover - the union is closed


def _all(parts: list[Outcome]) -> Outcome:
    for status in ("not_applicable", "not_met"):
        hit = [p for p in parts if p.status == status]
        if hit:
            return Outcome(status, [s for p in hit for s in p.spans], "; ".join(p.message for p in hit),
                           min(p.confidence for p in hit))
    met = [p for p in parts if p.status == "met"]
    if met:
        return Outcome("met", [s for p in met for s in p.spans], "; ".join(p.message for p in met),
                       min(p.confidence for p in met))
    return Outcome("missing", [], "; ".join(p.message for p in parts), min(p.confidence for p in parts))


def _any(parts: list[Outcome]) -> Outcome:
    for status in ("met", "not_met", "not_applicable"):
        hit = [p for p in parts if p.status == status]
        if hit:
            return Outcome(status, [s for p in hit for s in p.spans], "; ".join(p.message for p in hit),
                           max(p.confidence for p in hit))
    return Outcome("missing", [], "; ".join(p.message for p in parts), min(p.confidence for p in parts))


# ------------------------------------------------------------------------------------------- terms ----

_TERM_WORDS = {
    "liability_cap": "liability cap", "liability_exclusion": "exclusion of liability", "renewal_term":
    "renewal", "renewal_notice": "notice period to stop a renewal", "initial_term": "initial term",
    "payment_terms": "payment period", "governing_law": "governing law", "forum": "forum", "termination_right":
    "termination right", "exclusivity": "exclusivity", "non_compete": "non-compete", "non_solicit": "non-solicit",
}


def _value_words(t: KeyTerm) -> str:
    if t.value is None:
        return "left blank" if t.detail == "left blank" else "not stated"
    days = period_days(t.value) if re.match(r"^P\d", t.value) else None
    if days is not None and t.value[-1] in "DWMY":
        n, unit = t.value[1:-1], {"D": "day", "W": "week", "M": "month", "Y": "year"}[t.value[-1]]
        return f"{n} {unit}{'s' if n != '1' else ''}"
    return " ".join(t.value.split())[:120]


def _term(c: TermCheck, ctx: Context) -> Outcome:
    what = _TERM_WORDS[c.term]
    found = ctx.terms_of(c.term)
    if not found:
        return Outcome("missing", [], f"no {what} found", 0.6)
    if c.party:
        if ctx.sides.us is None and set(c.party) & {"us", "them"}:
            return Outcome("not_applicable", [], "could not tell which party is you", 0.3)
        kept = [t for t in found if ctx.sides.term_party(t.party) in c.party]
        if not kept:
            spans = [(t.start, t.end, t.clause_id) for t in found]
            who = "us" if ctx.sides.term_party(found[0].party) == "us" else "the other side"
            quote = f"\u201c{ctx.quote(found[0].start, found[0].end)}\u201d"
            if c.at_least or c.at_most:  # the value to compare is the wanted side's, and it has none
                return Outcome("missing", spans, f"no {what} for {' or '.join(c.party)}; the one found covers "
                               f"only {who}: {quote}", 0.6)
            return Outcome("not_met", spans, f"the {what} found covers only {who}: {quote}", 0.6)
        found = kept
    if c.detail:
        found = [t for t in found if (t.detail or "") in c.detail]
        if not found:
            return Outcome("missing", [], f"no {what} ({', '.join(c.detail)}) found", 0.6)
    blank = [t for t in found if t.value is None and t.detail in ("left blank", "redacted")]
    if blank and (c.at_least or c.at_most):
        t = blank[0]  # a threshold cannot be shown to be met by a blank or a redaction: see the figure first
        return Outcome("not_met", [(b.start, b.end, b.clause_id) for b in blank],
                       f"the {what} is {t.detail}: \u201c{ctx.quote(t.start, t.end)}\u201d", 0.7)
    if blank and len(blank) == len(found) and (c.one_of or c.none_of):
        t = blank[0]  # no law chosen yet: the term is still to be agreed
        return Outcome("missing", [(b.start, b.end, b.clause_id) for b in blank],
                       f"the {what} is left blank: \u201c{ctx.quote(t.start, t.end)}\u201d", 0.7)
    bad: list[tuple[KeyTerm, str]] = []
    good: list[KeyTerm] = []
    for t in found:
        verdict, why = _judge_term(c, t)
        (good.append(t) if verdict else bad.append((t, why)))
    if bad:
        t, why = bad[0]
        conf = min(t.confidence, 0.9)
        return Outcome("not_met", [(b.start, b.end, b.clause_id) for b, _ in bad],
                       f"the {what} is {_value_words(t)}{why}: \u201c{ctx.quote(t.start, t.end)}\u201d", conf)
    t = good[0]
    return Outcome("met", [(g.start, g.end, g.clause_id) for g in good],
                   f"the {what} is {_value_words(t)}: \u201c{ctx.quote(t.start, t.end)}\u201d",
                   min(t.confidence, 0.9))


def _judge_term(c: TermCheck, t: KeyTerm) -> tuple[bool, str]:
    """Whether one key term satisfies the comparison, and (when not) the words saying why."""
    if c.one_of or c.none_of:
        wanted = c.one_of or c.none_of or []
        hit = _value_in(t, wanted)
        if c.one_of:
            return hit, "" if hit else f", not one of {', '.join(wanted)}"
        return (not hit), "" if not hit else f", one of {', '.join(wanted)}"
    for op, limits in (("at_least", c.at_least), ("at_most", c.at_most)):
        if not limits:
            continue
        value = cap_measure(t.value or t.text) if c.term == "liability_cap" else _term_measure(t)
        verdicts = [compare(value, parse_threshold(lim), op) for lim in limits]
        if op == "at_least" and any(v is True for v in verdicts):
            continue
        if op == "at_most" and all(v is True for v in verdicts):
            continue
        if all(v is None for v in verdicts):
            return False, f" (could not be compared with {' / '.join(limits)}: check it by hand)"
        word = "less than" if op == "at_least" else "more than"
        return False, f", {word} {' / '.join(limits)}"
    return True, ""


def _term_measure(t: KeyTerm):  # noqa: ANN202 - a quantity.Measure
    from .quantity import Measure

    days = period_days(t.value)
    if days is not None:
        return Measure(days=days)
    return parse_threshold(t.value) if t.value else Measure()


def _value_in(t: KeyTerm, wanted: list[str]) -> bool:
    code = t.code or jurisdiction_code(t.value)
    for w in wanted:
        wcode = jurisdiction_code(w)
        if code and wcode and (code == wcode or code.split("-")[0] == wcode or _same_region(code, wcode)):
            return True
        if t.value and " ".join(t.value.lower().split()) == " ".join(w.lower().split()):
            return True
    return False


def _same_region(a: str, b: str) -> bool:
    """England and Wales (GB-EAW) covers England (GB-ENG) and Wales (GB-WLS)."""
    eaw = {"GB-EAW", "GB-ENG", "GB-WLS"}
    return a in eaw and b in eaw


# ------------------------------------------------------------------------------------------ ledger ----


def _ledger(c: LedgerCheck, ctx: Context) -> Outcome:
    if ctx.sides.us is None and not ctx.sides.them:
        return Outcome("not_applicable", [], "could not tell which party is you", 0.3)
    topics = ", ".join(c.ledger)
    entries = [e for cat in c.ledger for e in ctx.by_topic.get(cat, [])
               if e.basis in c.basis and (c.reading is None or e.reading in c.reading)
               and e.confidence >= c.min_confidence]
    entries.sort(key=lambda e: (e.start, e.end))
    if "liability.indemnification" in c.ledger:  # a promise to indemnify, not its procedure or a mention of it
        entries = [e for e in entries if e.category != "liability.indemnification" or _promises_indemnity(e, ctx)]
    if c.ignore:
        entries = [e for e in entries if not ctx.subjects_of(e.start, e.end) & set(c.ignore)]
    if c.mentions:
        entries = [e for e in entries if ctx.subjects_of(e.start, e.end) & set(c.mentions)]
    held = [(e, ctx.sides.holder(e)) for e in entries]
    held = [(e, h) for e, h in held if h is not None]
    if not held:
        about = f" about {', '.join(c.mentions)}" if c.mentions else ""
        return Outcome("missing", [], f"no term on {topics}{about} found", 0.6)
    if c.forbid:
        bad = [e for e, h in held if h in c.forbid]
        if c.unless_only:
            allowed = set(c.unless_only)
            bad = [e for e in bad if not (s := ctx.scope_of(e.start, e.end)) or not s <= allowed]
        if c.unless_mirrored and bad and any(h in ("us", "mutual") for _, h in held):
            bad = []  # we hold the same: the term is not one-sided
        if bad:
            e = bad[0]
            who = {"them": "the other side", "us": "us", "mutual": "both parties"}[ctx.sides.holder(e) or "them"]
            return Outcome("not_met", [(b.start, b.end, b.clause_id) for b in bad],
                           f"{_reading_words(e)} {who}: \u201c{ctx.quote(e.start, e.end)}\u201d",
                           min(e.confidence + 0.1, 0.95))
    if c.require:
        good = [e for e, h in held if h in c.require]
        if not good:
            e = held[0][0]
            return Outcome("not_met", [(x.start, x.end, x.clause_id) for x, _ in held],
                           f"the {topics} terms favour only the other side: \u201c{ctx.quote(e.start, e.end)}\u201d",
                           0.6)
        e = good[0]
        return Outcome("met", [(g.start, g.end, g.clause_id) for g in good],
                       f"{_reading_words(e)} {'both parties' if e.mutual else 'us'}: "
                       f"\u201c{ctx.quote(e.start, e.end)}\u201d", min(e.confidence + 0.1, 0.95))
    e = held[0][0]
    return Outcome("met", [(x.start, x.end, x.clause_id) for x, _ in held],
                   f"the {topics} terms found are acceptable: \u201c{ctx.quote(e.start, e.end)}\u201d", 0.7)


def _promises_indemnity(e: LedgerEntry, ctx: Context) -> bool:
    """The sentence promises to indemnify, defend or hold harmless ("X shall indemnify ..."), rather than set
    out the procedure (notice, control of the defence) or mention indemnities as an exception to a cap."""
    return bool(_OPERATIVE_INDEMNITY.search(ctx.report.document.text[e.start:e.end]))


_READING = {
    "right": "a right held by", "restriction": "a restriction favouring", "protection": "a protection for",
    "exposure": "an exposure in favour of", "payment": "a payment owed to", "grant": "a grant to",
    "duty": "a duty owed to",
}


def _reading_words(e: LedgerEntry) -> str:
    return f"{e.category.split('.')[-1].replace('_', ' ')}: {_READING.get(e.reading, e.reading)}"


# --------------------------------------------------------------------------------------------- tags ----


def _tag(c: TagCheck, ctx: Context) -> Outcome:
    hits = [cl for cl in ctx.report.clauses
            if any(t.category == c.tag and t.confidence >= c.min_confidence for t in cl.tags)]
    hits = [cl for cl in hits if not any(h is not cl and h.parent_id == cl.id for h in hits)]  # deepest only
    if not hits:
        return Outcome("met" if not c.present else "missing", [],
                       f"no clause on {c.tag}" + (" (as wanted)" if not c.present else ""), 0.6)
    cl = hits[0]
    label = f"{cl.number} {cl.heading or ''}".strip() if cl.number else (cl.heading or "a clause")
    spans = [(h.start, h.end, h.id) for h in hits]
    if c.present:
        return Outcome("met", spans, f"{c.tag} in {label}: \u201c{ctx.quote(cl.start, cl.end)}\u201d", 0.7)
    return Outcome("not_met", spans, f"{c.tag} in {label}: \u201c{ctx.quote(cl.start, cl.end)}\u201d", 0.7)
