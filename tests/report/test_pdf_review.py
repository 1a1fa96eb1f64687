"""The PDF review copy: a highlight over each finding's text, found through the loader's text cleanup."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

import leverage_lens as ll
from leverage_lens.checks.titles import rule_title
from leverage_lens.errors import (
    EncryptedDocumentError,
    OriginalMismatchError,
    OriginalNotFoundError,
    UnsupportedFormatError,
)
from leverage_lens.model import Finding, Report, Severity
from leverage_lens.report.pdf_review import SEVERITY_COLORS
from leverage_lens.report.review import AUTHOR
from tests.fixtures.pdf_writer import write_pdf
from tests.report._review_helpers import Highlight, highlights, letters

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "master_services_agreement.pdf"
DATA = ROOT.parent / "shared" / "data"

_PAGE_ONE = [
    "SERVICES AGREEMENT",
    'This Agreement is made on [insert date] between Acme Corp ("Provider") and Beta LLC ("Customer").',
    "1. Term. This agreement starts on the Effective Date and lasts one year.",
    "2. Termination. Provider may terminate this Agreement at any time, for any",
    "reason, without notice to Customer. The agree-",
    "ment survives as to accrued fees.",
    "3. Fees. Customer shall pay all invoices within a reasonable time after the",
]
_PAGE_TWO = [
    "invoice date, and Provider may change the Fees at any time in its sole discretion.",
    "4. Law. This agreement is governed by the laws of the State of New York.",
    "5. Notices. Notices are given in writing.",
]


def _pdf() -> bytes:
    """Two pages with a running header and footer (dropped by the loader) and a hyphen it rejoins."""
    return write_pdf([_PAGE_ONE, _PAGE_TWO, ["6. Entire Agreement. This is the whole agreement."]],
                     header="Acme / Beta - Confidential", footer="Services Agreement - Page {n}")


def _with_findings(data: bytes, quotes: list[str]) -> Report:
    doc = ll.parse(data, format="pdf")
    findings = []
    for i, quote in enumerate(quotes):
        start = doc.text.index(quote)
        findings.append(Finding(id=f"f{i}", kind="ambiguity", rule=f"test.r{i}", severity=Severity.MEDIUM,
                                start=start, end=start + len(quote), quote=quote, message=f"message {i}",
                                suggestion=f"suggestion {i}"))
    return Report(document=doc, findings=findings)


def _for(found: list[Highlight], finding: Finding) -> list[Highlight]:
    return [h for h in found if h.name.split("#")[0] == f"{AUTHOR}:{finding.rule}:{finding.id}"]


def _covers(highlight: Highlight, text: str, slack: int = 3) -> bool:
    """The highlight's text holds ``text`` and at most ``slack`` letters more (touching neighbours)."""
    got, want = letters(highlight.text), letters(text)
    return want in got and len(got) - len(want) <= slack


def test_every_finding_is_highlighted_with_its_message_suggestion_and_author() -> None:
    data = _pdf()
    report = ll.analyze(data)
    assert len(report.findings) >= 3
    found = highlights(report.to_pdf(None, original=data).data)
    assert {h.author for h in found} == {AUTHOR}
    for finding in report.findings:
        mine = _for(found, finding)
        pages = {report.document.page_at(finding.start), report.document.page_at(finding.end - 1)}
        assert len(mine) == len(pages)
        assert all(finding.message in h.contents and finding.suggestion in h.contents for h in mine)


def test_each_highlight_covers_the_findings_text_on_its_page() -> None:
    data = _pdf()
    quotes = ["Provider may terminate this Agreement at any time", "agreement survives", "within a reasonable time",
              "governed by the laws of the State of New York"]
    report = _with_findings(data, quotes)
    copy = report.to_pdf(None, original=data)
    assert [a.mode for a in copy.anchors] == ["exact"] * len(quotes)
    found = highlights(copy.data)
    assert len(found) == len(quotes)
    for finding in report.findings:
        (highlight,) = _for(found, finding)
        assert _covers(highlight, finding.quote), (finding.quote, highlight.text)


def test_a_finding_across_lines_gets_one_quadrilateral_per_line() -> None:
    data = _pdf()
    report = _with_findings(data, ["for any\nreason, without notice"])
    found = highlights(report.to_pdf(None, original=data).data)
    (highlight,) = found
    assert _covers(highlight, "for any reason, without notice")
    pdf = pdfium.PdfDocument(report.to_pdf(None, original=data).data)
    page = pdf[0]
    annot = pdfium_c.FPDFPage_GetAnnot(page.raw, 0)
    assert pdfium_c.FPDFAnnot_CountAttachmentPoints(annot) == 2
    pdfium_c.FPDFPage_CloseAnnot(annot)
    page.close()
    pdf.close()


def test_a_finding_across_a_page_break_is_highlighted_on_both_pages() -> None:
    data = _pdf()
    report = _with_findings(data, ["reasonable time after the\ninvoice date"])
    copy = report.to_pdf(None, original=data)
    found = highlights(copy.data)
    assert [h.page for h in found] == [1, 2]
    assert _covers(found[0], "reasonable time after the") and _covers(found[1], "invoice date")
    assert "(continued)" in found[1].contents and "(continued)" not in found[0].contents
    assert copy.anchors[0].mode == "exact"


def test_repeated_text_is_highlighted_where_the_finding_is() -> None:
    data = write_pdf([["The Supplier shall pay.", "Other words here.", "The Supplier shall pay."]])
    doc = ll.parse(data)
    second = doc.text.rindex("The Supplier shall pay.")
    finding = Finding(id="f", kind="ambiguity", rule="t", severity=Severity.LOW, start=second,
                      end=second + 23, quote=doc.text[second : second + 23], message="m")
    copy = Report(document=doc, findings=[finding]).to_pdf(None, original=data)
    pdf = pdfium.PdfDocument(copy.data)
    page = pdf[0]
    annot = pdfium_c.FPDFPage_GetAnnot(page.raw, 0)
    rect = pdfium_c.FS_RECTF()
    pdfium_c.FPDFAnnot_GetRect(annot, rect)
    pdfium_c.FPDFPage_CloseAnnot(annot)
    textpage = page.get_textpage()
    first_line_top = textpage.get_charbox(0)[3]
    assert rect.top < first_line_top - 24  # the third line (16 pt apart), not the first
    textpage.close()
    page.close()
    pdf.close()


def test_text_that_cannot_be_found_falls_back_to_the_clause_lines() -> None:
    data = _pdf()
    doc = ll.parse(data)
    clause = next(c for c in doc.clauses if c.boxes and "Termination" in c.text)
    finding = Finding(id="f", kind="ambiguity", rule="t", severity=Severity.LOW, start=clause.start,
                      end=clause.start, quote="", message="m", clause_id=clause.id)
    copy = Report(document=doc, findings=[finding]).to_pdf(None, original=data)
    assert copy.anchors[0].mode == "paragraph"
    (highlight,) = highlights(copy.data)
    assert "Provider may terminate" in highlight.text


def test_pages_keep_their_text_and_the_copy_reparses_identically() -> None:
    data = _pdf()
    report = ll.analyze(data)
    copy = report.to_pdf(None, original=data)
    assert ll.parse(copy.data).text == report.document.text


def test_to_pdf_reads_the_original_from_the_source_and_checks_it(tmp_path: Path) -> None:
    path = tmp_path / "contract.pdf"
    path.write_bytes(_pdf())
    report = ll.analyze(path)
    out = tmp_path / "review.pdf"
    copy = report.to_pdf(out)
    assert out.read_bytes() == copy.data and len(highlights(copy.data)) >= len(report.findings)
    path.write_bytes(write_pdf([["A different contract."]]))
    with pytest.raises(OriginalMismatchError):
        report.to_pdf(None)
    with pytest.raises(OriginalNotFoundError):
        ll.analyze(_pdf()).to_pdf(None)
    with pytest.raises(UnsupportedFormatError, match="to_docx"):
        report.model_copy(update={"document": report.document.model_copy(update={"format": "docx"})}).to_pdf(None)


def test_an_encrypted_original_needs_its_password_and_the_copy_stays_protected() -> None:
    data = write_pdf([_PAGE_ONE], user_password="s3cret")
    report = ll.analyze(data, password="s3cret")
    with pytest.raises(EncryptedDocumentError, match="password="):
        report.to_pdf(None, original=data)
    copy = report.to_pdf(None, original=data, password="s3cret")
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(copy.data)
    assert len(highlights(copy.data, password="s3cret")) == len(report.findings) >= 3


def test_the_example_contract_gets_an_exact_highlight_on_every_finding() -> None:
    report = ll.analyze(EXAMPLE)
    copy = report.to_pdf(None)
    assert len(report.findings) >= 10
    assert [a.mode for a in copy.anchors] == ["exact"] * len(report.findings)
    found = highlights(copy.data)
    doc = report.document
    for finding in report.findings:
        mine = _for(found, finding)
        assert mine
        for h in mine:
            page = next(p for p in doc.pages if p.number == h.page)
            piece = doc.text[max(finding.start, page.start) : min(finding.end, page.end)]
            assert _covers(h, piece, slack=6), (piece, h.text)


@pytest.mark.data
def test_cuad_pdfs_anchor_most_findings_exactly() -> None:
    files = sorted((DATA / "cuad" / "pdf").glob("*.pdf"))[::100]
    if not files:
        pytest.skip(f"CUAD PDFs not found under {DATA / 'cuad' / 'pdf'}")
    total = exact = 0
    for path in files:
        report = ll.analyze(path)
        copy = report.to_pdf(None)
        assert len(highlights(copy.data)) >= len(report.findings), path.name
        total += len(copy.anchors)
        exact += sum(a.mode == "exact" for a in copy.anchors)
    assert total > 0 and exact / total >= 0.9


def test_highlights_are_coloured_by_severity_and_keep_ids_out_of_the_note() -> None:
    data = _pdf()
    report = ll.analyze(data)
    found = highlights(report.to_pdf(None, original=data).data)
    severities = {f.severity.value for f in report.findings}
    assert len(severities) >= 2, "the fixture should raise findings of two severities"
    for finding in report.findings:
        for h in _for(found, finding):
            assert h.color == SEVERITY_COLORS[finding.severity.value]
            assert h.subject == rule_title(finding.rule) and h.contents.startswith(rule_title(finding.rule))
            assert finding.message in h.contents
            assert finding.id not in h.contents and finding.rule not in h.contents
    assert len({h.color for h in found}) == len(severities)


def test_a_finding_cut_mid_word_is_highlighted_on_whole_words() -> None:
    data = _pdf()
    # a window cut inside words at both ends, as a rule quoting 40 characters around a bracket does
    report = _with_findings(data, ["rminate this Agreement at any time, for a"])
    (highlight,) = highlights(report.to_pdf(None, original=data).data)
    assert letters(highlight.text) == letters("terminate this Agreement at any time, for any")
    (anchor,) = report.to_pdf(None, original=data).anchors
    assert report.document.text[anchor.start:anchor.end] == "terminate this Agreement at any time, for any"
