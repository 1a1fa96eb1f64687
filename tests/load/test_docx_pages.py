"""Pages of a Word document come from the page breaks it records, or are reported as not known."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

import leverage_lens as ll
from tests.fixtures.docx_builder import Break, DocxBuilder


def _rendered_break(paragraph: etree._Element, before_text: str = "") -> None:
    """What Word leaves where a page ended at its last save: ``w:lastRenderedPageBreak`` in a run."""
    run = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(run, qn("w:lastRenderedPageBreak"))
    if before_text:
        t = etree.SubElement(run, qn("w:t"))
        t.text = before_text


def test_rendered_page_breaks_give_the_pages_word_laid_out() -> None:
    b = DocxBuilder()
    b.paragraph("1. Term. This Agreement starts on the Effective Date.")
    p = b.paragraph("2. Fees. ")
    _rendered_break(p, "Customer shall pay the Fees.")
    _rendered_break(b.paragraph(), "")
    b.paragraph("3. Law. The laws of Delaware govern.")
    doc = ll.parse(b.to_bytes(), format="docx")
    assert doc.pages_known and doc.page_count == 3
    assert doc.pages_label() == "3 pages"
    second = doc.pages[1]
    assert doc.text[second.start:].startswith("Customer shall pay")
    third = doc.clause_at(doc.text.index("3. Law"))
    assert third is not None and third.page_start == 3


def test_a_typed_page_break_alone_is_a_lower_bound_not_a_page_count() -> None:
    b = DocxBuilder()
    b.paragraph("1. Term. This Agreement starts on the Effective Date.")
    b.paragraph(Break("page"))
    b.paragraph("2. Fees. Customer shall pay the Fees.")
    doc = ll.parse(b.to_bytes(), format="docx")
    assert not doc.pages_known and doc.page_count is None
    assert len(doc.pages) == 2 and doc.pages_label() == "at least 2 pages"


def test_a_section_break_starts_a_page_unless_the_next_section_is_continuous() -> None:
    b = DocxBuilder()
    b.paragraph("1. Term. This Agreement starts on the Effective Date.", section_break=True)
    b.paragraph("2. Fees. Customer shall pay the Fees.")
    doc = ll.parse(b.to_bytes(), format="docx")
    assert len(doc.pages) == 2 and doc.text[doc.pages[1].start:].startswith("2. Fees")


def test_a_word_file_without_any_break_says_its_pages_are_unknown() -> None:
    b = DocxBuilder()
    b.paragraph("1. Term. This Agreement starts on the Effective Date.")
    doc = ll.parse(b.to_bytes(), format="docx")
    assert doc.page_count is None and doc.pages_label() == "pages unknown"
    assert "pages unknown" in repr(doc)


def test_a_table_row_split_over_two_pages_is_one_page_break() -> None:
    b = DocxBuilder()
    b.paragraph("Order Form")
    b.table([["Fees", "USD 10,000 a year"], ["Term", "One year"]])
    for cell in b.document.tables[0].rows[1].cells:  # Word marks the break in every cell of the row
        _rendered_break(cell.paragraphs[0]._p)
    doc = ll.parse(b.to_bytes(), format="docx")
    assert doc.page_count == 2


def test_pdf_and_text_pages_are_known() -> None:
    doc = ll.parse_text("1. Term. One year.")
    assert doc.pages_known and doc.page_count == 1 and doc.pages_label() == "1 page"


def test_page_breaks_in_many_tables_are_each_counted_on_every_run() -> None:
    # An order form laid out as a table per term, each starting a page: each row's break is its own, however
    # memory is reused between tables (rows keyed by id() once made a later table's break look counted).
    tables = 30
    b = DocxBuilder()
    b.paragraph("Order Form")
    for i in range(tables):
        b.table([[f"Term {i}", f"Value {i}"]])
        b.paragraph(f"Note {i}")
    for table in b.document.tables[1:]:
        for cell in table.rows[0].cells:  # Word marks the break in every cell of the row
            _rendered_break(cell.paragraphs[0]._p)
    data = b.to_bytes()
    counts = {ll.parse(data, format="docx").page_count for _ in range(5)}
    assert counts == {tables}
