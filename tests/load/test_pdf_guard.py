"""PDFs whose pages draw Form XObjects too many times are refused before pdfium loads a page."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.errors import DocumentTooLargeError
from leverage_lens.load import pdf_guard
from tests.fixtures.pdf_writer import write_pdf
from tests.hardening import attacks


def _leaf_form_page(draws: int, *, compress: bool = True) -> bytes:
    """A page whose own content draws one small form ``draws`` times (one level, no nesting)."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
           b"/Resources << /XObject << /X 6 0 R >> >> >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        5: b"<< /Filter /FlateDecode" if compress else b"<<",
        6: b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>",
    }
    content = b"/X Do\n" * draws
    streams = {5: zlib.compress(content, 9) if compress else content,
               6: b"BT /F1 10 Tf 72 700 Td (Clause text.) Tj ET"}
    return attacks._serialise_pdf(objects, streams)


@pytest.mark.parametrize("depth", [6, 7])
def test_nested_fan_out_is_refused(depth: int) -> None:
    with pytest.raises(DocumentTooLargeError, match="max_pdf_form_draws"):
        ll.parse(attacks.xobject_fanout_pdf(depth))


def test_one_level_fan_out_from_a_compressed_page_is_refused() -> None:
    data = _leaf_form_page(1_000_000)
    assert len(data) < 10_000
    with pytest.raises(DocumentTooLargeError, match="page 1 draws Form XObjects"):
        ll.parse(data)


def test_forms_within_the_limit_are_read() -> None:
    doc = ll.parse(attacks.xobject_fanout_pdf(2, fanout=3, text="1. Term. Clause text."))
    assert doc.text.count("Clause text.") == 9


def test_limit_is_an_option() -> None:
    data = attacks.xobject_fanout_pdf(3)  # 1,111 draws
    with pytest.raises(DocumentTooLargeError):
        ll.parse(data, max_pdf_form_draws=1000)
    assert ll.parse(data, max_pdf_form_draws=2000).text.count("Clause text here.") == 1000


@pytest.mark.parametrize("spelling", [b"/F#6Frm", b"12 0 R"], ids=["escaped-name", "indirect-subtype"])
def test_forms_disguised_from_a_byte_search_are_still_counted(spelling: bytes) -> None:
    data = attacks.xobject_fanout_pdf(5)
    data = data.replace(b"/Subtype /Form", b"/Subtype " + spelling)
    if spelling.endswith(b"R"):
        data = data.replace(b"4 0 obj\n", b"12 0 obj\n/Form\nendobj\n4 0 obj\n", 1)
    assert pdf_guard.screen(data, 10_000)


def test_ordinary_pdf_is_cleared_by_the_screen_alone() -> None:
    assert not pdf_guard.screen(write_pdf([["1. Term. This Agreement starts today."]] * 3), 10_000)


def test_screen_bound_covers_the_exact_count() -> None:
    """Whatever the screen clears, the exact count agrees is within the limit."""
    for depth in range(1, 5):
        data = attacks.xobject_fanout_pdf(depth, fanout=5)
        worst = pdf_guard.form_draws_per_page(data, None, 10_000)
        assert worst is not None
        assert pdf_guard.screen(data, 10_000) or worst[1] <= 10_000


CUAD_PDF = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cuad" / "pdf"


@pytest.mark.data
@pytest.mark.skipif(not CUAD_PDF.is_dir(), reason=f"shared CUAD PDFs not found at {CUAD_PDF}")
def test_no_shared_cuad_pdf_is_refused() -> None:
    options = ll.Analyzer().options
    for path in sorted(CUAD_PDF.glob("*.pdf")):
        pdf_guard.check_form_draws(path.read_bytes(), options, path.name)
