"""One-sided risk allocation: indemnities given by one side, liability caps protecting one side."""

from __future__ import annotations

import re

from ...analysis import Analysis
from ...model import Finding, Span
from .. import categories as cat
from ..registry import Rule, rule
from ._common import MUTUAL, actor_before, finding, one_sided, trigger_span

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '

_INDEMNIFY = re.compile(r"\b(?:shall|will|agrees?\s+to|must|undertakes?\s+to)\s+(?:\w+,?\s+){0,3}?"
                        r"(?:defend,?\s+(?:and\s+)?)?indemnif", re.IGNORECASE)
_CAP = re.compile(
    r"\b(?:aggregate|total|maximum|entire|cumulative)?\s*liabilit(?:y|ies)\b[^.]{0,250}?\b(?:shall\s+not\s+exceed|"
    r"(?:is|be|shall\s+be|will\s+be)\s+limited\s+to|not\s+to\s+exceed|in\s+no\s+event\s+exceed|exceed|capped\s+at)|"
    r"\b(?:in\s+no\s+event|under\s+no\s+circumstances)\s+(?:shall|will)\s+(?:\w+\s+){0,3}?(?:be\s+liable|"
    r"have\s+any\s+liability|be\s+responsible)\b|"
    r"\b(?:shall|will)\s+(?:not|in\s+no\s+event)\s+be\s+(?:liable|responsible)\b[^.]{0,120}?\b(?:indirect|"
    r"consequential|special|incidental|punitive|exemplary|lost\s+profits?|loss\s+of\s+(?:profits?|revenues?|data|"
    r"business|use))|"
    r"\b(?:shall|will)\s+(?:have|bear|incur)\s+no\s+liability\b|"
    r"\bneither\s+party\s+(?:shall|will|is|may)\s+(?:\w+\s+){0,3}?(?:be\s+)?(?:liable|responsible)\b|"
    r"(?P<remedy>\b(?:sole|exclusive)\s+(?:and\s+exclusive\s+)?remed(?:y|ies))\b|"
    # "X's sole obligation (and liability) under this warranty is to repair": X is the one protected
    r"\b(?:sole|exclusive)\s+(?:and\s+exclusive\s+)?obligations?\b(?:\s+and\s+liabilit(?:y|ies))?\s+(?:under|with\s+respect|"
    r"for|in\s+respect|hereunder|shall|is|will)",
    re.IGNORECASE,
)


@rule(
    "one_sided.indemnity",
    description="Only one party indemnifies the other: the indemnity is one-way.",
    severity="high", category=cat.INDEMNIFICATION,
    suggestion="a mirror indemnity from the other party for its own breaches, negligence and IP claims",
    fires_on=(P + "1. Supplier shall indemnify, defend and hold harmless Customer from all claims. "
              "2. Customer shall pay Supplier.",),
    quiet_on=(P + "1. Each party shall indemnify the other party from claims caused by its breach. "
              "2. Customer shall pay Supplier.",),
)
def indemnity(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _INDEMNIFY, what="gives an indemnity", favors_holder=False, anchors=("indemnif",))


@rule(
    "one_sided.liability_cap",
    description="A cap on, or exclusion of, liability protects one party only; the other's liability stays "
    "uncapped.",
    severity="high", category=cat.LIABILITY_CAP,
    suggestion="make the cap and the exclusion of indirect damages mutual, with the same carve-outs for both",
    fires_on=(P + "1. In no event shall Supplier be liable for any indirect or consequential damages, and "
              "Supplier's total liability shall not exceed the fees paid. 2. Customer shall pay Supplier.",
              P + "1. Replacement of the goods is the sole and exclusive remedy of Customer. "
              "2. Customer shall pay Supplier.",
              P + "1. Supplier shall have no liability for lost profits. 2. Customer shall pay Supplier.",
              P + "1. Supplier's sole obligation under this warranty is to repair the goods. "
              "2. Customer shall pay Supplier.",),
    quiet_on=(P + "1. In no event shall either party be liable for any indirect damages, and neither party's "
              "total liability shall exceed the fees paid. 2. Customer shall pay Supplier.",),
)
def liability_cap(ctx: Analysis, r: Rule) -> list[Finding]:
    out: list[Finding] = []
    pair = ctx.two_parties()
    if pair is None:
        return out
    protected: dict[str, list] = {}
    for s in ctx.candidates(_CAP, ("liab", "remed", "obligation")):
        m = _CAP.search(s.text)
        if not m:
            continue
        if MUTUAL.search(s.text[: m.end() + 40]):
            return []
        if m.group("remedy"):  # "X's sole remedy": X is the one limited, the other is protected
            limited = actor_before(s, m.start("remedy"), window=60) or next(
                (pid for a, _, pid in s.mentions if 0 <= a - s.start - m.end("remedy") <= 20), None)
            who = (pair[1] if limited == pair[0] else pair[0]) if limited in pair else None
        else:
            who = next((pid for a, b, pid in s.mentions if a - s.start <= m.end() + 20), None)
        if who in pair:
            protected.setdefault(who, []).append((s, m))
    if len(protected) != 1:
        return out
    holder = next(iter(protected))
    other = pair[1] if holder == pair[0] else pair[0]
    for s, m in protected[holder]:
        out.append(finding(ctx, r, s, f"This limitation protects only {ctx.party_name(holder)}; the liability of "
                           f"{ctx.party_name(other)} is not limited in the same way.", favors=holder, evidence=[
            trigger_span(s, m),
            Span(start=0, end=len(ctx.text), label=f"looked for: a limitation of {ctx.party_name(other)}'s "
                 "liability or of either party's; none found")]))
    return out


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (indemnity, liability_cap)
