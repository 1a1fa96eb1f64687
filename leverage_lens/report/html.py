"""``Report.to_html()``: one self-contained HTML page to read a review in any browser, offline.

Inline CSS and a few lines of inline JavaScript (the findings filter), nothing fetched: no fonts, images or
scripts from the network, so the file can be mailed or archived as is. Every value from the contract is
escaped. Without JavaScript the page still shows every finding; the filter only hides rows.

The page reads on a phone: below 720 px the tables (findings, key terms, scorecard) turn into one card per
row with each cell labelled, long names and unbroken runs in the text wrap, and the scorecard chart scales
to the width, so nothing scrolls sideways. Rules are shown by their title ("One-way indemnity"), with the
rule id in a tooltip; clauses by their full citation ("9.1(a)").
"""

from __future__ import annotations

from html import escape

from ..model import Finding, Report, Severity
from ._common import (
    clause_label,
    findings_in_order,
    kind_label,
    one_line,
    pages_value,
    party_counts,
    party_doubts,
    party_name,
    party_names,
    rule_title,
    severity_counts,
    split_hints,
)
from .brief_view import brief_rows, deadline_rows, scorecard_svg
from .highlight import anchor_ids, clause_anchor, highlight_text
from .playbook_view import PLAYBOOK_CSS, playbook_html

__all__ = ["render_html"]

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72em;padding:1em 2em;color:#1d1d1f}
h1{font-size:1.5em;margin:.4em 0;overflow-wrap:anywhere}h2{font-size:1.15em;margin:1.4em 0 .5em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #d6d6d6;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#f3f3f5}dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 1em}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.rule{border-bottom:1px dotted #999;cursor:help}svg{max-width:100%;height:auto}li{overflow-wrap:break-word}
.sev{display:inline-block;padding:0 .45em;border-radius:3px;font-size:.85em;font-weight:600;color:#fff}
.sev-critical{--c:#7a0016}.sev-high{--c:#c62828}.sev-medium{--c:#e08a00}.sev-low{--c:#3b7dd8}.sev-info{--c:#777}
span.sev{background:var(--c)}mark{background:color-mix(in srgb,var(--c) 22%,#fff);border-bottom:2px solid var(--c);color:inherit}
mark:target,.fa:target+mark{outline:2px solid var(--c)}
#text{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;border:1px solid #ddd;padding:1em;background:#fcfcfc}
a.cl{display:inline-block;width:0;height:1em;vertical-align:top;position:relative}
a.cl:target::after{content:"\\25B6";position:absolute;left:-1.2em;color:#c62828}
.filters label{margin-right:1em}.muted{color:#777}tr.hidden{display:none}
#key-terms th[scope=row]{background:none;white-space:nowrap}#issues li{margin:.3em 0}.ask{color:#444;margin-left:.2em}
#hints details{margin:.3em 0}#hints summary{cursor:pointer}#hints summary .n{color:#777}
.against{font-size:.85em;color:#c62828;font-weight:600}figure.chart{margin:.5em 0}
@media (max-width:720px){
body{padding:.5em .75em}h1{font-size:1.25em}#text{padding:.5em;font-size:12px}
dl{grid-template-columns:minmax(0,1fr)}dt{margin-top:.35em}
table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th[scope=row]{display:block;width:auto}
table.cards thead{display:none}table.cards tr{border:1px solid #d6d6d6;border-radius:4px;margin:.6em 0;padding:.35em .6em}
table.cards tr.hidden{display:none}table.cards td,table.cards th[scope=row]{border:none;padding:.1em 0}
table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#555}
.filters label{display:inline-block;margin:.2em 1em .2em 0}
}
"""

_JS = """
(function(){
  var fam=document.getElementById('flt-family'),sev=document.getElementById('flt-severity');
  function apply(){
    var f=fam.value,s=sev.value,shown=0,rows=document.querySelectorAll('#findings tbody tr,#hints tbody tr');
    rows.forEach(function(r){
      var ok=(!f||r.dataset.family===f)&&(!s||Number(r.dataset.rank)>=Number(s));
      r.classList.toggle('hidden',!ok);if(ok)shown++;});
    document.getElementById('flt-count').textContent=shown+' of '+rows.length+' shown';
  }
  fam.addEventListener('change',apply);sev.addEventListener('change',apply);apply();
})();
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _header(report: Report) -> str:
    doc = report.document
    parties = party_names(report)
    rows = [
        ("Format", doc.format.upper()),
        ("Pages", pages_value(report)),
        ("Clauses", str(len(doc.clauses))),
        ("Parties", "; ".join(parties) if parties else "not identified"),
        *(("Warning", w) for w in party_doubts(report)),
    ]
    if report.summary.perspective:
        rows.append(("Read as", party_name(report, report.summary.perspective)))
    counts = severity_counts(report)
    rows.append(("Findings", f"{len(report.findings)}" + (f" ({counts})" if counts else "")))
    body = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return f"<h1>{_e(doc.name or 'Contract review')}</h1><dl class=\"meta\">{body}</dl>"


def _scorecard(report: Report) -> str:
    if not report.summary.scorecard:
        return ""
    rows = []
    for family, score in sorted(report.summary.scorecard.items()):
        rights = party_counts(report, score.rights)
        favored = party_counts(report, score.favored)
        rows.append(f'<tr><th scope="row">{_e(family)}</th><td data-label="Rights">{_e(rights)}</td>'
                    f'<td data-label="One-sided for">{_e(favored)}</td>'
                    f'<td data-label="Leader">{_e(party_name(report, score.leader, "balanced"))}</td>'
                    f'<td data-label="Reader">{_e(score.reader_position or "-")}</td></tr>')
    return ('<h2>Leverage scorecard</h2><figure class="chart">'
            f'{scorecard_svg(report)}<figcaption class="muted">Each bar: each party\u2019s share of the one-sided '
            "terms in its favour, weighed by commercial weight.</figcaption></figure><table id=\"scorecard\" class=\"cards\"><thead><tr><th>Family</th>"
            "<th>Rights</th><th>One-sided for</th>"
            f"<th>Leader</th><th>Reader</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _brief(report: Report, clause_anchors: dict[str, str], finding_anchors: dict[str, str],
           issue_limit: int = 15) -> str:
    """The negotiation brief: ``table#key-terms`` (a row per key term, ``data-kind``, a link to its clause) and
    ``ol#issues`` (the issues to raise, most pressing first, each with its ask and a link to the finding)."""
    rows = brief_rows(report)
    brief = report.summary.brief
    if brief is None or (not rows and not report.deadlines and not brief.issues_to_raise):
        return ""
    cites = report.document.citations()
    out = ['<section id="brief"><h2>Negotiation brief</h2>']
    if rows:
        body = []
        for row in rows:
            t = row.term
            kind = t.kind if t is not None else ""
            target = clause_anchors.get(t.clause_id or "") if t is not None else None
            label = clause_label(report, t.clause_id, cites) if t is not None else ""
            cell = f'<a href="#{target}">{_e(label)}</a>' if target else _e(label or "-")
            quote = f' title="{_e(one_line(t.text, 300))}"' if t is not None else ""
            body.append(f'<tr data-kind="{_e(kind)}"><th scope="row">{_e(row.label)}</th>'
                        f'<td{quote}>{_e(row.value)}</td><td data-label="Clause">{cell}</td></tr>')
        out.append('<table id="key-terms" class="cards"><thead><tr><th>Term</th><th>Value</th><th>Clause</th></tr></thead>'
                   f'<tbody>{"".join(body)}</tbody></table>')
    drows = deadline_rows(report)
    if drows:
        as_of = next((d.as_of for d in report.deadlines if d.as_of), None)
        body = []
        for r in drows:
            d = r.deadline
            target = clause_anchors.get(d.clause_id or "")
            label = clause_label(report, d.clause_id, cites)
            cell = f'<a href="#{target}">{_e(label)}</a>' if target else _e(label or "-")
            body.append(f'<tr data-kind="{_e(d.kind)}" data-date="{_e(d.date or "")}"><th scope="row">{_e(r.when)}</th>'
                        f'<td data-label="What" title="{_e(one_line(d.text, 300))}">{_e(r.what)}</td>'
                        f'<td data-label="Who must act">{_e(r.who)}</td>'
                        f'<td class="muted" data-label="How">{_e(r.how)}</td><td data-label="Clause">{cell}</td></tr>')
        title = "Deadlines" + (f" (as of {as_of})" if as_of else "")
        out.append(f'<h3>{_e(title)}</h3><table id="deadlines" class="cards"><thead><tr><th>When</th><th>What</th>'
                   f'<th>Who must act</th><th>How</th><th>Clause</th></tr></thead><tbody>{"".join(body)}</tbody>'
                   '</table>')
    if brief is not None and brief.issues_to_raise:
        items = []
        for issue in brief.issues_to_raise[:issue_limit]:
            target = finding_anchors.get(issue.finding_id)
            message = f'<a href="#{target}">{_e(issue.message)}</a>' if target else _e(issue.message)
            against = ' <span class="against">against you</span>' if issue.against_reader else ""
            ask = f'<div class="ask"><b>Ask:</b> {_e(issue.ask)}</div>' if issue.ask else ""
            where = clause_label(report, issue.clause_id, cites)
            where_html = f' <span class="muted">({_e(where)})</span>' if where else ""
            items.append(f'<li data-severity="{issue.severity.value}" data-family="{_e(issue.family or "other")}">'
                         f'<span class="sev sev-{issue.severity.value}">{issue.severity.value}</span>{against} '
                         f"{message}{where_html}{ask}</li>")
        more = len(brief.issues_to_raise) - issue_limit
        tail = f'<p class="muted">{more} more in the findings below.</p>' if more > 0 else ""
        out.append(f'<h3>Issues to raise</h3><ol id="issues">{"".join(items)}</ol>{tail}')
    out.append("</section>")
    return "".join(out)


def _filters(report: Report) -> str:
    families = sorted({f.family or "other" for f in report.findings})
    fam = "".join(f'<option value="{_e(x)}">{_e(x)}</option>' for x in families)
    sev = "".join(f'<option value="{s.rank}">{s.value} and above</option>' for s in Severity)
    return ('<p class="filters"><label>Family <select id="flt-family"><option value="">all</option>'
            f'{fam}</select></label><label>Severity <select id="flt-severity"><option value="">all</option>'
            f'{sev}</select></label><span id="flt-count" class="muted"></span></p>')


def render_html(report: Report, *, collapse_low: bool = True) -> str:
    """The whole review as one HTML document (a string): header, scorecard, findings, highlighted text.
    ``collapse_low``: low-severity hints leave the findings table for a section of their own, one folded
    ``<details>`` per check with its count (the filter still reaches them)."""
    doc = report.document
    findings = findings_in_order(report)
    ids = anchor_ids(findings)
    anchor_of = {id(f): fid for f, fid in zip(findings, ids)}
    cites = doc.citations()
    clause_anchors = {c.id: clause_anchor(i, c) for i, c in enumerate(doc.clauses)}
    main, hints = split_hints(findings, collapse_low)

    def row(f: Finding) -> str:
        label = clause_label(report, f.clause_id, cites)
        target = clause_anchors.get(f.clause_id or "")
        clause_cell = f'<a href="#{target}">{_e(label)}</a>' if target else _e(label or "-")
        check = (f'<span class="rule" title="{_e(kind_label(f.kind))} \u00b7 rule {_e(f.rule)}">'
                 f"{_e(rule_title(f.rule))}</span>")
        return (
            f'<tr data-family="{_e(f.family or "other")}" data-severity="{f.severity.value}" '
            f'data-rank="{f.severity.rank}" data-rule="{_e(f.rule)}" data-kind="{_e(f.kind)}">'
            f'<td><span class="sev sev-{f.severity.value}">{f.severity.value}</span></td>'
            f'<td data-label="Check">{check}</td><td data-label="Clause">{clause_cell}</td>'
            f'<td data-label="Finding"><a href="#{anchor_of[id(f)]}">{_e(f.message)}</a></td>'
            f'<td data-label="Suggestion">{_e(f.suggestion or "-")}</td></tr>'
        )

    head = ("<thead><tr><th>Severity</th><th>Check</th><th>Clause</th><th>Finding</th><th>Suggestion</th></tr>"
            "</thead>")
    rows = [row(f) for f in main]
    table = (
        f'<table id="findings" class="cards">{head}<tbody>{"".join(rows)}</tbody></table>'
        if rows else f'<p class="muted">{"No findings above low severity." if hints else "No findings."}</p>'
    )
    if hints:
        total = sum(len(fs) for fs in hints.values())
        folds = "".join(
            f'<details data-rule="{_e(rule_id)}"><summary>{_e(rule_title(rule_id))} <span class="n">({len(fs)})'
            f'</span></summary><table class="cards">{head}<tbody>{"".join(row(f) for f in fs)}</tbody></table>'
            "</details>" for rule_id, fs in hints.items())
        table += (f'<section id="hints"><h3>Low-severity hints ({total})</h3><p class="muted">Folded by check: '
                  f"open one to read its hints.</p>{folds}</section>")
    finding_anchors: dict[str, str] = {}
    for f, fid in zip(findings, ids):
        finding_anchors.setdefault(f.id, fid)
    playbook = playbook_html(report, lambda cid: clause_label(report, cid, cites),
                             lambda cid: clause_anchors.get(cid or ""))
    body = (
        f"{_header(report)}{playbook}{_brief(report, clause_anchors, finding_anchors)}{_scorecard(report)}<h2>Findings</h2>{_filters(report) if findings else ''}{table}"
        f'<h2>Contract text</h2><div id="text">{highlight_text(report, findings, ids)}</div>'
    )
    script = f"<script>{_JS}</script>" if findings else ""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(doc.name or 'Contract review')} \u2014 leverage_lens</title><style>{_CSS}"
        f"{PLAYBOOK_CSS if report.playbook is not None else ''}</style></head>"
        f"<body>{body}{script}</body></html>\n"
    )
