"""pandas views of a Report: one row per clause, one row per finding, one row per key term.

pandas is an optional dependency (``pip install 'leverage-lens[pandas]'``), imported only when a frame is
asked for, so ``import leverage_lens`` stays light; without it the methods raise
:class:`~leverage_lens.errors.MissingExtraError` naming the pip command. Party ids are replaced by names, as in
every other view. Columns are listed in the ``*_COLUMNS`` constants so an empty report still has them.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..errors import MissingExtraError
from ..model import Report
from ._common import rule_title
from .brief_view import party_label

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CLAUSE_COLUMNS", "FINDING_COLUMNS", "KEY_TERM_COLUMNS", "PLAYBOOK_COLUMNS", "clauses_frame",
           "findings_frame", "key_terms_frame", "playbook_frame"]

CLAUSE_COLUMNS = ("id", "citation", "number", "heading", "level", "parent_id", "kind", "start", "end", "page_start",
                  "page_end", "families", "categories", "top_category", "top_confidence", "finding_count",
                  "max_severity", "text")
FINDING_COLUMNS = ("id", "kind", "rule", "title", "category", "family", "severity", "severity_rank", "clause_id",
                   "clause", "clause_number", "start", "end", "quote", "message", "suggestion", "favors", "burdened",
                   "against_reader")
KEY_TERM_COLUMNS = ("kind", "value", "party", "detail", "clause_id", "start", "end", "confidence", "text")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingExtraError("data frames need pandas, which is not installed: "
                                "pip install 'leverage-lens[pandas]'") from exc
    return pandas


def clauses_frame(report: Report) -> pd.DataFrame:
    """One row per clause (document order), with its tags, findings and the worst finding's severity."""
    pd = _pandas()
    count: Counter[str] = Counter()
    worst: dict[str, Any] = {}
    for f in report.findings:
        if f.clause_id:
            count[f.clause_id] += 1
            if f.clause_id not in worst or f.severity.rank > worst[f.clause_id].rank:
                worst[f.clause_id] = f.severity
    rows = []
    cites = report.document.citations()
    for c in report.clauses:
        top = max(c.tags, key=lambda t: t.confidence, default=None)
        rows.append({
            "id": c.id, "citation": cites[c.id], "number": c.number, "heading": c.heading, "level": c.level, "parent_id": c.parent_id,
            "kind": c.kind.value, "start": c.start, "end": c.end, "page_start": c.page_start,
            "page_end": c.page_end, "families": sorted({t.family for t in c.tags}),
            "categories": [t.category for t in c.tags], "top_category": top.category if top else None,
            "top_confidence": top.confidence if top else None, "finding_count": count.get(c.id, 0),
            "max_severity": worst[c.id].value if c.id in worst else None, "text": c.text,
        })
    return pd.DataFrame(rows, columns=list(CLAUSE_COLUMNS))


def findings_frame(report: Report) -> pd.DataFrame:
    """One row per finding, in the report's order; ``title`` names the rule, ``clause`` is the citation
    ("9.1(a)"), ``favors`` and ``burdened`` are party names."""
    pd = _pandas()
    numbers = {c.id: c.number for c in report.clauses}
    cites = report.document.citations()
    rows = [{
        "id": f.id, "kind": f.kind, "rule": f.rule, "title": rule_title(f.rule), "category": f.category,
        "family": f.family, "severity": f.severity.value, "severity_rank": f.severity.rank,
        "clause_id": f.clause_id, "clause": cites.get(f.clause_id or "", f.clause_id),
        "clause_number": numbers.get(f.clause_id or ""), "start": f.start, "end": f.end, "quote": f.quote,
        "message": f.message, "suggestion": f.suggestion, "favors": party_label(report, f.favors),
        "burdened": party_label(report, f.burdened), "against_reader": f.against_reader,
    } for f in report.findings]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def key_terms_frame(report: Report) -> pd.DataFrame:
    """One row per key term of the brief (empty when the report has no brief); ``party`` is a name."""
    pd = _pandas()
    brief = report.summary.brief
    rows = [{
        "kind": t.kind, "value": t.value, "party": party_label(report, t.party), "detail": t.detail,
        "clause_id": t.clause_id, "start": t.start, "end": t.end, "confidence": t.confidence, "text": t.text,
    } for t in (brief.terms() if brief else [])]
    return pd.DataFrame(rows, columns=list(KEY_TERM_COLUMNS))


#: Columns of :func:`playbook_frame`, in order (also for a report checked against no playbook).
PLAYBOOK_COLUMNS = ("position_id", "title", "topic", "severity", "status", "failed", "clause_id", "start", "end",
                    "message", "fallback", "closest_clause_id", "closest_score", "confidence")


def playbook_frame(report: Report) -> pd.DataFrame:
    """One row per playbook position (empty when the report was checked against no playbook)."""
    pd = _pandas()
    results = report.playbook.results if report.playbook is not None else []
    rows = [{
        "position_id": r.position_id, "title": r.title, "topic": r.topic, "severity": r.severity.value,
        "status": r.status, "failed": r.failed, "clause_id": r.clause_id, "start": r.start, "end": r.end,
        "message": r.message, "fallback": r.fallback, "closest_clause_id": r.closest.clause_id if r.closest else None,
        "closest_score": r.closest.score if r.closest else None, "confidence": r.confidence,
    } for r in results]
    return pd.DataFrame(rows, columns=list(PLAYBOOK_COLUMNS))
