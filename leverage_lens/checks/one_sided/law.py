"""Governing law or forum in one party's home jurisdiction: the one one-sided rule not read from the ledger.

Whose home a law is comes from where each party is organised (the preamble's "a Delaware corporation"), not
from who holds a right, so it is read here from the parties' name spans.
"""

from __future__ import annotations

import re

from ...analysis import Analysis
from ...ledger import principal_pair
from ...model import Finding, Span
from .. import categories as cat
from ..finding import make_finding
from ..registry import Rule, rule

_LAW = re.compile(
    r"\b(?:governed\s+by|construed\s+in\s+accordance\s+with|exclusive\s+jurisdiction\s+of)\b[^.]{0,80}?"
    r"\b(?:State\s+of\s+|Commonwealth\s+of\s+|laws\s+of\s+)?(?P<place>(?:New\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)",
)
_HOME = re.compile(
    r"\b(?:an?\s+)?(?P<place>(?:New\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:limited\s+liability\s+company|"
    r"corporation|company|limited\s+partnership|partnership|banking\s+corporation|statutory\s+trust)"
)
_HOME = re.compile(
    r"\b(?:an?\s+)?(?P<place>(?:New\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:limited\s+liability\s+company|"
    r"corporation|company|limited\s+partnership|partnership|banking\s+corporation|statutory\s+trust)"
)


def _homes(ctx: Analysis) -> dict[str, str]:
    homes: dict[str, str] = {}
    for p in ctx.parties:
        for sp in p.spans:
            if sp.label == "name":
                m = _HOME.search(ctx.text, sp.end, min(len(ctx.text), sp.end + 120))
                if m and p.id not in homes:
                    homes[p.id] = m.group("place")
    return homes


@rule(
    "one_sided.home_law",
    description="Governing law or forum is one party's home jurisdiction.",
    severity="low", category=cat.GOVERNING_LAW,
    suggestion="a neutral law and forum, or the defendant's home courts",
    fires_on=('This Agreement is between Acme Inc., a Delaware corporation ("Supplier") and Beta LLC, a Texas '
              'limited liability company ("Customer"). 1. This Agreement is governed by the laws of the State '
              'of Delaware. 2. Customer shall pay Supplier.',),
    quiet_on=('This Agreement is between Acme Inc., a Delaware corporation ("Supplier") and Beta LLC, a Texas '
              'limited liability company ("Customer"). 1. This Agreement is governed by the laws of the State '
              'of New York. 2. Customer shall pay Supplier.',),
)
def home_law(ctx: Analysis, r: Rule) -> list[Finding]:
    pair = principal_pair(ctx)
    if pair is None:
        return []
    homes = _homes(ctx)
    if not all(p in homes for p in pair) or homes[pair[0]] == homes[pair[1]]:
        return []
    out = []
    for s in ctx.candidates(_LAW, ("governed", "construed", "jurisdiction")):
        m = _LAW.search(s.text)
        if not m:
            continue
        place = m.group("place")
        for pid in pair:
            if homes[pid] == place:
                other = pair[1] if pid == pair[0] else pair[0]
                f = make_finding(
                    rule_id=r.id, kind=r.kind, severity=r.severity, text=ctx.text, start=s.start, end=s.end,
                    message=f"The law or forum chosen ({place}) is {ctx.party_name(pid)}'s home jurisdiction.",
                    clause=s.clause, category=r.category, family=cat.family_of(r.category or ""), favors=pid,
                    suggestion=r.suggestion,
                    evidence=[Span(start=s.start + m.start("place"), end=s.start + m.end("place"), label="place")])
                out.append(f.model_copy(update={"burdened": other}))
    return out


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (home_law,)
