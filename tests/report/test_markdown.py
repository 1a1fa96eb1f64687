"""``Report.to_markdown()``: findings by rule title and full clause citation, contract text made inert with as
few escapes as Markdown needs, and a short form for a ticket or an e-mail."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens import analyze
from leverage_lens.model import Report, Severity
from leverage_lens.report._common import rule_title
from leverage_lens.report.markdown import escape_md

from ._helpers import HOSTILE_CONTRACT, report_with

MSA = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"


@pytest.fixture(scope="module")
def msa() -> Report:
    return analyze(MSA, perspective="Customer")


def _finding_rows(md: str) -> list[str]:
    table = md.split("## Findings", 1)[1].split("## Details", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| ") and not line.startswith(("| # ", "| --"))]


def _hint_items(md: str) -> list[str]:
    folded = md.split("## Low-severity hints", 1)[1] if "## Low-severity hints" in md else ""
    return [line for line in folded.splitlines() if line.startswith("- ")]


def test_example_markdown_has_one_table_row_per_finding_with_title_and_citation(msa: Report) -> None:
    md = msa.to_markdown(collapse_low=False)
    rows = _finding_rows(md)
    assert len(rows) == len(msa.findings)
    cites = msa.document.citations()
    for f in msa.findings:
        assert f"`{f.rule}`" in md  # the id stays in the details
        assert any(f"| {escape_md(rule_title(f.rule))} |" in r for r in rows), f.rule
        if f.clause_id:
            assert any(f"| {escape_md(cites[f.clause_id])} |" in r for r in rows), cites[f.clause_id]
    for party in msa.parties:
        assert party.name in md


def test_low_hints_leave_the_table_and_are_folded_by_check_with_a_count(msa: Report) -> None:
    md = msa.to_markdown()
    low = [f for f in msa.findings if f.severity.rank <= Severity.LOW.rank]
    assert low, "the example has low-severity findings"
    rows, items = _finding_rows(md), _hint_items(md)
    assert len(rows) == len(msa.findings) - len(low) and len(items) == len(low)
    assert not any("| low |" in r or "| info |" in r for r in rows)
    for rule_id in {f.rule for f in low}:
        n = sum(1 for f in low if f.rule == rule_id)
        assert f"| {escape_md(rule_title(rule_id))} | {n} |" in md  # the count per check
        assert f"<summary>{escape_md(rule_title(rule_id))} ({n})</summary>" in md  # and its fold
    assert md.count("<details>") == md.count("</details>") == len({f.rule for f in low})
    details = md.split("## Details", 1)[1].split("## Low-severity hints", 1)[0]
    assert not any(f"rule `{f.rule}` · characters {f.start}" in details for f in low)


def test_a_report_with_only_low_hints_says_so_above_the_folds() -> None:
    report = report_with("1. Term. Supplier may use the Services for the Term and/or a renewal.", [(5, 9)])
    md = report.to_markdown()
    assert "No findings above low severity." in md and "## Low-severity hints" in md
    assert "No findings above low severity." not in report.to_markdown(collapse_low=False)


def test_sub_clauses_are_cited_in_full_not_by_their_last_part(msa: Report) -> None:
    md = msa.to_markdown(collapse_low=False)
    subs = [f for f in msa.findings if f.clause_id and "(" in f.clause_id]
    assert subs, "the example has findings in lettered sub-clauses"
    rows = _finding_rows(md)
    for f in subs:
        clause = msa.document.clause(f.clause_id)  # type: ignore[arg-type]
        assert any(f"| {msa.citation(f.clause_id)} |" in r for r in rows)
        assert not any(f"| {clause.number} |" in r for r in rows)


def test_markdown_escapes_only_what_markdown_would_read_as_markup() -> None:
    assert escape_md("master_services_agreement.docx") == "master_services_agreement.docx"
    assert escape_md("[insert date]") == "[insert date]"
    assert escape_md("lasts ______ years") == "lasts ______ years"
    assert escape_md("Terms & Conditions; A < B") == "Terms & Conditions; A < B"
    assert escape_md("**bold** _it_ a|b `x`") == "\\*\\*bold\\*\\* \\_it\\_ a\\|b \\`x\\`"
    assert escape_md("[link](http://evil)") == "[link\\](http://evil)"
    assert escape_md("<script>alert(1)</script> &amp;") == "&lt;script>alert(1)&lt;/script> &amp;amp;"
    assert escape_md("1. Term", line_start=True) == "1\\. Term" and escape_md("1. Term") == "1. Term"


def test_example_markdown_has_no_needless_escapes(msa: Report) -> None:
    md = msa.to_markdown()
    assert "master_services_agreement.txt" in md and "master\\_services" not in md
    assert "[insert date]" in md and "\\[insert date\\]" not in md


def test_markdown_escapes_html_and_table_pipes_from_the_contract() -> None:
    start = HOSTILE_CONTRACT.index("<script>")
    pipe = HOSTILE_CONTRACT.index("|")
    report = report_with(HOSTILE_CONTRACT, [(start - 10, start + 30), (pipe - 10, pipe + 10)])
    folded = report.to_markdown()
    assert "<script" not in folded and "&lt;script>" in folded
    assert len(_hint_items(folded)) == 2 and any("\\|" in item for item in _hint_items(folded))
    md = report.to_markdown(collapse_low=False)
    assert "<script" not in md and "&lt;script>" in md
    quotes = [line for line in md.splitlines() if line.startswith("> ")]
    assert len(quotes) == 2
    assert any("\\|" in q for q in quotes)
    for row in _finding_rows(md):
        assert row.replace("\\|", "").count("|") == 8  # seven cells: no quote broke the table


def test_short_markdown_is_the_brief_and_the_issues_in_a_few_dozen_lines(msa: Report) -> None:
    short = msa.to_markdown(short=True)
    full = msa.to_markdown()
    assert len(short.splitlines()) <= 60 < len(full.splitlines())
    assert "## Negotiation brief" in short and "### Issues to raise" in short
    assert "## Findings" not in short and "## Details" not in short and "|" not in short
    brief = msa.summary.brief
    assert brief is not None and brief.issues_to_raise
    assert brief.issues_to_raise[0].message.split(";")[0] in short
    assert "*Ask:*" in short


def test_markdown_without_findings_says_so() -> None:
    report = report_with(HOSTILE_CONTRACT, [])
    assert "No findings." in report.to_markdown() and report.to_markdown().startswith("# fixture.txt")
    assert "No findings." in report.to_markdown(short=True)
