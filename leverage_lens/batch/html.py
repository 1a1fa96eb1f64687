"""The HTML index of a scanned folder, and one plain page per analysed file that the index links to.

The pages are self-contained (inline CSS, no scripts, nothing fetched), so the folder of pages can be zipped
and sent to a client. Every value from a contract is escaped.
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path

from ..checks.titles import rule_title
from ..model import Report
from .digest import FOLDER_FLAGS
from .norm import FolderNorm
from .summary import FolderSummary

__all__ = ["page_name", "render_index", "render_report_page"]

_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}
.error,.timeout,.crashed{color:#a00}.muted{color:#777}code{font-size:90%}"""


def page_name(index: int, path: str) -> str:
    """A safe, unique file name for a file's page: its position and a slug of its name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(path).name)[:80]
    return f"{index:05d}-{stem}.html"


def _doc(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


def _counts(d: dict[str, int]) -> str:
    return ", ".join(f"{escape(k)} {v}" for k, v in sorted(d.items())) or '<span class="muted">-</span>'


def render_index(summary: FolderSummary, links: dict[str, str], norm: FolderNorm | None, title: str,
                 upcoming: str = "") -> str:
    """The index page: status counts, the coming deadlines (``upcoming``, an HTML section), folder questions,
    the file table (linked), failures, the norm."""
    parts = [f"<h1>{escape(title)}</h1>"]
    parts.append(
        f"<p>{len(summary.rows)} files under <code>{escape(summary.root)}</code>: {_counts(summary.statuses)}; "
        f"{summary.pages} pages.</p>"
    )
    if upcoming:
        parts.append(upcoming)
    parts.append(
        "<h2>Across the folder</h2><table><tr><th>question</th><th>yes</th><th>no</th><th>files</th></tr>"
    )
    for flag in FOLDER_FLAGS:
        yes, no = summary.with_flag[flag.id], summary.without_flag[flag.id]
        listed = no if flag.alarm_when_absent else yes
        label = f"lacks {flag.label}" if flag.alarm_when_absent else flag.label
        names = ", ".join(escape(n) for n in listed[:50]) + (" ..." if len(listed) > 50 else "")
        parts.append(
            f"<tr><td>{escape(label)}</td><td>{len(yes)}</td><td>{len(no)}</td><td>{names}</td></tr>"
        )
    parts.append("</table>")
    parts.append(
        "<h2>Files</h2><table><tr><th>file</th><th>status</th><th>pages</th><th>clauses</th><th>findings</th>"
        "<th>tags by family</th><th>findings by severity</th><th>departs from norm</th></tr>"
    )
    for row in summary.rows:
        name = escape(row["file"])
        link = links.get(row["file"])
        cell = f'<a href="{escape(link)}">{name}</a>' if link else name
        tags = {k[5:]: v for k, v in row.items() if k.startswith("tags_") and v}
        sev = {
            k[9:]: v
            for k, v in row.items()
            if k.startswith("findings_") and not k.startswith("findings_family") and v
        }
        detail = escape(row.get("message", "")) if row["status"] != "ok" else ""
        parts.append(
            f'<tr><td>{cell}</td><td class="{row["status"]}">{row["status"]} {detail}</td>'
            f"<td>{row.get('pages', '')}</td><td>{row.get('clauses', '')}</td><td>{row.get('findings', '')}</td>"
            f"<td>{_counts(tags)}</td><td>{_counts(sev)}</td><td>{escape(row.get('norm_departures', ''))}</td></tr>"
        )
    parts.append("</table>")
    if norm is not None:
        parts.append("<h2>Folder norm</h2>")
        if not norm.categories:
            parts.append('<p class="muted">No category has a dominant wording across enough contracts.</p>')
        for cat in norm.categories:
            parts.append(
                f"<h3>{escape(cat.category)}</h3><p>{cat.norm_files} of {cat.files} contracts share the usual "
                f"wording, e.g. <code>{escape(os.path.basename(cat.exemplar_path))}</code>: "
                f"<q>{escape(cat.exemplar_text[:300])}</q></p><ul>"
            )
            for d in (x for x in norm.departures if x.category == cat.category):
                parts.append(
                    f"<li><code>{escape(os.path.basename(d.path))}</code> (similarity {d.similarity:.0f}): "
                    f"<q>{escape(d.quote)}</q></li>"
                )
            parts.append("</ul>")
    return _doc(title, "\n".join(parts))


def render_report_page(path: str, report: Report) -> str:
    """A plain page for one contract: counts, findings, and the clause outline with its tags."""
    parts = [f"<h1>{escape(os.path.basename(path))}</h1><p><code>{escape(path)}</code></p>"]
    s = report.summary
    parts.append(f"<p>{escape(report.document.pages_label())}, {s.clause_count} clauses, "
                 f"{len(report.findings)} findings.</p>")
    if report.parties:
        parts.append("<p>Parties: " + "; ".join(escape(p.name) for p in report.parties) + "</p>")
    if report.findings:
        parts.append(
            "<h2>Findings</h2><table><tr><th>severity</th><th>rule</th><th>clause</th><th>message</th>"
            "<th>quote</th></tr>"
        )
        cites = report.document.citations()
        for f in sorted(report.findings, key=lambda f: -f.severity.rank):
            parts.append(
                f"<tr><td>{f.severity.value}</td><td title=\"rule {escape(f.rule)}\">{escape(rule_title(f.rule))}</td>"
                f"<td>{escape(cites.get(f.clause_id or '', f.clause_id or ''))}</td>"
                f"<td>{escape(f.message)}</td><td>{escape(f.quote[:300])}</td></tr>"
            )
        parts.append("</table>")
    parts.append("<h2>Clauses</h2><table><tr><th>clause</th><th>pages</th><th>tags</th></tr>")
    for c in report.clauses:
        label = " ".join(x for x in (c.number, c.heading) if x) or " ".join(c.text.split()[:10])
        tags = ", ".join(escape(t.category) for t in c.tags)
        parts.append(
            f'<tr><td style="padding-left:{6 + 16 * c.level}px">{escape(label[:120])}</td>'
            f"<td>{c.page_start}-{c.page_end}</td><td>{tags}</td></tr>"
        )
    parts.append("</table>")
    return _doc(os.path.basename(path), "\n".join(parts))
