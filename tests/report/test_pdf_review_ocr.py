"""The PDF review copy of a scan: highlights placed on the words OCR read (``Page.words``)."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

import leverage_lens as ll
from leverage_lens.load.ocr import tesseract_missing
from leverage_lens.model import Finding, Report, Severity
from tests.fixtures.pdf_writer import write_pdf
from tests.fixtures.scanned import scan_pdf
from tests.report._review_helpers import letters

MISSING = tesseract_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=f"OCR needs Tesseract: {MISSING}")

_LINES = [
    "1. Term. This agreement starts on the Effective Date and lasts one year.",
    "2. Termination. Provider may terminate this Agreement at any time, for any",
    "reason, without notice to Customer.",
    "3. Law. This agreement is governed by the laws of the State of New York.",
]


def _quads(data: bytes) -> list[tuple[float, float, float, float]]:
    pdf = pdfium.PdfDocument(data)
    out = []
    try:
        page = pdf[0]
        for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
            for q in range(pdfium_c.FPDFAnnot_CountAttachmentPoints(annot)):
                quad = pdfium_c.FS_QUADPOINTSF()
                pdfium_c.FPDFAnnot_GetAttachmentPoints(annot, q, quad)
                xs, ys = (quad.x1, quad.x2, quad.x3, quad.x4), (quad.y1, quad.y2, quad.y3, quad.y4)
                out.append((min(xs), min(ys), max(xs), max(ys)))
            pdfium_c.FPDFPage_CloseAnnot(annot)
        page.close()
    finally:
        pdf.close()
    return out


def test_highlights_on_a_scanned_page_cover_the_findings_words() -> None:
    text_pdf = write_pdf([_LINES])
    scanned = scan_pdf(text_pdf)
    doc = ll.parse(scanned)
    quote = "terminate this Agreement at any time, for any reason"
    start = doc.text.index("terminate this Agreement at any time, for any\nreason")
    finding = Finding(id="f0", kind="ambiguity", rule="test.r0", severity=Severity.MEDIUM, start=start,
                      end=start + len(quote), quote=quote, message="m", suggestion="s")
    copy = Report(document=doc, findings=[finding]).to_pdf(None, original=scanned)
    assert [a.mode for a in copy.anchors] == ["exact"]
    quads = _quads(copy.data)
    assert len(quads) == 2  # one per visual row
    # the quads, laid on the text PDF the scan was made from, hold the quoted words and little else
    source = pdfium.PdfDocument(text_pdf)
    try:
        textpage = source[0].get_textpage()
        under = " ".join(textpage.get_text_bounded(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5) for x0, y0, x1, y1 in quads)
    finally:
        source.close()
    got, want = letters(under), letters(quote)
    assert want in got and len(got) - len(want) <= 3, under
