"""OCR of scanned PDF pages (``load/ocr.py`` and its hook in ``load/pdf.py``) on scans made in code.

Tests that run Tesseract skip with a reason when it (or pytesseract) is not installed; the decisions taken
without it (when OCR runs, the errors that say how to install it) are tested everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.errors import NoTextLayerError, OcrTimeoutError
from leverage_lens.load import ocr as ocr_module
from leverage_lens.load import ocr_engine
from leverage_lens.load.ocr import pages_to_read, tesseract_missing
from leverage_lens.load.pdf_clean import RawLine, RawPage
from tests.fixtures.pdf_writer import PdfPage, write_pdf
from tests.fixtures.scanned import scan_pdf

MISSING = tesseract_missing()
needs_tesseract = pytest.mark.skipif(MISSING is not None, reason=f"OCR needs Tesseract: {MISSING}")

LINES = [
    "1. Definitions. In this Agreement the following terms have the meanings below.",
    "2. Term. This Agreement starts on the Effective Date and lasts for two (2) years.",
    "3. Payment. Customer shall pay each invoice within thirty (30) days of receipt.",
]


@pytest.fixture(scope="module")
def text_pdf() -> bytes:
    return write_pdf([LINES, ["4. Notices. Notices must be in writing and sent to the Notice Address."]])


@pytest.fixture(scope="module")
def scanned(text_pdf: bytes) -> bytes:
    return scan_pdf(text_pdf)


@needs_tesseract
def test_scanned_pages_are_read_by_ocr_into_the_same_text_and_clauses(text_pdf: bytes, scanned: bytes) -> None:
    doc = ll.parse(scanned)
    assert doc.text == ll.parse(text_pdf).text
    assert [c.number for c in doc.clauses if c.number] == ["1.", "2.", "3.", "4."]
    assert all(p.ocr for p in doc.pages)
    assert all(p.ocr_confidence is not None and p.ocr_confidence > 0.8 for p in doc.pages)
    assert "pages_without_text" not in {w.code for w in doc.warnings}


@needs_tesseract
def test_ocr_words_index_the_text_and_sit_where_the_text_pdf_prints_them(text_pdf: bytes, scanned: bytes) -> None:
    doc = ll.parse(scanned)
    text_doc = ll.parse(text_pdf)
    words = [w for p in doc.pages for w in p.words]
    assert [doc.text[w.start : w.end] for w in words] == doc.text.split()
    # each OCR word lies inside the line box pdfium gives for the same line of the text PDF
    line_boxes = {c.id: c.boxes for c in text_doc.clauses}
    first = next(c for c in text_doc.clauses if c.number == "2.")
    box = line_boxes[first.id][0]
    inside = [w for w in words if first.start <= w.start < first.end]
    assert inside and all(w.box.page == 1 for w in inside)
    for w in inside:
        assert box.x0 - 3 <= w.box.x0 < w.box.x1 <= box.x1 + 3
        assert box.y0 - 4 <= w.box.y0 < w.box.y1 <= box.y1 + 4
        assert 0 <= w.confidence <= 1


@needs_tesseract
def test_clause_boxes_of_ocr_pages_let_highlights_find_their_lines(scanned: bytes) -> None:
    doc = ll.parse(scanned)
    numbered = [c for c in doc.clauses if c.number]
    assert all(c.boxes and all(c.page_start <= b.page <= c.page_end for b in c.boxes) for c in numbered)


@needs_tesseract
def test_progress_is_reported_after_each_ocr_page(scanned: bytes) -> None:
    calls: list[tuple[int, int]] = []
    ll.parse(scanned, ocr_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]


@needs_tesseract
def test_ocr_true_reads_every_page_and_ignores_the_text_layer(text_pdf: bytes) -> None:
    doc = ll.parse(text_pdf, ocr=True)
    assert all(p.ocr for p in doc.pages)
    assert doc.text == ll.parse(text_pdf).text


@needs_tesseract
def test_only_pages_without_text_are_read_in_a_mixed_pdf(text_pdf: bytes) -> None:
    scanned_second = scan_pdf(write_pdf([["4. Notices. Notices must be in writing and sent to the Notice Address."]]))
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument(text_pdf)
    mixed.del_page(1)
    mixed.import_pages(pdfium.PdfDocument(scanned_second))
    import io

    buf = io.BytesIO()
    mixed.save(buf)
    doc = ll.parse(buf.getvalue())
    assert [p.ocr for p in doc.pages] == [False, True]
    assert doc.pages[0].words == [] and doc.pages[1].words
    assert doc.text.endswith("4. Notices. Notices must be in writing and sent to the Notice Address.")


@needs_tesseract
def test_ocr_past_its_timeout_raises_a_typed_error_and_leaves_no_tesseract_running(scanned: bytes) -> None:
    with pytest.raises(OcrTimeoutError, match="ocr_timeout"):
        ll.parse(scanned, ocr_timeout=0.05)
    assert not _tesseract_children()


def test_a_scan_gives_ocr_a_deadline_inside_its_per_file_timeout(tmp_path: Path) -> None:
    from leverage_lens.batch.scan import ScanRun

    run = ScanRun(tmp_path, pattern="*", workers=1, executor=None, output=None, resume=False, retry_failed=False,
                  yield_skipped=False, timeout=120, memory_limit_mb=None, max_tasks_per_worker=None,
                  analyze_options={})
    assert run.options["ocr_timeout"] == 96.0  # 80% of the file's time, and at least 3 s before the kill
    keyed = ScanRun(tmp_path, pattern="*", workers=1, executor=None, output=None, resume=False, retry_failed=False,
                    yield_skipped=False, timeout=60, memory_limit_mb=None, max_tasks_per_worker=None,
                    analyze_options={})
    assert keyed.options_key == run.options_key  # the timeout does not make earlier results stale


@needs_tesseract
@pytest.mark.slow
def test_a_scan_with_a_timeout_stops_ocr_in_the_worker_before_the_pool_kills_it(tmp_path: Path) -> None:
    pages = [[f"{n}. Clause {n} of the agreement, with enough words to read." for n in range(1, 30)]] * 10
    (tmp_path / "scan.pdf").write_bytes(scan_pdf(write_pdf(pages)))
    records = list(ll.scan(tmp_path, workers=1, timeout=15))  # OCR stops at 12 s; 10 pages need ~25 s
    assert len(records) == 1
    assert records[0].status == "error" and records[0].error_type == "OcrTimeoutError"


def test_auto_never_runs_ocr_on_a_pdf_whose_pages_all_have_text(
    text_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR was run on a PDF with a text layer")

    monkeypatch.setattr(ocr_module, "read_scanned_pages", refuse)
    assert ll.parse(text_pdf).pages[0].ocr is False


def test_blank_pages_and_pages_with_text_are_not_sent_to_ocr() -> None:
    text = RawPage(1, 612, 792, [RawLine("Text")])
    blank = RawPage(2, 612, 792, [], blank=True)
    image = RawPage(3, 612, 792, [])
    pages = [text, blank, image]
    assert pages_to_read(pages, "auto") == [2]
    assert pages_to_read(pages, True) == [0, 1, 2]
    assert pages_to_read(pages, False) == []


def test_ocr_false_refuses_a_scan_and_says_how_to_read_it(scanned: bytes) -> None:
    with pytest.raises(NoTextLayerError, match="no text layer on any of its 2 pages.*ocr='auto'"):
        ll.parse(scanned, ocr=False)


def test_without_tesseract_a_scan_is_refused_with_how_to_install_it(
    scanned: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_engine.shutil, "which", lambda name: None)
    with pytest.raises(NoTextLayerError, match=r"needs OCR, but the tesseract program is not installed.*apt-get install tesseract-ocr"):
        ll.parse(scanned)


def test_ocr_true_without_tesseract_fails_even_when_pages_have_text(
    text_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_engine.shutil, "which", lambda name: None)
    with pytest.raises(NoTextLayerError, match="tesseract-ocr"):
        ll.parse(text_pdf, ocr=True)


def test_image_only_pages_without_tesseract_are_named_in_a_warning(
    text_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr_engine.shutil, "which", lambda name: None)
    data = write_pdf([LINES, PdfPage(image=True)])
    doc = ll.parse(data)
    warning = next(w for w in doc.warnings if w.code == "pages_without_text")
    assert warning.pages == [2] and "apt-get install tesseract-ocr" in warning.message


def test_ocr_option_accepts_auto_and_booleans_only() -> None:
    from leverage_lens.errors import InvalidOptionError
    from leverage_lens.options import parse_options

    assert parse_options().ocr == "auto"
    assert parse_options(ocr=True).ocr is True
    with pytest.raises(InvalidOptionError):
        parse_options(ocr="always")


def test_the_progress_callback_survives_merging_options_and_is_not_serialised() -> None:
    from leverage_lens.options import parse_options

    def progress(done: int, total: int) -> None:
        pass

    merged = parse_options(parse_options(ocr_progress=progress), password="x")
    assert merged.ocr_progress is progress
    assert "ocr_progress" not in merged.model_dump()


def _tesseract_children() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        if name == "tesseract" and ppid == os.getpid():
            found.append(int(entry.name))
    return found
