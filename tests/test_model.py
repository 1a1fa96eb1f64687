"""The data model as a new user meets it: severities that compare by severity, short reprs, helpers."""

from __future__ import annotations

import json

import pytest

import leverage_lens as ll
from leverage_lens import Report, Severity

CONTRACT = """MASTER SERVICES AGREEMENT

This Agreement is made between Northwind Analytics, Inc. ("Provider") and Contoso Retail LLC ("Customer").

1. Term. This Agreement lasts ______ years and renews automatically.
2. Termination. Provider may terminate this Agreement for convenience at any time on notice. Customer may
terminate only for material breach.
3. Liability. In no event shall Provider's aggregate liability exceed the fees paid in the prior month.
4. Fees. Customer shall pay the Fees within 30 days. The fee is TBD.
"""


@pytest.fixture(scope="module")
def report() -> Report:
    return ll.analyze_text(CONTRACT, name="msa.txt")


def test_severity_operators_follow_severity_not_the_alphabet() -> None:
    assert Severity.HIGH >= Severity.MEDIUM and Severity.CRITICAL > Severity.HIGH
    assert not Severity.LOW >= Severity.HIGH  # as strings, "low" >= "high"
    assert Severity.INFO < Severity.LOW < Severity.MEDIUM < Severity.HIGH < Severity.CRITICAL
    assert sorted([Severity.HIGH, Severity.INFO, Severity.CRITICAL, Severity.LOW]) == [
        Severity.INFO, Severity.LOW, Severity.HIGH, Severity.CRITICAL]
    assert max([Severity.LOW, Severity.MEDIUM, Severity.HIGH]) is Severity.HIGH


def test_severity_compares_with_the_strings_it_serialises_as() -> None:
    assert Severity.HIGH == "high" and Severity.HIGH > "medium" and "medium" < Severity.HIGH
    assert json.dumps(Severity.HIGH) == '"high"' and {Severity.HIGH: 1}["high"] == 1
    assert [s.rank for s in Severity] == [0, 1, 2, 3, 4]
    with pytest.raises(TypeError):
        Severity.HIGH < 3  # noqa: B015 - comparing with a number is an error, not silently False


def test_filtering_findings_by_severity_keeps_only_the_severe_ones(report: Report) -> None:
    kept = [f for f in report.findings if f.severity >= Severity.HIGH]
    assert kept and all(f.severity in (Severity.HIGH, Severity.CRITICAL) for f in kept)
    assert report.findings_at_least("high") == kept
    assert len(report.findings_at_least(Severity.INFO)) == len(report.findings)


def test_severity_round_trips_through_json(report: Report) -> None:
    again = Report.model_validate_json(report.to_json())
    assert again == report
    assert {f["severity"] for f in json.loads(report.to_json())["findings"]} <= {s.value for s in Severity}


def test_report_repr_is_a_few_lines_naming_counts_parties_and_worst_findings(report: Report) -> None:
    text = repr(report)
    assert len(text) < 1000 and len(text.splitlines()) <= 6
    assert text.startswith("Report('msa.txt': TXT, 1 page,")
    assert "Northwind Analytics, Inc. (Provider)" in text
    assert "most severe:" in text
    assert len(repr(report.document)) < 200 and "clauses" in repr(report.document)
    assert len(report.model_dump_json()) > 10 * len(text)  # the full model is still there


def test_clauses_by_tag_category_or_family(report: Report) -> None:
    termination = report.clauses_tagged("termination")
    assert termination and all(any(t.family == "termination" for t in c.tags) for c in termination)
    categories = {t.category for c in termination for t in c.tags if t.family == "termination"}
    assert report.clauses_tagged(*categories) == termination
    assert report.clauses_tagged("no.such.category") == []


def test_party_ids_read_as_names(report: Report) -> None:
    provider = next(p for p in report.parties if p.role == "Provider")
    assert report.party_name(provider.id) == "Northwind Analytics, Inc."
    assert report.party(provider.id) is provider
    assert report.party_name("either") == "either party" and report.party_name(None) == ""
    assert report.party_name("party-99") == "party-99"
    one_sided = [f for f in report.findings if f.favors]
    assert one_sided and all(report.party_name(f.favors) in ("Northwind Analytics, Inc.", "Contoso Retail LLC")
                             for f in one_sided)


def test_finding_clause_reads_as_a_citation(report: Report) -> None:
    cited = {report.citation(f.clause_id) for f in report.findings if f.clause_id}
    assert "2" in cited or "3" in cited
    assert report.citation(None) == ""


def test_printing_a_report_or_document_is_as_short_as_its_repr(report: Report) -> None:
    assert str(report) == repr(report) and str(report.document) == repr(report.document)
