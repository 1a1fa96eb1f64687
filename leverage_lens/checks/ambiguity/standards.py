"""Vague or inconsistent standards: "and/or", mixed efforts standards, and words with no measure.

These are matters of taste as much as defects, so they are reported at low severity and grouped: one finding
per word per top-level section, with every other occurrence as evidence, so forty "promptly"s do not bury the
one "thirty (60) days".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis import Analysis
from ...model import Finding, Span
from ..registry import Rule, rule
from ._common import STANDARDS, finding, grouped, lowered

_AND_OR = re.compile(r"\band\s*/\s*or\b", re.IGNORECASE)
_AND_OR_LOW = re.compile(r"\band\s*/\s*or\b")


def _scan(ctx: Analysis, low_pattern: re.Pattern[str], ci_pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of a case-insensitive pattern, found by the (faster) lower-case pattern on the lower-cased text when
    lower-casing keeps every offset. Groups then hold lower-cased text: read the original at the same offsets."""
    low = lowered(ctx)
    return low_pattern.finditer(low) if low is not None else ci_pattern.finditer(ctx.text)


@rule(
    "ambiguity.and_or",
    kind="ambiguity",
    description="\u201cand/or\u201d: courts have read it both ways. Grouped: one finding per section.",
    severity="low", category=STANDARDS,
    suggestion="write \u201cA or B or both\u201d, or \u201cA and B\u201d, whichever is meant",
    fires_on=("1. Notices. Notice may be given by mail and/or email.",),
    quiet_on=("1. Notices. Notice may be given by mail or email, or both.",),
)
def and_or(ctx: Analysis, r: Rule) -> list[Finding]:
    hits = [(m.start(), m.end(), "and/or") for m in _scan(ctx, _AND_OR_LOW, _AND_OR)]
    return grouped(ctx, r, hits, message="\u201cand/or\u201d is used {times} in this section.")


_EFFORTS_SRC = (
    r"\b(?P<std>best|commercially\s+reasonable|reasonable\s+best|reasonable|good\s+faith|diligent|all\s+reasonable)"
    r"\s+(?:commercial\s+)?efforts?\b"
)
_EFFORTS = re.compile(_EFFORTS_SRC, re.IGNORECASE)
_EFFORTS_LOW = re.compile(_EFFORTS_SRC)



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
def mixed_efforts(ctx: Analysis, r: Rule) -> list[Finding]:
    by_std: dict[str, list[re.Match[str]]] = {}
    for m in _scan(ctx, _EFFORTS_LOW, _EFFORTS):
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


_VAGUE_SRC = (
    r"\b(?P<w>promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|from\s+time\s+to\s+time|"
    r"in\s+a\s+timely\s+manner|timely|forthwith|without\s+undue\s+delay|within\s+a\s+reasonable\s+(?:time|period)|"
    r"material(?:ly)?|substantial(?:ly)?)\b(?P<tail>[^.;\n]{0,40})"
)
_VAGUE = re.compile(_VAGUE_SRC, re.IGNORECASE)
_VAGUE_LOW = re.compile(_VAGUE_SRC)
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
def vague_standard(ctx: Analysis, r: Rule) -> list[Finding]:
    hits = []
    for m in _scan(ctx, _VAGUE_LOW, _VAGUE):
        w = " ".join(m.group("w").lower().split())
        if w.startswith(("material", "substantial")):
            nxt = ctx.text[m.start("w"): m.end("w") + 25]
            if _FIXED.match(nxt) or ctx.text[m.end("w"): m.end("w") + 1] == "s" or ctx.text[m.start("w")].isupper():
                continue
        if _MEASURE.search(m.group("tail")):
            continue
        hits.append((m.start("w"), m.end("w"), w))
    return grouped(ctx, r, hits, message="\u201c{term}\u201d sets a standard without a measure ({times} in this "
                   "section).")


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (and_or, mixed_efforts, vague_standard)
