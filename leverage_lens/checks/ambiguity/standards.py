"""Vague or inconsistent standards: "and/or", mixed efforts standards, and words with no measure.

These are matters of taste as much as defects, so they are reported at low severity and grouped: one finding
per word per top-level section, with every other occurrence as evidence, so forty "promptly"s do not bury the
one "thirty (60) days".
"""

from __future__ import annotations

import re

from ...model import Finding, Span
from ..context import CheckContext
from ..registry import Rule, rule
from ._common import STANDARDS, finding, grouped

_AND_OR = re.compile(r"\band\s*/\s*or\b", re.IGNORECASE)


@rule(
    "ambiguity.and_or",
    kind="ambiguity",
    description="\u201cand/or\u201d: courts have read it both ways. Grouped: one finding per section.",
    severity="low", category=STANDARDS,
    suggestion="write \u201cA or B or both\u201d, or \u201cA and B\u201d, whichever is meant",
    fires_on=("1. Notices. Notice may be given by mail and/or email.",),
    quiet_on=("1. Notices. Notice may be given by mail or email, or both.",),
)
def and_or(ctx: CheckContext, r: Rule) -> list[Finding]:
    hits = [(m.start(), m.end(), "and/or") for m in _AND_OR.finditer(ctx.text)]
    return grouped(ctx, r, hits, message="\u201cand/or\u201d is used {times} in this section.")


_EFFORTS = re.compile(
    r"\b(?P<std>best|commercially\s+reasonable|reasonable\s+best|reasonable|good\s+faith|diligent|all\s+reasonable)"
    r"\s+(?:commercial\s+)?efforts?\b",
    re.IGNORECASE,
)


def _norm(std: str) -> str:
    return " ".join(std.lower().split())


@rule(
    "ambiguity.mixed_efforts",
    kind="ambiguity",
    description="The contract mixes efforts standards (best / reasonable / commercially reasonable efforts): "
    "a reader may take the difference to be deliberate. One finding per standard other than the most used.",
    severity="low", category=STANDARDS,
    suggestion="use one efforts standard throughout, or define each and say why they differ",
    fires_on=("1. Supply. Supplier shall use best efforts to deliver. 2. Marketing. Distributor shall use "
              "commercially reasonable efforts to promote the products.",),
    quiet_on=("1. Supply. Supplier shall use commercially reasonable efforts to deliver. 2. Marketing. "
              "Distributor shall use commercially reasonable efforts to promote the products.",),
)
def mixed_efforts(ctx: CheckContext, r: Rule) -> list[Finding]:
    by_std: dict[str, list[re.Match[str]]] = {}
    for m in _EFFORTS.finditer(ctx.text):
        by_std.setdefault(_norm(m.group("std")), []).append(m)
    if len(by_std) < 2:
        return []
    main = max(by_std, key=lambda k: (len(by_std[k]), k))
    out = []
    for std, ms in by_std.items():
        if std == main:
            continue
        first = ms[0]
        out.append(finding(
            ctx, r, first.start(), first.end(),
            f"\u201c{std} efforts\u201d ({len(ms)}x) sits beside \u201c{main} efforts\u201d ({len(by_std[main])}x) "
            "in the same contract.",
            evidence=[Span(start=m.start(), end=m.end(), label="occurrence") for m in ms[1:]]
            + [Span(start=by_std[main][0].start(), end=by_std[main][0].end(), label="other_standard")]))
    return out


_VAGUE = re.compile(
    r"\b(?P<w>promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|from\s+time\s+to\s+time|"
    r"in\s+a\s+timely\s+manner|timely|forthwith|without\s+undue\s+delay|within\s+a\s+reasonable\s+(?:time|period)|"
    r"material(?:ly)?|substantial(?:ly)?)\b(?P<tail>[^.;\n]{0,40})",
    re.IGNORECASE,
)
# A measure next to the word: "promptly (and in any event within 5 days)", "material (more than $10,000)".
_MEASURE = re.compile(r"\b(?:in\s+any\s+event|but\s+(?:in\s+any\s+case\s+)?(?:no|not)\s+later|within\s+\w+\s*\(?\d|"
                      r"no\s+later\s+than|exceed\w*|more\s+than|less\s+than|\$|\d+\s*%|\d+\s+(?:business\s+)?days)",
                      re.IGNORECASE)
# "material" in fixed phrases with settled meanings, and "material(s)" as a noun, are not vague standards.
_FIXED = re.compile(r"^material(?:ly)?\s+(?:adverse|breach|default|respects?|terms?|obligations?|"
                    r"non-public|agreements?|contracts?|provisions?|change|misstatement|omission|fact)|"
                    r"^materials?$", re.IGNORECASE)


@rule(
    "ambiguity.vague_standard",
    kind="ambiguity",
    description="A standard with no measure (\u201cpromptly\u201d, \u201cas soon as practicable\u201d, "
    "\u201cfrom time to time\u201d, \u201cmaterial\u201d, \u201csubstantially\u201d). Grouped: one finding per "
    "word per section; settled phrases such as \u201cmaterial breach\u201d are left alone.",
    severity="low", category=STANDARDS,
    suggestion="add a measure (\u201cpromptly, and in any event within five business days\u201d)",
    fires_on=("1. Notices. Supplier shall promptly notify Customer of any defect.",),
    quiet_on=("1. Notices. Supplier shall promptly, and in any event within 5 days, notify Customer of any "
              "defect.", "1. Breach. Either party may terminate for material breach."),
)
def vague_standard(ctx: CheckContext, r: Rule) -> list[Finding]:
    hits = []
    for m in _VAGUE.finditer(ctx.text):
        w = " ".join(m.group("w").lower().split())
        if w.startswith(("material", "substantial")):
            nxt = ctx.text[m.start("w"): m.end("w") + 25]
            if _FIXED.match(nxt) or ctx.text[m.end("w"): m.end("w") + 1] == "s" or m.group("w")[0].isupper():
                continue
        if _MEASURE.search(m.group("tail")):
            continue
        hits.append((m.start("w"), m.end("w"), w))
    return grouped(ctx, r, hits, message="\u201c{term}\u201d sets a standard without a measure ({times} in this "
                   "section).")
