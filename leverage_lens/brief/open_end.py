"""Terms with no fixed end, said as such: "perpetual", "until terminated (by either party)", "co-terminous with
the Master Agreement", "until the expiration of the last Royalty Term", "for so long as Beta remains a
shareholder". The term reader (:mod:`.term`) asks here when a sentence states no end date, anniversary or
length.

A perpetual licence or right is not a perpetual agreement, and a severability clause's "so long as the
economic substance is not affected" is no term: what continues must be the agreement or its term.
"""

from __future__ import annotations

import re

from ..analysis import Analysis
from ..enrich.periods import find_durations

__all__ = ["no_fixed_end"]

_PERPETUAL = re.compile(r"(?i:\bperpetu(?:al(?:ly)?|ity)\b|in\s+perpetuity|indefinite(?:ly)?(?:\s+period)?)")
# "a perpetual, irrevocable licence", "Perpetual Preferred Stock", "perpetual easements": an adjective of a
# thing granted, not the agreement's term
_PERPETUAL_THING = re.compile(r"^\W{0,3}(?i:(?:and\s+|or\s+)?(?:irrevocable|non-?\s?exclusive|exclusive|royalty|fully|"
                              r"world-?\s?wide|licen[cs]|right|preferred|easement|paid|transferable|sub-?licens|"
                              r"non-?\s?transferable|non-?\s?terminable|assignable|free))")
_UNTIL_TERMINATED = re.compile(
    r"(?i:(?:until|unless\s+and\s+until)\s+(?:it\s+is\s+|this\s+agreement\s+is\s+|so\s+)?(?:terminated|(?:either\s+party|"
    r"a\s+party|one\s+party|the\s+parties)(?=[^.;]{0,80}?(?:terminat|notice|cancel|end\s+it))|"
    r"[A-Z]\w+\s+(?:or\s+[A-Z]\w+\s+)?(?:gives|terminates|elects))|until\s+termination\b|"
    r"until\s+(?:such\s+time\s+as\s+)?(?:it\s+is\s+)?terminated|end\w*\s+(?:only\s+)?(?:when|upon|if)\s+(?:it\s+is\s+)?"
    r"terminated\s+by)")
_COTERMINOUS = re.compile(r"(?i:co-?\s?terminous\s+with\s+(?P<with>(?:the\s+)?[^.;,]{3,60}?)(?=[.;,]|\s+(?:and|unless)\b)|"
                          r"(?:for|during)\s+(?:the\s+)?(?:same\s+)?term\s+of\s+(?:the\s+)?(?:referenced\s+|said\s+|underlying\s+|related\s+)?"
                          r"(?!this\b|This\b)(?P<with2>[A-Z][\w\s]{2,40}?Agreement|(?-i:[A-Z]{2,6})\b))")
_UNTIL_EVENT = re.compile(r"(?i:until\s+(?:the\s+)?(?P<event>(?:(?:later|earlier)\s+of|(?:expiration|expiry|termination)\s+(?:or\s+"
                          r"(?:earlier\s+|sooner\s+)?(?:termination|expiration|expiry)\s+)?of|"
                          r"completion\s+of|end\s+of\s+the\s+(?:last|royalty)|last\s+to\s+expire|date\s+(?:on\s+)?which|"
                          r"all\s+(?:obligations|amounts|shares|products)|"
                          # "until the Secondary Royalty Term with respect to such Product expires"
                          r"(?:last\s+|final\s+)?(?!this\b|it\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s+(?:Term|Period)\b[^.;,]{0,60}?"
                          r"\b(?:expires|has\s+expired|ends))[^.;]{0,80})|"
                          r"(?:continue|remain|be)\w*\s+(?:in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+)?(?:for\s+)?"
                          r"(?:so|as)\s+long\s+as\s+(?P<event2>[^.;]{3,80}))")
# an end an event brings, said otherwise than "until the ...": "until Achaogen ceases development ...", "upon the
# expiration of the Support Period ... this Agreement shall ... terminate", "terminate on the date that is the
# last day of the Warranty Period for the last Bloom System"
_NOT_AN_EVENT = r"(?!(?:initial|renewal|extension|original|current|then|such)\b)"
_EVENT_ENDS = (
    re.compile(r"(?i:until\s+(?:such\s+time\s+as\s+)?(?!either\b|a\s+party|one\s+party|the\s+parties|it\b|this\b)"
               r"(?P<event>[\w&.,' -]{2,40}?\s+(?:ceases?|has\s+ceased|no\s+longer)\b[^.;]{0,60}))"),
    re.compile(r"(?i:(?:upon|on|at)\s+the\s+(?P<event>(?:expiration|expiry|end|termination)\s+of\s+(?:the\s+)?" + _NOT_AN_EVENT +
               r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:Period|Term))\b[^.;]{0,80}?\bthis\s+agreement\s+(?:shall|will)\s+"
               r"(?:\w+\s+){0,4}?(?:terminate|expire))"),
    re.compile(r"(?i:(?:terminate|expire|end)s?\s+on\s+(?:the\s+date\s+(?:that\s+is\s+|of\s+)?)?(?:the\s+)?"
               r"(?P<event>(?:last\s+day\s+of\s+(?:the\s+)?)?" + _NOT_AN_EVENT + r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+"
               r"(?:Period|Term)\b[^.;,]{0,60}))"),
)
_SEVERABILITY = re.compile(r"(?i:invalid|illegal|unenforceable|severab|economic\s+or\s+legal\s+substance|other\s+(?:terms|"
                           r"provisions|conditions))")
# what is perpetual must be the deal: "the Term shall be perpetual", "this Agreement shall remain in effect
# perpetually", "a perpetual term" ("shall not use the Work Product during the term of this Agreement or after, in
# perpetuity" is a use that never ends, not the agreement)
_DEAL_IS_PERPETUAL = re.compile(r"(?i:(?:\b(?:agreement|term|contract)\b[^.;]{0,160}?\b(?:continue|remain|be|is|last|run|"
                                r"exist|subsist|survive|endure|have)\w*\b[^.;]{0,60}|\ban?\s+)$)")
_DEAL_ENDS = re.compile(r"(?i:\b(?:this|the)\s+(?:agreement|amendment|contract|term)\b)")
_DEAL_CONTINUES = re.compile(r"(?i:(?:this|the)\s+(?:agreement|term|contract)\b[^.;]{0,80}?\b(?:continue|remain|be\s+in))")


def no_fixed_end(ctx: Analysis, s: int, e: int) -> tuple[str, str | None] | None:
    """The open end the sentence ``ctx.text[s:e]`` states ("coterminous", "perpetual", "until_terminated",
    "until_event") and what it is linked to, or None when it states none."""
    sentence = ctx.text[s:e]
    m = _COTERMINOUS.search(sentence)
    if m:
        return "coterminous", " ".join((m.group("with") or m.group("with2") or "").split()) or None
    for p in _PERPETUAL.finditer(sentence):
        if _PERPETUAL_THING.search(sentence[p.end():]):
            continue
        granted = re.search(r"(?i:licen[cs]e|right|grant)", sentence[:p.start()][-60:])
        deal = re.search(r"(?i:\b(?:agreement|term|contract)\b)", sentence[:p.start()])
        if granted and (deal is None or deal.start() > len(sentence[:p.start()][:-60]) + granted.start()):
            continue  # "the license granted hereunder shall be perpetual", not "This Agreement and the license ..."
        if _SEVERABILITY.search(sentence):
            continue  # "shall be held to be indefinite, invalid, illegal ..."
        if _DEAL_IS_PERPETUAL.search(sentence[:p.start()]):
            return "perpetual", None
    if _UNTIL_TERMINATED.search(sentence):
        return "until_terminated", None
    m = _UNTIL_EVENT.search(sentence)
    if m and m.group("event2") and (_SEVERABILITY.search(sentence) or
                                    not _DEAL_CONTINUES.search(sentence, 0, m.start() + 10)):
        m = None  # "the other provisions shall remain in full force and effect so long as the economic substance ..."
    if m is None and _DEAL_ENDS.search(sentence):
        m = next((hit for rx in _EVENT_ENDS if (hit := rx.search(sentence))), None)
    if m and not find_durations(ctx.text, s + m.start(), s + m.end()):
        event = m.group("event") or f"so long as {m.group('event2')}"
        event = re.split(r"\s*[;(]|,?\s+(?:unless|subject\s+to|provided|whichever|in\s+which|at\s+which\s+time|whereupon)\b", event)[0].rstrip(" ,")
        return "until_event", " ".join(event.split())
    return None
