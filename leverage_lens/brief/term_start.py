"""Where a term starts: the day a length or an anniversary counts from (a date the term sentence names, "the
date hereof", the effective date, the agreement date, or an event the contract dates elsewhere), and whether a
start is one the brief knows. Split from :mod:`.term`, which reads how long the term runs and how it ends.
"""

from __future__ import annotations

import datetime as dt
import re

from ..analysis import Analysis
from ..enrich.periods import find_dates
from ..model import KeyTerm, Term

__all__ = ["START_BLANK", "STATED", "blank_date", "event_date", "event_start", "known_start", "start_for",
           "stated_start"]

STATED = "(stated)"
START_BLANK = "the start date is left blank"
_FROM_EVENT = re.compile(r"(?i:\W{0,3}(?:\(\d{1,3}\)\s*)?(?:calendar\s+|full\s+|consecutive\s+)?(?:period\s+)?"
                         r"(?:from|after|following|beginning\s+(?:on|with)|commencing\s+(?:on|with))\s+(?:and\s+(?:including|after)\s+)?(?:the\s+)?"
                         r"(?:occurrence\s+of\s+(?:the\s+)?)?)(?P<event>[^.;]{3,90})")
_KNOWN_START = re.compile(
    r"(?i:\W{0,2}(?:the\s+)?(?:date\s+(?:of\s+|on\s+which\s+|that\s+|when\s+)?)?(?:the\s+|its\s+|this\s+)?(?:effective|"
    r"execution|executed|signing|signature|start|hereof|thereof|above|below|first\s+(?:above\s+)?(?:written|set\s+forth|stated)|"
    r"set\s+forth|agreement\s+date|such\s+date|that\s+date|last\s+signature|(?:agreement|contract|document|instrument)\b(?!\s+(?:is|has|was|"
    r"shall)\s+(?!signed|executed|fully|entered))))")

_ANNIVERSARY_OF_AGREEMENT = re.compile(r"(?i:anniversary\s+of\s+(?:the\s+)?(?:date\s+(?:hereof|of\s+(?:this\s+)?"
                                       r"(?:agreement|contract|execution|signature))|execution\s+(?:date|hereof)|signing))")
_FROM_AGREEMENT = re.compile(r"(?i:(?:from|after|following)\s+(?:the\s+)?(?:date\s+(?:hereof|of\s+(?:this\s+)?"
                             r"(?:agreement|execution|signature))|execution\s+(?:date|hereof|of\s+this)|signing))")


def blank_date(t: KeyTerm | None) -> bool:
    """A date the draft leaves blank, or states only in part ("July 2013", "February ____, 2017")."""
    return t is not None and not t.value and (t.detail == "left blank" or bool(re.search(r"\d{4}", t.text)))


def known_start(ctx: Analysis, name: str) -> bool:
    """Whether ``name`` is a known start: the effective date or the date hereof in words, or a defined date the
    contract defines as one ('commencing on the date first set forth above (the "Commencement Date")')."""
    if _KNOWN_START.match(name):
        return True
    m = re.match(r"(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+Date)\b", name)
    if m is None:
        return False
    definition = re.search(r"\(\s*(?:the\s+)?[\"\u201c]" + re.escape(m.group(1)) + r"[\"\u201d]\s*\)", ctx.text)
    if definition is None:
        return False
    before = ctx.text[max(0, definition.start() - 80): definition.start()]
    cue = re.search(r"(?i:(?:commenc\w*|begin\w*|start\w*|on|as\s+of)\s+(?:the\s+)?)([^.;()]{3,60})$", before)
    if cue is None:
        return False
    said = re.sub(r"(?i:^(?:(?:on|upon|as\s+of|from|the)\s+)+)", "", cue.group(1))
    return bool(_KNOWN_START.match(said))


def event_date(ctx: Analysis, event: str) -> tuple[dt.date, str] | None:
    """The day the contract gives an event a term counts from, when it names it as a defined date and dates it
    elsewhere ("the Commencement Date to be November 16, 1998", '"Launch Date" means March 1, 2001'), and its
    name; None when it does not (the brief then computes no end rather than guess)."""
    m = re.match(r"(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+Date)\b", event)
    if m is None:
        return None
    said = re.compile(re.escape(m.group(1)) + r"[\"\u201d']?\s*(?:\)\s*)?(?:shall\s+be|will\s+be|is|was|to\s+be|"
                      r"(?:shall\s+)?means?|:|(?:shall\s+)?(?:occur|occurred|commence|commenced)(?:\s+on)?)\s+(?:on\s+|as\s+of\s+)?"
                      r"(?:the\s+date\s+of\s+)?")
    for hit in said.finditer(ctx.text):
        d = next(iter(find_dates(ctx.text, hit.end(), min(len(ctx.text), hit.end() + 25))), None)
        if d is not None and d.value and d.start - hit.end() < 4:
            return d.value, m.group(1)
    return None


def event_start(ctx: Analysis, at: int, e: int) -> str | None:
    """The event a length counts from when it is not a date the brief knows: "ten (10) years from the Launch
    Date", "after the First Commercial Sale" (None for the effective date, the date hereof, a stated date)."""
    m = _FROM_EVENT.match(ctx.text, at, e)
    if m is None:
        return None
    event = m.group("event")
    if known_start(ctx, event) or find_dates(event):
        return None
    return " ".join(re.split(r"[,;(]|\s+(?:and|or|unless|whichever|subject)\b", event)[0].split()) or None


def start_for(ctx: Analysis, s: int, e: int, effective: KeyTerm | None, agreed: KeyTerm | None,
               ) -> tuple[dt.date | None, str]:
    """The day a length counts from: a date the sentence says the term starts on, "the date hereof" (the
    agreement date), else the effective date, else the agreement date (the preamble's date is when the
    contract takes effect unless it says otherwise). A start the draft leaves blank is said to be blank."""
    sentence = ctx.text[s:e]
    if _ANNIVERSARY_OF_AGREEMENT.search(sentence) and agreed is not None and agreed.value:
        # "begin on February 1, 1998 and end on the first anniversary of the date of this Agreement"
        return dt.date.fromisoformat(agreed.value), (f"counts from {agreed.value} (the date of the agreement, whose "
                                                     "anniversary the clause names)")
    for d in find_dates(ctx.text, s, e):
        before = ctx.text[max(s, d.start - 40): d.start]
        if d.value and re.search(r"(?i:commenc\w*|begin\w*|start\w*|effective|from|force|effect|valid)\s+(?:on\s+|as\s+of\s+|"
                                 r"upon\s+|from\s+)?(?:the\s+)?$", before):
            return d.value, f"starts {d.value.isoformat()} {STATED}"
    if _FROM_AGREEMENT.search(sentence) and agreed is not None and agreed.value:
        return dt.date.fromisoformat(agreed.value), f"starts {agreed.value} (the date of the agreement)"
    if effective is not None and effective.value:
        return dt.date.fromisoformat(effective.value), f"starts {effective.value} (the effective date)"
    if blank_date(effective) or ((effective is None or not effective.value) and blank_date(agreed)):
        return None, START_BLANK  # "commencing on the date of execution", dated "____ day of ______, 2000"
    if agreed is not None and agreed.value:
        return dt.date.fromisoformat(agreed.value), f"starts {agreed.value} (the date of the agreement)"
    return None, "the start date is not stated"


def stated_start(term: Term | None) -> str | None:
    """The day the term clause itself says the term starts ("shall commence on January 1, 2008"), or None when
    the start was taken from the effective date or the agreement date."""
    if term is None or not term.starts or not term.steps:
        return None
    return term.starts if term.steps[0] == f"starts {term.starts} {STATED}" else None
