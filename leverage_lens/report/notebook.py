"""``_repr_html_`` for Jupyter: short, escaped summaries, so a model shown in a cell reads at a glance.

Kept deliberately small (a notebook shows them inline); the full page is ``Report.to_html()``.
"""

from __future__ import annotations

from html import escape

from ..model import Clause, Document, Finding, Report
from ._common import findings_in_order, one_line, party_names, rule_title

__all__ = ["clause_repr_html", "document_repr_html", "finding_repr_html", "report_repr_html"]

_STYLE = "font-family:system-ui,sans-serif;line-height:1.4"
_COLORS = {"critical": "#7a0016", "high": "#c62828", "medium": "#e08a00", "low": "#3b7dd8", "info": "#777"}


def _badge(severity: str) -> str:
    color = _COLORS.get(severity, "#777")
    return (f'<span style="background:{color};color:#fff;border-radius:3px;padding:0 .4em;'
            f'font-size:.85em">{escape(severity)}</span>')


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _label(cite: str, clause: Clause) -> str:
    """Citation and heading ("9.1 Fees"), without saying the heading twice when it is the citation."""
    if clause.heading and one_line(clause.heading) != cite:
        return f"{cite} {clause.heading}"
    return cite


def document_repr_html(doc: Document, *, limit: int = 12) -> str:
    """Name, format, pages, clause count and the first top-level clauses."""
    top = [c for c in doc.clauses if c.level == 0][:limit]
    cites = doc.citations()
    items = "".join(f"<li>{escape(one_line(_label(cites[c.id], c), 80))}</li>" for c in top)
    more = len([c for c in doc.clauses if c.level == 0]) - len(top)
    tail = f"<li>\u2026 {more} more</li>" if more > 0 else ""
    return (
        f'<div style="{_STYLE}"><b>Document</b> {escape(doc.name or "(unnamed)")} \u2014 '
        f"{escape(doc.format.upper())}, {escape(doc.pages_label())}, {_plural(len(doc.clauses), 'clause')}"
        f"<ul>{items}{tail}</ul></div>"
    )


def clause_repr_html(clause: Clause, *, limit: int = 300) -> str:
    """Number, heading, kind, pages, tags and the start of the text (a clause alone does not know its
    parents: ``Document.citation(clause)`` gives its full citation)."""
    label = " ".join(x for x in (clause.number, clause.heading) if x) or clause.id
    tags = ", ".join(f"{t.category} ({t.confidence:.2f})" for t in clause.tags)
    return (
        f'<div style="{_STYLE}"><b>Clause {escape(label)}</b> <i>{escape(clause.kind.value)}, '
        f"p. {clause.page_start}{'' if clause.page_end == clause.page_start else f'-{clause.page_end}'}, "
        f"[{clause.start}:{clause.end}]</i>"
        + (f"<br>tags: {escape(tags)}" if tags else "")
        + f"<blockquote>{escape(one_line(clause.text, limit))}</blockquote></div>"
    )


def _rule(rule_id: str) -> str:
    return f'<span title="rule {escape(rule_id, quote=True)}">{escape(rule_title(rule_id))}</span>'


def finding_repr_html(finding: Finding, *, limit: int = 200) -> str:
    """Severity, rule title, message, the quoted text and the suggestion."""
    where = f" in {escape(finding.clause_id)}" if finding.clause_id else ""
    return (
        f'<div style="{_STYLE}">{_badge(finding.severity.value)} <b>{_rule(finding.rule)}</b>{where}'
        f"<br>{escape(finding.message)}<blockquote>{escape(one_line(finding.quote, limit))}</blockquote>"
        + (f"<i>Suggestion:</i> {escape(finding.suggestion)}" if finding.suggestion else "")
        + "</div>"
    )


def report_repr_html(report: Report, *, limit: int = 10) -> str:
    """Header counts and the most severe findings; ``to_html()`` has the rest."""
    doc = report.document
    cites = doc.citations()
    parties = "; ".join(party_names(report)) or "parties not identified"
    rows = "".join(
        f"<tr><td>{_badge(f.severity.value)}</td><td>{_rule(f.rule)}</td>"
        f"<td>{escape(cites.get(f.clause_id or '', f.clause_id or '-'))}</td>"
        f"<td>{escape(one_line(f.message, 120))}</td></tr>"
        for f in findings_in_order(report)[:limit]
    )
    more = len(report.findings) - limit
    tail = f"<p>\u2026 {more} more (see <code>to_html()</code>)</p>" if more > 0 else ""
    table = f"<table>{rows}</table>" if rows else "<p>No findings.</p>"
    pb = report.playbook
    if pb is not None:  # the playbook's verdict first: what fails the team's own positions
        failed = pb.failed()
        items = "".join(f"<li>{_badge(r.severity.value)} {escape(r.title)}</li>" for r in failed[:limit])
        table = (f"<p><b>Playbook</b> {escape(pb.name)}: {len(failed)} of {len(pb.results)} positions failed"
                 f"</p><ul>{items}</ul>") + table
    return (
        f'<div style="{_STYLE}"><b>Report</b> {escape(doc.name or "(unnamed)")} \u2014 '
        f"{escape(doc.format.upper())}, {escape(doc.pages_label())}, "
        f"{_plural(len(report.clauses), 'clause')}, {_plural(len(report.findings), 'finding')}"
        f"<br>{escape(parties)}{table}{tail}</div>"
    )
