"""``_repr_html_`` on Report, Document, Clause and Finding: short escaped HTML for Jupyter."""

from __future__ import annotations

from ._helpers import HOSTILE_CONTRACT, read_page, report_with


def test_each_model_has_a_short_escaped_html_summary() -> None:
    start = HOSTILE_CONTRACT.index("<script>")
    report = report_with(HOSTILE_CONTRACT, [(start, start + 30)])
    clause = next(c for c in report.document.clauses if "<script>" in c.text and not report.document.children(c))
    views = {
        "report": report._repr_html_(),
        "document": report.document._repr_html_(),
        "clause": clause._repr_html_(),
        "finding": report.findings[0]._repr_html_(),
    }
    for name, view in views.items():
        assert isinstance(view, str) and view.startswith("<div"), name
        reader = read_page(view)
        assert reader.errors == [] and reader.stack == [], name
        assert reader.tags["script"] == 0, name
        assert len(view) < 5_000, name
    assert "&lt;script&gt;" in views["clause"] and "&lt;script&gt;" in views["finding"]
    assert "test.r0" in views["report"] and "fixture.txt" in views["document"]
    assert (clause.number or "") in views["clause"]
