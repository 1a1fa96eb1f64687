"""One-sided termination rights: for convenience, on change of control, and renewal that one side controls."""

from __future__ import annotations

import re

from ...analysis import Analysis, Sentence
from ...enrich.periods import find_durations
from ...model import Finding
from .. import categories as cat
from ..registry import Rule, rule
from ._common import MUTUAL, actor_before, finding, one_sided, trigger_span

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '

_CONVENIENCE = re.compile(
    r"\b(?:may|right\s+to|entitled\s+to|ability\s+to)\b[^.;]{0,80}?\b(?:terminat\w*|cancel\w*)\b[^.;]{0,160}?"
    r"(?:for\s+(?:any\s+or\s+no\s+reason|any\s+reason|no\s+reason|(?:its\s+)?convenience)|without\s+cause|"
    r"at\s+any\s+time\s+(?:by|upon|on|with)|without\s+(?:any\s+)?reason)",
    re.IGNORECASE,
)
# Termination on notice alone ("Customer may terminate this Agreement upon ninety (90) days written notice"),
# read as without cause unless the sentence names a cause (see _FOR_CAUSE).
_ON_NOTICE = re.compile(
    r"\b(?:may|right\s+to|entitled\s+to|ability\s+to)\b[^.;]{0,80}?\b(?:terminat\w*|cancel\w*)\b[^.;]{0,80}?\b(?:upon|on|by|with|after|"
    r"giving|providing|at\s+least|(?:not|no)\s+less\s+than)\b[^.;]{0,60}?\b(?:days?|months?|weeks?)['\u2019]?\s*"
    r"(?:\(\w+\)\s*)?(?:(?:prior|advance|written|express)\s+)*notice",
    re.IGNORECASE,
)
_FOR_CAUSE = re.compile(
    r"\b(?:breach\w*|default\w*|fail(?:s|ed|ure)?|insolv\w*|bankrupt\w*|cure[ds]?|violat\w*|force\s+majeure|"
    r"change\s+(?:of|in)\s+control|if\s+the\s+other|in\s+the\s+event\s+(?:of|that)|expir\w*|non-?renew\w*)\b",
    re.IGNORECASE,
)
# The passive form names the holder after "by": "may be terminated ... by Customer for any reason".
_PASSIVE = re.compile(
    r"\b(?P<passive>(?:may|can)\s+be\s+terminated|until\s+terminated)\b[^.;]{0,160}?\bby\b[^.;]{0,120}?"
    r"(?:for\s+(?:any\s+or\s+no\s+reason|any\s+reason|no\s+reason|(?:its\s+)?convenience)|without\s+cause|"
    r"at\s+any\s+time|(?:days?|months?)['\u2019]?\s*(?:\(\w+\)\s*)?(?:(?:prior|advance|written)\s+)*notice)",
    re.IGNORECASE,
)
# The passive form first: at the same "may", it must win so the holder is read after "by".
_TERMINATE_WITHOUT_CAUSE = re.compile(f"{_PASSIVE.pattern}|{_CONVENIENCE.pattern}|{_ON_NOTICE.pattern}",
                                      re.IGNORECASE)


def _terminator(s: Sentence, m: re.Match[str]) -> str | None:
    """Who may terminate: named before "may terminate", or after "by" in "may be terminated by"."""
    if m.group("passive") is None:
        return actor_before(s, m.start())
    return next((pid for a, _, pid in s.mentions if a - s.start > m.end("passive")), None)


def _for_cause(sentence: str) -> bool:
    """A notice-only termination sentence that names a cause: not termination for convenience."""
    return not _CONVENIENCE.search(sentence) and bool(_FOR_CAUSE.search(sentence))


_CHANGE_OF_CONTROL = re.compile(
    r"\b(?:may|right\s+to|entitled\s+to)\b[^.]{0,80}?\bterminat\w*[^.]{0,250}?\bchange\s+(?:of|in)\s+(?:control|"
    r"ownership)|\bchange\s+(?:of|in)\s+(?:control|ownership)\b[^.]{0,250}?\b(?:may|right\s+to)\b[^.]{0,100}?"
    r"\bterminat\w*",
    re.IGNORECASE,
)
_AUTO_RENEW = re.compile(
    r"\b(?:automatic(?:ally)?\s+(?:be\s+)?(?:renew|extend)\w*|renew\w*\s+automatically|"
    r"successive\s+(?:\w+\s+){0,3}(?:periods?|terms?))\b",
    re.IGNORECASE,
)


@rule(
    "one_sided.termination_for_convenience",
    description="Only one party may end the contract without cause (for convenience, at any time, for any "
    "reason); the other is locked in for the term.",
    severity="high", category=cat.TERMINATION_CONVENIENCE,
    suggestion="a mutual right to terminate for convenience on the same notice, or a termination fee / "
    "wind-down payment for the party left behind",
    fires_on=(P + "1. Customer may terminate this Agreement for convenience on 30 days notice. "
              "2. Supplier shall deliver the goods to Customer.",
              P + "1. Customer may terminate this Agreement upon ninety (90) days prior written notice. "
              "2. Supplier shall deliver the goods to Customer.",
              P + "1. This Agreement may be terminated at any time by Customer upon 30 days written notice. "
              "2. Supplier shall deliver the goods to Customer.",
              P + "1. Customer will have the ability to terminate this Agreement by giving 90 days' prior written "
              "notice to Supplier. 2. Supplier shall deliver the goods to Customer.",
              P + "1. Customer may cancel this Agreement at any time upon seven days notice. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Either party may terminate this Agreement for convenience on 30 days notice. "
              "2. Supplier shall deliver the goods to Customer.",
              P + "1. Customer may terminate this Agreement upon 30 days written notice if Supplier breaches "
              "this Agreement. 2. Supplier shall deliver the goods to Customer.",),
)
def termination_for_convenience(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _TERMINATE_WITHOUT_CAUSE, what="may terminate without cause",
                     anchors=("terminat", "cancel"),
                     exclude=_for_cause, holder=_terminator)


@rule(
    "one_sided.termination_change_of_control",
    description="Only one party may terminate when the other changes control.",
    severity="medium", category=cat.CHANGE_OF_CONTROL,
    suggestion="make the change-of-control termination right mutual, or limit it to acquisitions by a "
    "competitor",
    fires_on=(P + "1. Customer may terminate this Agreement upon a change of control of Supplier. "
              "2. Supplier shall deliver the goods to Customer.",),
    quiet_on=(P + "1. Either party may terminate this Agreement upon a change of control of the other party. "
              "2. Supplier shall deliver the goods to Customer.",),
)
def termination_change_of_control(ctx: Analysis, r: Rule) -> list[Finding]:
    return one_sided(ctx, r, _CHANGE_OF_CONTROL, what="may terminate on a change of control",
                     anchors=("control", "ownership"), holder=_coc_holder)


_MAY = re.compile(r"\b(?:may|right\s+to)\b", re.IGNORECASE)


def _coc_holder(s: Sentence, m: re.Match[str]) -> str | None:
    """Who may terminate: the party named just before "may" ("upon a Change of Control of X, Y may ...
    terminate"), else the party named before the match ("Y may terminate upon a change of control of X")."""
    mays = [k.start() for k in _MAY.finditer(s.text, m.start(), m.end())]
    if mays and mays[-1] > m.start() + 20:
        who = actor_before(s, mays[-1], window=60)
        if who is not None:
            return who
    return actor_before(s, m.start())


def _days(text: str) -> int | None:
    """The longest period counted in days ("ninety (90) days", "45 business days"): the notice window. Weeks,
    months and years are left out, as they are the renewal terms themselves in these sentences."""
    return max((d.amount for d in find_durations(text) if d.unit == "D"), default=None)


@rule(
    "one_sided.auto_renewal",
    description="Automatic renewal that only one party can stop, or that needs notice 90 days or more "
    "before the renewal date.",
    severity="medium", category=cat.RENEWAL_NOTICE,
    suggestion="renewal only on written agreement, or a right for either party to stop renewal on 30 days' "
    "notice",
    fires_on=(P + "1. This Agreement shall automatically renew for successive one-year terms unless Supplier "
              "gives notice of non-renewal at least ninety (90) days before the end of the term. "
              "2. Customer shall pay Supplier.",),
    quiet_on=(P + "1. This Agreement renews only if both parties agree in writing. "
              "2. Customer shall pay Supplier.",),
)
def auto_renewal(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    for s in ctx.candidates(_AUTO_RENEW, ("automatic", "successive")):
        m = _AUTO_RENEW.search(s.text)
        if not m:
            continue
        days = _days(s.text)
        mutual = bool(MUTUAL.search(s.text))
        notice = re.search(r"\bunless\b|\bnotice\b", s.text, re.IGNORECASE)
        stopper = actor_before(s, notice.end() + 60, window=200) if notice and not mutual else None
        if stopper is not None:
            msg = (f"The contract renews automatically and only {ctx.party_name(stopper)} is given the right "
                   "to stop it.")
            out.append(finding(ctx, r, s, msg, favors=stopper, evidence=[
                trigger_span(s, m)]))
        elif days is not None and days >= 90:
            out.append(finding(ctx, r, s, f"The contract renews automatically unless notice is given {days} "
                               "days ahead: an easy date to miss.", favors=None, evidence=[
                trigger_span(s, m)]))
    return out


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (termination_for_convenience, termination_change_of_control, auto_renewal)
