"""analyze(..., playbook=...) and the playbook's results in every view: the brief opens with them, Markdown and
HTML show them, the Word review copy carries the fallback as comments, data frames and JSON keep them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.model import Report
from leverage_lens.playbook import PlaybookError
from leverage_lens.report.brief_view import brief_text
from leverage_lens.report.playbook_view import playbook_notes

from .conftest import ONE_SIDED


@pytest.fixture(scope="module")
def checked() -> Report:
    return ll.analyze(ll.parse_text(ONE_SIDED, name="one_sided.txt"), playbook="customer", perspective="Customer")


def test_analyze_with_a_playbook_fills_report_playbook(checked: Report) -> None:
    pb = checked.playbook
    assert pb is not None and pb.name == "SaaS customer"
    assert pb.party == next(p.id for p in checked.parties if p.role == "Customer")
    status = {r.position_id: r.status for r in pb.results}
    assert status["supplier-cap-floor"] == "not_met"  # three months of fees
    assert status["governing-law"] == "not_met"  # Texas
    assert status["payment-period"] == "not_met"  # fifteen days
    assert status["short-renewals"] == "not_met"  # three-year renewals, 180 days' notice


def test_the_report_round_trips_through_json_with_its_playbook(checked: Report) -> None:
    again = Report.model_validate_json(checked.to_json())
    assert again.playbook == checked.playbook


def test_check_playbook_on_a_saved_report_gives_the_same_results(checked: Report) -> None:
    bare = checked.model_copy(update={"playbook": None})
    assert ll.check_playbook(bare, "customer") == checked.playbook


def test_a_bad_playbook_fails_before_the_analysis() -> None:
    with pytest.raises(PlaybookError):
        ll.analyze(ll.parse_text("1. Term. One year."), playbook={"name": "x", "positions": []})


def test_the_brief_opens_with_the_playbook(checked: Report) -> None:
    text = brief_text(checked)
    assert text.index("Playbook") < text.index("Key terms")
    assert "propose:" in text and "not met" in text


def test_markdown_has_a_playbook_section_before_the_brief(checked: Report) -> None:
    md = checked.to_markdown()
    assert md.index("## Playbook") < md.index("## Negotiation brief")
    assert "**Propose:**" in md and "~~" in md  # fallback, and the word-by-word deviation


def test_html_has_a_playbook_table_with_statuses(checked: Report) -> None:
    html = checked.to_html()
    assert 'id="playbook"' in html and 'data-position="governing-law"' in html
    assert 'data-status="not_met"' in html and "<del>" in html


def test_reports_without_a_playbook_show_no_playbook_section() -> None:
    plain = ll.analyze(ll.parse_text(ONE_SIDED))
    assert plain.playbook is None
    assert "Playbook" not in plain.to_markdown() and 'id="playbook"' not in plain.to_html()


def test_playbook_frame_has_a_row_per_position(checked: Report) -> None:
    pytest.importorskip("pandas")
    frame = checked.playbook_frame()
    assert len(frame) == len(checked.playbook.results) and "fallback" in frame.columns


def test_notebook_repr_counts_failed_positions(checked: Report) -> None:
    assert "positions failed" in checked._repr_html_()


def test_failed_positions_become_review_notes_with_the_fallback(checked: Report) -> None:
    notes = playbook_notes(checked)
    failed = checked.playbook.failed()
    assert {n.id for n in notes} <= {f"playbook:{r.position_id}" for r in failed}
    cap = next(n for n in notes if n.id == "playbook:supplier-cap-floor")
    assert "Propose:" in cap.text and checked.document.text[cap.start:cap.end].strip()


def test_the_word_review_copy_carries_a_comment_per_failed_position(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    from tests.fixtures.docx_builder import DocxBuilder

    b = DocxBuilder()
    for line in ONE_SIDED.splitlines():
        if line.strip():
            b.paragraph(line)
    path = tmp_path / "c.docx"
    path.write_bytes(b.to_bytes())
    report = ll.analyze(path, playbook="customer", perspective="Customer")
    copy = report.to_docx(None)
    texts = [c.text for c in WordDocument(io.BytesIO(copy.data)).comments]
    playbook_comments = [t for t in texts if t.startswith("Playbook:")]
    assert len(playbook_comments) == len([n for n in playbook_notes(report)])
    assert any("Propose:" in t for t in playbook_comments)
    assert [a.finding_id for a in copy.anchors][-len(playbook_comments):] == [n.id for n in playbook_notes(report)]
