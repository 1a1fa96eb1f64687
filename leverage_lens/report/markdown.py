"""``Report.to_markdown()``: the report as a Markdown page, for a pull request, a wiki or an e-mail.

Text taken from the contract is escaped twice over: HTML's ``& < >`` become entities (Markdown renderers pass
raw HTML through, so a contract containing ``<script>`` must not become markup) and Markdown's table and
emphasis characters are backslash-escaped, so a quote cannot break the table it sits in. Every other string
field is escaped the same way (a Report read back from JSON may hold anything in any field); a rule id is
shown as code only when it is a plain identifier.
"""

from __future__ import annotations

import re

from ..model import Clause, Report
from ._common import (
    party_doubts,
    clause_label,
    clause_lookup,
    findings_in_order,
    one_line,
    party_counts,
    party_name,
    party_names,
    severity_counts,
)
from .brief_view import brief_rows, deadline_rows
from .playbook_view import playbook_markdown

__all__ = ["escape_md", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.\-]+")


def escape_md(text: str, limit: int = 0) -> str:
    """One line of contract text made inert in Markdown (and in the HTML a renderer makes of it)."""
    flat = one_line(text, limit)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def _code(text: str) -> str:
    """A rule id as inline code when it is a plain identifier (as every built-in one is), escaped text
    otherwise: a code span cannot escape a backtick or a table's "|"."""
    return f"`{text}`" if _PLAIN_ID.fullmatch(text) else escape_md(text)


def _brief(report: Report, clauses: dict[str, Clause], issue_limit: int = 15) -> list[str]:
    """The negotiation brief: key terms with their clause, then the issues to raise with their asks."""
    rows = brief_rows(report)
    brief = report.summary.brief
    if brief is None or (not rows and not report.deadlines and not brief.issues_to_raise):
        return []
    lines = ["## Negotiation brief", ""]
    if rows:
        lines += ["| Term | Value | Clause |", "| --- | --- | --- |"]
        for row in rows:
            t = row.term
            where = clause_label(clauses.get(t.clause_id or ""), t.clause_id) if t is not None else ""
            lines.append(f"| {escape_md(row.label)} | {escape_md(row.value, 200)} | {escape_md(where) or '-'} |")
        lines.append("")
    drows = deadline_rows(report)
    if drows:
        as_of = next((d.as_of for d in report.deadlines if d.as_of), None)
        lines += [f"### Deadlines" + (f" (as of {as_of})" if as_of else ""), "",
                  "| When | What | Who must act | How | Clause |", "| --- | --- | --- | --- | --- |"]
        for r in drows:
            where = clause_label(clauses.get(r.deadline.clause_id or ""), r.deadline.clause_id)
            lines.append(f"| {escape_md(r.when)} | {escape_md(r.what, 160)} | {escape_md(r.who)} | "
                         f"{escape_md(r.how, 300) or '-'} | {escape_md(where) or '-'} |")
        lines.append("")
    if brief is not None and brief.issues_to_raise:
        lines += ["### Issues to raise", ""]
        for i, issue in enumerate(brief.issues_to_raise[:issue_limit], 1):
            where = clause_label(clauses.get(issue.clause_id or ""), issue.clause_id)
            against = " · against you" if issue.against_reader else ""
            lines.append(f"{i}. **{escape_md(issue.severity.value)}**{against} · {escape_md(issue.message)}"
                         + (f" (clause {escape_md(where)})" if where else ""))
            if issue.ask:
                lines.append(f"   - *Ask:* {escape_md(issue.ask)}")
        more = len(brief.issues_to_raise) - issue_limit
        if more > 0:
            lines.append(f"\n{more} more in the findings below.")
        lines.append("")
    return lines


def render_markdown(report: Report, *, quote_limit: int = 160) -> str:
    """The report as Markdown: header, counts, leverage scorecard, findings table and each finding in full."""
    doc = report.document
    clauses = clause_lookup(report)
    lines = [f"# {escape_md(doc.name or 'Contract review')}", ""]
    pages = len(doc.pages)
    lines.append(
        f"- **Format:** {escape_md(doc.format.upper())}, {pages} page{'s' if pages != 1 else ''}, "
        f"{len(doc.clauses)} clauses"
    )
    names = party_names(report)
    lines.append(f"- **Parties:** {'; '.join(escape_md(n) for n in names) if names else 'not identified'}")
    for w in party_doubts(report):
        lines.append(f"- **Warning:** {escape_md(w)}")
    if report.summary.perspective:
        lines.append(f"- **Read as:** {escape_md(party_name(report, report.summary.perspective))}")
    by_severity = severity_counts(report)
    lines.append(f"- **Findings:** {len(report.findings)}" + (f" ({escape_md(by_severity)})" if by_severity else ""))
    lines.append("")
    lines += playbook_markdown(report, escape_md, lambda cid: clause_label(clauses.get(cid or ""), cid))
    lines += _brief(report, clauses)

    if report.summary.scorecard:
        lines += ["## Leverage scorecard", "", "| Family | Rights | One-sided for | Leader | Reader |",
                  "| --- | --- | --- | --- | --- |"]
        for family, score in sorted(report.summary.scorecard.items()):
            rights = party_counts(report, score.rights)
            favored = party_counts(report, score.favored)
            lines.append(
                f"| {escape_md(family)} | {escape_md(rights)} | {escape_md(favored)} | "
                f"{escape_md(party_name(report, score.leader, 'balanced'))} | {escape_md(score.reader_position or '-')} |"
            )
        lines.append("")

    lines += ["## Findings", ""]
    ordered = findings_in_order(report)
    if not ordered:
        lines += ["No findings.", ""]
        return "\n".join(lines)
    lines += ["| # | Severity | Kind | Rule | Clause | Message | Suggestion |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for i, f in enumerate(ordered, 1):
        clause = clause_label(clauses.get(f.clause_id or ""), f.clause_id)
        lines.append(
            f"| {i} | {escape_md(f.severity.value)} | {escape_md(f.kind)} | {_code(f.rule)} | {escape_md(clause) or '-'} | "
            f"{escape_md(f.message)} | {escape_md(f.suggestion or '-')} |"
        )
    lines += ["", "## Details", ""]
    for i, f in enumerate(ordered, 1):
        clause = clause_label(clauses.get(f.clause_id or ""), f.clause_id)
        where = f"clause {escape_md(clause)}, " if clause else ""
        lines.append(f"### {i}. {escape_md(f.message, 120)}")
        lines.append("")
        lines.append(f"*{escape_md(f.severity.value)} · {escape_md(f.kind)} · {_code(f.rule)} · {where}characters "
                     f"{f.start}\u2013{f.end}*")
        lines.append("")
        lines.append(f"> {escape_md(f.quote, quote_limit)}")
        lines.append("")
        if f.suggestion:
            lines += [f"**Suggestion:** {escape_md(f.suggestion)}", ""]
    return "\n".join(lines)
