"""One-sided commercial terms: price changes, sole discretion, audit, assignment, late fees, home law."""

from __future__ import annotations

import re

from ...analysis import Analysis, Sentence
from ...model import Finding, Span
from .. import categories as cat
from ..registry import Rule, rule
from ._common import MUTUAL, actor_before, finding, one_sided, trigger_span

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '

_PRICE_CHANGE = re.compile(
    r"\b(?:may|reserves?\s+the\s+right\s+to|(?:is\s+)?entitled\s+to)\s+(?:\w+\s+){0,4}?(?:change|modify|amend|"
    r"increase|adjust|revise)\w*\s+(?:\w+\s+){0,3}?(?:prices?|fees?|rates?|charges?|pricing|terms|this\s+agreement)",
    re.IGNORECASE,
)
_DISCRETION = re.compile(
    r"\b(?:sole|absolute|unfettered|sole\s+and\s+absolute)\s+(?:and\s+absolute\s+)?discretion\b|"
    r"\bat\s+any\s+time\s+(?:and\s+)?(?:for\s+any\s+reason\s+)?without\s+(?:prior\s+)?notice\b",
    re.IGNORECASE,
)
# An audit right, worded as the auditor's right ("X may audit", "X shall have the right during business hours to
# inspect") or as the audited party's duty to let the auditor in ("Y shall permit X to inspect", "Y shall afford
# X access to its books"); in the second form the ``grant`` group is set and the auditor is named after it.
_AUDIT = re.compile(
    r"\b(?:(?P<grant>permit\w*|allow\w*|afford\w*|make\s+available|give|grant|provide)|may|right|"
    r"entitled)\b[^.]{0,120}?(?:\b(?:audit|inspect|examin)\w*\b|"
    r"\breview\w*\s+(?:\w+\s+){0,4}?(?:books|records|accounts|statements)\b|"
    r"\baccess\s+to\s+(?:\w+\s+){0,4}?(?:books|records|accounts|facilit\w+|premises))|"
    r"\b(?:open|available|subject|retained|kept)\s+(?:\w+\s+){0,6}?(?:for|to)\s+(?:possible\s+)?(?:inspection|examination|review|audit)"
    r"[^.;]{0,40}?\b(?P<open>by)\b",
    re.IGNORECASE,
)
_ASSIGN_FREE = re.compile(
    r"\bmay\s+(?:freely\s+)?assign\b(?![^.]{0,120}?\b(?:consent|approval|permission)\b)|"
    r"\bmay\s+(?:freely\s+)?assign\b[^.]{0,160}?\bwithout\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:consent|approval)\b",
    re.IGNORECASE,
)
_ASSIGN_BLOCKED = re.compile(
    r"\b(?:shall|may|will)\s+not\s+(?:\w+\s+){0,2}?assign\w*\b[^.]{0,200}?\b(?:consent|approval|permission)\b|"
    r"\b(?:shall|may|will)\s+not,?\s+(?:\w+\s+){0,2}?(?:without|except\s+with)\s+(?:\w+\s+){0,6}?"
    r"(?:consent|approval)\b[^.]{0,120}?\bassign",  # "may not, without the prior written consent of X, assign"
    re.IGNORECASE,
)
# The passive forms name the assignor after "by": "may not be assigned by Seller without the consent of AEIS",
# "No assignment of this Agreement shall be made by the Distributor without the prior written consent of the
# Company"; and "may be assigned by X ... without Y's consent" names a party free to assign.
_ASSIGN_BLOCKED_BY = re.compile(
    r"\b(?:(?:shall|may|will|can)\s+not\s+be\s+(?:\w+,?\s+){0,4}?assigned|no\s+(?:right\s+or\s+interest\s+in\s+"
    r"this\s+agreement|assignment)\b[^.]{0,120}?\bshall\s+be\s+(?:assigned|made))\b[^.]{0,80}?\b(?P<by>by)\b"
    r"(?=[^.]{0,160}?\b(?:without|unless|except\s+with)\b[^.]{0,80}?\b(?:consent|approval|permission)\b)",
    re.IGNORECASE,
)
_ASSIGN_FREE_BY = re.compile(
    r"\bmay\s+be\s+assigned\s+(?P<by>by)\b[^.]{0,160}?\bwithout\s+(?:the\s+)?(?:\w+['\u2019]s\s+)?"
    r"(?:\w+\s+){0,3}?(?:consent|approval)\b",
    re.IGNORECASE,
)
_CREDITORS = re.compile(r"\bassign\w*\s+for\s+the\s+benefit\s+of\s+(?:its\s+|his\s+|their\s+)?creditors\b",
                        re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:neither|nor|no|not)\b[^.]{0,50}$", re.IGNORECASE)
_ASSIGN_WORD = re.compile(r"\bassign", re.IGNORECASE)
_LATE = re.compile(
    r"\b(?:late\s+(?:payment\s+)?(?:fee|charge|penalt)\w*|interest\s+(?:at|of|on)\b[^;]{0,80}?(?:per\s+(?:month|"
    r"annum)|%|percent)|overdue\s+amounts?\b[^.]{0,80}?\binterest)",
    re.IGNORECASE,
)
_LAW = re.compile(
    r"\b(?:governed\s+by|construed\s+in\s+accordance\s+with|exclusive\s+jurisdiction\s+of)\b[^.]{0,80}?"
    r"\b(?:State\s+of\s+|Commonwealth\s+of\s+|laws\s+of\s+)?(?P<place>(?:New\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)",
)
_HOME = re.compile(
    r"\b(?:an?\s+)?(?P<place>(?:New\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:limited\s+liability\s+company|"
    r"corporation|company|limited\s+partnership|partnership|banking\s+corporation|statutory\s+trust)"
)


@rule(
    "one_sided.unilateral_change",
    description="One party may change prices, fees or the terms on its own.",
    severity="high", category=cat.PRICE_CHANGE,
    suggestion="changes only by written amendment signed by both, or a cap on increases with a right to "
    "terminate before they take effect",
    fires_on=(P + "1. Supplier may increase the prices on 30 days notice. 2. Customer shall pay Supplier.",),
    quiet_on=(P + "1. The prices may be changed only by a written amendment signed by both parties. "
              "2. Customer shall pay Supplier.",),
)
def unilateral_change(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _PRICE_CHANGE, what="may change prices or terms",
                     anchors=("chang", "modif", "amend", "increas", "adjust", "revis"))


@rule(
    "one_sided.sole_discretion",
    description='A right exercised in one party\'s "sole discretion" or "at any time without notice".',
    severity="low", category=cat.SOLE_DISCRETION, family="general",
    suggestion='"reasonable discretion", exercised in good faith, with notice and reasons',
    fires_on=(P + "1. Supplier may reject any order in its sole discretion. 2. Customer shall pay Supplier.",),
    quiet_on=(P + "1. Supplier may reject an order for a reasonable cause stated in writing. "
              "2. Customer shall pay Supplier.",),
)
def sole_discretion(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    for s in ctx.candidates(_DISCRETION, ("discretion", "notice")):
        m = _DISCRETION.search(s.text)
        if not m or MUTUAL.search(s.text[: m.end()]):
            continue
        who = actor_before(s, m.start(), window=400)
        if who is None:
            continue
        out.append(finding(ctx, r, s, f"{ctx.party_name(who)} acts here at its own discretion: the other side has "
                           "no say and no standard to hold it to.", favors=who, evidence=[
            trigger_span(s, m)]))
    return out


@rule(
    "one_sided.audit",
    description="Only one party may audit or inspect the other's books and records.",
    severity="low", category=cat.AUDIT,
    suggestion="a reciprocal audit right, or limits: notice, frequency, business hours, auditor's cost",
    fires_on=(P + "1. Supplier may audit the books and records of Customer once a year. "
              "2. Customer shall pay Supplier.",
              P + "1. Customer shall permit Supplier to inspect its facilities once a year. "
              "2. Customer shall pay Supplier.",
              P + "1. Customer shall keep records, open for inspection by Supplier. 2. Customer shall pay "
              "Supplier.",
              P + "1. Customer shall obtain the right for Supplier to audit its warehouses. 2. Customer shall pay "
              "Supplier.",),
    quiet_on=(P + "1. Each party may audit the books and records of the other party once a year. "
              "2. Customer shall pay Supplier.",),
)
def audit(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _AUDIT, what="may audit", anchors=("audit", "inspect", "examin", "review", "access"),
                     holder=_auditor)


_RIGHT_FOR = re.compile(r"right\s+for\b", re.IGNORECASE)


def _auditor(s: Sentence, m: re.Match[str]) -> str | None:
    """The party that audits: named before "may audit", or after "shall permit" (the audited party is the
    subject there)."""
    if m.group("open") is not None:  # "records ... open for inspection by X"
        return next((pid for a, _, pid in s.mentions if a - s.start >= m.end("open")), None)
    if m.group("grant") is None:
        if _RIGHT_FOR.match(s.text, m.start()):  # "X shall obtain the right for Y to audit": Y audits
            return next((pid for a, _, pid in s.mentions if a - s.start >= m.start()), None)
        return actor_before(s, m.start())
    subject = actor_before(s, m.start())
    return next((pid for a, _, pid in s.mentions if a - s.start >= m.start("grant") and pid != subject), None)


@rule(
    "one_sided.assignment",
    description="One party may assign freely, or without restriction, while the other needs consent.",
    severity="medium", category=cat.ASSIGNMENT,
    suggestion="the same assignment rule for both: consent not unreasonably withheld, with the same "
    "carve-outs (affiliates, merger)",
    fires_on=(P + "1. Customer shall not assign this Agreement without the prior written consent of Supplier. "
              "Supplier may assign this Agreement to any person. 2. Customer shall pay Supplier.",
              P + "1. This Agreement may not be assigned by Customer without the written consent of Supplier. "
              "2. Customer shall pay Supplier.",
              P + "1. No assignment of this Agreement shall be made by Customer without the prior written consent "
              "of Supplier. 2. Customer shall pay Supplier.",),
    quiet_on=(P + "1. Neither party shall assign this Agreement without the consent of the other party. "
              "2. Customer shall pay Supplier.",
              P + "1. Customer shall not assign this Agreement without the consent of Supplier. Supplier shall not "
              "assign this Agreement without the consent of Customer. 2. Customer shall pay Supplier.",),
)
def assignment(ctx: Analysis, r: Rule) -> list[Finding]:
    pair = ctx.two_parties()
    if pair is None:
        return []
    free: dict[str, list[tuple[Sentence, re.Match[str]]]] = {}
    blocked: dict[str, list[tuple[Sentence, re.Match[str]]]] = {}
    for s in ctx.candidates(_ASSIGN_WORD, ("assign",)):
        if _CREDITORS.search(s.text):  # "makes an assignment for the benefit of creditors": insolvency, not transfer
            continue
        if MUTUAL.search(s.text):
            return []
        for pat, bucket in ((_ASSIGN_BLOCKED, blocked), (_ASSIGN_BLOCKED_BY, blocked), (_ASSIGN_FREE, free),
                            (_ASSIGN_FREE_BY, free)):
            m = pat.search(s.text)
            if m and bucket is free and _NEGATED.search(s.text, max(0, m.start() - 60), m.start()):
                continue  # "no party may assign ... without consent" restricts, it does not free
            if m:
                who = _after(s, m.end("by")) if "by" in pat.groupindex else actor_before(s, m.start())
                if who in pair:
                    bucket.setdefault(who, []).append((s, m))
    out = []
    for who, hits in free.items():
        other = pair[1] if who == pair[0] else pair[0]
        if who in blocked or other not in blocked:
            continue
        for s, m in hits:
            out.append(finding(ctx, r, s, f"{ctx.party_name(who)} may assign freely, but {ctx.party_name(other)} "
                               "needs consent to assign.", favors=who, evidence=[
                trigger_span(s, m)]))
    if len(blocked) == 1:  # one-way consent: only one party's assignment is restricted
        who = next(iter(blocked))
        other = pair[1] if who == pair[0] else pair[0]
        for s, m in blocked[who]:
            out.append(finding(ctx, r, s, f"{ctx.party_name(who)} needs consent to assign; no sentence restricts "
                               f"{ctx.party_name(other)}'s assignment.", favors=other, evidence=[
                trigger_span(s, m),
                Span(start=0, end=len(ctx.text), label=f"looked for: a restriction on assignment by "
                     f"{ctx.party_name(other)} or by either party; none found")]))
    return out


def _after(s: Sentence, pos: int) -> str | None:
    """The first party mentioned at or after offset ``pos`` (relative to the sentence)."""
    return next((pid for a, _, pid in s.mentions if a - s.start >= pos), None)


@rule(
    "one_sided.late_fees",
    description="Late fees or interest run on one party's payments only.",
    severity="low", category=cat.LATE_FEES,
    suggestion="interest on late payments by either party, at a modest statutory rate",
    fires_on=(P + "1. Customer shall pay interest at 1.5% per month on overdue amounts owed to Supplier. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Customer shall pay Supplier within 30 days. 2. Supplier shall deliver the goods.",),
)
def late_fees(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _LATE, what="pays late fees or interest", favors_holder=False,
                     anchors=("late", "interest", "overdue"))


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
    pair = ctx.two_parties()
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
                out.append(finding(ctx, r, s, f"The law or forum chosen ({place}) is {ctx.party_name(pid)}'s home "
                                   "jurisdiction.", favors=pid, evidence=[
                    Span(start=s.start + m.start("place"), end=s.start + m.end("place"), label="place")]))
    return out


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (unilateral_change, sole_discretion, audit, assignment, late_fees, home_law)
