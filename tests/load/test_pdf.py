"""The PDF loader on PDFs written in code (``tests.fixtures.pdf_writer``), with both engines.

Each test pins one promise of ``load_pdf``: the text of every line, exact page offsets, running headers
and page numbers removed (and body text kept), hyphenation, scans, passwords, limits and damage.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from leverage_lens.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from leverage_lens.load import pdf as pdf_module
from leverage_lens.load import pdf_plumber
from leverage_lens.load._types import Loaded
from leverage_lens.load.pdf import load_pdf
from leverage_lens.load.pdf_clean import clean_line
from leverage_lens.options import ParseOptions
from tests.fixtures.pdf_writer import Line, PdfPage, write_pdf

ENGINES = ["pdfium", "pdfplumber"]

BODY = [
    "1. Definitions. In this Agreement the following terms apply.",
    "\u201cProducts\u201d means the goods listed in Schedule A.",
    "2. Supply. The Supplier shall deliver the Products.",
]


def load(data: bytes, engine: str = "pdfium", **options: object) -> Loaded:
    return load_pdf(data, ParseOptions(pdf_engine=engine, **options), "test.pdf")


def block_texts(loaded: Loaded) -> list[str]:
    return [loaded.text[b.start : b.end] for b in loaded.blocks]


def contract(pages: int, lines_per_page: int = 6) -> list[list[str]]:
    return [
        [f"Clause {p + 1}.{k + 1} of the agreement binds the parties to term {k}." for k in range(lines_per_page)]
        for p in range(pages)
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_each_line_becomes_one_line_block_with_its_exact_text(engine: str) -> None:
    loaded = load(write_pdf([BODY]), engine)
    assert loaded.format == "pdf"
    assert block_texts(loaded) == BODY
    assert loaded.text == "\n".join(BODY)
    assert all(b.kind == "line" and b.page == 1 for b in loaded.blocks)
    assert loaded.warnings == []


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_cover_exactly_their_lines_and_are_separated_by_a_newline(engine: str) -> None:
    pages = [["First page, first line.", "First page, last word"], ["Second page begins here.", "End."]]
    loaded = load(write_pdf(pages), engine)
    assert [(p.number, loaded.text[p.start : p.end]) for p in loaded.pages] == [
        (1, "First page, first line.\nFirst page, last word"),
        (2, "Second page begins here.\nEnd."),
    ]
    assert loaded.text[loaded.pages[0].end] == "\n"
    assert loaded.pages[1].start == loaded.pages[0].end + 1
    assert [b.page for b in loaded.blocks] == [1, 1, 2, 2]
    assert (loaded.pages[0].width, loaded.pages[0].height) == (612.0, 792.0)


@pytest.mark.parametrize("engine", ENGINES)
def test_page_size_is_reported_in_points(engine: str) -> None:
    loaded = load(write_pdf([BODY], page_size=(595.28, 841.89)), engine)
    assert loaded.pages[0].width == pytest.approx(595.28, abs=0.01)
    assert loaded.pages[0].height == pytest.approx(841.89, abs=0.01)


@pytest.mark.parametrize("engine", ENGINES)
def test_line_boxes_lie_inside_their_page_top_to_bottom(engine: str) -> None:
    loaded = load(write_pdf(contract(2)), engine)
    for block in loaded.blocks:
        page = loaded.pages[block.page - 1]
        assert len(block.boxes) == 1
        box = block.boxes[0]
        assert box.page == block.page
        assert 0 <= box.x0 < box.x1 <= page.width
        assert 0 <= box.y0 < box.y1 <= page.height
        assert box.x0 == pytest.approx(72, abs=2)  # the writer's left margin
    first_page = [b.boxes[0].y0 for b in loaded.blocks if b.page == 1]
    assert first_page == sorted(first_page, reverse=True)


@pytest.mark.parametrize("engine", ENGINES)
def test_bold_font_size_and_centred_lines_are_marked(engine: str) -> None:
    lines = [Line("SUPPLY AGREEMENT", bold=True, size=14, align="center"), *BODY]
    loaded = load(write_pdf([lines]), engine)
    title, body = loaded.blocks[0], loaded.blocks[1]
    assert (title.bold, title.centered, title.font_size) == (True, True, pytest.approx(14))
    assert (body.bold, body.centered, body.font_size) == (False, False, pytest.approx(11))


@pytest.mark.parametrize("engine", ENGINES)
def test_running_header_footer_and_page_numbers_are_removed(engine: str) -> None:
    data = write_pdf(
        contract(4),
        header="CONFIDENTIAL - Supply Agreement between Acme and Beta",
        footer="Source: ACME CORP, 10-K, 3/1/2011",
        page_number="- {n} -",
    )
    loaded = load(data, engine)
    assert loaded.text == "\n".join("\n".join(page) for page in contract(4))
    kept = load(data, engine, strip_headers=False)
    assert kept.text.count("Source: ACME CORP, 10-K, 3/1/2011") == 4
    assert "- 3 -" in kept.text


@pytest.mark.parametrize("style", ["Page {n} of {total}", "{n}", "Page {n}"])
def test_page_number_styles_are_removed(style: str) -> None:
    loaded = load(write_pdf(contract(3), page_number=style))
    assert loaded.text == "\n".join("\n".join(page) for page in contract(3))


def test_numbers_and_repeated_lines_in_the_body_are_kept() -> None:
    # A table value alone on a line mid-page, a last line that is a number out of step with the pages,
    # and a signature block repeated on three signature pages at different heights.
    pages = [
        ["Fee schedule:", "250", "payable monthly."],
        ["The total number of units is", "100"],
        ["Executed by Acme.", "By: John Smith", "Title: Director"],
        ["Executed by Beta.", "Witnessed.", "By: John Smith", "Title: Director"],
        ["Executed by Gamma.", "Witnessed.", "Notarised.", "By: John Smith", "Title: Director"],
    ]
    loaded = load(write_pdf(pages))
    assert block_texts(loaded) == [line for page in pages for line in page]


def test_word_hyphenated_across_lines_is_rejoined_when_the_document_uses_the_word() -> None:
    pages = [["This agreement is binding.", "The parties sign this agree-", "ment today."]]
    loaded = load(write_pdf(pages))
    assert loaded.text == "This agreement is binding.\nThe parties sign this agreement today."
    first, second = loaded.blocks[1], loaded.blocks[2]
    assert loaded.text[first.start : first.end] == "The parties sign this agree"
    assert first.end == second.start  # the dropped hyphen and line break leave no separator
    assert loaded.text[second.start : second.end] == "ment today."


@pytest.mark.parametrize("engine", ENGINES)
def test_real_hyphens_at_line_ends_are_kept(engine: str) -> None:
    pages = [["No third-party rights.", "A licence to any third-", "party and a non-", "exclusive licence."]]
    loaded = load(write_pdf(pages), engine)
    assert block_texts(loaded) == pages[0]


def test_hyphenated_word_is_not_joined_across_a_page_break() -> None:
    loaded = load(write_pdf([["The agreement is agree-"], ["ment to terms."]]))
    assert loaded.text == "The agreement is agree-\nment to terms."


@pytest.mark.parametrize("engine", ENGINES)
def test_pdf_without_any_text_raises_no_text_layer_error(engine: str) -> None:
    data = write_pdf([PdfPage(image=True), PdfPage(), PdfPage(image=True)])
    with pytest.raises(NoTextLayerError, match=r"test\.pdf has no text layer on any of its 3 pages.*scan.*OCR"):
        load(data, engine)


def test_ocr_requested_without_an_ocr_engine_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(NoTextLayerError, match="needs OCR.*tesseract program is not installed.*apt-get install"):
        load(write_pdf([PdfPage(image=True)]), ocr=True)


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_without_text_among_text_pages_are_named_in_a_warning(engine: str) -> None:
    data = write_pdf([BODY, PdfPage(image=True), BODY, PdfPage()])
    loaded = load(data, engine)
    assert [(w.code, w.pages) for w in loaded.warnings] == [("pages_without_text", [2, 4])]
    assert "pages 2, 4" in loaded.warnings[0].message
    assert [(p.number, p.start == p.end) for p in loaded.pages] == [(1, False), (2, True), (3, False), (4, True)]
    assert loaded.text == "\n".join(BODY) + "\n" + "\n".join(BODY)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("bits", [40, 128])
def test_encrypted_pdf_needs_its_password(engine: str, bits: int) -> None:
    data = write_pdf([BODY], user_password="open sesame", owner_password="owner", key_bits=bits)
    with pytest.raises(EncryptedDocumentError, match="pass password="):
        load(data, engine)
    with pytest.raises(EncryptedDocumentError, match="password given is wrong"):
        load(data, engine, password="guess")
    assert load(data, engine, password="open sesame").text == "\n".join(BODY)
    assert load(data, engine, password="owner").text == "\n".join(BODY)


@pytest.mark.parametrize("engine", ENGINES)
def test_owner_password_only_pdf_opens_without_a_password(engine: str) -> None:
    data = write_pdf([BODY], user_password="", owner_password="owner")
    assert load(data, engine).text == "\n".join(BODY)


@pytest.mark.parametrize(("engine", "module"), [("pdfium", pdf_module), ("pdfplumber", pdf_plumber)])
def test_too_many_pages_is_refused_before_any_text_is_extracted(
    engine: str, module: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_extraction(*args: object) -> None:
        raise AssertionError("text extracted despite max_pages")

    monkeypatch.setattr(module, "_read_page", no_extraction)
    with pytest.raises(DocumentTooLargeError, match="has 12 pages, over the max_pages limit of 10"):
        load(write_pdf(contract(12, 1)), engine, max_pages=10)


@pytest.mark.parametrize("engine", ENGINES)
def test_text_beyond_max_chars_is_refused(engine: str) -> None:
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        load(write_pdf(contract(3)), engine, max_chars=200)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("cut", [0.2, 0.5, 0.9])
def test_truncated_pdf_raises_corrupt_document_error(engine: str, cut: float) -> None:
    data = write_pdf(contract(3))
    with pytest.raises(CorruptDocumentError, match="not a readable PDF") as info:
        load(data[: int(len(data) * cut)], engine)
    assert info.value.__cause__ is not None  # the engine's own exception is chained, never raised


@pytest.mark.parametrize("engine", ENGINES)
def test_garbage_after_a_pdf_header_raises_corrupt_document_error(engine: str) -> None:
    with pytest.raises(CorruptDocumentError):
        load(b"%PDF-1.7\n" + bytes(range(256)) * 20, engine)


def test_both_engines_give_the_same_text() -> None:
    pages = [[Line("MASTER SERVICES AGREEMENT", bold=True, align="center"), *BODY], contract(1, 8)[0]]
    data = write_pdf(pages, footer="Master Services Agreement - page {n}", page_number="{n}")
    pdfium_loaded, plumber_loaded = load(data, "pdfium"), load(data, "pdfplumber")
    assert pdfium_loaded.text == plumber_loaded.text
    assert [(b.start, b.end, b.page) for b in pdfium_loaded.blocks] == [
        (b.start, b.end, b.page) for b in plumber_loaded.blocks
    ]
    for ours, theirs in zip(pdfium_loaded.blocks, plumber_loaded.blocks):
        assert ours.boxes[0].y0 == pytest.approx(theirs.boxes[0].y0, abs=4)


def test_concurrent_loads_in_threads_give_identical_results() -> None:
    documents = [write_pdf(contract(3, n + 2), page_number="- {n} -") for n in range(6)]
    expected = [load(d).text for d in documents]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda d: load(d).text, documents * 4))
    assert results == expected * 4


def test_line_cleanup_maps_hyphen_marks_and_drops_control_characters() -> None:
    assert clean_line("  non\ufffe \t") == "non-"
    assert clean_line("Mid\u00adTier\x00 \u200bparty\x07") == "Mid-Tier party"
    assert clean_line("terms\u037e and") == "terms; and"  # NFC folds the Greek question mark
    assert clean_line("\u201cquoted\u201d\u00a0text") == "\u201cquoted\u201d\u00a0text"  # no NFKC
