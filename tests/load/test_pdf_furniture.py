"""Repeated page furniture anywhere on the page (``load/pdf_furniture.py``), on PDFs written in code."""

from __future__ import annotations

import leverage_lens as ll
from tests.fixtures.pdf_writer import write_pdf

LEGEND = "[***] Confidential treatment requested; omitted portions filed separately with the Commission."


def _body(page: int, lines: int = 8) -> list[str]:
    return [f"{page}.{k} The Supplier shall deliver the Products in lot {page * 10 + k} as agreed." for k in range(1, lines)]


def test_a_legend_inside_the_text_of_every_page_is_removed_and_reported() -> None:
    pages = []
    for n in range(1, 5):
        body = _body(n)
        body.insert(n + 1, LEGEND)  # at a different place on each page, as pdfium's reading order has it
        pages.append(body)
    doc = ll.parse(write_pdf(pages))
    assert "Confidential treatment" not in doc.text
    assert all(line in doc.text for n in range(1, 5) for line in _body(n))
    (warning,) = [w for w in doc.warnings if w.code == "furniture_removed"]
    assert warning.pages == [1, 2, 3, 4] and "Confidential treatment requested" in warning.message
    for clause in doc.clauses:  # offsets stay exact
        assert doc.text[clause.start : clause.end] == clause.text


def test_a_running_title_flowing_with_the_text_is_removed() -> None:
    pages = []
    for n in range(1, 5):
        body = _body(n, 5 + n)  # the title ends up at a different height on each page
        body.append("Supply Agreement - Execution Copy")
        pages.append(body)
    doc = ll.parse(write_pdf(pages))
    assert "Execution Copy" not in doc.text


def test_page_labels_in_the_middle_of_a_sheet_are_removed() -> None:
    pages = []
    for n in range(1, 5):  # a two-up printout: two original pages, two labels, on each sheet
        pages.append([*_body(n, 4), f"Page {2 * n - 1}", *_body(n + 10, 4), f"Page {2 * n}"])
    doc = ll.parse(write_pdf(pages))
    assert "Page " not in doc.text


def test_a_line_on_fewer_than_half_of_the_pages_is_kept() -> None:
    pages = [_body(n) for n in range(1, 8)]
    for n in (1, 4, 5):
        pages[n].insert(3, "Supply Agreement - Execution Copy")
    doc = ll.parse(write_pdf(pages))
    assert doc.text.count("Execution Copy") == 3
    assert "furniture_removed" not in {w.code for w in doc.warnings}


def test_a_redaction_footnote_is_removed_from_the_pages_it_is_printed_on() -> None:
    pages = [_body(n) for n in range(1, 11)]
    for n in (1, 4, 5):  # printed only where something was redacted
        pages[n].append("*** Omitted pursuant to a confidential treatment request.")
    doc = ll.parse(write_pdf(pages))
    assert "Omitted pursuant" not in doc.text


def test_article_headings_and_signature_pages_are_never_furniture() -> None:
    pages = [[f"ARTICLE {n}", *_body(n)] for n in range(1, 4)]
    block = ["IN WITNESS WHEREOF the undersigned have signed this joint filing agreement.",
             "By: /s/ Jane Roe", "Name: Jane Roe", "Title: Authorized Signatory", "its general partner"]
    # the block mid-page, with each page's own text around it (the running-header rule looks at page edges)
    pages += [[*_body(n + 20, 4), f"ACME FUND {n}, L.P.", *block, *_body(n + 30, 4)] for n in range(1, 5)]
    doc = ll.parse(write_pdf(pages))
    assert all(f"ARTICLE {n}" in doc.text for n in range(1, 4))
    assert doc.text.count("its general partner") == 4 and doc.text.count("Name: Jane Roe") == 4


def test_strip_headers_false_keeps_the_furniture() -> None:
    pages = []
    for n in range(1, 5):
        body = _body(n)
        body.insert(2, LEGEND)
        pages.append(body)
    doc = ll.parse(write_pdf(pages), strip_headers=False)
    assert doc.text.count("Confidential treatment requested") == 4
