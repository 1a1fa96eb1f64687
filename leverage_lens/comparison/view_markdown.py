"""A :class:`~leverage_lens.compare.Comparison` as Markdown: what a reviewer reads first, in that order.

Leverage changes (who gained, heaviest for the reader first), key terms, findings introduced and resolved,
defined terms and broken references, then each changed clause with both numbers and its redline (deleted
words struck through, inserted words in bold). Unchanged clauses are counted, not listed.
"""

from __future__ import annotations

from ..report._common import one_line
from .leverage import readable_value
from .model import ClauseChange, Comparison

__all__ = ["party_label", "redline_markdown", "render_comparison_markdown"]


def _cell(text: str, limit: int = 0) -> str:
    return one_line(text, limit).replace("|", "\\|")


def party_label(comp: Comparison, party: str | None) -> str:
    """A party's name in the new version (the id itself when unknown, '-' when None)."""
    if party is None:
        return "-"
    return comp.parties.get(party, party)


def redline_markdown(change: ClauseChange, old_text: str, new_text: str, limit: int = 60) -> str:
    """The clause's word edits as Markdown: ~~deleted~~ **inserted**, with a few words of context."""
    parts = []
    for e in change.edits:
        before = one_line(new_text[max(0, e.new_start - limit):e.new_start])[-limit:]
        out = []
        if e.old_text:
            out.append(f"~~{one_line(e.old_text)}~~")
        if e.new_text:
            out.append(f"**{one_line(e.new_text)}**")
        parts.append(f"\u2026{before} {' '.join(out)}")
    return "\n".join(f"  - {p}" for p in parts)


def render_comparison_markdown(comp: Comparison) -> str:
    old, new = comp.old.name or "old version", comp.new.name or "new version"
    lines = [f"# Comparison: {old} \u2192 {new}", ""]
    if comp.perspective:
        lines += [f"Read as **{party_label(comp, comp.perspective)}**.", ""]
    counts = ", ".join(f"{k} {v}" for k, v in sorted(comp.summary.clauses.items()))
    lines += [f"Clauses: {counts or 'none'}; renumbered {comp.summary.renumbered}; words inserted "
              f"{comp.summary.words_inserted}, deleted {comp.summary.words_deleted}.", ""]
    lines += ["## Leverage changes", ""]
    if comp.leverage:
        lines += ["| Weight | Change | Favours | Against you | Old | New |", "| --- | --- | --- | --- | --- | --- |"]
        for x in comp.leverage:
            against = "" if x.against_reader is None else ("yes" if x.against_reader else "no")
            lines.append(f"| {x.weight:.1f} | {_cell(x.summary, 120)} | {_cell(party_label(comp, x.favors))} | "
                         f"{against} | {_cell(x.old_clause or '')} | {_cell(x.new_clause or '')} |")
    else:
        lines.append("No change in who holds a right or bears a duty was found.")
    lines.append("")
    if comp.key_terms:
        lines += ["## Key terms", "", "| Term | Party | Change | Before | After |", "| --- | --- | --- | --- | --- |"]
        for t in comp.key_terms:
            lines.append(f"| {t.kind.replace('_', ' ')} | {_cell(party_label(comp, t.party))} | {t.status} | "
                         f"{_cell(readable_value(t.old_value) if t.old_value else (t.old_text or ''), 80)} | {_cell(readable_value(t.new_value) if t.new_value else (t.new_text or ''), 80)} |")
        lines.append("")
    if comp.findings:
        lines += ["## Findings", "", "| Status | Severity | Rule | Old | New | Message |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for f in comp.findings:
            lines.append(f"| {f.status} | {f.severity.value} | `{f.rule}` | {_cell(f.old_clause or '')} | "
                         f"{_cell(f.new_clause or '')} | {_cell(f.message, 140)} |")
        lines.append("")
    if comp.definitions:
        lines += ["## Defined terms", ""]
        for d in comp.definitions:
            extra = f" (still used {d.uses_in_new} times)" if d.status == "removed" and d.uses_in_new else ""
            lines.append(f"- **{d.term}**: {d.status}{extra}")
        lines.append("")
    if comp.references:
        lines += ["## Broken references", ""]
        lines += [f"- {r.reference} in {r.clause or 'the contract'}: {one_line(r.message)}" for r in comp.references]
        lines.append("")
    if comp.scorecard:
        lines += ["## Scorecard", "", "| Family | Party | Rights | One-sided for it |", "| --- | --- | --- | --- |"]
        for s in comp.scorecard:
            lines.append(f"| {s.family} | {_cell(party_label(comp, s.party))} | {s.rights_before} \u2192 "
                         f"{s.rights_after} | {s.favored_before} \u2192 {s.favored_after} |")
        lines.append("")
    changes = comp.changes()
    lines += ["## Changed clauses", ""]
    if not changes:
        lines.append("The wording of every clause is the same.")
    for c in changes:
        note = " (cross-references renumbered only)" if c.references_only else ""
        lines.append(f"### {c.status}: {_cell(c.label)}{note}")
        lines.append("")
        if c.status == "added":
            lines.append("> " + one_line(comp.new_text[c.new[0].start:c.new[-1].end], 400))
        elif c.status == "deleted":
            lines.append("> ~~" + one_line(comp.old_text[c.old[0].start:c.old[-1].end], 400) + "~~")
        elif c.edits:
            lines.append(redline_markdown(c, comp.old_text, comp.new_text))
        else:
            lines.append("Same words.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
