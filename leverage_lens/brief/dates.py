"""When the deal is made and takes effect: the agreement date and the effective date.

The agreement date is the first date in the opening of the contract that follows a cue ("dated", "as of",
"made on", "day of"). The effective date is a date tied to "effective" ("effective as of ...", '... (the
"Effective Date")', '"Effective Date" means ...'); when the contract defines it as the signing date, or says
nothing, it is the agreement date. A letter or a form dated only where it is signed ("Date: 24 OCT 2011") is
dated from its signature block. A placeholder date ("April __, 2005") is said to be left blank.
"""

from __future__ import annotations

import datetime as dt
import re

from ..analysis import Analysis
from ..enrich.periods import DateMatch, date_is_blank, find_dates
from ..model import KeyTerm
from .terms import key_term, placeholder_at

__all__ = ["agreement_date", "effective_date"]

_OPENING = 6000  # characters: cover pages and exhibit stamps come before many preambles
_DATE_CUE = re.compile(r"(?i:dated|as\s+of|made|entered|effective|executed|day\s+of|on|date:?)\W*(?:this\s+)?\W*$")
_EFFECTIVE = ("effective", "commenc")
_EFFECTIVE_BEFORE = re.compile(r"(?i:effective\s+(?:as\s+of|on|from|this|the|date\W+(?:means|shall\s+mean|is|shall\s+be|of)|"
                               r"date\s*:)|"
                               r"(?:commenc\w*|begin\w*|start\w*)\s+(?:on|as\s+of|from|the)|in\s+force\s+(?:on|as\s+of))"
                               r"[^.;]{0,40}$")
# "shall commence effective as of the date hereof and shall expire on December 31, 2028": the date ends the term
_END_BETWEEN = re.compile(r"(?i:\b(?:expir\w*|terminat\w*|until|through|end(?:s|ing)?\s+on)\b)")
_EFFECTIVE_AFTER = re.compile(r"^\W{0,4}(?:\(?\s*(?i:the|this|hereinafter)?\s*[\"'\u201c\u2018]*\s*(?i:effective\s+date))")
_SIGNING_DATE = re.compile(
    r"^(?i:(?:effective|commenc\w*|begin\w*)\s+(?:as\s+of|on|from|upon)|effective\s+date\W{0,3}\s+(?:means|shall\s+mean|is))"
    r"\s+(?i:the\s+)?(?i:(?:first\s+)?date\s+(?:first\s+)?(?:above\s+)?(?:written|set\s+forth|stated)(?:\s+above)?|date\s+hereof|"
    r"execution|date\s+of\s+(?:this\s+agreement|execution|signature|the\s+last\s+signature))")


# a draft's blank day and month that text extraction dropped: "dated as of , 2006"
_DROPPED_BLANK = re.compile(r"(?i:(?:as\s+of|dated|on|made|effective)\s+(?:this\s+|the\s+)?,\s*(?:19|20)\d\d)")
_MADE = re.compile(r"(?i:\b(?:is\s+|was\s+)?(?:made|entered\s+into|dated|executed|effective)\b|\bas\s+of\b)")
_INSTRUMENT = re.compile(r"(?i:agreement|contract|amendment|lease|license|licence|addendum)")


def agreement_date(ctx: Analysis) -> KeyTerm | None:
    """The date the contract is dated or made: the first date in the sentence of the opening that names the
    instrument and says it is made, dated or entered into; else the first date after such a cue."""
    stop = min(len(ctx.text), _OPENING)
    found = None
    cue = None
    for m in _MADE.finditer(ctx.text, 0, stop):
        s, e = ctx.sentence_bounds(m.start())
        if not _INSTRUMENT.search(ctx.text, max(s, m.start() - 300), m.start() + 40):
            continue
        found = next(iter(_dates(ctx.text, m.start(), min(e, m.end() + 400))), None)
        cue = m
        break  # the opening sentence has no date: do not take one from the recitals
    dateline = next((d for d in _dates(ctx.text, 0, min(stop, 3000)) if _alone_on_line(ctx.text, d)), None)
    if dateline is not None and (found is None or dateline.start < found.start):
        found = dateline
    if found is None and cue is not None:
        blank = placeholder_at(ctx.text, cue.start(), min(len(ctx.text), cue.end() + 40)) or \
            _DROPPED_BLANK.search(ctx.text, cue.start(), min(len(ctx.text), cue.end() + 40))
        if blank is not None:
            return key_term(ctx, "agreement_date", blank.start(), blank.end(), value=None, confidence=0.7,
                            detail="left blank")
    if found is not None:
        return _date_term(ctx, "agreement_date", found, 0.9 if found.value else 0.7)
    fallback = None
    for d in _dates(ctx.text, 0, stop):
        before = ctx.text[max(0, d.start - 40): d.start]
        if _DATE_CUE.search(before):
            return _date_term(ctx, "agreement_date", d, 0.9 if d.value else 0.6)
        if fallback is None and d.start < 2000:
            fallback = d
    signed = _signature_date(ctx)
    if signed is not None:
        return _date_term(ctx, "agreement_date", signed, 0.6)
    if fallback is not None:
        return _date_term(ctx, "agreement_date", fallback, 0.4)
    return None


def _date_term(ctx: Analysis, kind: str, d: DateMatch, confidence: float) -> KeyTerm:
    """A date key term; a placeholder date ("April __, 2005", "[___], 2020") is said to be left blank."""
    blank = date_is_blank(ctx.text, d)
    return key_term(ctx, kind, d.start, d.end, value=_iso(d.value), confidence=confidence,  # type: ignore[arg-type]
                    detail="left blank" if blank else None)


_SIGNED_LINE = re.compile(r"(?i:\bsigned\b|\bon\s+this\b|\bplace\b|\bdate\b)")
_NOT_SIGNING = re.compile(r"(?i:commission|expires|notary|birth)")
_SIGNED = re.compile(r"(?i:\b(?:date[d]?|signed\s+on|executed\s+on|day\s+of)\s*:?\s*$)")
_WITNESS = ("in witness whereof", "signature page", "signed by", "agreed and accepted", "accepted and agreed")


def _signature_date(ctx: Analysis) -> DateMatch | None:
    """A date in the signature block ("Date: 24 OCT 2011", "signed on ..."), when the opening has none."""
    text = ctx.text
    low = ctx.lower or text.lower()
    start = max((low.rfind(w) for w in _WITNESS), default=-1)
    if start < 0:
        start = max(0, len(text) - 3000)
    found = [d for d in _dates(text, start, min(len(text), start + 6000)) if d.value]
    for d in found:
        if _SIGNED.search(text[max(start, d.start - 30): d.start]):
            return d
    for d in found:  # "SIGNED at Pretoria on this 31st day of March 2001", "Markham, ON 24 OCT 2011  Place Date"
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        line = text[line_start: len(text) if line_end < 0 else line_end]
        if _SIGNED_LINE.search(line) and not _NOT_SIGNING.search(line):
            return d
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
        for d in _dates(ctx.text, lo, hi):
            if d.end <= pos + 8 and _EFFECTIVE_AFTER.search(ctx.text[d.end: d.end + 40]):
                return _date_term(ctx, "effective_date", d, 0.9)
            if d.start > pos and _EFFECTIVE_BEFORE.search(ctx.text[pos: d.start]) and \
                    not _END_BETWEEN.search(ctx.text, pos, d.start):
                return _date_term(ctx, "effective_date", d, 0.85)
        window = ctx.text[pos: pos + 120]
        if agreement is not None and _SIGNING_DATE.search(window):
            s, e = ctx.sentence_bounds(pos)
            return key_term(ctx, "effective_date", s, e, value=agreement.value, confidence=0.7,
                            detail="the date of the agreement")
    if agreement is not None:  # not stated: the contract takes effect when made
        return agreement.model_copy(update={"kind": "effective_date", "confidence": 0.4,
                                            "detail": agreement.detail or "assumed: the agreement date"})
    return None


_STAMP = re.compile(r"^\s*Source:")


# an EDGAR stamp run into a line of text: "... 24.COUNTERPARTS. 22 Source: EL POLLO LOCO HOLDINGS, INC., 10-K, 3/6/2020"
_STAMP_INLINE = re.compile(r"\bSource:\s[^\n]{0,100},\s*[\w/.-]{1,12},\s*$")
# another instrument's date: "entered into that certain Share Purchase Agreement dated July 23, 2009", "In
# connection with a Master Transaction Agreement dated December 11, 2018", "Amendment No. 1 to the Supply
# Agreement dated ..." (not "This Co-Branding Agreement dated ...")
_OTHER_INSTRUMENT = re.compile(r"\b(?i:that\s+certain)\s+[^.;]{3,100}?,?\s*(?i:dated)\s*(?i:as\s+of\s+)?$|"
                               r"(?:\b(?i:a|an|the|such))\s+(?:[A-Z][\w&,.-]*\s+){1,6}(?:Agreement|Contract|"
                               r"Lease|Licen[cs]e|Plan|Indenture|Note)\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?i:dated|of)\s*"
                               r"(?i:as\s+of\s+)?(?i:the\s+)?$")
# a form's guidance: '[Reference to the agreement (for example, "Restricted Stock Purchase Agreement dated
# January 1, 2022")]', 'For example, "Cloud Service Agreement between ... dated January 1, 2025".'
_EXAMPLE = re.compile(r"(?i:\bfor\s+example\b|\be\.\s?g\.|\bfor\s+instance\b|\bexample:)")


def _dates(text: str, start: int, end: int) -> list[DateMatch]:
    """The dates in ``text[start:end]`` that are not a filing stamp or a form's example: EDGAR prints "Source:
    CARDLYTICS, INC., S-1, 1/12/2018" on every page, a date of filing that CUAD (rightly) never takes for the
    contract's date; a form's guidance shows an example date ("for example, ... dated January 1, 2022") that is
    nobody's date."""
    out = []
    for d in find_dates(text, start, end):
        line_start = text.rfind("\n", 0, d.start) + 1
        if _STAMP.search(text[line_start: d.start]) or _STAMP_INLINE.search(text, max(line_start, d.start - 120), d.start):
            continue
        if _EXAMPLE.search(text, max(line_start, d.start - 160), d.start):
            continue
        if _OTHER_INSTRUMENT.search(text, max(0, d.start - 140), d.start):
            continue
        out.append(d)
    return out


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
