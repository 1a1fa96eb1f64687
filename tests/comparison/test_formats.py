"""Across formats: a DOCX draft against the signed PDF of the same contract, built in code."""

from __future__ import annotations

from leverage_lens import analyze
from leverage_lens.comparison import compare_reports
from tests.fixtures.docx_builder import DocxBuilder
from tests.fixtures.pdf_writer import write_pdf

from ._contracts import NEW, OLD


def _docx(text: str) -> bytes:
    builder = DocxBuilder()
    for paragraph in text.split("\n\n"):
        builder.paragraph(paragraph.strip())
    return builder.to_bytes()


def _pdf(text: str) -> bytes:
    lines = [line for line in text.splitlines()]
    return write_pdf([lines[i:i + 40] for i in range(0, len(lines), 40)], page_number="{n}")


def test_docx_draft_against_its_own_pdf_reports_no_change_of_wording() -> None:
    comp = compare_reports(analyze(_docx(OLD), format="docx"), analyze(_pdf(OLD), format="pdf"))
    assert comp.old.format == "docx" and comp.new.format == "pdf"
    assert [c for c in comp.clauses if c.edits or c.status not in ("unchanged",)] == []


def test_docx_draft_against_the_signed_pdf_of_the_next_version_finds_the_edits() -> None:
    comp = compare_reports(analyze(_docx(OLD), format="docx"), analyze(_pdf(NEW), format="pdf"),
                           perspective="Customer")
    edits = {(e.old_text, e.new_text) for c in comp.clauses for e in c.edits}
    assert ("Delaware", "New York") in edits and ("thirty", "fifteen") in edits
    assert comp.leverage[0].new_clause == "5.3" and comp.leverage[0].against_reader is True
