"""Small helpers every view shares: ordering findings, naming clauses, rules and parties."""

from __future__ import annotations

from ..checks.titles import rule_title
from ..model import Clause, Finding, Report, Severity

__all__ = [
    "clause_label",
    "clause_lookup",
    "findings_in_order",
    "kind_label",
    "one_line",
    "pages_value",
    "party_counts",
    "party_doubts",
    "party_name",
    "party_names",
    "rule_title",
    "severity_counts",
    "split_hints",
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


def split_hints(findings: list[Finding], collapse_low: bool) -> tuple[list[Finding], dict[str, list[Finding]]]:
    """The findings a reader works through, and the low-severity hints grouped by rule (most frequent rule
    first), which the views collapse to a count per rule: forty "and/or" and "days" hints would otherwise bury
    the few findings that matter. ``collapse_low=False`` keeps every finding in the first list."""
    if not collapse_low:
        return findings, {}
    main = [f for f in findings if f.severity.rank > Severity.LOW.rank]
    hints: dict[str, list[Finding]] = {}
    for f in findings:
        if f.severity.rank <= Severity.LOW.rank:
            hints.setdefault(f.rule, []).append(f)
    order = sorted(hints, key=lambda r: (-len(hints[r]), rule_title(r), r))
    return main, {r: hints[r] for r in order}


def clause_lookup(report: Report) -> dict[str, Clause]:
    """Clause id -> clause, over the report's (tagged) clauses, falling back to the document's."""
    found = {c.id: c for c in report.document.clauses}
    found.update({c.id: c for c in report.clauses})
    return found


def clause_label(report: Report, clause_id: str | None, cites: dict[str, str] | None = None) -> str:
    """What a lawyer calls the clause: its full citation ("9.1(a)", "Signature page"), "" for None.
    ``cites`` is ``report.document.citations()`` when a view names many clauses."""
    if not clause_id:
        return ""
    found = (cites if cites is not None else report.document.citations()).get(clause_id)
    return found if found is not None else clause_id


#: What each kind of finding is, in words.
_KINDS = {"one_sided": "One-sided term", "ambiguity": "Drafting", "parse": "Parse health"}


def kind_label(kind: str) -> str:
    """A finding's kind in words ("one_sided" -> "One-sided term")."""
    return _KINDS.get(kind, kind.replace("_", " ").capitalize())


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


def pages_value(report: Report) -> str:
    """The page count for a "Pages" row: "12", "at least 3 (Word did not record its layout)", "unknown ..."."""
    doc = report.document
    if doc.pages_known:
        return str(len(doc.pages))
    why = "the file does not record its page layout"
    return f"at least {len(doc.pages)} ({why})" if len(doc.pages) > 1 else f"unknown ({why})"
