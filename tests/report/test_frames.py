"""``Report.to_frame()`` / ``findings_frame()``: pandas views, one row per clause / finding (report/frames.py)."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from leverage_lens import MissingExtraError, Report, analyze, parse_text
from leverage_lens.report.frames import CLAUSE_COLUMNS, FINDING_COLUMNS, key_terms_frame

pd = pytest.importorskip("pandas", reason="pandas is not installed: pip install 'leverage-lens[pandas]'")

MSA = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"


@pytest.fixture(scope="module")
def msa() -> Report:
    return analyze(MSA, perspective="Customer")


def test_clause_frame_has_one_row_per_clause_in_document_order(msa: Report) -> None:
    frame = msa.to_frame()
    assert list(frame.columns) == list(CLAUSE_COLUMNS)
    assert len(frame) == len(msa.clauses)
    assert list(frame["id"]) == [c.id for c in msa.clauses]
    assert list(frame["start"]) == [c.start for c in msa.clauses]
    assert frame["finding_count"].sum() == sum(1 for f in msa.findings if f.clause_id in set(frame["id"]))
    row = frame.set_index("id").loc["12.1"]
    assert row["number"] == "12.1" and row["heading"] == "Governing Law"
    assert "disputes.governing_law" in row["categories"] and row["families"] == ["disputes"]
    assert row["top_confidence"] == max(t.confidence for t in msa.clauses[list(frame["id"]).index("12.1")].tags)


def test_findings_frame_has_one_row_per_finding_with_party_names(msa: Report) -> None:
    frame = msa.findings_frame()
    assert list(frame.columns) == list(FINDING_COLUMNS)
    assert len(frame) == len(msa.findings)
    assert list(frame["id"]) == [f.id for f in msa.findings]
    names = {p.name for p in msa.parties}
    favors = set(frame["favors"].dropna())
    assert favors and favors <= names
    assert list(frame["severity_rank"]) == [f.severity.rank for f in msa.findings]


def test_key_terms_frame_lists_the_brief(msa: Report) -> None:
    frame = key_terms_frame(msa)
    brief = msa.summary.brief
    assert brief is not None
    assert list(frame["kind"]) == [t.kind for t in brief.terms()]


def test_frames_of_an_empty_report_keep_their_columns() -> None:
    doc = parse_text("")
    report = Report(document=doc)
    assert list(report.to_frame().columns) == list(CLAUSE_COLUMNS) and len(report.to_frame()) == 0
    assert list(report.findings_frame().columns) == list(FINDING_COLUMNS) and len(report.findings_frame()) == 0


def test_without_pandas_the_frames_raise_a_typed_error_naming_the_extra(msa: Report,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingExtraError, match=r"pip install 'leverage-lens\[pandas\]'"):
        msa.to_frame()
    with pytest.raises(ImportError):  # also an ImportError, for generic handlers
        msa.findings_frame()
