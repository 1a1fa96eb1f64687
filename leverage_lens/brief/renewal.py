"""How the deal renews: automatic or by agreement, for how long, how many times, and the notice that stops it.

Read from the clauses tagged ``termination.renewal``/``renewal_notice`` (or, when none is tagged, sentences
around "renew", "extend", "year to year"). A renewal sentence says the agreement or its term renews, extends
or continues; it is automatic ("shall automatically renew", "unless either party gives notice", "year to
year") or optional: by the parties' agreement ("may be renewed by mutual agreement", ``detail`` "by agreement") or
at one party's option ("has the option to extend", ``detail`` "option"). Its period is the first duration
after the first word of renewal that is not the notice ("an initial term of three (3) years, renewing for
successive one (1) year periods" renews for one year); "up to two (2) successive one-year terms" gives ``count`` 2; "shall
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
from .terms import defines_other_word, key_term, placeholder_at, redacted_at

__all__ = ["renewal"]

_RENEW = ("renew", "extend", "year to year", "year-to-year", "month to month", "month-to-month", "thereafter",
          "indefinitely")
# the agreement or its term renews, extends or continues (not "the licence extends to affiliates")
_RENEW_STATEMENT = re.compile(
    r"(?i:(?:agreement|term|contract)\b(?:[^.;]|\.(?=\d)){0,150}?\b(?:renew|extend|continue)|(?:renew|extend)\w*\s+(?:this\s+|the\s+|"
    r"your\s+|its\s+)?(?:rights\s+to\s+operate\s+the\s+)?(?:agreement|term|contract|franchise|lease)|renewal\s+(?:term|period)|(?:year|month)[\s-]+to[\s-]+(?:year|month)|"
    r"automatically\s+renew|renew\w*\s+(?:automatically|tacitly)|tacit(?:ly)?\s+renew)")
_AUTOMATIC = re.compile(r"(?i:automatic|tacit|(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:renew|extend|continue)|"
                        r"(?:renew|extend|continue)s?\s+(?:automatically|thereafter)|unless\s+(?:either|a|one|any)\s+"
                        r"part|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month|successive|evergreen)")
_OPTIONAL = re.compile(r"(?i:may\s+(?:be\s+)?(?:renew|extend)|(?:elects?|election)\s+to\s+(?:renew|extend)|(?:may|shall\s+have\s+the\s+right\s+to),?\s+(?:at|in)\s+(?:its|their|the|[A-Z][\w-]*['\u2019]s)\s+(?:sole\s+)?(?:option|discretion|election),?\s+(?:to\s+)?(?:renew|extend)|mutual(?:ly)?\s+(?:written\s+)?agree|option\s+to\s+"
                       r"(?:renew|extend)|upon\s+(?:the\s+)?(?:mutual|written\s+agreement)|right\s+to\s+(?:\w+ly\s+)?(?:renew|extend)|"
                       r"(?:by|with)\s+(?:the\s+)?(?:mutual\s+)?(?:written\s+)?(?:agreement|consent)\s+of|if\s+(?:both\s+)?"
                       r"(?:the\s+)?parties\s+(?:so\s+)?agree|unanimous\s+consent)")
# a party's own option ("has the option to extend", "may renew ... by giving notice"), not the parties' agreement
_UNILATERAL = re.compile(r"(?i:option\s+to\s+(?:renew|extend)|(?:elects?|election)\s+to\s+(?:renew|extend)|(?:may|shall\s+have\s+the\s+right\s+to),?\s+(?:at|in)\s+(?:its|their|the|[A-Z][\w-]*['\u2019]s)\s+(?:sole\s+)?(?:option|discretion|election),?\s+(?:to\s+)?(?:renew|extend)|right\s+to\s+(?:\w+ly\s+)?(?:renew|extend)|(?:at|in)\s+(?:its|their|the|[A-Z][\w-]*['\u2019]s)\s+"
                         r"(?:sole\s+)?(?:option|discretion|election)|(?:may|shall\s+have\s+the\s+right\s+to)\s+(?:elect\s+to\s+)?"
                         r"(?:be\s+)?(?:renew|extend)\w*\b[^.;]{0,120}?\b(?:by|upon|on)\s+(?:giving\s+)?(?:\w+\s+){0,3}(?:written\s+)?notice|"
                         r"(?:may|shall\s+have\s+the\s+right\s+to)\s+(?:elect\s+to\s+)?(?:renew|extend))")
# automatic even where the sentence also says "may" or mentions the parties' agreement: "may be renewed
# automatically ... if neither Party raises objection", "unless either Party provides notice of nonrenewal"
_PLAINLY_AUTOMATIC = re.compile(r"(?i:automatic|tacit|non-?\s?renewal|unless\s+(?:either|a|one|any)\s+part[^.;]{0,80}?notice|"
                                r"if\s+neither\s+part|without\s+(?:further\s+)?(?:action|notice))")
_NO_RENEWAL = re.compile(r"(?i:\b(?:does|do|will|shall|would|may|can)\s+not\s+(?:be\s+)?(?:automatically\s+)?(?:renew|extend)|"
                         r"\bnot\s+(?:be\s+)?(?:automatically\s+)?renewable\b|\bno\s+(?:automatic\s+)?renewal\b)")
_MUTUAL = re.compile(r"(?i:mutual|both\s+parties|(?:the\s+)?parties\s+(?:may\s+|shall\s+)?(?:so\s+)?agree|agreement\s+of\s+"
                     r"(?:the\s+|both\s+)?parties|unanimous|upon\s+(?:the\s+)?written\s+agreement|if\s+(?:both\s+)?(?:the\s+)?"
                     r"parties)")
# where the renewal period is said: after the first word of renewal ("... for an initial term of three (3) years
# and shall renew for successive one (1) year periods")
_RENEW_CUE = re.compile(r"(?i:renew|extend|extension|successive|additional\s+(?:term|period)|year[\s-]+to[\s-]+year|"
                        r"month[\s-]+to[\s-]+month|thereafter)")
_UNTIL_TERMINATED = re.compile(r"(?i:(?:thereafter|after\s+that|indefinitely)\b[^.;]{0,80}?\buntil\b|(?:renew|extend)\w*\s+"
                               r"(?:\w+\s+)?(?:for\s+)?an?\s+(?:unlimited|indefinite)\s+period|continue\s+"
                               r"(?:in\s+(?:full\s+)?(?:force|effect)\s+)?(?:thereafter\s+)?(?:indefinitely|until\s+"
                               r"(?:terminated|either|one|a))\b)")
_NOTICE_BEFORE = re.compile(r"(?i:(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+fewer\s+than|not\s+fewer\s+"
                            r"than|minimum\s+of|upon|on|with|giving|by|than|least|within)\s+(?:\w+\s+)?)$")
_NOTICE_AFTER = re.compile(r"^(?:'|\u2019|s)*\W*(?i:\(?[\w\s]{0,12}\)?\s*)?(?i:prior|before|in\s+advance|advance|"
                           r"written\s+notice|notice|preceding)")
_RANGE = re.compile(r"(?i:(?:no|not)\s+(?:fewer|less)\s+than\s+(?P<n>[\w-]+(?:\s*\(\d+\))?)\s+(?:\w+\s+)?(?:and|nor|or|but)\s+"
                    r"(?:(?:no|not)\s+)?more\s+than\s+(?P<m>[\w\s()-]{1,40}?)(?P<unit>(?:business\s+)?(?:day|week|month|year)s?)\b)")
_COUNT = re.compile(r"(?i:(?:up\s+to|maximum\s+of|no\s+more\s+than|not\s+more\s+than|for|of)\s+(?P<n>one|two|three|four|"
                    r"five|six|seven|eight|nine|ten|\d{1,2})\s*(?:\(\d{1,2}\)\s*)?(?:additional|successive|consecutive|"
                    r"further|renewal|extension)|(?P<n2>one|two|three|four|five|\d)\s*(?:\(\d\)\s*)?(?:additional|"
                    r"further)?\s*(?:renewal|extension)s?\s+(?:terms?|periods?)|(?P<n3>once|twice))")


# how a sentence asks for notice: "written notice", "notifies", "request in writing ... that this Agreement
# not be renewed", "unless terminated by either party at least six months prior to the expiration"
_NOTICE_WORDS = re.compile(r"notice|notif|in\s+writing|terminated\s+by|(?:prior\s+to|before)\s+the\s+(?:expir|end|anniversary)")


def _and_its_rest(ctx: Analysis, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences to look for the notice in, with the rest of a sentence a page break cut off ("... unless
    either party gives notice of its intention not to renew the / 4 / Agreement, which notice must be given not
    less than fifteen (15) days before ..."): when the renewal's sentence is the clause's last and does not end
    as a sentence ends, the next sentence of the contract, wherever the clause ended."""
    if len(sents) > 1:
        return sents
    s, e = sents[0]
    if re.search(r"[.;:!?)\"\u201d']\s*$", ctx.text[s:e]):
        return sents
    nxt = re.compile(r"\s*(?:(?:-\s*\d{1,3}\s*-|\d{1,3}|page\s+\d+(?:\s+of\s+\d+)?)\s*\n)?\s*", re.IGNORECASE).match(ctx.text, e)
    at = nxt.end() if nxt else e
    if at >= len(ctx.text) or at - e > 40:
        return sents
    ns, ne = ctx.sentence_bounds(at)
    return sents + [(max(ns, at), ne)] if ne > at else sents


def _notice_in(ctx: Analysis, s: int, e: int) -> tuple[Duration | None, Duration | None, str | None]:
    """The notice period in ``text[s:e]``, the longest notice of a window, and a note (left blank/redacted)."""
    low = ctx.text[s:e].lower()
    if not _NOTICE_WORDS.search(low):
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


_EVERY = re.compile(r"(?i:\b(?P<y>annually|each\s+year|every\s+year|year\s+by\s+year)\b|\b(?P<m>each\s+month|every\s+month)\b|"
                    r"(?P<same>(?:successive\s+|additional\s+|further\s+)?(?:terms?|periods?)\s+(?:of\s+)?(?:the\s+same\s+"
                    r"(?:duration|length)|equal\s+(?:in\s+length\s+)?to\s+the\s+initial\s+term)|same\s+(?:period|duration|term)\s+as\s+"
                    r"the\s+initial))")


_IN_PASSING = re.compile(r"(?i:(?:terminated|renewed)\s+or\s+extended|extended\s+or\s+(?:earlier\s+)?(?:terminated|renewed)|"
                         r"as\s+(?:it\s+|the\s+same\s+)?(?:may\s+(?:be\s+)?)?(?:further\s+)?(?:extended|renewed)(?:\s+or\s+"
                         r"(?:extended|renewed))?(?:\s+(?:from\s+time\s+to\s+time|as\s+provided\s+herein|hereunder))?)")
_DEFINES_INITIAL = re.compile(r"(?i:\(\s*(?:the|this|such)?\s*[\"'\u201c]*\s*initial\s+(?:term|period))")
_RENEWAL_DEFINED = re.compile(r"(?i:\(\s*(?:each|each,|any\s+such)?\s*(?:a|an|the)?\s*[\"'\u201c]+\s*(?:renewal|extension)\s+"
                              r"(?:term|period))")


def _defined_period(ctx: Analysis, s: int, e: int) -> Duration | None:
    """The period a sentence names only as "the Renewal Period" when a sentence nearby defines it: "...
    for additional two (2)-year periods (each a "Renewal Period")"."""
    if not re.search(r"(?i:renewal\s+(?:term|period)|extension\s+(?:term|period))", ctx.text[s:e]):
        return None
    for m in _RENEWAL_DEFINED.finditer(ctx.text, max(0, s - 1500), min(len(ctx.text), e + 1500)):
        found = find_durations(ctx.text, max(0, m.start() - 120), m.start())
        if found and not _NOTICE_AFTER.search(ctx.text[found[-1].end: found[-1].end + 30]):
            return found[-1]
    return None


def _every(ctx: Analysis, s: int, e: int, term: KeyTerm | None) -> Duration | None:
    """A renewal period said without a number: "renew automatically each year", "renewed tacitly every year",
    "successive terms of the same duration" (the initial term's length)."""
    m = _EVERY.search(ctx.text, s, e)
    if m is None:
        return None
    if m.group("y"):
        return Duration(m.start(), m.end(), 1, "Y")
    if m.group("m"):
        return Duration(m.start(), m.end(), 1, "M")
    iso = re.fullmatch(r"P(\d+)([DWMY])", term.value or "") if term is not None else None
    if iso is not None:
        return Duration(m.start(), m.end(), int(iso.group(1)), iso.group(2))
    return None


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
    weaker: list[Renewal] = []  # renewals by agreement or option: kept while an automatic one may follow
    for conf, start, end in spans[:12]:
        sents = list(ctx.sentences_in(start, end))
        for i, (s, e) in enumerate(sents):
            if s in seen:
                continue
            seen.add(s)
            sentence = ctx.text[s:e]
            if not _RENEW_STATEMENT.search(sentence) or not (_AUTOMATIC.search(sentence) or _OPTIONAL.search(sentence)):
                continue
            if defines_other_word(ctx.text, s, e, r"(?i:term|renew|extension|period)"):
                continue  # '"Calendar Quarter" means ...; the first Calendar Quarter of the Term shall extend ...'
            if _NO_RENEWAL.search(sentence) and not re.search(r"(?i:unless|notice|notif|intent|elect)", sentence):
                continue  # "the contract does not automatically renew", "this Agreement shall not be renewed"
            # "unless earlier terminated or extended", "as it may be extended": no renewal said here
            cue = _RENEW_CUE.search(_IN_PASSING.sub(lambda m: " " * len(m.group()), sentence))
            if cue is None and not _UNTIL_TERMINATED.search(sentence):
                continue  # "shall continue for three years": the initial term, not a renewal
            if cue is not None and cue.group().lower() == "thereafter" and _DEFINES_INITIAL.search(sentence) and \
                    not re.search(r"(?i:renew|extend|extension|successive)", sentence):
                continue  # "shall continue thereafter for twelve (12) months (the "Initial Term")"
            optional = bool(_OPTIONAL.search(sentence))
            automatic = bool(_AUTOMATIC.search(sentence)) and (not optional or bool(_PLAINLY_AUTOMATIC.search(sentence)))
            notice_dur = notice_max = None
            note = None
            notice_span = None
            for j, (ns, ne) in enumerate(_and_its_rest(ctx, sents[i: i + 3] or [(s, e)])):
                if j == 2 and not re.search(r"(?i:renew|terminat|expir)", ctx.text[ns:ne]):
                    break
                notice_dur, notice_max, note = _notice_in(ctx, ns, ne)
                if notice_dur is not None or note is not None:
                    notice_span = (ns, ne)
                    break
            candidates = [d for d in find_durations(ctx.text, s, e) if d != notice_dur and
                          (notice_max is None or d.start >= notice_max.end or d.end <= notice_dur.start)  # type: ignore[union-attr]
                          and not _NOTICE_AFTER.search(ctx.text[d.end: d.end + 30])
                          and not (term is not None and term.start == s and d.iso == term.value
                                   and sentence.lower().find("renew") > d.end - s)]
            after_cue = [d for d in candidates if cue is not None and d.end > s + cue.start()]
            # a length before the word of renewal is its period only when renewal words follow it ("one (1)
            # year renewal terms"), not "if the site is not usable for thirty (30) days, the term is extended"
            before_cue = [d for d in candidates if re.match(r"(?i:[\s-]*(?:\(\w+\)\s*)?(?:renewal|extension|successive|"
                                                            r"additional|automatic))", ctx.text[d.end: d.end + 20])]
            period = (after_cue or (before_cue if cue is not None else candidates) or [None])[0]
            until = _UNTIL_TERMINATED.search(sentence)
            if until is not None and period is not None:
                k = until.group().lower().rfind("until")
                until_at = until.start() + max(k, 0)
                # "and shall continue thereafter until terminated by either Party", "shall thereafter
                # automatically renew for an unlimited period", "for an initial term of one year and
                # indefinitely after that until terminated": the lengths before are the initial term's
                if cue is None or (cue.start() <= until_at and
                                   not any(cue.start() <= d.start - s < until_at for d in candidates)):
                    period = None
            if period is None:
                period = _every(ctx, s, e, term) or _defined_period(ctx, s, e)
            until_terminated = period is None and bool(_UNTIL_TERMINATED.search(sentence))
            unilateral = not automatic and bool(_UNILATERAL.search(sentence)) and not _MUTUAL.search(sentence)
            detail = "automatic" if automatic else "option" if unilateral else "by agreement"
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
            found = Renewal(automatic=automatic, term=renewal_term, notice=notice,
                           first_term_end=first_end.isoformat() if first_end else None, last_notice_day=last_day,
                           count=_count(sentence), until_terminated=until_terminated,
                           notice_max=notice_max.iso if notice_max is not None else None)
            if automatic and (period is not None or notice_span is not None or until_terminated):
                return found
            weaker.append(found)
    # a renewal with its period says more than one without; an option a party holds more than "may be
    # extended by mutual agreement"
    weaker.sort(key=lambda r: (r.term.value is None and not r.until_terminated, not r.automatic,
                               not (r.term.detail or "").startswith("option")))
    return weaker[0] if weaker else None


def _first_term_end(arithmetic: Term | None, expiry: KeyTerm | None) -> dt.date | None:
    if arithmetic is not None and arithmetic.ends:
        return dt.date.fromisoformat(arithmetic.ends)
    if expiry is not None and expiry.value:
        return dt.date.fromisoformat(expiry.value)
    return None
