"""The playbook's results in every view: the "Playbook" section that opens the brief (Markdown, HTML, plain
text), the notes of the review copies (a Word comment or PDF highlight carrying the fallback language), and
the deviation from the preferred language word by word.

Failed positions come first (most severe first), then missing ones, then met and not applicable, so the
reader sees what to negotiate before what is fine. Every value from the contract is escaped by the caller's
escaping function (Markdown and HTML differ); nothing here prints.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..model import PositionResult, Report, WordDiff

__all__ = ["PlaybookNote", "STATUS_WORDS", "diff_html", "diff_markdown", "ordered_results", "playbook_html",
           "playbook_markdown", "playbook_notes", "playbook_text"]

#: How each status reads in a view.
STATUS_WORDS = {"met": "met", "not_met": "not met", "missing": "missing", "not_applicable": "n/a"}

#: The HTML view's styles for the playbook section (added to the page's stylesheet).
PLAYBOOK_CSS = (
    "#playbook td.st{white-space:nowrap;font-weight:600}#playbook tr.failed td.st{color:#c62828}"
    "#playbook tr.met td.st{color:#2e7d32}#playbook tr.na td{color:#777}#playbook .fallback{margin:.2em 0;"
    "color:#333}#playbook del{background:#fde7e7;text-decoration:line-through}#playbook ins{background:#e3f4e3;"
    "text-decoration:none}#playbook details{margin:.2em 0}"
)


def ordered_results(report: Report) -> list[PositionResult]:
    """Failed positions first (most severe first), then missing, met and not applicable; stable otherwise."""
    if report.playbook is None:
        return []
    rank = {"not_met": 0, "missing": 1, "met": 2, "not_applicable": 3}
    return sorted(report.playbook.results,
                  key=lambda r: (not r.failed, -r.severity.rank if r.failed else 0, rank[r.status]))


def _status(r: PositionResult) -> str:
    word = STATUS_WORDS[r.status]
    return f"{word} (fails)" if r.failed and r.status == "missing" else word


def _header_line(report: Report) -> str:
    pb = report.playbook
    assert pb is not None
    c = pb.counts()
    failed = len(pb.failed())
    who = next((p.name for p in report.parties if p.id == pb.party), None)
    side = f", read as {who}" if who else (f" ({pb.side})" if pb.side else "")
    return (f"{pb.name}{side}: {failed} failed of {len(pb.results)} positions "
            f"({c['met']} met, {c['not_met']} not met, {c['missing']} missing, {c['not_applicable']} not applicable)")


def diff_markdown(diff: list[WordDiff], escape_text: Callable[[str], str]) -> str:
    """The deviation as Markdown: preferred words the contract lacks struck through, its own words in bold."""
    parts = []
    for d in diff:
        if d.op == "equal":
            parts.append(escape_text(d.preferred))
        if d.op in ("delete", "replace") and d.preferred:
            parts.append(f"~~{escape_text(d.preferred)}~~")
        if d.op in ("insert", "replace") and d.contract:
            parts.append(f"**{escape_text(d.contract)}**")
    return " ".join(p for p in parts if p)


def diff_html(diff: list[WordDiff]) -> str:
    """The deviation as HTML: ``<del>`` for preferred words the contract lacks, ``<ins>`` for its own words."""
    parts = []
    for d in diff:
        if d.op == "equal":
            parts.append(escape(d.preferred))
        if d.op in ("delete", "replace") and d.preferred:
            parts.append(f"<del>{escape(d.preferred)}</del>")
        if d.op in ("insert", "replace") and d.contract:
            parts.append(f"<ins>{escape(d.contract)}</ins>")
    return " ".join(p for p in parts if p)


def playbook_markdown(report: Report, escape_text: Callable[..., str],
                      where: Callable[[str | None], str]) -> list[str]:
    """The "Playbook" section of the Markdown report: a table of positions, then each failed one with its
    fallback and the closest clause's deviation from the preferred language."""
    if report.playbook is None:
        return []
    results = ordered_results(report)
    lines = ["## Playbook", "", escape_text(_header_line(report)), ""]
    lines += [f"- **Warning:** {escape_text(w)}" for w in report.playbook.warnings]
    if report.playbook.warnings:
        lines.append("")
    lines += ["| Status | Severity | Position | Clause | Found |", "| --- | --- | --- | --- | --- |"]
    for r in results:
        clause = where(r.clause_id) or "-"
        lines.append(f"| {_status(r)} | {r.severity.value} | {escape_text(r.title)} | {escape_text(clause)} | "
                     f"{escape_text(r.message, 220)} |")
    lines.append("")
    for r in [r for r in results if r.failed]:
        lines += [f"### {escape_text(r.title)}", "", f"*{_status(r)} · {r.severity.value} · `{r.position_id}`*", ""]
        if r.why:
            lines += [escape_text(r.why), ""]
        if r.fallback:
            lines += [f"**Propose:** {escape_text(r.fallback)}", ""]
        if r.closest is not None and r.closest.diff:
            label = where(r.closest.clause_id) or "the closest clause"
            lines += [f"*Closest clause ({escape_text(label)}, similarity {r.closest.score:.0f}) against the preferred "
                      f"language* (struck: missing from the contract; bold: the contract's words):", "",
                      f"> {diff_markdown(r.closest.diff, escape_text)}", ""]
    return lines


def playbook_html(report: Report, where: Callable[[str | None], str],
                  anchor: Callable[[str | None], str | None]) -> str:
    """The "Playbook" section of the HTML page: ``table#playbook`` (a row per position, ``data-status``,
    ``data-position``), each failed row with the fallback and the word-by-word deviation under a details."""
    if report.playbook is None:
        return ""
    rows = []
    for r in ordered_results(report):
        cls = "failed" if r.failed else ("met" if r.status == "met" else ("na" if r.status == "not_applicable"
                                                                          else "missing"))
        target = anchor(r.clause_id)
        label = where(r.clause_id) or "-"
        cell = f'<a href="#{target}">{escape(label)}</a>' if target else escape(label)
        extra = ""
        if r.failed and r.fallback:
            extra += f'<div class="fallback"><b>Propose:</b> {escape(r.fallback)}</div>'
        if r.closest is not None and r.closest.diff and r.failed:
            extra += (f"<details><summary>Closest clause ({escape(where(r.closest.clause_id) or '-')}, similarity "
                      f"{r.closest.score:.0f}) against the preferred language</summary><p>"
                      f"{diff_html(r.closest.diff)}</p></details>")
        rows.append(f'<tr class="{cls}" data-status="{r.status}" data-position="{escape(r.position_id, quote=True)}" '
                    f'data-severity="{r.severity.value}"><td class="st">{escape(_status(r))}</td>'
                    f'<td><span class="sev sev-{r.severity.value}">{r.severity.value}</span></td>'
                    f'<td data-label="Position">{escape(r.title)}</td><td data-label="Clause">{cell}</td>'
                    f'<td data-label="Found">{escape(r.message)}{extra}</td></tr>')
    warn = "".join(f'<p class="muted">{escape(w)}</p>' for w in report.playbook.warnings)
    return (f'<section id="playbook-section"><h2>Playbook</h2><p>{escape(_header_line(report))}</p>{warn}'
            '<table id="playbook" class="cards"><thead><tr><th>Status</th><th>Severity</th><th>Position</th><th>Clause</th>'
            f'<th>Found</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def playbook_text(report: Report, width: int = 100) -> list[str]:
    """The "Playbook" section of the plain-text brief: one line per position, failed ones with the fallback."""
    if report.playbook is None:
        return []
    lines = ["Playbook", f"  {_header_line(report)}"]
    lines += [f"  warning: {w}" for w in report.playbook.warnings]
    cites = report.document.citations()
    for r in ordered_results(report):
        where = f" [{cites.get(r.clause_id, r.clause_id)}]" if r.clause_id else ""
        lines.append(f"  {_status(r):<17} {r.severity.value:<8} {_cut(r.title, width - 30)}{where}")
        if r.failed:
            lines.append(f"  {'':17} {_cut(r.message, width - 20)}")
            if r.fallback:  # the language to propose, in full: it is what the reader copies
                lines += textwrap.wrap(" ".join(r.fallback.split()), width=max(width - 20, 40),
                                       initial_indent=" " * 20 + "propose: ", subsequent_indent=" " * 29)
    return lines + [""]


def _cut(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)].rstrip() + "\u2026"


@dataclass(frozen=True)
class PlaybookNote:
    """A failed position as a review-copy note: where it sits in ``Document.text`` and what it says."""

    id: str
    start: int
    end: int
    clause_id: str | None
    text: str


def playbook_notes(report: Report) -> list[PlaybookNote]:
    """One note per failed position that has words to sit on (the deciding words, else the closest clause),
    carrying the fallback language; a missing term with no closest clause has nowhere to go and is left out."""
    if report.playbook is None:
        return []
    notes = []
    for r in ordered_results(report):
        if not r.failed:
            continue
        if r.start is not None and r.end is not None:
            start, end, clause_id = r.start, r.end, r.clause_id
        elif r.closest is not None:
            start, end, clause_id = r.closest.start, r.closest.end, r.closest.clause_id
        else:
            continue
        lines = [f"Playbook: {r.title} \u2014 {STATUS_WORDS[r.status]}", r.message]
        if r.fallback:
            lines.append(f"Propose: {r.fallback}")
        lines.append(f"{r.severity.value} \u00b7 playbook \u00b7 {r.position_id}")
        notes.append(PlaybookNote(f"playbook:{r.position_id}", start, end, clause_id, "\n".join(lines)))
    return notes
