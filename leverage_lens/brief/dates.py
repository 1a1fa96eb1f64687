"""When the deal starts and ends: agreement date, effective date, initial term, expiration, renewal.

The agreement date is the first date in the opening of the contract that follows a cue ("dated", "as of",
"made on", "day of"). The effective date is a date tied to "effective" ("effective as of ...", '... (the
"Effective Date")', '"Effective Date" means ...'); when the contract defines it as the signing date, or says
nothing, it is the agreement date. The term and renewal come from the clauses tagged ``termination.expiration``
and ``termination.renewal``/``renewal_notice`` (or, when none is tagged, from sentences around "renew"/"term").
"""

from __future__ import annotations

import datetime as dt
import re

from ..analysis import Analysis
from ..enrich.periods import DateMatch, Duration, add_duration, find_dates, find_durations
from ..model import KeyTerm, Renewal
from .terms import key_term

__all__ = ["agreement_date", "effective_date", "initial_term", "renewal"]

_OPENING = 6000  # characters: cover pages and exhibit stamps come before many preambles
_DATE_CUE = re.compile(r"(?i:dated|as\s+of|made|entered|effective|executed|day\s+of|on|date:?)\W*(?:this\s+)?\W*$")
_EFFECTIVE = ("effective", "commenc")
_EFFECTIVE_BEFORE = re.compile(r"(?i:effective\s+(?:as\s+of|on|from|this|the|date\W+(?:means|shall\s+mean|is|shall\s+be|of))|"
                               r"(?:commenc\w*|begin\w*|start\w*)\s+(?:on|as\s+of|from|the)|in\s+force\s+(?:on|as\s+of))"
                               r"[^.;]{0,40}$")
_EFFECTIVE_AFTER = re.compile(r"^\W{0,4}(?:\(?\s*(?i:the|this|hereinafter)?\s*[\"'\u201c\u2018]*\s*(?i:effective\s+date))")
_SIGNING_DATE = re.compile(
    r"^(?i:(?:effective|commenc\w*|begin\w*)\s+(?:as\s+of|on|from|upon)|effective\s+date\W{0,3}\s+(?:means|shall\s+mean|is))"
    r"\s+(?i:the\s+)?(?i:(?:first\s+)?date\s+(?:first\s+)?(?:above\s+)?(?:written|set\s+forth|stated)(?:\s+above)?|date\s+hereof|"
    r"execution|date\s+of\s+(?:this\s+agreement|execution|signature|the\s+last\s+signature))")


_MADE = re.compile(r"(?i:\b(?:is\s+|was\s+)?(?:made|entered\s+into|dated|executed|effective)\b|\bas\s+of\b)")
_INSTRUMENT = re.compile(r"(?i:agreement|contract|amendment|lease|license|licence|addendum)")


def agreement_date(ctx: Analysis) -> KeyTerm | None:
    """The date the contract is dated or made: the first date in the sentence of the opening that names the
    instrument and says it is made, dated or entered into; else the first date after such a cue."""
    stop = min(len(ctx.text), _OPENING)
    found = None
    for m in _MADE.finditer(ctx.text, 0, stop):
        s, e = ctx.sentence_bounds(m.start())
        if not _INSTRUMENT.search(ctx.text, max(s, m.start() - 300), m.start() + 40):
            continue
        found = next(iter(find_dates(ctx.text, m.start(), min(e, m.end() + 400))), None)
        break  # the opening sentence has no date: do not take one from the recitals
    dateline = next((d for d in find_dates(ctx.text, 0, min(stop, 3000)) if _alone_on_line(ctx.text, d)), None)
    if dateline is not None and (found is None or dateline.start < found.start):
        found = dateline
    if found is not None:
        return key_term(ctx, "agreement_date", found.start, found.end, value=_iso(found.value),
                        confidence=0.9 if found.value else 0.7)
    fallback = None
    for d in find_dates(ctx.text, 0, stop):
        before = ctx.text[max(0, d.start - 40): d.start]
        if _DATE_CUE.search(before):
            return key_term(ctx, "agreement_date", d.start, d.end, value=_iso(d.value),
                            confidence=0.9 if d.value else 0.6)
        if fallback is None and d.start < 2000:
            fallback = d
    if fallback is not None:
        return key_term(ctx, "agreement_date", fallback.start, fallback.end, value=_iso(fallback.value), confidence=0.4)
    return None


_DATELINE_WORDS = re.compile(r"(?i:^[\s:,.]*(?:dated|date|as\s+of|effective)?[\s:,.]*$)")


def _alone_on_line(text: str, d: DateMatch) -> bool:
    """A dateline: the date stands on its own line (a letter agreement, a cover page), maybe after "Dated:"."""
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_DATELINE_WORDS.match(text[line_start: d.start])) and not text[d.end: line_end].strip(" \t.,")


def effective_date(ctx: Analysis, agreement: KeyTerm | None) -> KeyTerm | None:
    """The date the obligations start: an explicit effective date, else the agreement date."""
    for pos in ctx.anchors(_EFFECTIVE, limit=60):
        lo, hi = max(0, pos - 160), min(len(ctx.text), pos + 160)
        for d in find_dates(ctx.text, lo, hi):
            if d.end <= pos + 8 and _EFFECTIVE_AFTER.search(ctx.text[d.end: d.end + 40]):
                return key_term(ctx, "effective_date", d.start, d.end, value=_iso(d.value), confidence=0.9)
            if d.start > pos and _EFFECTIVE_BEFORE.search(ctx.text[pos: d.start]):
                return key_term(ctx, "effective_date", d.start, d.end, value=_iso(d.value), confidence=0.85)
        window = ctx.text[pos: pos + 120]
        if agreement is not None and _SIGNING_DATE.search(window):
            s, e = ctx.sentence_bounds(pos)
            return key_term(ctx, "effective_date", s, e, value=agreement.value, confidence=0.7,
                            detail="the date of the agreement")
    if agreement is not None:  # not stated: the contract takes effect when made
        return agreement.model_copy(update={"kind": "effective_date", "confidence": 0.4,
                                            "detail": "assumed: the agreement date"})
    return None


_TERM_SENTENCE = re.compile(r"(?i:\bterm\b|continu|remain\s+in|expir|in\s+(?:full\s+)?force|until|period\s+of|"
                            r"commenc)")
_TERM_BEFORE = re.compile(r"(?i:\b(?:for|of|during)\s+(?:an?\s+|the\s+)?(?:initial\s+)?(?:period\s+of\s+|term\s+of\s+)?"
                          r"(?:\w+\s+)?)$")
_NOT_TERM = re.compile(r"(?i:notice|prior|before|within|at\s+least|not\s+less|no\s+less|no\s+fewer|not\s+fewer|"
                       r"after\s+(?:receipt|termination|expir)|renew|successive|additional|extend)")
_END_CUE = re.compile(r"(?i:until|through|expire\w*\s+on|terminate\w*\s+on|end\w*\s+on|ending|to)\W*(?:and\s+"
                      r"including\s+)?$")
_TERM_HEADING = re.compile(r"(?i:^\s*(?:the\s+)?(?:initial\s+)?term\b|duration|term\s+and\s+(?:renewal|termination))")


def _term_clauses(ctx: Analysis) -> list[tuple[float, int, int]]:
    found = [(conf, c.start, c.end) for conf, c in ctx.tagged("termination.expiration")]
    found += [(0.6, c.start, c.end) for c in ctx.clauses
              if c.heading and _TERM_HEADING.search(c.heading) and c.end - c.start < 4000]
    return found


_TERM_ANCHOR = ("term$", "force$", "expir")
_TERM_STATEMENT = re.compile(r"(?i:(?:agreement|term)\b[^.;]{0,120}?\b(?:commence|continue|remain\s+in|expire|"
                             r"terminate\s+(?:on|upon)|end\s+on|be\s+(?:for|valid))|\bterm\s+of\s+this\s+agreement\b)")


def initial_term(ctx: Analysis, effective: KeyTerm | None) -> tuple[KeyTerm | None, KeyTerm | None]:
    """The initial term (a duration) and the expiration date (explicit, or effective date + term).

    When the term clause states no period or date ("until terminated", "for the periods in Schedule 2"), the
    initial term is its first sentence about the term, with no value."""
    clauses = _term_clauses(ctx)[:6]
    if not clauses:
        clauses = [(0.5, *ctx.sentence_bounds(pos)) for pos in ctx.anchors(_TERM_ANCHOR, limit=30)]
    statement = None
    for conf, start, end in clauses:
        for s, e in ctx.sentences_in(start, end):
            sentence = ctx.text[s:e]
            if not _TERM_SENTENCE.search(sentence):
                continue
            if statement is None and conf >= 0.6 and _TERM_STATEMENT.search(sentence):
                statement = (conf, s, e)
            lead = ctx.text[s: s + 40].lower()
            if "renew" in lead or "thereafter" in lead:
                continue
            for d in find_dates(ctx.text, s, e):
                if d.value and _END_CUE.search(ctx.text[max(s, d.start - 30): d.start]):
                    end_term = key_term(ctx, "expiration_date", s, e, value=_iso(d.value), confidence=0.8 * conf + 0.1)
                    return None, end_term
            for dur in find_durations(ctx.text, s, e):
                before = ctx.text[max(s, dur.start - 60): dur.start]
                after = ctx.text[dur.end: min(e, dur.end + 25)]
                if _TERM_BEFORE.search(before) and not _NOT_TERM.search(before[-25:] + " " + after):
                    term = key_term(ctx, "initial_term", s, e, value=dur.iso, confidence=0.8 * conf + 0.1)
                    return term, _expiry(ctx, term, dur, effective)
    if statement is not None:
        conf, s, e = statement
        return key_term(ctx, "initial_term", s, e, value=None, confidence=0.6 * conf), None
    return None, None


def _expiry(ctx: Analysis, term: KeyTerm, dur: Duration, effective: KeyTerm | None) -> KeyTerm | None:
    start = dt.date.fromisoformat(effective.value) if effective and effective.value else None
    if start is None:
        return None
    end = add_duration(start, dur)  # "three years from the Effective Date" ends on the third anniversary
    return term.model_copy(update={"kind": "expiration_date", "value": end.isoformat(), "detail": "computed"})


_RENEW = ("renew", "extend", "year to year", "year-to-year", "month to month", "month-to-month")
# the agreement or its term renews, extends or continues (not "the licence extends to affiliates")
_RENEW_STATEMENT = re.compile(
    r"(?i:(?:agreement|term|contract)\b[^.;]{0,150}?\b(?:renew|extend|continue)|(?:renew|extend)\w*\s+(?:this\s+|the\s+)?"
    r"(?:agreement|term|contract)|renewal\s+(?:term|period)|(?:year|month)[\s-]+to[\s-]+(?:year|month))")
_AUTOMATIC = re.compile(r"(?i:automatic|(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:renew|extend|continue)|"
                        r"(?:renew|extend|continue)s?\s+(?:automatically|thereafter)|unless\s+(?:either|a|one|any)\s+"
                        r"part|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month|successive|evergreen)")
_OPTIONAL = re.compile(r"(?i:may\s+(?:be\s+)?(?:renew|extend)|mutual(?:ly)?\s+(?:written\s+)?agree|option\s+to\s+"
                       r"(?:renew|extend)|upon\s+(?:the\s+)?(?:mutual|written\s+agreement)|right\s+to\s+(?:renew|extend))")
_NOTICE_BEFORE = re.compile(r"(?i:(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+fewer\s+than|not\s+fewer\s+"
                            r"than|minimum\s+of|upon|on|with|giving|by|than|least)\s+(?:\w+\s+)?)$")
_NOTICE_AFTER = re.compile(r"^(?:'|\u2019|s)*\W*(?i:\(?[\w\s]{0,12}\)?\s*)?(?i:prior|before|in\s+advance|advance|"
                           r"written\s+notice|notice|preceding)")


_RANGE = re.compile(r"(?i:(?:no|not)\s+(?:fewer|less)\s+than\s+(?P<n>[\w-]+(?:\s*\(\d+\))?)\s+(?:and|nor|or|but)\s+"
                    r"(?:no|not)\s+more\s+than\s+[\w\s()-]{1,40}?(?P<unit>(?:business\s+)?(?:day|week|month|year)s?)\b)")


def _notice_in(ctx: Analysis, s: int, e: int) -> Duration | None:
    if "notice" not in ctx.text[s:e].lower() and "notif" not in ctx.text[s:e].lower():
        return None
    # "no fewer than ninety (90) and no more than one hundred twenty (120) days": the last day is set by 90
    r = _RANGE.search(ctx.text, s, e)
    if r is not None:
        low = find_durations(f"{r.group('n')} {r.group('unit')}")
        if low:
            return Duration(r.start(), r.end(), low[0].amount, low[0].unit, low[0].business)
    for dur in find_durations(ctx.text, s, e):
        after = ctx.text[dur.end: dur.end + 30]
        before = ctx.text[max(s, dur.start - 30): dur.start]
        if _NOTICE_AFTER.search(after) or (_NOTICE_BEFORE.search(before) and "notice" in after.lower()):
            return dur
    return None


def renewal(ctx: Analysis, effective: KeyTerm | None, term: KeyTerm | None,
            expiry: KeyTerm | None) -> Renewal | None:
    """Renewal: automatic or not, the renewal period, the notice to stop it and the last day to give it."""
    spans = [(conf, c.start, c.end) for conf, c in ctx.tagged("termination.renewal", "termination.renewal_notice")]
    if not spans:
        spans = [(0.5, *ctx.sentence_bounds(pos)) for pos in ctx.anchors(_RENEW, limit=20)]
    for conf, start, end in spans[:6]:
        sents = list(ctx.sentences_in(start, end))
        for i, (s, e) in enumerate(sents):
            sentence = ctx.text[s:e]
            if not _RENEW_STATEMENT.search(sentence) or not (_AUTOMATIC.search(sentence) or _OPTIONAL.search(sentence)):
                continue
            automatic = bool(_AUTOMATIC.search(sentence)) and not _OPTIONAL.search(sentence)
            notice_dur, notice_span = None, None
            for ns, ne in sents[i: i + 2]:
                notice_dur = _notice_in(ctx, ns, ne)
                if notice_dur is not None:
                    notice_span = (ns, ne)
                    break
            period = next((d for d in find_durations(ctx.text, s, e) if d != notice_dur and not
                           _NOTICE_AFTER.search(ctx.text[d.end: d.end + 30])), None)
            renewal_term = key_term(ctx, "renewal_term", s, e, value=period.iso if period else None,
                                    confidence=0.8 * conf + 0.1, detail="automatic" if automatic else "by agreement")
            notice = None
            if notice_dur is not None and notice_span is not None:
                notice = key_term(ctx, "renewal_notice", *notice_span, value=notice_dur.iso, confidence=0.8 * conf + 0.1,
                                  detail="business days" if notice_dur.business else None)
            first_end = _first_term_end(effective, term, expiry)
            last_day = None
            if first_end is not None and notice_dur is not None and automatic:
                last_day = add_duration(first_end, notice_dur, -1).isoformat()
            return Renewal(automatic=automatic, term=renewal_term, notice=notice,
                           first_term_end=first_end.isoformat() if first_end else None, last_notice_day=last_day)
    return None


def _first_term_end(effective: KeyTerm | None, term: KeyTerm | None, expiry: KeyTerm | None) -> dt.date | None:
    if expiry is not None and expiry.value:
        return dt.date.fromisoformat(expiry.value)
    if effective is None or not effective.value or term is None or not term.value:
        return None
    m = re.fullmatch(r"P(\d+)([DWMY])", term.value)
    if not m:
        return None
    start = dt.date.fromisoformat(effective.value)
    return add_duration(start, Duration(0, 0, int(m.group(1)), m.group(2)))


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
