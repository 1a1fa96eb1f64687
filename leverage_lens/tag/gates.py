"""Where a phrase rule or a heading must not tag a clause on its own.

Two categories CUAD does not label keep flat phrase-rule tags (payment terms and termination for cause:
their heading weak labels were too noisy to learn, see :mod:`..training.tag_weak`). Their phrases are
words of the topic, not statements of it: "bankruptcy" and "material breach" sit as often in
representations ("it is not a party to any bankruptcy proceedings") and indemnities ("by reason of any
material breach") as in termination rights, and "within thirty (30) days" dates deliveries as often as
payments. A lawyer reads "(d) declares bankruptcy" as a ground for termination only because the lead-in
says "may terminate this Agreement if". So a rule alone tags these categories only where a word of the
topic itself (:data:`RULE_CUES`) stands near: for termination for cause in the clause, the end of the
previous clause, the headings above it or its parent's lead-in; for payment terms in the clause itself
(a delivery schedule's "(c) within thirty (30) days ..." follows a price as often as a payment does).
Model tags and heading tags are not gated.

Two kinds of clause take no tags from headings or rules at all: an EDGAR filing stamp that the segmenter
left as a clause of its own ("Source: TOM ONLINE INC, 20-F, 5/1/2006", which inherits the heading of the
section it interrupts) and a definition that only points elsewhere ('"Confidential Information" has the
meaning given in Section 10.1', whose "heading" is the defined term). Filing stamps take no model tags
either.
"""

from __future__ import annotations

import re

__all__ = ["CUE_REACH", "OWN_TEXT_ONLY", "RULE_CUES", "near_hits", "is_definition_pointer", "is_filing_stamp", "rule_cue"]

#: Per gated category: the words that make a phrase-rule hit a statement of the topic.
RULE_CUES: dict[str, re.Pattern[str]] = {
    "termination.for_cause": re.compile(
        r"\b(?:terminat\w*|cancel\w*|rescind\w*|rescission|events? of default|default\w*)\b", re.I),
    "payment.terms": re.compile(
        r"\b(?:pay|pays|paid|payable|payments?|invoic\w*|fees?|pric\w*|amounts?|sums?|remit\w*|reimburs\w*|"
        r"charges?|royalt\w*|commissions?|interest|tax\w*|overdue|compensation|consideration)\b", re.I),
}

#: Gated categories whose cue must stand in the clause's own text, within :data:`CUE_REACH` characters of
#: the phrase the rule matched (a deadline in a termination event, "(c) ... not cured within thirty (30)
#: days", shares its clause with "fails to pay its debts" but not its words).
OWN_TEXT_ONLY = frozenset({"payment.terms"})
CUE_REACH = 60

_STAMP = re.compile(
    r"(?:page\s+\d+\s+of\s+\d+\s*)?(?:\d{1,4}\s+)?Source:\s[^\n]{1,120}?,\s*[\w/.-]{1,14},\s*"
    r"\d{1,2}/\d{1,2}/\d{2,4}\W*", re.I)
_POINTER = re.compile(
    r"[\"\u201c][^\"\u201d]{1,80}[\"\u201d]\s+(?:shall\s+|will\s+)?(?:has|have)\s+the\s+meaning"
    r"(?:s)?\s+(?:given|set\s+(?:forth|out)|ascribed|assigned|specified|defined|provided)", re.I)


def is_filing_stamp(own: str) -> bool:
    """Whether a clause's own text is only an EDGAR filing stamp (and perhaps a page number)."""
    return len(own) < 200 and "Source:" in own and bool(_STAMP.fullmatch(own.strip()))


def is_definition_pointer(own: str) -> bool:
    """Whether a clause's own text opens with a definition that only points to another section."""
    return bool(_POINTER.match(own.lstrip(" \t\r\n(").lstrip("0123456789.()ivx \t")))


def rule_cue(category: str, own: str, *around: str) -> bool:
    """Whether a phrase-rule hit of ``category`` may tag on its own: always for ungated categories,
    otherwise when the clause's ``own`` text (or, unless :data:`OWN_TEXT_ONLY`, one of the texts ``around``
    it) holds a word of the topic."""
    cue = RULE_CUES.get(category)
    if cue is None:
        return True
    if cue.search(own):
        return True
    return category not in OWN_TEXT_ONLY and any(cue.search(t) for t in around if t)


def near_hits(own: str, hits: list[tuple[int, int]]) -> str:
    """The stretches of ``own`` within :data:`CUE_REACH` characters of the rule's matches (offsets into
    ``own``), where an :data:`OWN_TEXT_ONLY` category's cue must stand."""
    return " … ".join(own[max(0, s - CUE_REACH) : e + CUE_REACH] for s, e in hits)
