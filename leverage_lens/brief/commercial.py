"""Who can walk away, when money is due, how far liability reaches, and who may not deal with others.

These terms are about parties, so they start from the obligations enrichment already found (actor, modality,
sentence): a termination right is a "right" whose sentence terminates or cancels; an exclusivity or
non-compete binds the actor of the prohibition or obligation in the tagged clause. Liability caps and
exclusions come from the clauses tagged ``liability.cap``/``liability.uncapped``; payment terms from
``payment.terms``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..analysis import Analysis
from ..enrich.periods import find_durations
from ..model import KeyTerm, KeyTermKind, Obligation
from .terms import key_term

__all__ = ["exclusivity", "liability", "payment_terms", "termination_rights"]

_TERMINATE = re.compile(r"(?i:terminat|cancel|rescind)")
_GROUNDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("insolvency", re.compile(r"(?i:insolven|bankrupt|receiver|liquidat|winding\s+up|assignment\s+for\s+the\s+benefit)")),
    ("change of control", re.compile(r"(?i:change\s+(?:of|in)\s+control|merger|acquisition\s+of)")),
    ("cause", re.compile(r"(?i:breach|default|fail\w*\s+to\s+(?:perform|pay|cure)|cure)")),
    ("convenience", re.compile(r"(?i:convenience|for\s+any\s+reason|without\s+cause|no\s+reason|at\s+any\s+time|"
                               r"at\s+will|sole\s+discretion)")),
)
_NOTICE_AFTER = re.compile(r"^\W*(?i:['\u2019]?s?\s*(?:prior\s+)?(?:written\s+)?(?:notice|prior|advance))")


def _ground(sentence: str) -> str:
    return next((name for name, pattern in _GROUNDS if pattern.search(sentence)), "other")


def termination_rights(ctx: Analysis, obligations: Sequence[Obligation]) -> list[KeyTerm]:
    """One termination right per party and ground ("convenience", "cause", "insolvency", ...), first wins;
    ``value`` is the notice period when the sentence gives one."""
    out: list[KeyTerm] = []
    seen: set[tuple[str | None, str]] = set()
    for o in obligations:
        if o.modality != "right" or o.trigger is None:
            continue
        after = ctx.text[o.trigger.end: min(o.end, o.trigger.end + 80)]
        if not _TERMINATE.search(after):
            continue
        sentence = ctx.text[o.start: o.end]
        ground = _ground(sentence)
        key = (o.actor, ground)
        if key in seen:
            continue
        seen.add(key)
        notice = next((d for d in find_durations(ctx.text, o.start, o.end)
                       if _NOTICE_AFTER.search(ctx.text[d.end: d.end + 30])), None)
        out.append(key_term(ctx, "termination_right", o.start, o.end, value=notice.iso if notice else None,
                            confidence=0.75 if o.actor else 0.5, party=o.actor, detail=ground,
                            clause_id=o.clause_id))
    return out


_PAY = re.compile(r"(?i:\bpa(?:y|id|yable|yment)|\bdue\b|remit)")
_PAY_BEFORE = re.compile(r"(?i:within|net|no\s+later\s+than|not\s+later\s+than|after|following|of)\s+(?:the\s+)?$")


def payment_terms(ctx: Analysis, limit: int = 3) -> list[KeyTerm]:
    """Payment deadlines ("within thirty (30) days after the invoice date"), from clauses tagged payment terms."""
    out: list[KeyTerm] = []
    for conf, c in ctx.tagged("payment.terms")[:8]:
        for s, e in ctx.sentences_in(c.start, c.end):
            if not _PAY.search(ctx.text, s, e):
                continue
            for d in find_durations(ctx.text, s, e):
                if _PAY_BEFORE.search(ctx.text[max(s, d.start - 25): d.start]):
                    out.append(key_term(ctx, "payment_terms", s, e, value=d.iso, confidence=0.5 + 0.4 * conf,
                                        detail="business days" if d.business else None))
                    break
            if len(out) >= limit:
                return sorted(out, key=lambda t: t.start)
    return sorted(out, key=lambda t: t.start)


_CAP = re.compile(r"(?i:(?:shall|will|does|do)\s+not\s+exceed|not\s+to\s+exceed|in\s+excess\s+of|limited\s+to|"
                  r"(?:maximum|aggregate|total|cumulative)\s+(?:\w+\s+){0,2}liability|cap\b)")
_EXCLUDE_CUE = re.compile(r"(?i:not\s+(?:be\s+)?liable|no\s+liability|in\s+no\s+event|exclud|disclaim|waive|"
                          r"not\s+be\s+responsible|under\s+no\s+circumstances)")
_DAMAGES = re.compile(r"(?i:\b(indirect|incidental|special|consequential|punitive|exemplary|lost\s+profits|"
                      r"loss\s+of\s+(?:profits?|revenue|data|goodwill|business))\b)")
_AMOUNT = re.compile(r"(?:US\$|U\.S\.\s?\$|\$|\u20ac|\u00a3|USD\s?|EUR\s?|GBP\s?)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|"
                     r"billion|thousand))?")
_AFTER_CAP = re.compile(r"(?i:(?:exceed|in\s+excess\s+of|limited\s+to)\s+)(?P<m>[^.;]{3,140})")
_WHO = re.compile(r"(?i:\b(each|either|neither)\s+part(?:y|ies)\b)")


def _who(ctx: Analysis, s: int, e: int, mentions: dict[int, str]) -> str | None:
    m = _WHO.search(ctx.text, s, e)
    first = min((pos for pos in mentions if s <= pos < e), default=None)
    if m is not None and (first is None or m.start() < first):
        return "each" if m.group(1).lower() in ("each", "neither") else "either"
    return mentions[first] if first is not None else None


def liability(ctx: Analysis, mentions: dict[int, str], limit: int = 4) -> list[KeyTerm]:
    """Caps (value: the amount, or the measure such as "the fees paid ... in the 12 months before the claim")
    and exclusions (value: the kinds of damages excluded); ``party`` is whose liability they limit."""
    out: list[KeyTerm] = []
    kinds: set[str] = set()
    for conf, c in ctx.tagged("liability.cap", "liability.uncapped")[:6]:
        for s, e in ctx.sentences_in(c.start, c.end):
            sentence = ctx.text[s:e]
            if "cap" not in kinds and _CAP.search(sentence) and re.search(r"(?i:liab|damages)", sentence):
                amount = _AMOUNT.search(sentence)
                measure = _AFTER_CAP.search(sentence)
                value = amount.group(0) if amount else (" ".join(measure.group("m").split()) if measure else None)
                out.append(key_term(ctx, "liability_cap", s, e, value=value, confidence=0.5 + 0.4 * conf,
                                    party=_who(ctx, s, e, mentions)))
                kinds.add("cap")
            elif "exclusion" not in kinds and _EXCLUDE_CUE.search(sentence):
                damages = list(dict.fromkeys(" ".join(m.group(1).lower().split()) for m in _DAMAGES.finditer(sentence)))
                if damages:
                    out.append(key_term(ctx, "liability_exclusion", s, e, value=", ".join(damages),
                                        confidence=0.5 + 0.4 * conf, party=_who(ctx, s, e, mentions)))
                    kinds.add("exclusion")
            if len(kinds) == 2 or len(out) >= limit:
                return sorted(out, key=lambda t: t.start)
    return sorted(out, key=lambda t: t.start)


_RESTRICTIONS: tuple[tuple[KeyTermKind, tuple[str, ...], re.Pattern[str]], ...] = (
    ("exclusivity", ("exclusivity.exclusive_dealing",), re.compile(r"(?i:exclusiv|sole\s+(?:and\s+exclusive\s+)?"
                                                                    r"(?:source|supplier|provider|distributor))")),
    ("non_compete", ("exclusivity.non_compete",), re.compile(r"(?i:compet)")),
    ("non_solicit", ("exclusivity.no_solicit_customers", "exclusivity.no_solicit_employees"),
     re.compile(r"(?i:solicit|hire|employ)")),
)


def exclusivity(ctx: Analysis, obligations: Sequence[Obligation]) -> list[KeyTerm]:
    """Exclusivity, non-compete and non-solicit commitments: the first tagged sentence of each, ``party`` the
    one bound, ``value`` how long it lasts when the sentence says."""
    bound: dict[int, str] = {}
    for o in obligations:
        if o.modality in ("obligation", "prohibition") and o.actor and o.start not in bound:
            bound[o.start] = o.actor
    out = []
    for kind, categories, cue in _RESTRICTIONS:
        for conf, c in ctx.tagged(*categories)[:3]:
            hit = next(((s, e) for s, e in ctx.sentences_in(c.start, c.end) if cue.search(ctx.text, s, e)), None)
            if hit is None:
                continue
            s, e = hit
            lasting = next((d for d in find_durations(ctx.text, s, e)), None)
            sent = ctx.sentence_bounds(s)
            out.append(key_term(ctx, kind, s, e, value=lasting.iso if lasting else None, confidence=conf,
                                party=bound.get(sent[0]), clause_id=c.id))
            break
    return out
