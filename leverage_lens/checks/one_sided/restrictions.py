"""Restrictions binding one side only: exclusivity, non-compete, non-solicit, confidentiality."""

from __future__ import annotations

import re

from ...analysis import Analysis
from ...model import Finding
from .. import categories as cat
from ..registry import Rule, rule
from ._common import one_sided

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '

_EXCLUSIVE = re.compile(
    r"\b(?:shall|will|agrees?\s+to)\s+(?:\w+\s+){0,3}?(?:purchase|buy|obtain|source|distribute|sell)\b[^.]{0,120}?"
    r"\b(?:exclusively|solely|only)\s+(?:from|through|to)\b|\b(?:shall|will)\s+not\b[^.]{0,120}?\b(?:purchase|"
    r"buy|obtain|appoint|source)\b[^.]{0,80}?\b(?:any\s+other|from\s+any\s+third|other\s+than)\b",
    re.IGNORECASE,
)
_NON_COMPETE = re.compile(
    r"\b(?:shall|will|agrees?|covenants?|may)\s+not\b[^.]{0,250}?\b(?:compet\w+|engage\s+in\s+(?:any\s+)?"
    r"(?:\w+\s+){0,2}?(?:business|activit)|develop,?\s+(?:market|sell)\w*\s+(?:any\s+)?(?:competing|similar)|"
    r"(?:provid(?:e|es|ing)|offer(?:s|ing)?|sell(?:s|ing)?|market(?:s|ing)?|develop(?:s|ing)?|"
    r"distribut(?:e|es|ing)|manufactur(?:e|es|ing))\s+(?:\w+\s+){0,4}?(?:substantially\s+)?"
    r"similar\s+(?:\w+\s+){0,2}?(?:business|products?|services?))",  # not "shall not engage another provider"
    re.IGNORECASE,
)
_NON_SOLICIT = re.compile(
    r"\b(?:shall|will|agrees?)\s+not\b(?!\s+be\s+deemed)[^.]{0,150}?\b(?:solicit\w*|hire|employ|recruit)\b",
    re.IGNORECASE,
)
_CONFIDENTIAL = re.compile(
    r"\b(?:shall|will|agrees?\s+to)\s+(?:\w+\s+){0,3}?(?:keep|hold|maintain|treat)\b[^.]{0,60}?\bconfiden|"
    r"\b(?:shall|will)\s+not\s+(?:\w+\s+){0,2}?disclose\b",
    re.IGNORECASE,
)


@rule(
    "one_sided.exclusivity",
    description="Only one party is bound to deal exclusively with the other.",
    severity="medium", category=cat.EXCLUSIVITY,
    suggestion="a reciprocal commitment (exclusive supply, minimum volume or territory protection) or an "
    "exit if the other side under-performs",
    fires_on=(P + "1. Customer shall purchase the Products exclusively from Supplier. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Customer may purchase the Products from any vendor. 2. Supplier shall deliver the goods.",),
)
def exclusivity(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _EXCLUSIVE, what="is bound to exclusivity", favors_holder=False,
                     anchors=("purchase", "buy", "obtain", "source", "distribut", "sell", "appoint"))


@rule(
    "one_sided.non_compete",
    description="A non-compete binds one party only.",
    severity="high", category=cat.NON_COMPETE,
    suggestion="narrow the non-compete (scope, territory, duration) or make it mutual",
    fires_on=(P + "1. Customer shall not, during the Term, engage in any business that competes with Supplier. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Neither party shall engage in any business that competes with the other party. "
              "2. Supplier shall deliver the goods to Customer.",),
)
def non_compete(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _NON_COMPETE, what="is bound not to compete", favors_holder=False,
                     anchors=("compet", "engage", "develop", "similar"))


@rule(
    "one_sided.non_solicit",
    description="A non-solicitation (of employees or customers) binds one party only.",
    severity="medium", category=cat.NO_SOLICIT,
    suggestion="a mutual non-solicit, limited to people the parties actually worked with, with a carve-out "
    "for general job advertisements",
    fires_on=(P + "1. Customer shall not solicit or hire any employee of Supplier for one year. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Neither party shall solicit or hire any employee of the other party for one year. "
              "2. Supplier shall deliver the goods to Customer.",),
)
def non_solicit(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _NON_SOLICIT, what="is bound not to solicit", favors_holder=False,
                     anchors=("solicit", "hire", "employ", "recruit"))


@rule(
    "one_sided.confidentiality",
    description="Confidentiality binds one party only, though both will see the other's information.",
    severity="medium", category=cat.CONFIDENTIALITY,
    suggestion="mutual confidentiality: the same duties for whichever party receives information",
    fires_on=(P + "1. Customer shall keep confidential all information received from Supplier. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Each party shall keep confidential the information received from the other party. "
              "2. Supplier shall deliver the goods to Customer.",),
)
def confidentiality(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _CONFIDENTIAL, what="is bound to confidentiality", favors_holder=False,
                     anchors=("confiden", "disclose"))


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (exclusivity, non_compete, non_solicit, confidentiality)
