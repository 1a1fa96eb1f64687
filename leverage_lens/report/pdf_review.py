"""The PDF review copy: the original PDF with a highlight annotation over each finding.

What is guaranteed:

* every finding gets a highlight (``/Subtype /Highlight``) on each page it touches, by (``/T``)
  ``leverage_lens``, coloured by severity (:data:`SEVERITY_COLORS`: red for high and critical, amber for
  medium, blue for low, grey for info), whose ``/Contents`` (the note a viewer pops up) is the rule's title
  and severity, the finding's message and its suggestion, and whose ``/Subj`` is the rule's title (a
  finding running onto a second page gets a second highlight there, its note marked "(continued)"); each
  failed playbook position gets one too, its note carrying the fallback language to propose;
* the rule id and the finding's fingerprint are the highlight's name (``/NM``,
  ``leverage_lens:<rule>:<fingerprint>``, ``#2`` on a continuation), not part of the note;
* the highlight's quadrilaterals cover the characters pdfium holds for the finding's text, one per visual
  row: the text is found through :mod:`.pdf_locate`, so the running headers, rejoined hyphens and
  normalisation the loader applied do not shift it;
* the pages are untouched: pdfium adds the annotations to each page's ``/Annots`` and writes the file
  again (a full save: an incremental update would keep the original bytes as a prefix, but pdfium rewrites
  every page it opened in it, growing the file by half; a full save adds a few kilobytes).

Edge cases (reported per finding in :class:`~.review.Anchor.mode`): ``widened`` when the text was matched
only approximately (rapidfuzz alignment over 90/100); ``paragraph`` when it was not found on the page at
all (a finding with no letters, text pdfium cannot map): the highlight then covers the finding's clause
lines on that page (``Clause.boxes``), or the page's first line of text. On a page read by OCR the PDF
holds no characters: the highlight covers the boxes of the words Tesseract read there (``Page.words``).

Needs no extra dependency: pypdfium2 is the PDF loader's engine. pdfium runs under the loader's lock.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptDocumentError, LeverageLensError
from ..load.pdf import PDFIUM_LOCK, open_pdf
from ..model import Report
from .pdf_locate import Match, PageChars, locate, skeleton
from .review import AUTHOR, Anchor, Note, Original, ReviewCopy, read_original, review_notes, whole_words

__all__ = ["HIGHLIGHT_COLOR", "SEVERITY_COLORS", "review_pdf"]

#: Highlight colour (RGB) per severity, light enough to keep black text readable at the opacity below; the
#: same hues as the HTML view.
SEVERITY_COLORS: dict[str, tuple[int, int, int]] = {
    "critical": (230, 60, 70),
    "high": (255, 120, 120),
    "medium": (255, 190, 60),
    "low": (120, 180, 255),
    "info": (190, 190, 190),
}
#: The colour of a severity not in :data:`SEVERITY_COLORS` (a light amber).
HIGHLIGHT_COLOR = (255, 214, 10)
_OPACITY = 110
_MODE_RANK = {"exact": 0, "widened": 1, "paragraph": 2}

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space


@dataclass(slots=True)
class _Piece:
    """The part of a finding on one page: ``[start, end)`` in ``Document.text``."""

    page: int
    start: int
    end: int
    continued: bool


def review_pdf(report: Report, original: Original | None = None, *, password: str | None = None) -> ReviewCopy:
    """The original PDF with a highlight over each finding of ``report`` (see the module notes).

    ``password`` opens an encrypted original. Raises :class:`~leverage_lens.errors.OriginalNotFoundError`,
    :class:`~leverage_lens.errors.OriginalMismatchError`, :class:`~leverage_lens.errors.UnsupportedFormatError`
    (not a PDF report), :class:`~leverage_lens.errors.EncryptedDocumentError` and
    :class:`~leverage_lens.errors.CorruptDocumentError`.
    """
    data = read_original(report, original, "pdf", "to_pdf()")
    label = report.document.name or "the original"
    with PDFIUM_LOCK:
        pdf = open_pdf(data, password, label)
        try:
            anchors = _annotate(pdf, report)
            out = io.BytesIO()
            pdf.save(out)
        except LeverageLensError:
            raise
        except Exception as exc:
            raise CorruptDocumentError(f"{label}: cannot write highlights ({type(exc).__name__}: {exc})") from exc
        finally:
            pdf.close()
    return ReviewCopy(out.getvalue(), anchors)


def _annotate(pdf: pdfium.PdfDocument, report: Report) -> tuple[Anchor, ...]:
    doc = report.document
    by_page: dict[int, list[tuple[Note, _Piece]]] = {}
    notes = review_notes(report)
    for finding in notes:
        for piece in _pieces(report, finding):
            by_page.setdefault(piece.page, []).append((finding, piece))
    modes: dict[str, str] = {}
    covered: dict[str, tuple[int, int]] = {}
    for number, items in sorted(by_page.items()):
        if not 1 <= number <= len(pdf):
            continue
        page = pdf[number - 1]
        textpage = page.get_textpage()
        try:
            chars = PageChars.read(textpage)
            page_start = next(p.start for p in doc.pages if p.number == number)
            for finding, piece in items:
                rects, mode = _rects(textpage.raw, chars, report, finding, piece, page_start)
                note = finding.text + ("\n(continued)" if piece.continued else "")
                name = finding.key + ("#2" if piece.continued else "")
                color = SEVERITY_COLORS.get(finding.severity, HIGHLIGHT_COLOR)
                _add_highlight(page.raw, rects, note, name=name, subject=finding.subject, color=color)
                if _MODE_RANK[mode] >= _MODE_RANK[modes.get(finding.id, "exact")]:
                    modes[finding.id] = mode
                lo, hi = covered.get(finding.id, (piece.start, piece.end))
                covered[finding.id] = (min(lo, piece.start), max(hi, piece.end))
        finally:
            textpage.close()
            page.close()
    return tuple(
        Anchor(f.id, modes.get(f.id, "paragraph"), *covered.get(f.id, (f.start, f.end)))  # type: ignore[arg-type]
        for f in notes
    )


def _pieces(report: Report, finding: Note) -> Iterator[_Piece]:
    """The note, grown to whole words, split at page boundaries; a note between pages (or empty) goes to its
    start's page."""
    doc = report.document
    found = False
    first, last = whole_words(doc.text, finding.start, finding.end) if finding.end > finding.start else (
        finding.start, finding.end)
    for p in doc.pages:
        start, end = max(first, p.start), min(last, p.end)
        if start < end and doc.text[start:end].strip():
            yield _Piece(p.number, start, end, found)
            found = True
    if not found:
        yield _Piece(doc.page_at(finding.start), finding.start, finding.end, False)


def _rects(
    raw: object, chars: PageChars, report: Report, finding: Note, piece: _Piece, page_start: int
) -> tuple[list[Rect], str]:
    ocr_rects = _word_rects(report, piece)
    if ocr_rects:
        return ocr_rects, "exact"
    text = report.document.text
    wanted = skeleton(text[piece.start : piece.end])
    expected = len(skeleton(text[page_start : piece.start]))
    match: Match | None = locate(chars, wanted, expected)
    if match is not None:
        rects = _char_rects(raw, match.first, match.last)
        if rects:
            return rects, "exact" if match.exact else "widened"
    return _fallback(raw, report, finding, piece.page), "paragraph"


def _word_rects(report: Report, piece: _Piece) -> list[Rect]:
    """On a page read by OCR (no characters in the PDF), the boxes of the words the piece covers, one per row."""
    page = next((p for p in report.document.pages if p.number == piece.page), None)
    if page is None or not page.words:
        return []
    rows: list[list[float]] = []
    for w in page.words:
        if w.end <= piece.start or w.start >= piece.end:
            continue
        b = w.box
        if rows and min(rows[-1][3], b.y1) - max(rows[-1][1], b.y0) >= 0.5 * min(rows[-1][3] - rows[-1][1], b.y1 - b.y0):
            row = rows[-1]
            row[:] = [min(row[0], b.x0), min(row[1], b.y0), max(row[2], b.x1), max(row[3], b.y1)]
        else:
            rows.append([b.x0, b.y0, b.x1, b.y1])
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def _char_rects(raw: object, first: int, last: int) -> list[Rect]:
    """pdfium's text rectangles for characters ``first..last``, merged into one per visual row."""
    rows: list[list[float]] = []
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    for k in range(pdfium_c.FPDFText_CountRects(raw, first, last - first + 1)):
        if not pdfium_c.FPDFText_GetRect(raw, k, *(ctypes.byref(v) for v in (left, top, right, bottom))):
            continue
        x0, x1 = sorted((left.value, right.value))
        y0, y1 = sorted((bottom.value, top.value))
        if rows and min(rows[-1][3], y1) - max(rows[-1][1], y0) >= 0.5 * min(rows[-1][3] - rows[-1][1], y1 - y0):
            row = rows[-1]
            row[:] = [min(row[0], x0), min(row[1], y0), max(row[2], x1), max(row[3], y1)]
        else:
            rows.append([x0, y0, x1, y1])
    return [(r[0], r[1], r[2], r[3]) for r in rows if r[2] > r[0] and r[3] > r[1]]


def _fallback(raw: object, report: Report, finding: Note, page: int) -> list[Rect]:
    """The finding's clause lines on this page, else the page's first line of text (never nothing)."""
    clause = None
    if finding.clause_id is not None:
        clause = next((c for c in report.document.clauses if c.id == finding.clause_id), None)
    boxes = [(b.x0, b.y0, b.x1, b.y1) for b in (clause.boxes if clause else []) if b.page == page]
    if boxes:
        return boxes
    count = pdfium_c.FPDFText_CountChars(raw)
    first_line = _char_rects(raw, 0, min(count, 80) - 1) if count > 0 else []
    return first_line[:1] or [(36.0, 36.0, 72.0, 48.0)]


def _add_highlight(page_raw: object, rects: list[Rect], note: str, *, name: str, subject: str,
                   color: tuple[int, int, int]) -> None:
    annot = pdfium_c.FPDFPage_CreateAnnot(page_raw, pdfium_c.FPDF_ANNOT_HIGHLIGHT)
    if not annot:
        raise CorruptDocumentError("pdfium could not create a highlight annotation on this page")
    try:
        for x0, y0, x1, y1 in rects:
            # Quad order as viewers expect for text markup: top-left, top-right, bottom-left, bottom-right.
            quad = pdfium_c.FS_QUADPOINTSF(x0, y1, x1, y1, x0, y0, x1, y0)
            pdfium_c.FPDFAnnot_AppendAttachmentPoints(annot, quad)
        bounds = pdfium_c.FS_RECTF(
            min(r[0] for r in rects), max(r[3] for r in rects), max(r[2] for r in rects), min(r[1] for r in rects)
        )
        pdfium_c.FPDFAnnot_SetRect(annot, bounds)
        pdfium_c.FPDFAnnot_SetColor(annot, pdfium_c.FPDFANNOT_COLORTYPE_Color, *color, _OPACITY)
        pdfium_c.FPDFAnnot_SetFlags(annot, pdfium_c.FPDF_ANNOT_FLAG_PRINT)
        _set_string(annot, b"T", AUTHOR)
        _set_string(annot, b"Contents", note)
        _set_string(annot, b"Subj", subject)
        _set_string(annot, b"NM", name)
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)


def _set_string(annot: object, key: bytes, value: str) -> None:
    encoded = (value + "\x00").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    pdfium_c.FPDFAnnot_SetStringValue(annot, key, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
