"""What every Report must satisfy, whatever the input: shared by the property tests, fuzzing and threads."""

from __future__ import annotations

from leverage_lens import Report


def assert_report_is_consistent(report: Report) -> None:
    """Offsets in range and consistent, a well-formed tree, and a JSON round trip."""
    doc = report.document
    text = doc.text
    n = len(text)
    ids = [c.id for c in doc.clauses]
    assert len(set(ids)) == len(ids), "clause ids are unique"
    position = {cid: i for i, cid in enumerate(ids)}
    by_id = {c.id: c for c in doc.clauses}
    previous_start = -1
    for i, c in enumerate(doc.clauses):
        assert 0 <= c.start <= c.end <= n, (c.id, c.start, c.end, n)
        assert c.text == text[c.start : c.end], c.id
        assert c.start >= previous_start, f"{c.id} out of document order"
        previous_start = c.start
        assert 1 <= c.page_start <= c.page_end, c.id
        for span in (c.number_span, c.heading_span):
            if span is not None:
                assert c.start <= span.start <= span.end <= n, (c.id, span)
        if c.parent_id is None:
            assert c.level == 0, c.id
        else:
            parent = by_id[c.parent_id]
            assert position[c.parent_id] < i, f"{c.id} comes before its parent"
            assert c.level == parent.level + 1, c.id
            assert parent.start <= c.start and c.end <= parent.end, (c.id, parent.id)
    for page in doc.pages:
        assert 0 <= page.start <= page.end <= n
    for warning in doc.warnings:
        for span in warning.spans:
            assert 0 <= span.start <= span.end <= n, warning.code
    assert [c.id for c in report.clauses] == ids
    again = Report.model_validate_json(report.to_json())
    assert again.document.text == text
    assert [(c.id, c.start, c.end) for c in again.clauses] == [(c.id, c.start, c.end) for c in report.clauses]
