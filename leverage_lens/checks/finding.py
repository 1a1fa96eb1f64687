"""Building :class:`~leverage_lens.model.Finding` objects with stable fingerprints.

A finding's ``id`` is a fingerprint of the rule id, the clause number (or id) and the whitespace-collapsed,
lower-cased quote. It survives re-parsing, reformatting and edits elsewhere in the document, so a
suppression (baseline) file keyed by fingerprint keeps working across versions of a contract.
"""

from __future__ import annotations

import hashlib

from ..model import Clause, Finding, Severity, Span

__all__ = ["fingerprint", "make_finding"]


def fingerprint(rule_id: str, clause_key: str | None, quote: str) -> str:
    """16 hex digits identifying a finding independent of offsets."""
    norm = " ".join(quote.lower().split())
    raw = f"{rule_id}\x1f{clause_key or ''}\x1f{norm}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(raw).hexdigest()[:16]


def make_finding(
    *,
    rule_id: str,
    kind: str,
    severity: Severity,
    text: str,
    start: int,
    end: int,
    message: str,
    clause: Clause | None = None,
    category: str | None = None,
    family: str | None = None,
    favors: str | None = None,
    suggestion: str | None = None,
    evidence: list[Span] | None = None,
) -> Finding:
    """A Finding quoting ``text[start:end]``, fingerprinted by rule, clause number and quote."""
    quote = text[start:end]
    key = (clause.number or clause.id) if clause is not None else None
    return Finding(
        id=fingerprint(rule_id, key, quote),
        kind=kind,  # type: ignore[arg-type]
        rule=rule_id,
        category=category,
        family=family,
        severity=severity,
        clause_id=clause.id if clause is not None else None,
        start=start,
        end=end,
        quote=quote,
        message=message,
        favors=favors,
        suggestion=suggestion,
        evidence=evidence or [],
    )
