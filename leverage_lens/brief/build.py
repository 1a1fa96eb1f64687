"""Assemble the negotiation brief from what the pipeline already knows.

Everything here reads the analysed document (tagged clauses, parties, obligations, findings); nothing is
parsed or tagged again. The issues to raise are the findings a negotiator acts on (every one-sided finding of
low severity or worse, and any other finding of medium severity or worse), ordered against the reader first
when the report is read as a party, then by the commercial weight of the term (an uncapped one-way
indemnity before a one-way audit right, docs/ledger.md), then by severity, then in document order, each
with its suggested ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis import Analysis
from ..ledger import weight_of
from ..model import Brief, Finding, Issue, KeyTerm, Party, Severity
from .commercial import exclusivity, liability, payment_terms, termination_rights
from .dates import agreement_date, effective_date
from .renewal import renewal
from .signatories import signatories
from .term import initial_term, stated_start
from .law import forum, governing_law
from .terms import key_term

__all__ = ["build_brief", "issue_weight", "issues_to_raise"]


#: The weight of a finding that is not a one-sided term (a drafting defect), on the ledger's scale, by
#: severity: a words-and-digits mismatch in a price ranks beside a one-way cap, a vague "promptly" does not.
SEVERITY_WEIGHT = {Severity.CRITICAL: 5.0, Severity.HIGH: 3.0, Severity.MEDIUM: 1.5, Severity.LOW: 0.5,
                   Severity.INFO: 0.0}


def issue_weight(f: Finding) -> float:
    """How much a finding weighs in negotiation: a one-sided term its topic's commercial weight
    (docs/ledger.md), any other finding the weight of its severity."""
    return weight_of(f.category) if f.kind == "one_sided" else SEVERITY_WEIGHT[f.severity]


def issues_to_raise(findings: Sequence[Finding], reader: str | None = None) -> list[Issue]:
    """Findings worth negotiating, most pressing first (see the module docstring for the order)."""
    rank = {s: i for i, s in enumerate(Severity)}  # Severity.rank searches the enum on every call
    chosen = [f for f in findings if (f.kind == "one_sided" and rank[f.severity] >= rank[Severity.LOW])
              or rank[f.severity] >= rank[Severity.MEDIUM]]

    def key(f: Finding) -> tuple[int, float, int, int, int, str]:
        against = 0 if (reader is not None and f.against_reader) else 1
        return against, -issue_weight(f), -rank[f.severity], f.start, f.end, f.rule

    return [
        Issue(finding_id=f.id, rule=f.rule, severity=f.severity, family=f.family, clause_id=f.clause_id,
              start=f.start, end=f.end, message=f.message, ask=f.suggestion, favors=f.favors,
              against_reader=f.against_reader)
        for f in sorted(chosen, key=key)
    ]


def _party_terms(ctx: Analysis, parties: Sequence[Party]) -> list[KeyTerm]:
    out = []
    for p in parties:
        span = next((s for s in p.spans if s.label == "name"), p.spans[0] if p.spans else None)
        if span is None:
            continue
        out.append(key_term(ctx, "party", span.start, span.end, value=p.name, confidence=0.9, party=p.id,
                            detail=p.role))
    return out


def build_brief(analysis: Analysis, findings: Sequence[Finding]) -> Brief:
    """The :class:`~leverage_lens.model.Brief` of an analysed document and its findings (read as
    ``analysis.reader`` when the report is read as a party)."""
    ctx = analysis
    first_mention: dict[int, str] = {}
    for sent_mentions in analysis.enrichment.mentions:
        for start, _end, pid in sent_mentions:
            first_mention.setdefault(start, pid)
    agreed = agreement_date(ctx)
    effective = effective_date(ctx, agreed)
    term, expiry, arithmetic = initial_term(ctx, effective, agreed)
    begins = stated_start(arithmetic)
    if begins is not None and arithmetic is not None and (effective is None or not effective.value or
                                                          (effective.detail or "").startswith("assumed")):
        # no effective date stated, but the term clause says when the term begins ("shall commence on
        # January 1, 2008"): that is when the obligations start, not the day the agreement was signed
        effective = key_term(ctx, "effective_date", arithmetic.start, arithmetic.end, value=begins, confidence=0.7,
                             detail="the start of the term")
    return Brief(
        parties=_party_terms(ctx, analysis.parties),
        signatories=signatories(ctx, analysis.parties),
        agreement_date=agreed,
        effective_date=effective,
        initial_term=term,
        expiration_date=expiry,
        renewal=renewal(ctx, term, expiry, arithmetic),
        term=arithmetic,
        termination=termination_rights(ctx, analysis.obligations),
        payment_terms=payment_terms(ctx),
        liability=liability(ctx, first_mention),
        exclusivity=exclusivity(ctx, analysis.obligations),
        governing_law=governing_law(ctx),
        forum=forum(ctx),
        issues_to_raise=issues_to_raise(findings, analysis.reader),
    )
