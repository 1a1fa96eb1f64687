"""The contract text as HTML with clause anchors and every finding highlighted by its offsets.

Findings overlap (a vague word inside a one-sided liability cap; two rules on one sentence), and HTML elements
may not. So the text is cut at every boundary (each finding's start and end, each clause's start) into flat
pieces, and each piece that some finding covers becomes one ``<mark>`` listing all of them in
``data-f``. A finding's highlight is the run of marks naming it; its first mark carries ``id="f-..."`` so a
link can jump to it. Nothing nests, so no overlap can break the markup. All text is escaped.
"""

from __future__ import annotations

import re
from html import escape

from ..checks.titles import rule_title
from ..model import Clause, Finding, Report

__all__ = ["anchor_ids", "clause_anchor", "finding_anchor", "highlight_text"]

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]+")


def clause_anchor(index: int, clause: Clause) -> str:
    """An HTML id for a clause: position (unique) plus a readable slug of its id."""
    return f"c{index}-{_UNSAFE_ID.sub('-', clause.id).strip('-')}"


def finding_anchor(finding: Finding) -> str:
    return f"f-{_UNSAFE_ID.sub('-', finding.id)}"


def anchor_ids(findings: list[Finding]) -> list[str]:
    """One unique HTML id per finding, in order (repeated fingerprints get a numeric suffix)."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        base = finding_anchor(f)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else f"{base}-{n}")
    return out


def _clamp(value: int, size: int) -> int:
    return min(max(value, 0), size)


def highlight_text(report: Report, findings: list[Finding], ids: list[str]) -> str:
    """``Document.text`` as escaped HTML (for a ``white-space: pre-wrap`` block) with anchors and marks."""
    text = report.document.text
    size = len(text)
    spans = []
    for f, fid in zip(findings, ids):
        start = _clamp(f.start, size)
        spans.append((start, max(_clamp(f.end, size), start), fid, f))
    cites = report.document.citations()
    clause_starts: dict[int, list[tuple[int, Clause]]] = {}
    for i, c in enumerate(report.document.clauses):
        clause_starts.setdefault(_clamp(c.start, size), []).append((i, c))
    cuts = sorted({0, size, *clause_starts, *(s for s, *_ in spans), *(e for _, e, *_ in spans)})

    starting: dict[int, list[tuple[int, int, str, Finding]]] = {}
    for span in spans:
        starting.setdefault(span[0], []).append(span)
    parts: list[str] = []
    active: list[tuple[int, int, str, Finding]] = []
    opened: set[str] = set()
    for left, right in zip(cuts, [*cuts[1:], None]):
        for i, c in clause_starts.get(left, []):
            number = escape(c.number or c.heading or c.id, quote=True)
            cite = escape(cites.get(c.id, c.id), quote=True)
            parts.append(f'<a class="cl" id="{clause_anchor(i, c)}" href="#{clause_anchor(i, c)}" '
                         f'title="{cite}" data-num="{number}"></a>')
        active = [s for s in active if s[1] > left]
        for span in starting.get(left, []):
            if span[1] == span[0]:  # an empty span: a zero-width mark so the link still lands
                parts.append(_mark([span], "", opened))
            else:
                active.append(span)
        if right is None:
            break
        piece = escape(text[left:right], quote=False)
        covering = [s for s in active if s[0] <= left and s[1] >= right]
        parts.append(_mark(covering, piece, opened) if covering else piece)
    return "".join(parts)


def _mark(covering: list[tuple[int, int, str, Finding]], piece: str, opened: set[str]) -> str:
    """One flat ``<mark>``: classed by the most severe finding covering it, naming all of them."""
    worst = max(covering, key=lambda s: s[3].severity.rank)[3]
    names = " ".join(s[2] for s in covering)
    fresh = [s[2] for s in covering if s[2] not in opened]
    opened.update(fresh)
    id_attr = f' id="{fresh[0]}"' if fresh else ""
    # a second finding starting on the same piece still needs a place to land: a zero-width anchor
    extra = "".join(f'<a class="fa" id="{fid}"></a>' for fid in fresh[1:])
    title = escape("; ".join(f"{s[3].severity.value}: {rule_title(s[3].rule)}: {s[3].message}" for s in covering),
                   quote=True)
    return (f'{extra}<mark{id_attr} class="sev-{worst.severity.value}" data-f="{names}" '
            f'title="{title}">{piece}</mark>')
