"""``Report.to_markdown()``: the report as Markdown, for a pull request, a wiki, a ticket or an e-mail.

Two forms. ``short=True`` is what fits in a ticket or an e-mail: the header, the key terms and the issues to
raise with their asks, about forty lines. The full form adds the scorecard, a table of every finding and
each finding in detail with its quote and rule id.

Text from the contract (and every other field: a Report read back from JSON may hold anything) is escaped
only where Markdown would read it as markup, so it stays readable as plain text: ``master_services`` and
``[insert date]`` are left alone, while a ``|`` that would break a table, ``*`` and ``_`` that would start
emphasis, a ``]`` that would close a link, a backtick, and ``<`` or ``&`` that would start HTML are made
inert. Rules are named by their title; the id is shown as code in the details, when it is a plain id.
"""

from __future__ import annotations

import re

from ..model import Finding, Report
from ._common import (
    clause_label,
    findings_in_order,
    kind_label,
    one_line,
    party_counts,
    party_doubts,
    party_name,
    party_names,
    rule_title,
    severity_counts,
    split_hints,
)
from .brief_view import brief_rows, deadline_rows
from .playbook_view import STATUS_WORDS, ordered_results, playbook_markdown

__all__ = ["escape_md", "render_markdown"]

_ALWAYS = re.compile(r"([\\`*|~])")
#: "_" starts or ends emphasis only at a word's edge: snake_case and "____" blanks are left alone.
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9_])_(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])_(?![A-Za-z0-9_])")
#: A "]" followed by "(" "[" or ":" would close a link or reference: "[text](url)".
_LINK_CLOSE = re.compile(r"\](?=[(\[:])")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: At the start of a line: a list item, heading, quote or rule marker ("1. Term", "- ", "# ", "> ").
_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+#>=])")
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.\-]+")


def escape_md(text: str, limit: int = 0, *, line_start: bool = False) -> str:
    """One line of text made inert in Markdown (and in the HTML a renderer makes of it), escaping only what
    Markdown would read as markup. ``line_start``: the text begins a line (a quote), so a leading "1." or
    "-" is escaped too."""
    flat = one_line(text, limit)
    flat = _ALWAYS.sub(r"\\\1", flat)
    flat = _EMPHASIS_UNDERSCORE.sub(r"\\_", flat)
    flat = _LINK_CLOSE.sub(r"\\]", flat)
    flat = _HTML_START.sub("&lt;", _ENTITY.sub("&amp;", flat))
    if line_start:
        flat = _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", flat)
    return flat


def _code(text: str) -> str:
    """A rule id as inline code when it is a plain identifier (as every built-in one is), escaped text
    otherwise: a code span cannot escape a backtick or a table's "|"."""
    return f"`{text}`" if _PLAIN_ID.fullmatch(text) else escape_md(text)


def _where(report: Report, clause_id: str | None, cites: dict[str, str]) -> str:
    where = clause_label(report, clause_id, cites)
    return f" \u00b7 {escape_md(where)}" if where else ""


def _header(report: Report) -> list[str]:
    doc = report.document
    lines = [f"# {escape_md(doc.name or 'Contract review')}", ""]
    lines.append(f"- **Format:** {escape_md(doc.format.upper())}, {doc.pages_label()}, "
                 f"{len(doc.clauses)} clauses")
    names = party_names(report)
    lines.append(f"- **Parties:** {'; '.join(escape_md(n) for n in names) if names else 'not identified'}")
    for w in party_doubts(report):
        lines.append(f"- **Warning:** {escape_md(w)}")
    if report.summary.perspective:
        lines.append(f"- **Read as:** {escape_md(party_name(report, report.summary.perspective))}")
    by_severity = severity_counts(report)
    lines.append(f"- **Findings:** {len(report.findings)}" + (f" ({escape_md(by_severity)})" if by_severity else ""))
    lines.append("")
    return lines


def _issues(report: Report, cites: dict[str, str], limit: int) -> list[str]:
    brief = report.summary.brief
    if brief is None or not brief.issues_to_raise:
        return []
    lines = ["### Issues to raise", ""]
    for i, issue in enumerate(brief.issues_to_raise[:limit], 1):
        against = " · against you" if issue.against_reader else ""
        lines.append(f"{i}. **{escape_md(issue.severity.value)}**{against} · {escape_md(issue.message)}"
                     + _where(report, issue.clause_id, cites))
        if issue.ask:
            lines.append(f"   - *Ask:* {escape_md(issue.ask)}")
    more = len(brief.issues_to_raise) - limit
    if more > 0:
        lines.append(f"\n{more} more in the full report.")
    lines.append("")
    return lines


def _brief(report: Report, cites: dict[str, str], *, short: bool, issue_limit: int = 15) -> list[str]:
    """The negotiation brief: key terms with their clause (a list in the short form, a table in the full),
    then the issues to raise with their asks."""
    if report.summary.brief is None:  # a report made by hand: no brief, and no deadlines section either
        return []
    rows = brief_rows(report)
    issues = _issues(report, cites, 10 if short else issue_limit)
    deadlines = _deadlines(report, cites, short=short)
    if not rows and not issues and not deadlines:
        return []
    lines = ["## Negotiation brief", ""]
    if rows and short:
        lines += [f"- **{escape_md(row.label)}:** {escape_md(row.value, 200)}"
                  + (_where(report, row.term.clause_id, cites) if row.term is not None else "") for row in rows]
        lines.append("")
    elif rows:
        lines += ["| Term | Value | Clause |", "| --- | --- | --- |"]
        for row in rows:
            where = clause_label(report, row.term.clause_id, cites) if row.term is not None else ""
            lines.append(f"| {escape_md(row.label)} | {escape_md(row.value, 200)} | {escape_md(where) or '-'} |")
        lines.append("")
    return lines + deadlines + issues


def _deadlines(report: Report, cites: dict[str, str], *, short: bool) -> list[str]:
    """The dates to act by (renewals, notice windows), soonest first: a list in the short form, a table in
    the full one."""
    drows = deadline_rows(report)
    if not drows:
        return []
    as_of = next((d.as_of for d in report.deadlines if d.as_of), None)
    lines = ["### Deadlines" + (f" (as of {as_of})" if as_of else ""), ""]
    if short:
        for r in drows:
            lines.append(f"- **{escape_md(r.when)}:** {escape_md(r.what, 160)} ({escape_md(r.who)})"
                         + _where(report, r.deadline.clause_id, cites))
    else:
        lines += ["| When | What | Who must act | How | Clause |", "| --- | --- | --- | --- | --- |"]
        for r in drows:
            where = clause_label(report, r.deadline.clause_id, cites)
            lines.append(f"| {escape_md(r.when)} | {escape_md(r.what, 160)} | {escape_md(r.who)} | "
                         f"{escape_md(r.how, 300) or '-'} | {escape_md(where) or '-'} |")
    return [*lines, ""]


def _playbook(report: Report, cites: dict[str, str], *, short: bool) -> list[str]:
    """The playbook check: in full (every position, each failed one with its fallback and deviation), or in
    the short form the failed positions only, one line each with the language to propose."""
    if report.playbook is None:
        return []
    if not short:
        return playbook_markdown(report, escape_md, lambda cid: clause_label(report, cid, cites))
    failed = [r for r in ordered_results(report) if r.failed]
    lines = [f"### Playbook: {escape_md(report.playbook.name)}", ""]
    if not failed:
        return [*lines, f"All {len(report.playbook.results)} positions met or not applicable.", ""]
    for r in failed:
        propose = f" · *Propose:* {escape_md(r.fallback)}" if r.fallback else ""
        lines.append(f"- **{escape_md(r.title)}** ({STATUS_WORDS[r.status]}, {r.severity.value})"
                     + _where(report, r.clause_id, cites) + propose)
    return [*lines, ""]


def _scorecard(report: Report) -> list[str]:
    if not report.summary.scorecard:
        return []
    lines = ["## Leverage scorecard", "", "| Family | Rights | One-sided for | Leader | Reader |",
             "| --- | --- | --- | --- | --- |"]
    for family, score in sorted(report.summary.scorecard.items()):
        rights = party_counts(report, score.rights)
        favored = party_counts(report, score.favored)
        lines.append(
            f"| {escape_md(family)} | {escape_md(rights)} | {escape_md(favored)} | "
            f"{escape_md(party_name(report, score.leader, 'balanced'))} | {escape_md(score.reader_position or '-')} |"
        )
    return [*lines, ""]


def _hints(report: Report, hints: dict[str, list[Finding]], cites: dict[str, str], quote_limit: int) -> list[str]:
    """Low-severity hints collapsed by check: a count per rule, then each rule's hints in a ``<details>`` block
    (GitHub, GitLab and most Markdown renderers fold it; plain text still reads as a list)."""
    if not hints:
        return []
    total = sum(len(fs) for fs in hints.values())
    lines = ["## Low-severity hints", "",
             f"{total} low-severity {'hint' if total == 1 else 'hints'}, folded by check (open one to read them).", "",
             "| Check | Hints |", "| --- | --- |"]
    lines += [f"| {escape_md(rule_title(rule_id))} | {len(fs)} |" for rule_id, fs in hints.items()]
    lines.append("")
    for rule_id, fs in hints.items():
        lines += ["<details>", f"<summary>{escape_md(rule_title(rule_id))} ({len(fs)})</summary>", ""]
        for f in fs:
            clause = clause_label(report, f.clause_id, cites)
            where = f"**{escape_md(clause)}** \u00b7 " if clause else ""
            lines.append(f"- {where}{escape_md(f.message)} \u00b7 \u201c{escape_md(f.quote, quote_limit)}\u201d "
                         f"\u00b7 rule {_code(f.rule)} \u00b7 characters {f.start}\u2013{f.end}")
        lines += ["", "</details>", ""]
    return lines


def render_markdown(report: Report, *, quote_limit: int = 160, short: bool = False, collapse_low: bool = True) -> str:
    """The report as Markdown. ``short``: header, key terms and issues to raise only (for a ticket or an
    e-mail); otherwise also the scorecard, the findings table and each finding in detail. ``collapse_low``:
    low-severity hints leave the table and are listed at the end, folded by check with a count per check."""
    cites = report.document.citations()
    lines = _header(report) + _playbook(report, cites, short=short) + _brief(report, cites, short=short)
    if short:
        if not report.summary.brief or not report.summary.brief.issues_to_raise:
            lines += ["No issues to raise." if report.findings else "No findings.", ""]
        return "\n".join(lines)
    lines += _scorecard(report)
    lines += ["## Findings", ""]
    ordered, hints = split_hints(findings_in_order(report), collapse_low)
    if not ordered:
        lines += ["No findings above low severity." if hints else "No findings.", ""]
        return "\n".join(lines + _hints(report, hints, cites, quote_limit))
    lines += ["| # | Severity | Kind | Check | Clause | Finding | Suggestion |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for i, f in enumerate(ordered, 1):
        clause = clause_label(report, f.clause_id, cites)
        lines.append(
            f"| {i} | {escape_md(f.severity.value)} | {escape_md(kind_label(f.kind))} | {escape_md(rule_title(f.rule))} "
            f"| {escape_md(clause) or '-'} | {escape_md(f.message)} | {escape_md(f.suggestion or '-')} |"
        )
    lines += ["", "## Details", ""]
    for i, f in enumerate(ordered, 1):
        clause = clause_label(report, f.clause_id, cites)
        where = f"{escape_md(clause)} · " if clause else ""
        lines.append(f"### {i}. {escape_md(rule_title(f.rule))}")
        lines.append("")
        lines.append(f"*{escape_md(f.severity.value)} · {where}rule {_code(f.rule)} · characters {f.start}\u2013{f.end}*")
        lines.append("")
        lines.append(escape_md(f.message))
        lines.append("")
        lines.append(f"> {escape_md(f.quote, quote_limit, line_start=True)}")
        lines.append("")
        if f.suggestion:
            lines += [f"**Suggestion:** {escape_md(f.suggestion)}", ""]
    return "\n".join(lines + _hints(report, hints, cites, quote_limit))
