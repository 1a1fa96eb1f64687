"""Small helpers every view shares: ordering findings, naming clauses and parties."""

from __future__ import annotations

from ..model import Clause, Finding, Report, Severity

__all__ = [
    "party_doubts",
    "clause_label",
    "clause_lookup",
    "findings_in_order",
    "one_line",
    "party_counts",
    "party_name",
    "party_names",
    "severity_counts",
]


def one_line(text: str, limit: int = 0) -> str:
    """Collapse whitespace (tables need one line) and cut to ``limit`` characters when it is positive."""
    flat = " ".join(text.split())
    if limit and len(flat) > limit:
        return flat[: max(limit - 1, 0)].rstrip() + "\u2026"
    return flat


def findings_in_order(report: Report) -> list[Finding]:
    """Most severe first, then in document order: the order a reviewer works through them."""
    return sorted(report.findings, key=lambda f: (-f.severity.rank, f.start, f.end, f.rule))


def clause_lookup(report: Report) -> dict[str, Clause]:
    """Clause id -> clause, over the report's (tagged) clauses, falling back to the document's."""
    found = {c.id: c for c in report.document.clauses}
    found.update({c.id: c for c in report.clauses})
    return found


def clause_label(clause: Clause | None, clause_id: str | None = None) -> str:
    """What a reader calls the clause: its printed number, else its heading, else its id."""
    if clause is None:
        return clause_id or ""
    return clause.number or clause.heading or clause.id


def party_names(report: Report) -> list[str]:
    """Party names with their role when known ("Acme Inc. (Provider)")."""
    return [f"{p.name} ({p.role})" if p.role else p.name for p in report.parties if p.principal]


def party_doubts(report: Report) -> list[str]:
    """The parse-health messages about the parties (``parties_uncertain``), for the top of every view."""
    return [w.message for w in report.warnings if w.code == "parties_uncertain"]


def party_counts(report: Report, counts: dict[str, int]) -> str:
    """``{"party-1": 2}`` as "Northwind 2": party ids named for the reader, unknown ids kept as they are."""
    names = {p.id: p.name for p in report.parties}
    return ", ".join(f"{names.get(k, k)} {v}" for k, v in sorted(counts.items())) or "-"


def severity_counts(report: Report) -> str:
    """Findings per severity, most severe first ("high 10, medium 5, low 17")."""
    counts = report.summary.findings_by_severity
    order = sorted(counts, key=lambda k: -Severity(k).rank if k in _SEVERITIES else 0)
    return ", ".join(f"{k} {counts[k]}" for k in order if counts[k])


_SEVERITIES = {s.value for s in Severity}


def party_name(report: Report, party_id: str | None, default: str = "-") -> str:
    """The name of the party with this id (the id itself when unknown, ``default`` when None)."""
    if party_id is None:
        return default
    return next((p.name for p in report.parties if p.id == party_id), party_id)
