"""The negotiation brief as rows a view can print, and the scorecard as a small inline SVG chart.

Both the Markdown and the HTML view show the same rows in the same order, so the two never disagree: each row
is a label ("Governing law"), a value in words ("Delaware"; "1 year, automatic; notice 90 days; last day to
give notice 2022-10-03") and the key term it comes from (for the clause link). Party ids never reach the
reader: every party is shown by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ..model import Brief, Deadline, KeyTerm, Report

__all__ = ["BriefRow", "DeadlineRow", "brief_rows", "brief_text", "deadline_rows", "duration_words", "party_label",
           "scorecard_svg", "signatory_words"]

_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def duration_words(value: str | None, business: bool = False) -> str | None:
    """ "P30D" -> "30 days", "P1Y" -> "1 year" (other values are returned as they are)."""
    if not value:
        return None
    m = re.fullmatch(r"P(\d+)([DWMY])", value)
    if not m:
        return value
    n, unit = int(m.group(1)), _UNITS[m.group(2)]
    word = ("business " if business and unit == "day" else "") + unit
    return f"{n} {word}{'' if n == 1 else 's'}"


def party_label(report: Report, party: str | None) -> str | None:
    """A party id as its name; the collective subjects as words ("either party"); None stays None."""
    if party is None:
        return None
    if party in ("each", "either", "neither", "both"):
        return f"{party} party" if party != "both" else "both parties"
    return next((p.name for p in report.parties if p.id == party), party)


def signatory_words(report: Report, t: KeyTerm) -> str:
    """ "Jane Roe, Chief Executive Officer, for Acme Corp." (a block printing only a title: "Chief
    Executive Officer (name not printed), for Acme Corp.")."""
    who = ", ".join(x for x in (t.value or (f"{t.detail} (name not printed)" if t.detail else None),
                                t.detail if t.value else None) if x)
    party = party_label(report, t.party)
    return f"{who or 'name not printed'}, for {party}" if party else (who or "name not printed")


@dataclass(frozen=True)
class BriefRow:
    label: str
    value: str
    term: KeyTerm | None


def _dur(t: KeyTerm) -> str | None:
    return duration_words(t.value, business=t.detail == "business days")


def brief_rows(report: Report) -> list[BriefRow]:
    """The key terms at a glance, in reading order; a term the contract does not state is left out."""
    brief: Brief | None = report.summary.brief
    if brief is None:
        return []
    rows: list[BriefRow] = []
    for t in brief.parties:
        rows.append(BriefRow("Party", f"{t.value} ({t.detail})" if t.detail else (t.value or t.text), t))
    for t in brief.signatories:
        rows.append(BriefRow("Signatory", signatory_words(report, t), t))
    for label, dated in (("Agreement date", brief.agreement_date), ("Effective date", brief.effective_date)):
        if dated is not None:
            value = dated.value or "left blank in the draft"
            note = f" ({dated.detail})" if dated.detail and dated.detail != "left blank" else ""
            rows.append(BriefRow(label, value + note, dated))
    if brief.initial_term is not None:
        t = brief.initial_term
        rows.append(BriefRow("Initial term", _dur(t) or t.detail or "see clause", t))
    if brief.expiration_date is not None:
        t = brief.expiration_date
        how = ""
        if t.detail == "computed" and brief.term is not None and brief.term.steps:
            how = f" (computed: {brief.term.steps[-1]})"
        elif t.detail == "computed":
            how = " (computed)"
        rows.append(BriefRow("Expires", (t.value or t.detail or "see clause") + how, t))
    r = brief.renewal
    if r is not None:
        how = ("renews automatically" if r.automatic else "renews if a party exercises its option"
               if (r.term.detail or "").startswith("option") else "renews only by agreement")
        parts = [how
                 + (f" for {_dur(r.term)}" if r.term.value else "")
                 + (f", up to {r.count} times" if r.count else "")
                 + (", then continues until terminated" if r.until_terminated else "")]
        if r.notice is not None:
            window = f" (no more than {duration_words(r.notice_max)})" if r.notice_max else ""
            parts.append(f"notice to stop it: {_dur(r.notice) or r.notice.detail or 'see clause'}{window}")
        if r.last_notice_day:
            parts.append(f"last day to give notice: {r.last_notice_day}")
        rows.append(BriefRow("Renewal", "; ".join(parts), r.term))
        if r.notice is not None and r.notice.clause_id != r.term.clause_id:
            rows.append(BriefRow("Renewal notice", _dur(r.notice) or "see clause", r.notice))
    for t in brief.termination:
        who = party_label(report, t.party) or "a party"
        notice = f", on {_dur(t)}\u2019 notice" if t.value else ""
        rows.append(BriefRow("Termination right", f"{who}: {t.detail or 'other'}{notice}", t))
    for t in brief.payment_terms:
        rows.append(BriefRow("Payment terms", f"within {_dur(t)}" if t.value else "see clause", t))
    for t in brief.liability:
        whose = party_label(report, t.party)
        label = "Liability cap" if t.kind == "liability_cap" else "Excluded damages"
        rows.append(BriefRow(label, (t.value or "see clause") + (f" (for {whose})" if whose else ""), t))
    names = {"exclusivity": "Exclusivity", "non_compete": "Non-compete", "non_solicit": "Non-solicit"}
    for t in brief.exclusivity:
        bound = party_label(report, t.party)
        value = (f"binds {bound}" if bound else "see clause") + (f", {_dur(t)}" if t.value else "")
        rows.append(BriefRow(names.get(t.kind, t.kind), value, t))
    if brief.governing_law is not None:
        t = brief.governing_law
        law = t.value or t.detail or "see clause"
        rows.append(BriefRow("Governing law", law + (f" ({t.code})" if t.code else ""), t))
    if brief.forum is not None:
        t = brief.forum
        where = t.value or "see clause"
        extra = ", ".join(x for x in (t.detail if t.value else None, t.code) if x)
        rows.append(BriefRow("Forum", f"{where} ({extra})" if extra else (t.detail if not t.value and t.detail
                                                                           else where), t))
    return rows


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline in words: when ("2025-03-01", or "within 30 days"), what, who must act, how it was reached."""

    when: str
    what: str
    who: str
    how: str
    deadline: Deadline


def deadline_rows(report: Report) -> list[DeadlineRow]:
    """``report.deadlines`` as rows, soonest first, periods after dates (the same order in every view)."""
    rows = []
    for d in report.deadlines:
        if d.date:
            when = f"{d.window_opens} to {d.date}" if d.window_opens else d.date
        else:
            when = duration_words(d.period, d.business_days) or "-"
            when = f"{when} after {d.relative_to}" if d.kind == "payment" and d.relative_to else when
        who = party_label(report, d.party) or "-"
        rows.append(DeadlineRow(when, d.action, who, d.arithmetic, d))
    return rows


def brief_text(report: Report, width: int = 100) -> str:
    """The brief for a terminal: key terms, deadlines (as of their day) and the issues to raise, plain text."""
    from .playbook_view import playbook_text  # the playbook section opens the brief when there is one

    lines = [f"Brief: {report.document.name or 'contract'}", "", *playbook_text(report, width)]
    rows = brief_rows(report)
    if rows:
        w = max(len(r.label) for r in rows)
        lines += ["Key terms"] + [f"  {r.label.ljust(w)}  {_cut(r.value, width - w - 4)}"
                                  + (f"  [{r.term.clause_id}]" if r.term is not None and r.term.clause_id else "")
                                  for r in rows] + [""]
    drows = deadline_rows(report)
    as_of = next((d.as_of for d in report.deadlines if d.as_of), None)
    lines.append("Deadlines" + (f" (as of {as_of})" if as_of else ""))
    if not drows:
        lines.append("  none found")
    for r in drows:
        who = f" — {r.who}" if r.who != "-" else ""
        where = f" [{r.deadline.clause_id}]" if r.deadline.clause_id else ""
        lines.append(f"  {r.when.ljust(12)}  {_cut(r.what, width - 20)}{who}{where}")
        if r.how:
            lines.append(f"  {'':12}  {_cut(r.how, width - 16)}")
    brief = report.summary.brief
    if brief is not None and brief.issues_to_raise:
        lines += ["", "Issues to raise"]
        for i, issue in enumerate(brief.issues_to_raise[:10], 1):
            lines.append(f"  {i}. [{issue.severity.value}] {_cut(issue.message, width - 12)}")
    return "\n".join(lines) + "\n"


def _cut(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)].rstrip() + "\u2026"


_PALETTE = ("#3b7dd8", "#e08a00", "#2e9d5b", "#8e44ad", "#c62828", "#607d8b")


def scorecard_svg(report: Report, *, width: int = 560, bar_height: int = 18) -> str:
    """One bar per family of the scorecard, split by each party's share of the leverage's commercial weight
    (the ledger's one-sided entries it gains, weighed; counts when a report has no weights); a legend names
    the parties. Well-formed XML (it parses with ``xml.etree``), no script."""
    card = report.summary.scorecard
    if not card:
        return ""
    ids: list[str] = []
    for score in card.values():
        for pid in (*score.weight, *score.rights, *score.favored):
            if pid not in ids:
                ids.append(pid)
    color = {pid: _PALETTE[i % len(_PALETTE)] for i, pid in enumerate(ids)}
    legend = []
    lx, ly = 0, 4
    for pid in ids:  # the legend wraps onto further rows rather than running off the chart
        label = party_label(report, pid) or pid
        item_w = 24 + 7 * len(label)
        if lx and lx + item_w > width:
            lx, ly = 0, ly + 16
        legend.append(f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{color[pid]}"/>'
                      f'<text x="{lx + 14}" y="{ly + 9}" class="lg">{escape(label)}</text>')
        lx += item_w
    label_w, gap, top = 110, 6, ly + 20
    bar_w = width - label_w - 60
    rows = []
    for i, (family, score) in enumerate(sorted(card.items())):
        y = top + i * (bar_height + gap)
        if score.weight:
            weight: dict[str, float] = {pid: score.weight.get(pid, 0.0) for pid in ids}
        else:
            weight = {pid: float(score.rights.get(pid, 0) + score.favored.get(pid, 0)) for pid in ids}
        total = sum(weight.values())
        segs = [f'<text x="0" y="{y + bar_height - 5}" class="fam">{escape(family)}</text>']
        x = float(label_w)
        for pid in ids:
            if not weight[pid]:
                continue
            w = bar_w * weight[pid] / total
            name = escape(party_label(report, pid) or pid)
            segs.append(f'<rect class="seg" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" '
                        f'fill="{color[pid]}"><title>{escape(family)}: {name} {score.rights.get(pid, 0)} one-sided terms '
                        f'(weight {weight[pid]:g}), {score.favored.get(pid, 0)} findings</title></rect>')
            x += w
        if not total:
            segs.append(f'<rect class="seg empty" x="{label_w}" y="{y}" width="{bar_w}" height="{bar_height}" '
                        f'fill="#eee"/>')
        segs.append(f'<text x="{label_w + bar_w + 6}" y="{y + bar_height - 5}" class="n">{round(total, 1):g}</text>')
        rows.append(f'<g class="bar" data-family="{escape(family, quote=True)}">{"".join(segs)}</g>')
    height = top + len(card) * (bar_height + gap)
    return (f'<svg id="scorecard-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" aria-label="Leverage by family: each party\'s '
            f'share of the weighed one-sided terms"><style>text{{font:12px system-ui,sans-serif;fill:#333}}'
            f'</style><g class="legend">{"".join(legend)}</g>{"".join(rows)}</svg>')
