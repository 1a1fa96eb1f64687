"""A :class:`~leverage_lens.compare.Comparison` as one self-contained HTML redline.

Leverage changes come first (heaviest for the reader on top), each linking to its clause in the redline below;
then key terms, findings, defined terms and broken references; then every clause in new-document order, side
by side (old | new) or inline (deletions struck through, insertions underlined, in the new text's flow), with
both numbers. No scripts, fonts, images or styles are fetched: everything is in the page, and all contract
text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Literal

from ..report._common import one_line
from .leverage import readable_value
from .model import ClauseChange, Comparison, TextEdit
from .view_markdown import party_label

__all__ = ["change_anchor", "comparison_repr_html", "render_comparison_html"]

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1400px;padding:1em 2em;
color:#1d2330}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ddd;padding:4px 8px;
vertical-align:top;text-align:left}th{background:#f3f4f7}
tr.against td{background:#fff1f0}tr.for td{background:#f0fff3}
del{background:#ffd7d5;color:#7d1d16;text-decoration:line-through}ins{background:#d3f6dc;color:#0b5a24;
text-decoration:underline}
.clause{border:1px solid #e3e5ea;border-radius:6px;margin:.6em 0;padding:.4em .8em}
.clause.unchanged{color:#666;border-style:dashed}
.clause .head{font-weight:600;font-size:.9em;margin-bottom:.3em}
.status{display:inline-block;border-radius:4px;padding:0 6px;margin-right:.5em;font-size:.85em;background:#e8eaf0}
.status.added{background:#d3f6dc}.status.deleted{background:#ffd7d5}.status.moved{background:#fff0c2}
.status.changed{background:#dde8ff}.status.split,.status.merged{background:#f1dcff}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1em}.cols>div{white-space:pre-wrap;overflow-wrap:anywhere}
.inline{white-space:pre-wrap;overflow-wrap:anywhere}
.muted{color:#777}
"""


def change_anchor(index: int) -> str:
    return f"ch-{index}"


def _locate(comp: Comparison) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    new_spans = [(r.start, r.end, i) for i, c in enumerate(comp.clauses) for r in c.new]
    old_spans = [(r.start, r.end, i) for i, c in enumerate(comp.clauses) for r in c.old]
    return new_spans, old_spans


def _find(spans: list[tuple[int, int, int]], offset: int | None) -> int | None:
    if offset is None:
        return None
    for s, e, i in spans:
        if s <= offset < e:
            return i
    return None


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]], tag: str) -> str:
    """``text[start:end]`` escaped, with each span wrapped in ``<tag>``."""
    out, cur = [], start
    for s, e in sorted(spans):
        s, e = max(s, cur), min(e, end)
        if e <= s:
            continue
        out.append(escape(text[cur:s]))
        out.append(f"<{tag}>{escape(text[s:e])}</{tag}>")
        cur = e
    out.append(escape(text[cur:end]))
    return "".join(out)


def _inline(comp: Comparison, c: ClauseChange) -> str:
    """The new text with each edit shown in place: <del>old words</del><ins>new words</ins>."""
    start, end = c.new[0].start, c.new[-1].end
    out, cur = [], start
    for e in sorted(c.edits, key=lambda e: (e.new_start, e.old_start)):
        at = max(e.new_start, cur)
        out.append(escape(comp.new_text[cur:at]))
        if e.old_text:
            out.append(f"<del>{escape(e.old_text)}</del>")
        if e.new_end > at:
            out.append(f"<ins>{escape(comp.new_text[at:e.new_end])}</ins>")
        cur = max(cur, e.new_end)
    out.append(escape(comp.new_text[cur:end]))
    return "".join(out)


def _sides(comp: Comparison, c: ClauseChange) -> tuple[str, str]:
    old = new = ""
    edits: list[TextEdit] = c.edits
    if c.old:
        s, e = c.old[0].start, c.old[-1].end
        spans = [(s, e)] if c.status == "deleted" else [(x.old_start, x.old_end) for x in edits]
        old = _marked(comp.old_text, s, e, spans, "del")
    if c.new:
        s, e = c.new[0].start, c.new[-1].end
        spans = [(s, e)] if c.status == "added" else [(x.new_start, x.new_end) for x in edits]
        new = _marked(comp.new_text, s, e, spans, "ins")
    return old, new


def _clause_html(comp: Comparison, i: int, c: ClauseChange, layout: str) -> str:
    flags = [f for f, on in (("renumbered", c.renumbered), ("moved", c.moved and c.status != "moved"),
                             ("references only", c.references_only)) if on]
    head = (f'<div class="head"><span class="status {c.status}">{c.status}</span>{escape(c.label)}'
            + (f' <span class="muted">({", ".join(flags)})</span>' if flags else "") + "</div>")
    if layout == "inline" and c.new and c.old:
        body = f'<div class="inline">{_inline(comp, c)}</div>'
    elif layout == "inline":
        old, new = _sides(comp, c)
        body = f'<div class="inline">{new or old}</div>'
    else:
        old, new = _sides(comp, c)
        body = f'<div class="cols"><div>{old}</div><div>{new}</div></div>'
    return f'<section class="clause {c.status}" id="{change_anchor(i)}" data-status="{c.status}">{head}{body}</section>'


def _link(index: int | None, label: str | None) -> str:
    if label is None:
        return ""
    return f'<a href="#{change_anchor(index)}">{escape(label)}</a>' if index is not None else escape(label)


def render_comparison_html(comp: Comparison, *, layout: Literal["side_by_side", "inline"] = "side_by_side") -> str:
    """The whole page (see the module docstring)."""
    new_spans, old_spans = _locate(comp)
    old_name, new_name = comp.old.name or "old version", comp.new.name or "new version"
    title = f"Comparison: {old_name} \u2192 {new_name}"
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
             f"<style>{_CSS}</style></head><body>", f"<h1>{escape(title)}</h1>"]
    if comp.perspective:
        parts.append(f"<p>Read as <strong>{escape(party_label(comp, comp.perspective))}</strong>.</p>")
    counts = ", ".join(f"{k} {v}" for k, v in sorted(comp.summary.clauses.items()))
    parts.append(f'<p id="counts">Clauses: {escape(counts)}; renumbered {comp.summary.renumbered}; words inserted '
                 f"{comp.summary.words_inserted}, deleted {comp.summary.words_deleted}.</p>")
    parts.append('<h2>Leverage changes</h2><table id="leverage"><thead><tr><th>Weight</th><th>Change</th>'
                 "<th>Favours</th><th>Old</th><th>New</th></tr></thead><tbody>")
    for x in comp.leverage:
        cls = "" if x.against_reader is None else (' class="against"' if x.against_reader else ' class="for"')
        old_i, new_i = _find(old_spans, x.old_start), _find(new_spans, x.new_start)
        quote = one_line(x.new_text or x.old_text, 200)
        parts.append(f'<tr{cls} data-effect="{x.effect}"><td>{x.weight:.1f}</td><td>{escape(x.summary)}'
                     f'<br><span class="muted">{escape(quote)}</span></td>'
                     f"<td>{escape(party_label(comp, x.favors))}</td><td>{_link(old_i, x.old_clause)}</td>"
                     f"<td>{_link(new_i, x.new_clause)}</td></tr>")
    if not comp.leverage:
        parts.append('<tr><td colspan="5">No change in who holds a right or bears a duty was found.</td></tr>')
    parts.append("</tbody></table>")
    if comp.key_terms:
        parts.append('<h2>Key terms</h2><table id="key-terms"><thead><tr><th>Term</th><th>Party</th><th>Change</th>'
                     "<th>Before</th><th>After</th></tr></thead><tbody>")
        for t in comp.key_terms:
            parts.append(f"<tr><td>{escape(t.kind.replace('_', ' '))}</td><td>{escape(party_label(comp, t.party))}"
                         f"</td><td>{t.status}</td><td>{escape(one_line(readable_value(t.old_value) if t.old_value else (t.old_text or ''), 160))}</td>"
                         f"<td>{escape(one_line(readable_value(t.new_value) if t.new_value else (t.new_text or ''), 160))}</td></tr>")
        parts.append("</tbody></table>")
    if comp.findings:
        parts.append('<h2>Findings</h2><table id="findings"><thead><tr><th>Status</th><th>Severity</th><th>Rule</th>'
                     "<th>Old</th><th>New</th><th>Message</th></tr></thead><tbody>")
        for f in comp.findings:
            parts.append(f"<tr><td>{f.status}</td><td>{f.severity.value}</td><td><code>{escape(f.rule)}</code></td>"
                         f"<td>{_link(_find(old_spans, f.old_start), f.old_clause)}</td>"
                         f"<td>{_link(_find(new_spans, f.new_start), f.new_clause)}</td>"
                         f"<td>{escape(f.message)}</td></tr>")
        parts.append("</tbody></table>")
    if comp.definitions or comp.references:
        parts.append('<h2>Defined terms and references</h2><ul id="terms">')
        for d in comp.definitions:
            extra = f" (still used {d.uses_in_new} times)" if d.status == "removed" and d.uses_in_new else ""
            parts.append(f"<li><strong>{escape(d.term)}</strong>: {d.status}{escape(extra)}</li>")
        for r in comp.references:
            parts.append(f"<li>{_link(_find(new_spans, r.new_start), r.reference)}: {escape(r.message)}</li>")
        parts.append("</ul>")
    heading = "side by side: old | new" if layout != "inline" else "inline"
    parts.append(f'<h2>Redline ({heading})</h2><div id="redline">')
    parts.extend(_clause_html(comp, i, c, layout) for i, c in enumerate(comp.clauses))
    parts.append("</div></body></html>")
    return "\n".join(parts)


def comparison_repr_html(comp: Comparison) -> str:
    """A short summary for Jupyter: counts and the five heaviest leverage changes."""
    counts = ", ".join(f"{k} {v}" for k, v in sorted(comp.summary.clauses.items()))
    rows = "".join(f"<li>{escape(x.summary)}</li>" for x in comp.leverage[:5])
    return (f"<div><strong>Comparison</strong> {escape(comp.old.name or 'old')} \u2192 "
            f"{escape(comp.new.name or 'new')}: {escape(counts)}<ul>{rows}</ul></div>")
