"""``Report.to_markdown()``: findings, clause numbers and parties, with contract text made inert."""

from __future__ import annotations

from pathlib import Path

from leverage_lens import analyze
from leverage_lens.report.markdown import escape_md

from ._helpers import HOSTILE_CONTRACT, report_with

MSA = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"


def test_example_markdown_has_one_table_row_per_finding_with_its_clause() -> None:
    report = analyze(MSA)
    md = report.to_markdown()
    rows = [line for line in md.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(report.findings)
    clauses = {c.id: c for c in report.clauses}
    for f in report.findings:
        assert f"`{f.rule}`" in md
        number = clauses[f.clause_id].number if f.clause_id in clauses else None
        if number:
            assert any(f"| {escape_md(number)} |" in r for r in rows), number
    for party in report.parties:
        assert party.name.replace("&", "&amp;") in md


def test_markdown_escapes_html_and_table_pipes_from_the_contract() -> None:
    start = HOSTILE_CONTRACT.index("<script>")
    pipe = HOSTILE_CONTRACT.index("|")
    report = report_with(HOSTILE_CONTRACT, [(start - 10, start + 30), (pipe - 10, pipe + 10)])
    md = report.to_markdown()
    assert "<script" not in md
    assert "&lt;script&gt;" in md
    quotes = [line for line in md.splitlines() if line.startswith("> ")]
    assert len(quotes) == 2
    assert any("\\|" in q for q in quotes)
    for line in md.splitlines():
        if line.startswith("| ") and "`test." in line:
            assert line.count(" | ") == 6  # seven cells: no quote broke the table


def test_markdown_without_findings_says_so() -> None:
    md = report_with(HOSTILE_CONTRACT, []).to_markdown()
    assert "No findings." in md and md.startswith("# fixture.txt")
