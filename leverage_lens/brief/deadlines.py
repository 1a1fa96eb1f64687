"""Deadlines: the days someone must act by, each with its clause, the arithmetic and who must act.

Built from the brief's key terms and the obligations (nothing is read twice):

* the initial term's end (``expiration``) and, when it renews automatically, the next renewal on or after
  ``as_of`` (``renewal``) and the last day to stop it (``renewal_notice``, with the window's first day when
  the contract sets a longest notice too); a renewal option gives the last day to exercise it
  (``option_exercise``). Renewals repeat every renewal period, up to the count the contract allows;
* termination rights with a notice period (``termination_notice``: a period, no date);
* payment terms (``payment``: "within 30 days after receipt of the invoice");
* obligations tied to a date: "on or before March 31, 2021", "no later than ...", or "within 30 days after
  the Effective Date" when the effective date is known (``obligation``).

Dates are computed with :func:`~leverage_lens.enrich.periods.add_duration` (months keep their day, clamped to
the month's end; business days are Monday to Friday, holidays not known). A renewal cycle is counted from the
first term end each time (end + k periods), so month ends do not drift. :func:`roll_forward` moves recurring
deadlines to another ``as_of`` (a folder scan uses it to put every contract on the same day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from ..analysis import Analysis
from ..enrich.periods import Duration, add_duration, find_dates, find_durations
from ..model import Brief, Deadline, KeyTerm, Obligation, Renewal, Term

__all__ = ["build_deadlines", "roll_forward", "sort_deadlines"]

_MAX_CYCLES = 400  # a monthly renewal rolled forward 30 years


def _dur(iso: str | None, business: bool = False) -> Duration | None:
    m = re.fullmatch(r"P(\d+)([DWMY])", iso or "")
    return Duration(0, 0, int(m.group(1)), m.group(2), business) if m else None


def _words(iso: str | None, business: bool = False) -> str:
    d = _dur(iso, business)
    if d is None:
        return iso or ""
    unit = {"D": "business day" if business else "day", "W": "week", "M": "month", "Y": "year"}[d.unit]
    return f"{d.amount} {unit}{'' if d.amount == 1 else 's'}"


def _weekday_note(day: dt.date) -> str:
    if day.weekday() >= 5:
        return f" ({day.strftime('%A')}: act by the Friday before to be safe)"
    return ""


def _cycle_end(anchor: dt.date, period: Duration, k: int) -> dt.date:
    return add_duration(anchor, Duration(0, 0, period.amount * k, period.unit, period.business))


def _next_cycle(anchor: dt.date, period: Duration, as_of: dt.date, count: int | None,
                before: Duration | None = None) -> tuple[int, dt.date] | None:
    """The first cycle k (0 = the initial term's end) whose day (its end, or ``before`` it) is on or after
    ``as_of``; None when the renewals the contract allows run out first."""
    limit = _MAX_CYCLES if count is None else count
    for k in range(limit + 1):
        end = _cycle_end(anchor, period, k)
        day = add_duration(end, before, -1) if before is not None else end
        if day >= as_of:
            return k, end
    return None


def _who(text: str, s: int, e: int, obligations: Sequence[Obligation]) -> str | None:
    sentence = text[s:e].lower()
    m = re.search(r"\b(either|each|any|both)\s+part(?:y|ies)\b", sentence)
    if m:
        return "either" if m.group(1) in ("either", "any") else "each"
    actor = next((o.actor for o in obligations if o.start < e and s < o.end and o.actor), None)
    return actor


def _giver(an: Analysis, s: int, e: int) -> str | None:
    """Who gives the notice: "either party", an obligation's actor, else the party named right after "unless"
    or "if" ("unless Customer gives Provider written notice")."""
    who = _who(an.text, s, e, an.obligations)
    if who is not None:
        return who
    cue = re.search(r"(?i:\b(?:unless|if|provided\s+that|upon)\s+)", an.text[s:e])
    if cue is None:
        return None
    i = an.sentence_index(s)
    if i is None:
        return None
    at = s + cue.end()
    return next((pid for ms, _me, pid in an.sentences[i].mentions if at <= ms <= at + 20), None)


def _deadline(kind: str, term: KeyTerm | Term, **fields: object) -> Deadline:
    clause = term.clause_id
    return Deadline(id=f"{kind}:{clause or '-'}:{term.start}", kind=kind, clause_id=clause,  # type: ignore[arg-type]
                    start=term.start, end=term.end, text=term.text, **fields)  # type: ignore[arg-type]


def _term_deadlines(an: Analysis, brief: Brief, as_of: dt.date) -> list[Deadline]:
    term: Term | None = brief.term
    r: Renewal | None = brief.renewal
    if term is None or not term.ends:
        return _undated_renewal(an, brief)
    anchor = dt.date.fromisoformat(term.ends)
    how = "; ".join(term.steps) or f"the initial term ends {term.ends}"
    out: list[Deadline] = []
    period = _dur(r.term.value) if r is not None and r.automatic and not r.until_terminated else None
    if period is None:
        after = ""
        if r is not None and r.until_terminated:
            after = "; it then continues until a party ends it"
        elif r is not None and not r.automatic:
            after = ("; it renews only if the parties agree" if "agreement" in (r.term.detail or "") else
                     "; it renews if a party exercises its option" if (r.term.detail or "").startswith("option")
                     else "")
        out.append(_deadline("expiration", term, action="the initial term ends" + after, date=term.ends,
                             anchor=term.ends, as_of=as_of.isoformat(), arithmetic=how, confidence=0.7))
        if r is not None and not r.automatic and r.notice is not None and r.notice.value:
            out.extend(_option(an, r, anchor, as_of, how))
        return out
    assert r is not None
    notice = _dur(r.notice.value, r.notice.detail == "business days") if r.notice is not None else None
    nxt = _next_cycle(anchor, period, as_of, r.count)
    cycle_words = f"renews every {_words(r.term.value)}" + (f", up to {r.count} times" if r.count else "")
    if nxt is None:
        last = _cycle_end(anchor, period, r.count or 0)
        out.append(_deadline("expiration", term, action="the last renewal term ends (no renewals left)",
                             date=last.isoformat(), anchor=term.ends, as_of=as_of.isoformat(),
                             arithmetic=f"{how}; {cycle_words}; the last one ends {last.isoformat()}",
                             confidence=0.6))
        return out
    k, end = nxt
    rolled = f"; rolled forward to {as_of.isoformat()}: cycle {k}, ending {end.isoformat()}" if k else ""
    left = None if r.count is None else max(r.count - k, 0)
    out.append(_deadline("renewal", r.term, action=f"renews automatically for {_words(r.term.value)} unless notice "
                         "of non-renewal is given", date=end.isoformat(), recurs=r.term.value, cycles_left=left,
                         anchor=term.ends, as_of=as_of.isoformat(), arithmetic=f"{how}; {cycle_words}{rolled}",
                         confidence=0.7))
    if notice is not None and r.notice is not None:
        nk = _next_cycle(anchor, period, as_of, r.count, before=notice)
        if nk is not None:
            k2, end2 = nk
            day = add_duration(end2, notice, -1)
            longest = _dur(r.notice_max)
            opens = add_duration(end2, longest, -1) if longest is not None else None
            missed = ""
            if k2 > 0:
                prev_end = _cycle_end(anchor, period, k2 - 1)
                prev = add_duration(prev_end, notice, -1)
                missed = (f"; the notice day for the term ending {prev_end.isoformat()} ({prev.isoformat()}) is "
                          f"before {as_of.isoformat()}, so the next one counts")
            steps = (f"{how}; {cycle_words}{missed}; term ending {end2.isoformat()} - "
                     f"{_words(r.notice.value, notice.business)} = {day.isoformat()}{_weekday_note(day)}")
            if opens is not None:
                steps += f"; notice counts only from {opens.isoformat()} ({_words(r.notice_max)} before)"
            if notice.business:
                steps += "; business days counted Monday to Friday, holidays not known"
            out.append(_deadline("renewal_notice", r.notice, action="last day to give notice of non-renewal",
                                 date=day.isoformat(), window_opens=opens.isoformat() if opens else None,
                                 period=r.notice.value, business_days=notice.business, recurs=r.term.value,
                                 cycles_left=None if r.count is None else max(r.count - k2, 0),
                                 relative_to="the end of the then-current term", anchor=term.ends,
                                 as_of=as_of.isoformat(), party=_giver(an, r.notice.start, r.notice.end),
                                 arithmetic=steps, confidence=0.7))
    return out


def _undated_renewal(an: Analysis, brief: Brief) -> list[Deadline]:
    """The notice to stop (or exercise) a renewal when the term's end is not known: a period, no date."""
    r = brief.renewal
    if r is None or r.notice is None or not r.notice.value:
        return []
    business = r.notice.detail == "business days"
    why = "the initial term's end is not known"
    if brief.effective_date is not None and brief.effective_date.detail == "left blank":
        why += " (the effective date is left blank)"
    kind = "renewal_notice" if r.automatic else "option_exercise"
    action = "give notice of non-renewal" if r.automatic else "give notice to renew or extend"
    return [_deadline(kind, r.notice, action=f"{action} at least {_words(r.notice.value, business)} before the "
                      "term ends", period=r.notice.value, business_days=business,
                      relative_to="the end of the then-current term",
                      party=_giver(an, r.notice.start, r.notice.end),
                      arithmetic=f"{why}: no date can be computed", confidence=0.5)]


def _option(an: Analysis, r: Renewal, anchor: dt.date, as_of: dt.date, how: str) -> list[Deadline]:
    notice = _dur(r.notice.value if r.notice else None)
    if notice is None or r.notice is None:
        return []
    day = add_duration(anchor, notice, -1)
    party = _who(an.text, r.term.start, r.term.end, an.obligations)
    longest = _dur(r.notice_max)
    opens = add_duration(anchor, longest, -1) if longest is not None else None
    steps = f"{how}; {anchor.isoformat()} - {_words(r.notice.value)} = {day.isoformat()}{_weekday_note(day)}"
    if opens is not None:  # "not less than six (6) months nor more than twelve (12) months prior": both ends
        steps += f"; notice counts only from {opens.isoformat()} ({_words(r.notice_max)} before)"
    return [_deadline("option_exercise", r.notice, action="last day to give notice to renew or extend",
                      date=day.isoformat(), window_opens=opens.isoformat() if opens else None,
                      period=r.notice.value, relative_to="the end of the initial term",
                      anchor=anchor.isoformat(), as_of=as_of.isoformat(), party=party,
                      arithmetic=steps, confidence=0.6)]


def _period_deadlines(an: Analysis, brief: Brief) -> list[Deadline]:
    out = []
    for t in brief.termination:
        if not t.value:
            continue
        business = t.detail == "business days"
        out.append(_deadline("termination_notice", t, action=f"give {_words(t.value, business)} notice to terminate "
                             f"({t.detail or 'other'})", period=t.value, business_days=business,
                             relative_to="the day termination is to take effect", party=t.party,
                             arithmetic=f"termination takes effect {_words(t.value, business)} after notice is given",
                             confidence=0.6))
    for t in brief.payment_terms:
        if not t.value:
            continue
        business = t.detail == "business days"
        event = _event_after(an.text, t.start, t.end)
        out.append(_deadline("payment", t, action=f"pay within {_words(t.value, business)}" +
                             (f" after {event}" if event else ""), period=t.value, business_days=business,
                             relative_to=event, party=_who(an.text, t.start, t.end, an.obligations),
                             arithmetic=f"due {_words(t.value, business)} after {event or 'the event in the clause'}",
                             confidence=0.5))
    return out


_EVENT = re.compile(r"(?i:\b(?:after|following|from|of)\s+(?:the\s+)?(?:date\s+of\s+)?(?P<e>(?:receipt|delivery|"
                    r"invoice|issuance|the\s+end|end|completion|acceptance|execution|shipment|the\s+effective|"
                    r"effective|termination|expiration|Buyer|Customer|[A-Z]\w+)[^.;,]{0,50}?)(?=[.;,]|\s+(?:and|or|unless|"
                    r"provided|in\s+accordance)\b|$))")


def _event_after(text: str, s: int, e: int) -> str | None:
    for d in find_durations(text, s, e):
        m = _EVENT.search(text, d.end, min(e, d.end + 90))
        if m is not None and m.start() - d.end < 25:
            return " ".join(m.group("e").split())
    return None


_BY_DATE = re.compile(r"(?i:on\s+or\s+before|no\s+later\s+than|not\s+later\s+than|by\s+no\s+later\s+than|prior\s+to|"
                      r"before|by)\s+(?:the\s+)?$")
_WITHIN_EFFECTIVE = re.compile(r"(?i:within\s+(?P<d>[^.;]{1,40}?)\s+(?:after|following|of|from)\s+(?:the\s+)?"
                               r"(?:effective\s+date|date\s+(?:hereof|of\s+this\s+agreement)|execution\s+of\s+this\s+"
                               r"agreement))")


def _action(text: str, o: Obligation) -> str:
    start = o.trigger.end if o.trigger is not None else o.start
    words = " ".join(text[start: min(o.end, start + 120)].split())
    words = re.split(r"(?<=\w)[,;:](?=\s)", words)[0]
    return words if len(words) <= 100 else words[:99].rstrip() + "\u2026"


def _obligation_deadlines(an: Analysis, brief: Brief) -> list[Deadline]:
    text = an.text
    effective = brief.effective_date.value if brief.effective_date is not None else None
    out: list[Deadline] = []
    seen: set[int] = set()
    tried: set[tuple[int, int]] = set()  # what follows reads only the span: a run-on sentence of many duties once
    for o in an.obligations:
        if o.modality != "obligation" or o.start in seen or (o.start, o.end) in tried:
            continue
        tried.add((o.start, o.end))
        low = text[o.start:o.end].lower()
        if not any(w in low for w in ("before", "later than", " by ", "within", "prior to")):
            continue
        found = None
        for d in find_dates(text, o.start, o.end):
            if d.value and _BY_DATE.search(text[max(o.start, d.start - 30): d.start]):
                found = (d.value, f"stated: {text[d.start:d.end]}")
                break
        if found is None and effective:
            m = _WITHIN_EFFECTIVE.search(text, o.start, o.end)
            dur = find_durations(m.group("d")) if m else []
            if m and dur:
                start = dt.date.fromisoformat(effective)
                day = add_duration(start, dur[0])
                found = (day, f"effective date {effective} + {_words(dur[0].iso, dur[0].business)} = {day.isoformat()}")
        if found is None:
            continue
        seen.add(o.start)
        day, how = found
        quote = KeyTerm(kind="payment_terms", text=text[o.start:o.end], start=o.start, end=o.end,
                        clause_id=o.clause_id, confidence=0.5)
        out.append(_deadline("obligation", quote, action=_action(text, o), date=day.isoformat(), party=o.actor,
                             arithmetic=how + _weekday_note(day), confidence=0.5))
        if len(out) >= 40:
            break
    return out


def sort_deadlines(deadlines: Iterable[Deadline]) -> list[Deadline]:
    """Soonest first; undated deadlines (periods) after the dated ones, in document order."""
    return sorted(deadlines, key=lambda d: (d.date is None, d.date or "", d.start, d.kind))


def build_deadlines(an: Analysis, brief: Brief, as_of: dt.date | None = None) -> list[Deadline]:
    """Every deadline of the analysed document, rolled forward to ``as_of`` (default: today)."""
    as_of = as_of or dt.date.today()
    found = [*_term_deadlines(an, brief, as_of), *_period_deadlines(an, brief), *_obligation_deadlines(an, brief)]
    return sort_deadlines(found)


def roll_forward(deadlines: Iterable[Deadline], as_of: dt.date) -> list[Deadline]:
    """The same deadlines with recurring ones moved to the next cycle on or after ``as_of`` (a renewal and its
    notice day); one-off deadlines are kept as they are. Rolling only moves forward from the first term end,
    so rolling to an earlier day than the report's gives that day's view too."""
    out = []
    for d in deadlines:
        period = _dur(d.recurs)
        if period is None or d.anchor is None:
            out.append(d)
            continue
        anchor = dt.date.fromisoformat(d.anchor)
        before = _dur(d.period, d.business_days) if d.kind == "renewal_notice" else None
        total = None if d.cycles_left is None else d.cycles_left + _cycles_done(d, anchor, period, before)
        nxt = _next_cycle(anchor, period, as_of, total, before=before)
        if nxt is None:
            continue
        k, end = nxt
        day = add_duration(end, before, -1) if before is not None else end
        opens = None
        if d.window_opens is not None and d.date is not None:
            gap = (dt.date.fromisoformat(d.date) - dt.date.fromisoformat(d.window_opens)).days
            opens = (day - dt.timedelta(days=gap)).isoformat()
        out.append(d.model_copy(update={
            "date": day.isoformat(), "window_opens": opens, "as_of": as_of.isoformat(),
            "cycles_left": None if total is None else max(total - k, 0),
            "arithmetic": re.sub(r"; rolled forward to .*$", "", d.arithmetic) +
            f"; rolled forward to {as_of.isoformat()}: term ending {end.isoformat()}"}))
    return sort_deadlines(out)


def _cycles_done(d: Deadline, anchor: dt.date, period: Duration, before: Duration | None) -> int:
    if d.date is None:
        return 0
    target = dt.date.fromisoformat(d.date)
    for k in range(_MAX_CYCLES):
        end = _cycle_end(anchor, period, k)
        day = add_duration(end, before, -1) if before is not None else end
        if day >= target:
            return k
    return 0
