"""Which law governs and where disputes go: the governing-law and forum key terms.

A choice of law reads "governed by (and construed in accordance with) the laws of X" or "the laws of X shall
govern"; X is the run of capitalised words after "laws of" ("the State of New York", "England and Wales"),
normalised to the jurisdiction's name ("New York"). The forum is the place after "courts (located) in",
"jurisdiction of the courts of", "venue ... in" or "arbitration ... in".
"""

from __future__ import annotations

import re

from ..analysis import Analysis
from ..model import KeyTerm
from .terms import key_term

__all__ = ["forum", "governing_law", "jurisdiction_name"]

_WORD = r"[A-Z][\w'\u2019.-]*"
_PLACE = (rf"(?P<j>(?:(?i:the)\s+)?{_WORD}(?:(?:\s+(?i:of|and|the|for))*(?:\s+|\s*,\s*(?=U\.S|USA|United)){_WORD})*)")
# a forum may add its state or country after a comma: "Wilmington, Delaware"
_PLACE_CITY = _PLACE[:-1] + rf"(?:,\s*{_WORD}(?:\s+{_WORD})?)?)"
_LAW = re.compile(
    r"(?i:govern\w*|constru\w*|interpret\w*|enforce\w*|subject|accordance)\b[^.;]{0,200}?\b(?i:laws?)\s+(?i:of|in)\s+"
    + _PLACE
    + r"|\b(?i:laws?)\s+(?i:of)\s+" + _PLACE.replace("(?P<j>", "(?P<j2>") + r"[^.;]{0,60}?(?i:shall|will)\s+(?i:govern|apply|"
    r"control)"
)
_LAW_ANCHOR = ("govern",)
_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:State|Commonwealth|Province|Territory|Canton)\s+of\s+)?", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:[\s,]+(?:and|of|the|for|U\.?S\.?A?\.?|United\s+States(?:\s+of\s+America)?))+\s*$",
                     re.IGNORECASE)


def jurisdiction_name(raw: str) -> str:
    """ "the State of NEW YORK" -> "New York"; "England and Wales" stays; capitals read as a title."""
    name = _PREFIX.sub("", " ".join(raw.split()).rstrip(".,"))
    name = _SUFFIX.sub("", name).strip(" ,.")
    if name.isupper():
        name = " ".join(w if w in ("OF", "AND", "THE") else w.capitalize() for w in name.split())
        name = name.replace(" OF ", " of ").replace(" AND ", " and ").replace(" THE ", " the ")
    return name


def _law_in(ctx: Analysis, start: int, end: int, conf: float) -> KeyTerm | None:
    for s, e in ctx.sentences_in(start, end):
        m = _LAW.search(ctx.text, s, e)
        if m is None:
            continue
        raw = m.group("j") or m.group("j2")
        name = jurisdiction_name(raw)
        if not name or name.lower() in ("the", "this agreement"):
            continue
        return key_term(ctx, "governing_law", s, e, value=name, confidence=conf)
    return None


def governing_law(ctx: Analysis) -> KeyTerm | None:
    """The governing-law sentence, its value the jurisdiction's name."""
    for conf, c in ctx.tagged("disputes.governing_law")[:4]:
        found = _law_in(ctx, c.start, c.end, 0.5 + 0.45 * conf)
        if found is not None:
            return found
    for pos in ctx.anchors(_LAW_ANCHOR, limit=40):
        s, e = ctx.sentence_bounds(pos)
        found = _law_in(ctx, s, e, 0.6)
        if found is not None:
            return found
    return None


_FORUM = re.compile(
    r"(?i:courts?|jurisdiction|venue|forum|tribunal)\b[^.;]{0,120}?\b(?i:located|sitting|situated|seated|held)?\s*"
    r"(?i:in|of|at)\s+(?:(?i:the\s+)?(?i:city|county|borough|state|district)\s+of\s+)?" + _PLACE_CITY
)
_ARBITRATION = re.compile(r"(?i:arbitrat\w*)\b[^.;]{0,200}?\b(?i:in|at)\s+(?:(?i:the\s+)?(?i:city|county)\s+of\s+)?"
                          + _PLACE_CITY)
_FORUM_ANCHOR = ("jurisdiction", "venue", "arbitrat")
_NOT_PLACE = re.compile(r"^(?:the\s+)?(?:Agreement|Party|Parties|Section|Article|Court|Courts|Rules|Federal|"
                        r"English|Commercial|Arbitration|Claim|Dispute)\b", re.IGNORECASE)


def _forum_in(ctx: Analysis, start: int, end: int, conf: float) -> KeyTerm | None:
    for s, e in ctx.sentences_in(start, end):
        for pattern, kind in ((_ARBITRATION, "arbitration"), (_FORUM, "courts")):
            for m in pattern.finditer(ctx.text, s, e):
                name = jurisdiction_name(m.group("j"))
                if name and not _NOT_PLACE.match(name):
                    return key_term(ctx, "forum", s, e, value=name, confidence=conf, detail=kind)
    return None


def forum(ctx: Analysis) -> KeyTerm | None:
    """Where disputes are heard: the courts' or the arbitration's seat, ``detail`` saying which."""
    for conf, c in ctx.tagged("disputes.jurisdiction", "disputes.arbitration", "disputes.governing_law")[:6]:
        found = _forum_in(ctx, c.start, c.end, 0.4 + 0.4 * conf)
        if found is not None:
            return found
    for pos in ctx.anchors(_FORUM_ANCHOR, limit=40):
        s, e = ctx.sentence_bounds(pos)
        found = _forum_in(ctx, s, e, 0.5)
        if found is not None:
            return found
    return None
