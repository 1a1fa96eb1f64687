"""How long the deal runs: the initial term as arithmetic (start, length, end), and what kind of term it is.

A term is read from the clauses tagged ``termination.expiration`` and those headed "Term" (or, when none is
tagged, from sentences around "term", "expire", "anniversary"). In each sentence, in order of preference:

* a stated end: "expires on / terminates on / concludes on / until / through DATE", '"Expiration Date" means
  DATE', "Termination Date: DATE";
* an anniversary: "until the fifth (5th) anniversary of the Effective Date" (a length of five years);
* a length: "for an initial term of two (2) years", "is twenty-four (24) months", "twelve (12) months from the
  date hereof";
* no fixed end, said as such: "perpetual", "until terminated (by either party)", "co-terminous with the Master
  Agreement", "until the expiration of the last Royalty Term" (an event).

The end of a length is computed from the start the sentence names ("from the date hereof": the agreement date;
"commencing on DATE": that date), else the effective date, as its anniversary (CUAD's convention, and the day
a period "from" a date reaches: the start day is not counted). Every step is kept in ``Term.steps``. Terms
with no fixed end are read in :mod:`.open_end`.
"""

from __future__ import annotations

import datetime as dt
import re

from ..analysis import Analysis
from ..enrich.periods import Duration, add_duration, date_is_blank, find_dates, find_durations
from ..enrich.numbers import words_to_number
from ..model import KeyTerm, Term
from .open_end import no_fixed_end
from .term_start import START_BLANK, event_date, event_start, known_start, start_for, stated_start
from .terms import defines_other_word, key_term, placeholder_at

__all__ = ["initial_term", "stated_start", "term_clauses"]

_TERM_SENTENCE = re.compile(r"(?i:\bterm\b|continu|remain\s+in|expir|in\s+(?:full\s+)?force|until|period\s+of|"
                            r"commenc|anniversary|perpetu|terminat\w*\s+on|conclud|valid|effect|terminous)")
# "(?!...)": "during the previous six months" looks back, it is no term
_TERM_BEFORE = re.compile(r"(?i:\b(?:for|of|during|is|be|last|lasting|run|runs|a|an)\s+(?:an?\s+|the\s+)?"
                          r"(?:initial\s+|first\s+|original\s+|fixed\s+)?(?:period\s+of\s+|term\s+of\s+)?"
                          r"(?!(?:previous|preceding|prior|past|last|immediately)\b)(?:\w+\s+)?)$")
_FROM_START = re.compile(r"^[\s\w()-]{0,25}?(?i:(?:term|period)\s+)?(?i:from|following|after|commencing|beginning|"
                         r"starting)\b")
_NOT_TERM = re.compile(r"(?i:notice|prior|before|within|at\s+least|not\s+less|no\s+less|no\s+fewer|not\s+fewer|"
                       r"after\s+(?:receipt|termination|expir)|renew|successive|additional|extend|survive|"
                       r"thereafter|warrant)")
_END_CUE = re.compile(r"(?i:\b(?:until|through|expir\w*(?:\s+on)?|terminat\w*(?:\s+on)?|end\w*\s+on|ending(?:\s+on)?|"
                      r"conclud\w*(?:\s+on)?|to|means|date:?|is|shall\s+be|(?:expir|terminat|end)\w*\s+upon|(?:shall|will)\s+end))\W*(?:and\s+including\s+)?(?:the\s+)?"
                      r"(?:(?:later|earlier|sooner|latest|earliest|first)\s+(?:to\s+occur\s+)?of\W*(?:\(\w{1,4}\)\s*)?(?:the\s+)?)?$")
# after a length, words that make it something other than the term: "one year renewal periods", "within
# thirty days", "survive for two years"
_NOT_TERM_AFTER = re.compile(r"(?i:^\W*(?:renewal|extension|successive|additional)\b|notice|prior\s+(?:to\b|written|notice)|"
                             r"before\s+(?:the|its|any|such|expir|termin)|within|"
                             r"after\s+(?:receipt|termination|expir)|survive|warrant)")
_TERM_HEADING = re.compile(r"(?i:^\s*(?:the\s+)?(?:initial\s+)?term\b|duration|term\s+and\s+(?:renewal|termination)|"
                           r"expiration|effective\s+date\s+and\s+term)")
_ANNIVERSARY = re.compile(r"(?i:(?P<n>\w+(?:[\s-]\w+)?)\s*(?:\((?P<d>\d{1,3})\s?(?:st|nd|rd|t\s?h)?\)\s*)?"
                          r"(?:year\s+)?anniversary\s+of\s+(?:the\s+)?(?P<of>[\w\s\"'\u201c\u201d]{0,40}))")
_YEARS_AFTER = re.compile(r"(?i:until|for|after|through|(?:expire|terminat|end)\w*\s+(?:on|at|upon))\s+(?:(?:the\s+)?"
                          r"(?:later|earlier|sooner|latest|earliest|first)\s+(?:to\s+occur\s+)?of\W*(?:\(\w{1,4}\)\s*)?)?(?:the\s+(?:date\s+)?"
                          r"(?:that\s+is\s+)?)?(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?day\s+on\s+(?:the\s+)?)?"
                          r"(?P<before>(?:last\s+)?day\s+(?:immediately\s+)?(?:prior\s+to|before|preceding)\s+(?:the\s+)?)?$")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
            "thirtieth": 30}
_EITHER_OF = re.compile(r"(?i:\b(?P<which>later|earlier|sooner|latest|earliest|first)\s+(?:to\s+occur\s+)?of\b|"
                        r"whichever\s+(?:is|comes|occurs|shall\s+occur|happens)\s+(?P<which2>later|earlier|first|sooner|"
                        r"last))")


def _either_of(sentence: str) -> str:
    """A caveat when the term ends on the earlier or later of a day and an event ("the later of (x) three (3)
    years from the date hereof and (y) the date on which ...")."""
    m = _EITHER_OF.search(sentence)
    if m is None:
        return ""
    which = (m.group("which") or m.group("which2")).lower()
    sooner = which in ("earlier", "sooner", "earliest", "first")
    return (f"; the {'earlier' if sooner else 'later'} of that day and another event the clause names, so the "
            f"term may end {'sooner' if sooner else 'later'}")


_AFTER_THE_END = re.compile(r"(?i:(?:after|following|upon|on)\s+(?:the\s+|any\s+|such\s+|early\s+|its\s+)*(?:terminat|expir)|"
                            r"surviv|(?:during|for|throughout)\s+the\s+(?:term|life|duration)\b)")
# "During the term of this Agreement, Ono shall pay ... on a quarterly basis": a duty during the term
_DURING = re.compile(r"(?:[\d.()]{1,8}\s*)?(?:during|throughout|for\s+the\s+duration\s+of)\s+the\s+(?:initial\s+)?term\b")
_AFTER_INITIAL = re.compile(r"(?:upon|on|at|after|following)\s+(?:the\s+)?(?:expiration|expiry|end)\s+of\s+"
                            r"(?:the\s+|this\s+|such\s+)?(?:initial\s+|original\s+|said\s+)?term\b")
_ABOUT_THE_DEAL = re.compile(r"(?i:\b(?:term|agreement|contract)\b)")
# "Licensee's term of exclusivity ... shall expire on October 29, 2005": a right ends, not the agreement
_OTHER_THING_ENDS = re.compile(r"(?i:exclusivity|licen[cs]e\b|warrant|option\s+period|right\s+to\s+\w+|commission\s+expires)")
_NOT_A_TERM_SENTENCE = re.compile(r"(?i:\bmay\s+(?:immediately\s+)?terminate|right\s+to\s+terminate|\bwarrant)")

def term_clauses(ctx: Analysis) -> list[tuple[float, int, int]]:
    """Where the term is stated: tagged expiration clauses, then clauses headed "Term" (best first)."""
    found = [(conf, c.start, c.end) for conf, c in ctx.tagged("termination.expiration")]
    found += [(0.6, c.start, c.end) for c in ctx.clauses
              if c.heading and _TERM_HEADING.search(c.heading) and c.end - c.start < 4000]
    return found


_TERM_ANCHOR = ("term$", "force$", "expir", "anniversary", "perpetu", "terminous", "until terminated", "until either party",
                "effective until", "effect until")
_TERM_STATEMENT = re.compile(r"(?i:(?:agreement|term|contract|amendment)\b[^.;]{0,120}?\b(?:commence|continue|remain\s+(?:in|effective|valid)|expire|"
                             r"terminate\s+(?:on|upon)|end\s+on|be\s+(?:for|valid))|\bterm\s+of\s+this\s+agreement\b)")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _words(iso: str) -> str:
    m = re.fullmatch(r"P(\d+)([DWMY])", iso)
    if not m:
        return iso
    n = int(m.group(1))
    unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[m.group(2)]
    return f"{n} {unit}{'' if n == 1 else 's'}"


def _ordinal(words: str, digits: str | None) -> int | None:
    if digits:
        return int(digits)
    w = re.sub(r"[\s-]+years?$", "", words.lower()).split()[-1].replace("-", " ")
    if w in _ORDINAL:
        return _ORDINAL[w]
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    if w.endswith("th") or w.endswith("st") or w.endswith("nd") or w.endswith("rd"):
        return None
    return words_to_number(w)



def _term(kind: str, ctx: Analysis, s: int, e: int, steps: list[str], **fields: object) -> Term:
    raw = ctx.text[s:e]
    s2 = s + len(raw) - len(raw.lstrip())
    e2 = e - (len(raw) - len(raw.rstrip()))
    return Term(kind=kind, steps=steps, clause_id=ctx.clause_id_at(s2), start=s2, end=max(e2, s2),  # type: ignore[arg-type]
                text=ctx.text[s2:max(e2, s2)], **fields)  # type: ignore[arg-type]


def _read_sentence(ctx: Analysis, s: int, e: int, conf: float, effective: KeyTerm | None, agreed: KeyTerm | None,
                   ) -> tuple[KeyTerm | None, KeyTerm | None, Term] | None:
    text = ctx.text
    if re.match(r"\s*(?:WHEREAS|Whereas|RECITALS?)\b", text[s: s + 20]):
        return None
    if defines_other_word(text, s, e, r"(?i:term|expir|duration|end\b|period)"):
        return None  # '"Calendar Quarter" means ... the first Calendar Quarter of the Term shall begin ...'
    heading = _LEAD_HEADING.match(text, s, min(e, s + 60))
    at = heading.end() if heading else s
    lead = text[at: at + 40].lower()
    if "renew" in lead or "thereafter" in lead or _AFTER_INITIAL.match(lead) or _DURING.match(lead):
        return None  # "Upon the expiration of the Term, the Term shall automatically extend ...": after the term
    # a stated end date
    for d in find_dates(text, s, e):
        before = text[max(s, d.start - 40): d.start]
        if not _END_CUE.search(before) or _OTHER_THING_ENDS.search(text[max(s, d.start - 90): d.start]):
            continue
        if date_is_blank(text, d):
            t = _term("left_blank", ctx, s, e, ["the end date is left blank"])
            return None, key_term(ctx, "expiration_date", s, e, value=None, confidence=0.6 * conf,
                                  detail="left blank"), t
        if d.value:
            iso = d.value.isoformat()
            start, how = start_for(ctx, s, e, effective, agreed)
            if start is not None and start >= d.value:
                start = None
            ends = f"ends {iso} (stated)" + _either_of(text[s:e])
            t = _term("fixed", ctx, s, e, [how, ends] if start else [ends],
                      starts=_iso(start), ends=iso, ends_basis="stated")
            return None, key_term(ctx, "expiration_date", s, e, value=iso, confidence=0.8 * conf + 0.1), t
    # an anniversary
    for m in _ANNIVERSARY.finditer(text, s, e):
        n = _ordinal(m.group("n"), m.group("d"))
        cue = _YEARS_AFTER.search(text[max(s, m.start() - 60): m.start()])
        if cue is None and _MONTH_END.search(text[max(s, m.start() - 80): m.start()]):
            cue = _YEARS_AFTER.search("until ")  # "expire on the last day of the month in which the 5th anniversary"
        if not n or cue is None and "until" not in text[s: m.start()].lower()[-80:]:
            continue
        day_before = cue is not None and bool(cue.group("before"))
        dur = Duration(m.start(), m.end(), n, "Y")
        of = m.group("of").strip(" \"'\u201c\u201d")
        dated = None if known_start(ctx, of) else event_date(ctx, of)
        if dated is not None:
            return _with_length(ctx, s, e, conf, dur, effective, agreed,
                                f"the day before the {_nth(n)} anniversary" if day_before else f"the {_nth(n)} anniversary",
                                day_before=day_before, start=dated)
        if not known_start(ctx, of):
            event = " ".join(re.split(r"[,;(]|\s+(?:and|or|unless)\b", of)[0].split())
            term = key_term(ctx, "initial_term", s, e, value=dur.iso, confidence=0.8 * conf + 0.1)
            return term, None, _term("fixed", ctx, s, e, [f"runs to the {_nth(n)} anniversary of {event}, a day the "
                                                         "contract does not date: no end can be computed"],
                                     length=dur.iso, linked_to=event)
        return _with_length(ctx, s, e, conf, dur, effective, agreed,
                            f"the day before the {_nth(n)} anniversary" if day_before else f"the {_nth(n)} anniversary",
                            day_before=day_before)
    # a length (not in a termination right or a warranty: "may terminate ... thirty (30) days following notice")
    lengths = [] if _NOT_A_TERM_SENTENCE.search(text, s, e) else find_durations(text, s, e)
    for dur in lengths:
        before = text[max(s, dur.start - 60): dur.start]
        after = text[dur.end: min(e, dur.end + 40)]
        tail = re.sub(r"(?i:^\W*thereafter\b)", "", after)
        if _NAMED_TERM.match(after) or re.match(r"(?i:[\s-]*(?:initial\s+|original\s+)?term\b)", after):
            if _ABOUT_THE_DEAL.search(text, s, e) and not _NOT_TERM.search(before[-12:]):
                # 'extend for a period of Five (5) years thereafter ("Initial Term")', 'the entire four (4) year term'
                return _with_length(ctx, s, e, conf, dur, effective, agreed, None)
        if _NOT_TERM.search(before[-25:]) or _NOT_TERM_AFTER.search(tail[:25]) or re.search(r"(?i:\bnotice)", tail[:40]):
            continue
        if (tail is not after or "thereafter" in before[-40:].lower()) and _AFTER_THE_END.search(text, s, dur.start):
            continue  # "shall survive termination ... and continue thereafter for five (5) years"
        if not _ABOUT_THE_DEAL.search(text, s, e):
            continue  # "efforts to achieve that number in twelve (12) months from the Effective Date"
        if _TERM_BEFORE.search(before) or _FROM_START.search(after):
            return _with_length(ctx, s, e, conf, dur, effective, agreed, None)
    year_end = _YEAR_END.search(text, s, e)
    if year_end is not None:
        start, how = start_for(ctx, s, e, effective, agreed)
        if start is not None:
            iso = dt.date(start.year, 12, 31).isoformat()
            t = _term("fixed", ctx, s, e, [how, f"runs to the end of the calendar year it starts in: {iso}"],
                      starts=start.isoformat(), ends=iso, ends_basis="computed")
            return None, key_term(ctx, "expiration_date", s, e, value=iso, confidence=0.7 * conf,
                                  detail="computed"), t
    blank = placeholder_at(text, s, e, r"(?i:term\s+(?:of|is)|period\s+of|expires?|until|for)", reach=30)
    if blank is not None:
        t = _term("left_blank", ctx, s, e, ["the term is left blank"])
        return key_term(ctx, "initial_term", s, e, value=None, confidence=0.5 * conf, detail="left blank"), None, t
    open_ended = no_fixed_end(ctx, s, e)
    if open_ended is not None:
        kind, linked = open_ended
        words = {"perpetual": "perpetual", "until_terminated": "until terminated",
                 "coterminous": f"co-terminous with {linked}" if linked else "co-terminous",
                 "until_event": f"until {linked}" if linked else "until an event"}[kind]
        t = _term(kind, ctx, s, e, [f"no fixed end: {words}"], linked_to=linked)
        return key_term(ctx, "initial_term", s, e, value=None, confidence=0.6 * conf, detail=words), None, t
    return None


# "shall remain in force until the end of the current calendar year"
_YEAR_END = re.compile(r"(?i:(?:until|through|to|expire\w*\s+(?:on|at)|end\w*\s+(?:on|at))\s+(?:the\s+)?(?:end|last\s+day)\s+of\s+"
                       r"(?:the\s+)?(?:current|same|then[-\s]current|present)\s+(?:calendar\s+)?year\b)")
# a length the sentence names as the initial term: '... for a period of Five (5) years thereafter ("Initial Term")'
_NAMED_TERM = re.compile(r"(?i:[^.;()]{0,40}\(\s*(?:the\s+|this\s+)?[\"\u201c'](?:initial\s+|original\s+)?(?:term|period)\b)")
# a heading run into its first sentence: "Term and Renewal  The term of this Agreement ..."
_LEAD_HEADING = re.compile(r"\s*(?:[\d.()]+\s*)?[A-Z][\w-]*(?:[ \t]+(?:and|of|&|[A-Z][\w-]*)){0,5}(?:[.:]?(?:[ \t]{2,}|\s*\n|\.\s+)|:\s+)")


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _with_length(ctx: Analysis, s: int, e: int, conf: float, dur: Duration, effective: KeyTerm | None,
                 agreed: KeyTerm | None, how: str | None, day_before: bool = False,
                 start: tuple[dt.date, str] | None = None) -> tuple[KeyTerm, KeyTerm | None, Term]:
    """The term of length ``dur``; ``start``: the day (and name) of a dated event the length
    counts from, else the start is read from the sentence, the effective date or the agreement date. A term
    that ends on "the last day of the month" the length reaches ends on that month's last day."""
    month_end = bool(_MONTH_END.search(ctx.text[max(s, dur.start - 80): dur.start]))
    term = key_term(ctx, "initial_term", s, e, value=dur.iso, confidence=0.8 * conf + 0.1,
                    detail="business days" if dur.business else None)
    event = event_start(ctx, dur.end, e) if how is None and start is None else None
    if event is not None:
        start = event_date(ctx, event)
        if start is None:
            steps = [f"runs {_words(dur.iso)} from {event}, a day the contract does not date: no end can be computed"]
            return term, None, _term("fixed", ctx, s, e, steps, length=dur.iso, linked_to=event)
    if start is not None:
        day, name = start
        begin: dt.date | None = day
        start_how = f"counts from {day.isoformat()} (the {name}, as the contract dates it)"
    else:
        begin, start_how = start_for(ctx, s, e, effective, agreed)
    steps = [start_how, f"runs {_words(dur.iso)}" + (f" (to {how})" if how else "")]
    if begin is None:
        blank = None
        if start_how == START_BLANK:
            blank = term.model_copy(update={"kind": "expiration_date", "value": None, "detail": "left blank"})
        return term, blank, _term("fixed", ctx, s, e, steps, length=dur.iso)
    end = add_duration(begin, dur)
    if day_before:
        end -= dt.timedelta(days=1)
        steps.append(f"{begin.isoformat()} + {_words(dur.iso)} - 1 day = {end.isoformat()} (the day before the "
                     "anniversary)" + _either_of(ctx.text[s:e]))
    else:
        steps.append(f"{begin.isoformat()} + {_words(dur.iso)} = {end.isoformat()} (the anniversary; the start day "
                     "is not counted)" + _either_of(ctx.text[s:e]))
    if month_end and not day_before:
        last = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if last != end:
            steps.append(f"the last day of that month: {last.isoformat()}")
        end = last
    expiry = term.model_copy(update={"kind": "expiration_date", "value": end.isoformat(), "detail": "computed"})
    return term, expiry, _term("fixed", ctx, s, e, steps, starts=begin.isoformat(), length=dur.iso,
                                ends=end.isoformat(), ends_basis="computed")


# "on the last day of the month in which the fifth anniversary ... occurs", "the last day of the month fifteen
# (15) years from the Effective Date"
_MONTH_END = re.compile(r"(?i:last\s+day\s+of\s+the\s+(?:calendar\s+)?month\s+(?:(?:in|during)\s+which|of|that\s+is|"
                        r"containing|that\s+includes)?\s*(?:the\s+)?(?:date\s+(?:that\s+is\s+|which\s+is\s+)?)?$)")
# a sentence that states both ends of the term: "The Term shall commence on July 23, 2013 and shall expire on ..."
_STATED_TERM = re.compile(r"(?i:\b(?:term|agreement)\b[^.;]{0,60}?\b(?:commence|begin|start)\w*\s+on\b[^.;]{0,80}?\b(?:expire|terminate|end)\w*\s+on\b)")
_DEFINED_END = re.compile(r"(?i:[\"'\u201c]?(?:expiration|expiry|termination|end)\s+date[\"'\u201d]?\s*(?:means|shall\s+mean|"
                          r"is|:)\s*)")


def initial_term(ctx: Analysis, effective: KeyTerm | None, agreed: KeyTerm | None = None,
                 ) -> tuple[KeyTerm | None, KeyTerm | None, Term | None]:
    """The initial term (a duration), the expiration date (stated, or computed) and the :class:`Term`.

    When the term clause states no period, date or open end ("for the periods in Schedule 2"), the initial
    term is its first sentence about the term, with no value."""
    clauses = term_clauses(ctx)[:6]
    tagged = len(clauses)
    # sentences that state the agreement's term anywhere (an untagged clause, a schedule, a cover page), after
    # the tagged and headed clauses
    # the term named as such first: in a long contract "term" is used thirty times before its clause
    named = ctx.anchors(("initial term", "term of this agreement", "term of this contract", "term of the agreement"),
                        limit=12)
    clauses += [(0.5, *ctx.sentence_bounds(pos)) for pos in named]
    clauses += [(0.5, *ctx.sentence_bounds(pos)) for pos in ctx.anchors(_TERM_ANCHOR, limit=30)]
    statement = None
    seen: set[int] = set()
    computed = None  # a length counted from the effective date, kept while a stated end may follow
    for i, (conf, start, end) in enumerate(clauses):
        for s, e in ctx.sentences_in(start, end):
            if s in seen:
                continue
            seen.add(s)
            sentence = ctx.text[s:e]
            if not _TERM_SENTENCE.search(sentence) or (i >= tagged and not _TERM_STATEMENT.search(sentence)):
                continue
            if statement is None and conf >= 0.6 and _TERM_STATEMENT.search(sentence):
                statement = (conf, s, e)
            found = _read_sentence(ctx, s, e, conf, effective, agreed)
            if found is None:
                continue
            if computed is None and found[2].ends_basis == "computed" and stated_start(found[2]) is None and \
                    i < tagged:
                computed = found  # "an Initial Term of three (3) years" before "shall expire on July 22, 2016"
                continue
            if computed is not None and not (found[2].ends_basis == "stated" and found[2].starts and
                                             _STATED_TERM.search(ctx.text, s, e)):
                return computed
            return found
    if computed is not None:
        return computed
    for pos in ctx.anchors(("expiration date", "termination date", "expiry date"), limit=10):
        s, e = ctx.sentence_bounds(pos)
        m = _DEFINED_END.search(ctx.text, pos, min(e, pos + 60))
        if m is None:
            continue
        d = next(iter(find_dates(ctx.text, m.end(), min(e, m.end() + 40))), None)
        if d is not None and d.value and d.start - m.end() < 15:
            iso = d.value.isoformat()
            t = _term("fixed", ctx, s, e, [f"ends {iso} (stated)"], ends=iso, ends_basis="stated")
            return None, key_term(ctx, "expiration_date", s, e, value=iso, confidence=0.6), t
        # "Expiration Date: at midnight on the last day of the month fifteen (15) years from the Effective Date"
        dur = next(iter(find_durations(ctx.text, m.end(), min(e, m.end() + 90))), None)
        if dur is not None and dur.unit in "MY" and _FROM_START.search(ctx.text[dur.end: dur.end + 30]):
            return _with_length(ctx, s, e, 0.6, dur, effective, agreed, None)
    if statement is not None:
        conf, s, e = statement
        return key_term(ctx, "initial_term", s, e, value=None, confidence=0.6 * conf), None, None
    return None, None, None
