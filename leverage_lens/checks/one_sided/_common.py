"""Shared machinery of the one-sided rules: who holds a right in a sentence, and the mirror test.

A *holding* is a sentence where a party holds a right (or bears a duty) on a topic. A rule collects
holdings per party; when exactly one of the two principal parties holds the topic and no sentence gives it to
both ("either party", "each party", "the other party"), the rule reports each holding of that party, with the
missing mirror as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ...analysis import Analysis, Sentence
from ...model import Finding, Span
from ..categories import family_of
from ..finding import make_finding
from ..registry import Rule

MUTUAL = re.compile(
    r"\b(?:either|each|both|neither)\s+(?:of\s+the\s+)?part(?:y|ies)\b|\bthe\s+other\s+party\b|"
    r"\beach\s+of\s+(?:the\s+)?[A-Z]\w*\s+and\b|\btheir\s+(?:sole|absolute|own)\b|"
    r"\b(?:receiving|disclosing|terminating|indemnifying|non-breaching|breaching)\s+party\b|"
    # "either you or Nationwide", "either Licensor or Licensee" (not "either directly or indirectly")
    r"\beither\s+(?-i:[A-Z][\w.&'-]*|you|we)(?:\s+(?-i:[A-Z][\w.&'-]*))*\s+or\s+(?-i:[A-Z]|you\b|us\b|we\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Holding:
    sentence: Sentence
    party: str | None  # party id, or None when mutual / unstated
    mutual: bool
    match: re.Match[str]


def trigger_span(s: Sentence, m: re.Match[str]) -> Span:
    """The evidence span of a pattern match inside sentence ``s``, as offsets into the document."""
    return Span(start=s.start + m.start(), end=s.start + m.end(), label="trigger")


def actor_before(s: Sentence, pos: int, window: int = 120) -> str | None:
    """The party mentioned nearest before offset ``pos`` (relative to the sentence), within ``window``."""
    best = None
    for a, b, pid in s.mentions:
        rel = b - s.start
        if rel <= pos and pos - rel <= window:
            best = pid
    return best


#: Who holds the topic of a match, when the default (the party named before it) is wrong for the wording.
HolderFn = Callable[[Sentence, "re.Match[str]"], "str | None"]


def holdings(ctx: Analysis, topic: re.Pattern[str], *, actor_group: str | None = None,
             after: bool = False, anchors: Sequence[str] | None = None,
             exclude: Callable[[str], bool] | None = None, holder: HolderFn | None = None) -> Iterator[Holding]:
    """Every sentence matching ``topic``, with the party holding it (named before the match, or after it
    when ``after``, or as ``holder`` says) and whether the sentence is mutual; ``exclude`` drops sentences
    whose text it accepts (e.g. termination for breach among termination-on-notice sentences)."""
    for s in ctx.candidates(topic, anchors):
        m = topic.search(s.text)
        if not m or (exclude is not None and exclude(s.text)):
            continue
        pos = m.start(actor_group) if actor_group else m.start()
        if holder is not None:
            party = holder(s, m)
        elif after:
            party = next((pid for a, _, pid in s.mentions if a - s.start >= m.start()), None)
        else:
            party = actor_before(s, pos)
        head = s.text[max(0, pos - 120) : m.end()]
        yield Holding(s, party, bool(MUTUAL.search(head)), m)


def one_sided(
    ctx: Analysis,
    rule: Rule,
    topic: re.Pattern[str],
    *,
    what: str,
    favors_holder: bool = True,
    after: bool = False,
    anchors: Sequence[str] | None = None,
    exclude: Callable[[str], bool] | None = None,
    holder: HolderFn | None = None,
) -> list[Finding]:
    """Findings for a topic held by one principal party only (see module docstring)."""
    pair = ctx.two_parties()
    if pair is None:
        return []
    hs = list(holdings(ctx, topic, after=after, anchors=anchors, exclude=exclude, holder=holder))
    if not hs or any(h.mutual for h in hs):
        return []
    by_party: dict[str, list[Holding]] = {}
    for h in hs:
        if h.party is not None:
            by_party.setdefault(h.party, []).append(h)
    if len(by_party) != 1:
        return []
    owner = next(iter(by_party))
    other = pair[1] if owner == pair[0] else pair[0]  # the principal counterparty
    favored = owner if favors_holder else other
    out = []
    for h in by_party[owner]:
        s = h.sentence
        msg = (f"Only {ctx.party_name(owner)} {what}; no sentence gives the same to {ctx.party_name(other)} "
               f"or to either party.")
        out.append(finding(ctx, rule, s, msg, favors=favored, evidence=[
            trigger_span(s, h.match),
            Span(start=0, end=len(ctx.text), label=f"looked for: the same {what.split()[0]} by "
                 f"{ctx.party_name(other)} or either party; none found"),
        ]))
    return out


def finding(ctx: Analysis, rule: Rule, s: Sentence, message: str, *, favors: str | None,
            evidence: list[Span] | None = None) -> Finding:
    return make_finding(
        rule_id=rule.id, kind=rule.kind, severity=rule.severity, text=ctx.text, start=s.start, end=s.end,
        message=message, clause=s.clause, category=rule.category,
        family=rule.family or (family_of(rule.category) if rule.category else None), favors=favors,
        suggestion=rule.suggestion, evidence=evidence or [Span(start=s.start, end=s.end, label="sentence")],
    )
