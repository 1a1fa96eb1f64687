"""PDF loading, default engine: pdfium's text layer, line by line, with a box per line.

pdfium reads SEC-style contracts in the right order at several hundred pages a second; this module asks
it for each page's text (one call), splits the text into lines at pdfium's line breaks, and gets each
line's boxes from pdfium's text rectangles (which merge the character boxes of a run). Pages without text
are handed to :mod:`.ocr` (Tesseract) under the ``ocr`` option before cleanup. Everything after
that -- character cleanup, running headers, hyphenation, offsets -- is engine-independent and lives in
:mod:`.pdf_clean`. ``ParseOptions(pdf_engine="pdfplumber")`` dispatches to :mod:`.pdf_plumber` instead.

pdfium is not thread-safe: every pdfium call made here runs under one module-level lock, and each
document, page and text page is closed before the lock is released.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptDocumentError, DocumentTooLargeError, EncryptedDocumentError, LeverageLensError
from ..options import ParseOptions
from ._types import Loaded
from .budget import CharBudget
from .pdf_clean import RawLine, RawPage, Rect, build_loaded, count_chars

__all__ = ["ASTRAL", "PDFIUM_LOCK", "CharIndex", "load_pdf", "open_pdf"]

#: Serialises all use of pdfium in this process (pdfium keeps global state and is not thread-safe).
PDFIUM_LOCK = threading.RLock()

_LINE = re.compile(r"[^\r\n]+")
#: Characters outside the Basic Multilingual Plane: pdfium counts each as two UTF-16 units (see CharIndex).
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_HYPHEN_MARK = "\ufffe"  # pdfium's mark for a hyphen ending a line, whose line break it then drops
_FONT_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
#: Space variants pdfium reports where the page prints an ordinary space (U+00A0 on many EDGAR filings, the
#: typographic spaces U+2000-U+200A, U+202F, U+205F, U+3000) and the no-break hyphen U+2011: each becomes the
#: plain character, one for one, so ``"Effective Date" in doc.text`` holds and no offset or box moves.
_PRINTED_AS = str.maketrans({c: " " for c in (0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)}
                            | {0x2011: "-"})


def load_pdf(data: bytes, options: ParseOptions, label: str, budget: CharBudget | None = None) -> Loaded:
    """Load a PDF from bytes with the engine ``options.pdf_engine`` names.

    Raises :class:`EncryptedDocumentError` (no or wrong password), :class:`CorruptDocumentError`
    (unreadable bytes), :class:`DocumentTooLargeError` (more pages than ``options.max_pages``, checked
    before any text is extracted) and :class:`NoTextLayerError` (no page has text). No exception of
    pypdfium2, pdfminer or pdfplumber escapes.

    Before pdfium loads a page, :func:`.pdf_guard.check_form_draws` refuses a file whose pages draw Form
    XObjects too many times (pdfium expands every draw in memory and aborts the process when it runs out);
    each page's character count is checked against ``budget`` (default ``options.max_chars``) before its
    text is copied out of pdfium.
    """
    if options.pdf_engine == "pdfplumber":
        from .pdf_plumber import load_pdf_plumber

        return load_pdf_plumber(data, options, label)
    from .pdf_guard import check_form_draws

    check_form_draws(data, options, label)
    budget = budget or CharBudget(options.max_chars, label)
    with PDFIUM_LOCK:
        pages = _read_pages(data, options, label, budget)
    if options.ocr is True or (options.ocr == "auto" and not all(p.blank or p.has_text for p in pages)):
        from .ocr import read_scanned_pages  # only for scans: a PDF with text never imports it

        pages = read_scanned_pages(data, pages, options, label, lock=PDFIUM_LOCK, open_pdf=open_pdf)
    return build_loaded(pages, options, label)


def _read_pages(data: bytes, options: ParseOptions, label: str, budget: CharBudget) -> list[RawPage]:
    pdf = open_pdf(data, options.password, label)
    try:
        count = len(pdf)
        if count > options.max_pages:
            raise DocumentTooLargeError(
                f"{label} has {count:,} pages, over the max_pages limit of {options.max_pages:,}; "
                "raise max_pages to accept it"
            )
        pages: list[RawPage] = []
        chars = 0
        for index in range(count):
            page = _read_page(pdf, index, budget, count)
            chars = count_chars(chars, page, options, label, index, count)
            pages.append(page)
        return pages
    except LeverageLensError:
        raise
    except MemoryError as exc:
        raise DocumentTooLargeError(f"{label} needs more memory than is available to read") from exc
    except Exception as exc:  # noqa: BLE001 - the loader edge: pdfium errors become typed errors
        raise CorruptDocumentError(f"{label} is a damaged PDF: {type(exc).__name__}: {exc}") from exc
    finally:
        pdf.close()


def open_pdf(data: bytes, password: str | None, label: str) -> pdfium.PdfDocument:
    """Open the document, telling a password problem from damage."""
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            hint = "the password given is wrong" if password else "pass password= to open it"
            raise EncryptedDocumentError(f"{label} is a password-protected PDF: {hint}") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocumentError(
                f"{label} is encrypted with a security handler pdfium does not support; remove the protection"
            ) from exc
        if code == pdfium_c.FPDF_ERR_SUCCESS:
            raise CorruptDocumentError(f"{label} is a PDF without any page") from exc
        raise CorruptDocumentError(f"{label} is not a readable PDF (truncated or damaged): {exc}") from exc
    except MemoryError as exc:
        raise DocumentTooLargeError(f"{label} needs more memory than is available to open") from exc
    except Exception as exc:  # noqa: BLE001 - the loader edge
        raise CorruptDocumentError(f"{label} is not a readable PDF: {type(exc).__name__}: {exc}") from exc


def _read_page(pdf: pdfium.PdfDocument, index: int, budget: CharBudget, count: int) -> RawPage:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            # pdfium has the page's characters now; refuse before copying them out and splitting them.
            chars = pdfium_c.FPDFText_CountChars(textpage.raw)
            budget.take(max(chars, 0) + 1, f"by page {index + 1} of {count}")
            lines = _read_lines(textpage)
        finally:
            textpage.close()
        # a page without text: is anything drawn on it for OCR to read? (asked only of such pages)
        blank = not lines and pdfium_c.FPDFPage_CountObjects(page.raw) <= 0
    finally:
        page.close()
    return RawPage(number=index + 1, width=width, height=height, lines=lines, blank=blank)


class _Geometry:
    """Reusable ctypes out-parameters for pdfium's rectangle and font calls (used under the lock)."""

    def __init__(self) -> None:
        self.l, self.b, self.r, self.t = (ctypes.c_double() for _ in range(4))
        self.refs = tuple(ctypes.byref(v) for v in (self.l, self.t, self.r, self.b))
        self.loose = pdfium_c.FS_RECTF()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)


_GEOMETRY = _Geometry()
# pdfium functions called per line, bound once: a module attribute lookup per call adds up over
# thousands of lines a document.
_COUNT_RECTS = pdfium_c.FPDFText_CountRects
_GET_RECT = pdfium_c.FPDFText_GetRect
_FONT_SIZE = pdfium_c.FPDFText_GetFontSize
_FONT_WEIGHT = pdfium_c.FPDFText_GetFontWeight
_FONT_INFO = pdfium_c.FPDFText_GetFontInfo
_CHAR_INDEX = pdfium_c.FPDFText_GetCharIndexFromTextIndex


def _read_lines(textpage: pdfium.PdfTextPage) -> list[RawLine]:
    """The page's lines in pdfium's reading order, each with its boxes and font hints.

    pdfium's text (``FPDFText_GetText``) may differ from its character list by generated or excluded
    characters, so line bounds are translated with ``FPDFText_GetCharIndexFromTextIndex`` before asking
    for rectangles. A line pdfium joined at an end-of-line hyphen (U+FFFE followed by the next line's
    first character) is split there again when the two characters sit on different rows.
    """
    raw = textpage.raw
    if pdfium_c.FPDFText_CountChars(raw) <= 0:
        return []
    text = textpage.get_text_range().translate(_PRINTED_AS)  # same length: indices below still hold
    astral = [m.start() for m in ASTRAL.finditer(text)]
    # pdfium's text indices count UTF-16 units; a character beyond the BMP is two of them.
    char_index = CharIndex(raw, astral)
    lines: list[RawLine] = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        if _HYPHEN_MARK in text[start:end]:
            for s, e in _split_at_hyphens(char_index, text, start, end):
                _add_line(raw, char_index, text, s, e, lines)
        else:
            _add_line(raw, char_index, text, start, end, lines)
    return lines


class CharIndex:
    """Maps an index into the Python text of a page to pdfium's character index."""

    def __init__(self, raw: object, astral: list[int]) -> None:
        self.raw = raw
        self.astral = astral

    def __call__(self, index: int) -> int:
        unit = index + bisect.bisect_left(self.astral, index) if self.astral else index
        return _CHAR_INDEX(self.raw, unit)


def _split_at_hyphens(char_index: CharIndex, text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = text.find(_HYPHEN_MARK, start, end)
    while pos != -1 and pos + 1 < end:
        if _new_row(char_index.raw, char_index(pos), char_index(pos + 1)):
            spans.append((start, pos + 1))
            start = pos + 1
        pos = text.find(_HYPHEN_MARK, pos + 1, end)
    spans.append((start, end))
    return spans


def _new_row(raw: object, hyphen: int, nxt: int) -> bool:
    """Whether the character ``nxt`` after the hyphen at char index ``hyphen`` starts a new visual line."""
    g = _GEOMETRY
    if hyphen < 0 or nxt < 0 or not pdfium_c.FPDFText_GetLooseCharBox(raw, hyphen, g.loose):
        return True
    h_left, h_bottom, h_top = g.loose.left, g.loose.bottom, g.loose.top
    if not pdfium_c.FPDFText_GetLooseCharBox(raw, nxt, g.loose):
        return True
    middle = (g.loose.bottom + g.loose.top) / 2
    return not (min(h_bottom, h_top) <= middle <= max(h_bottom, h_top)) or g.loose.left < h_left


def _add_line(
    raw: object, char_index: CharIndex, text: str, start: int, end: int, lines: list[RawLine]
) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if not stripped:
        return
    start += len(segment) - len(segment.lstrip())
    end = start + len(stripped)
    first = char_index(start)
    last = char_index(end - 1)
    if first < 0 or last < first:
        lines.append(RawLine(stripped))
        return
    boxes = _boxes(raw, first, last - first + 1)
    bold, size = _font(raw, first, (first + last) // 2, last)
    lines.append(RawLine(stripped, boxes, bold, size))


def _boxes(raw: object, first: int, count: int) -> tuple[Rect, ...]:
    """pdfium's text rectangles for the characters, merged into one box per visual row."""
    g = _GEOMETRY
    left, top, right, bottom = g.refs
    rows: list[list[float]] = []
    for k in range(_COUNT_RECTS(raw, first, count)):
        if not _GET_RECT(raw, k, left, top, right, bottom):
            continue
        lv, rv, bv, tv = g.l.value, g.r.value, g.b.value, g.t.value
        # min() and max() as they were, without the calls (this runs for every rectangle of every line)
        x0, x1 = (rv if rv < lv else lv), (rv if rv > lv else lv)  # noqa: FURB136
        y0, y1 = (tv if tv < bv else bv), (tv if tv > bv else bv)  # noqa: FURB136
        if rows:
            row = rows[-1]
            overlap = min(row[3], y1) - max(row[1], y0)
            if overlap >= 0.5 * min(row[3] - row[1], y1 - y0):
                row[0], row[1], row[2], row[3] = (
                    min(row[0], x0),
                    min(row[1], y0),
                    max(row[2], x1),
                    max(row[3], y1),
                )
                continue
        rows.append([x0, y0, x1, y1])
    return tuple((r[0], r[1], r[2], r[3]) for r in rows)


def _font(raw: object, first: int, middle: int, last: int) -> tuple[bool, float | None]:
    """Bold when the first, middle and last characters all are; size of the first character.

    Sampling three characters instead of all keeps this at a handful of calls per line (most lines stop
    at the first, which is not bold).
    """
    size = _FONT_SIZE(raw, first)
    bold = (
        _is_bold(raw, first)
        and (middle == first or _is_bold(raw, middle))
        and (last == first or last == middle or _is_bold(raw, last))
    )
    return bold, (round(size, 2) if size > 0 else None)


def _is_bold(raw: object, index: int) -> bool:
    if _FONT_WEIGHT(raw, index) >= 600:
        return True
    g = _GEOMETRY
    name = g.name
    n = _FONT_INFO(raw, index, name, 128, g.flags_ref)
    if n <= 0:
        return False
    if g.flags.value & _FONT_FORCE_BOLD:
        return True
    if n > 128:  # the name did not fit, and pdfium left the buffer as it was: ask again with room for it
        name = ctypes.create_string_buffer(n)
        _FONT_INFO(raw, index, name, n, None)
    lowered = name.value.lower()  # ASCII case folding is enough for the ASCII words looked for
    return b"bold" in lowered or b"black" in lowered or b"heavy" in lowered
