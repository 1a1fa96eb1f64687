"""How the deal renews: automatic or by agreement, for how long, how many times, and the notice that stops it.

Read from the clauses tagged ``termination.renewal``/``renewal_notice`` (or, when none is tagged, sentences
around "renew", "extend", "year to year"). A renewal sentence says the agreement or its term renews, extends
or continues; it is automatic ("shall automatically renew", "unless either party gives notice", "year to
year") or optional ("may be renewed by mutual agreement", "has the option to extend"). Its period is the
first duration that is not the notice; "up to two (2) successive one-year terms" gives ``count`` 2; "shall
continue thereafter until terminated" has no period (``until_terminated``). The notice to stop it may sit in
the next sentence; "no fewer than 90 and no more than 120 days" is a window (``notice_max`` 120 days), and
the last day to give notice is set by the shorter end.
"""

from __future__ import annotations

import datetime as dt
import re

from ..analysis import Analysis
from ..enrich.numbers import words_to_number
from ..enrich.periods import Duration, add_duration, find_durations
from ..model import KeyTerm, Renewal, Term
from .terms import key_term, placeholder_at, redacted_at

__all__ = ["renewal"]

_RENEW = ("renew", "extend", "year to year", "year-to-year", "month to month", "month-to-month", "thereafter")
# the agreement or its term renews, extends or continues (not "the licence extends to affiliates")
_RENEW_STATEMENT = re.compile(
    r"(?i:(?:agreement|term|contract)\b[^.;]{0,150}?\b(?:renew|extend|continue)|(?:renew|extend)\w*\s+(?:this\s+|the\s+)?"
    r"(?:agreement|term|contract)|renewal\s+(?:term|period)|(?:year|month)[\s-]+to[\s-]+(?:year|month))")
_AUTOMATIC = re.compile(r"(?i:automatic|(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:renew|extend|continue)|"
                        r"(?:renew|extend|continue)s?\s+(?:automatically|thereafter)|unless\s+(?:either|a|one|any)\s+"
                        r"part|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month|successive|evergreen)")
_OPTIONAL = re.compile(r"(?i:may\s+(?:be\s+)?(?:renew|extend)|mutual(?:ly)?\s+(?:written\s+)?agree|option\s+to\s+"
                       r"(?:renew|extend)|upon\s+(?:the\s+)?(?:mutual|written\s+agreement)|right\s+to\s+(?:renew|extend)|"
                       r"(?:by|with)\s+(?:the\s+)?(?:mutual\s+)?(?:written\s+)?(?:agreement|consent)\s+of|if\s+(?:both\s+)?"
                       r"(?:the\s+)?parties\s+(?:so\s+)?agree|unanimous\s+consent)")
_UNTIL_TERMINATED = re.compile(r"(?i:(?:thereafter|after\s+that|indefinitely)\b[^.;]{0,80}?\buntil\b|continue\s+"
                               r"(?:in\s+(?:full\s+)?(?:force|effect)\s+)?(?:thereafter\s+)?(?:indefinitely|until\s+"
                               r"(?:terminated|either|one|a)))")
_NOTICE_BEFORE = re.compile(r"(?i:(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+fewer\s+than|not\s+fewer\s+"
                            r"than|minimum\s+of|upon|on|with|giving|by|than|least|within)\s+(?:\w+\s+)?)$")
_NOTICE_AFTER = re.compile(r"^(?:'|\u2019|s)*\W*(?i:\(?[\w\s]{0,12}\)?\s*)?(?i:prior|before|in\s+advance|advance|"
                           r"written\s+notice|notice|preceding)")
_RANGE = re.compile(r"(?i:(?:no|not)\s+(?:fewer|less)\s+than\s+(?P<n>[\w-]+(?:\s*\(\d+\))?)\s+(?:\w+\s+)?(?:and|nor|or|but)\s+"
                    r"(?:no|not)\s+more\s+than\s+(?P<m>[\w\s()-]{1,40}?)(?P<unit>(?:business\s+)?(?:day|week|month|year)s?)\b)")
_COUNT = re.compile(r"(?i:(?:up\s+to|maximum\s+of|no\s+more\s+than|not\s+more\s+than|for|of)\s+(?P<n>one|two|three|four|"
                    r"five|six|seven|eight|nine|ten|\d{1,2})\s*(?:\(\d{1,2}\)\s*)?(?:additional|successive|consecutive|"
                    r"further|renewal|extension)|(?P<n2>one|two|three|four|five|\d)\s*(?:\(\d\)\s*)?(?:additional|"
                    r"further)?\s*(?:renewal|extension)s?\s+(?:terms?|periods?)|(?P<n3>once|twice))")


def _notice_in(ctx: Analysis, s: int, e: int) -> tuple[Duration | None, Duration | None, str | None]:
    """The notice period in ``text[s:e]``, the longest notice of a window, and a note (left blank/redacted)."""
    low = ctx.text[s:e].lower()
    if "notice" not in low and "notif" not in low:
        return None, None, None
    r = _RANGE.search(ctx.text, s, e)
    if r is not None:
        short = find_durations(f"{r.group('n')} {r.group('unit')}")
        longest = find_durations(f"{r.group('m')} {r.group('unit')}")
        if short:
            d = short[0]
            return Duration(r.start(), r.end(), d.amount, d.unit, d.business), (longest[0] if longest else None), None
    for dur in find_durations(ctx.text, s, e):
        after = ctx.text[dur.end: dur.end + 30]
        before = ctx.text[max(s, dur.start - 30): dur.start]
        if _NOTICE_AFTER.search(after) or (_NOTICE_BEFORE.search(before) and "notice" in after.lower()):
            return dur, None, None
    cue = r"(?i:least|than|upon|giving|within)"
    if placeholder_at(ctx.text, s, e, cue, reach=20) is not None:
        return None, None, "left blank"
    if redacted_at(ctx.text, s, e) and re.search(r"(?i:\*\]?\s*(?:\(\s*\[?\*+\]?\s*\)\s*)?(?:days|months))", ctx.text[s:e]):
        return None, None, "redacted"
    return None, None, None


def _count(sentence: str) -> int | None:
    m = _COUNT.search(sentence)
    if m is None:
        return None
    if m.group("n3"):
        return 1 if m.group("n3").lower() == "once" else 2
    raw = (m.group("n") or m.group("n2")).lower()
    return int(raw) if raw.isdigit() else words_to_number(raw)


def renewal(ctx: Analysis, term: KeyTerm | None, expiry: KeyTerm | None, arithmetic: Term | None = None,
            ) -> Renewal | None:
    """Renewal: automatic or not, the renewal period and count, the notice to stop it and the last day to give
    it before the first renewal."""
    spans = [(conf, c.start, c.end) for conf, c in ctx.tagged("termination.renewal", "termination.renewal_notice")]
    spans += [(0.45, *ctx.sentence_bounds(pos)) for pos in ctx.anchors(_RENEW, limit=20)]
    seen: set[int] = set()
    for conf, start, end in spans[:12]:
        sents = list(ctx.sentences_in(start, end))
        for i, (s, e) in enumerate(sents):
            if s in seen:
                continue
            seen.add(s)
            sentence = ctx.text[s:e]
            if not _RENEW_STATEMENT.search(sentence) or not (_AUTOMATIC.search(sentence) or _OPTIONAL.search(sentence)):
                continue
            optional = bool(_OPTIONAL.search(sentence))
            automatic = bool(_AUTOMATIC.search(sentence)) and not optional
            notice_dur = notice_max = None
            note = None
            notice_span = None
            for ns, ne in sents[i: i + 2] or [(s, e)]:
                notice_dur, notice_max, note = _notice_in(ctx, ns, ne)
                if notice_dur is not None or note is not None:
                    notice_span = (ns, ne)
                    break
            period = next((d for d in find_durations(ctx.text, s, e) if d != notice_dur and
                           (notice_max is None or d.start >= notice_max.end or d.end <= notice_dur.start)  # type: ignore[union-attr]
                           and not _NOTICE_AFTER.search(ctx.text[d.end: d.end + 30])
                           and not (term is not None and term.start == s and d.iso == term.value
                                    and sentence.lower().find("renew") > d.end - s)), None)
            until_terminated = period is None and bool(_UNTIL_TERMINATED.search(sentence))
            detail = "automatic" if automatic else "by agreement"
            if until_terminated:
                detail += ", until terminated"
            renewal_term = key_term(ctx, "renewal_term", s, e, value=period.iso if period else None,
                                    confidence=0.8 * conf + 0.1, detail=detail)
            notice = None
            if notice_span is not None:
                notice = key_term(ctx, "renewal_notice", *notice_span,
                                  value=notice_dur.iso if notice_dur is not None else None,
                                  confidence=0.8 * conf + 0.1,
                                  detail=note or ("business days" if notice_dur and notice_dur.business else None))
            first_end = _first_term_end(arithmetic, expiry)
            last_day = None
            if first_end is not None and notice_dur is not None and automatic:
                last_day = add_duration(first_end, notice_dur, -1).isoformat()
            return Renewal(automatic=automatic, term=renewal_term, notice=notice,
                           first_term_end=first_end.isoformat() if first_end else None, last_notice_day=last_day,
                           count=_count(sentence), until_terminated=until_terminated,
                           notice_max=notice_max.iso if notice_max is not None else None)
    return None


def _first_term_end(arithmetic: Term | None, expiry: KeyTerm | None) -> dt.date | None:
    if arithmetic is not None and arithmetic.ends:
        return dt.date.fromisoformat(arithmetic.ends)
    if expiry is not None and expiry.value:
        return dt.date.fromisoformat(expiry.value)
    return None
