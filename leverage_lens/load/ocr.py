"""OCR for PDF pages without a text layer: pdfium renders the page, Tesseract reads it (through pytesseract).

What is guaranteed:

* a page is read only when it needs it: ``ocr="auto"`` (the default) reads the pages that have no text
  and something drawn on them, and costs nothing when every page has text (the decision is made from
  the text the loader already extracted); ``ocr=True`` reads every page and ignores the text layer (for
  PDFs whose text layer is garbage); ``ocr=False`` never reads;
* the result is a :class:`~.pdf_clean.RawPage` like any other, so running headers, furniture, hyphens and
  offsets are handled by the same code as a text layer: one line per Tesseract line, with its box in PDF
  points, and every word with its box and confidence (``Page.words`` after assembly) so highlights and
  the PDF review copy land on the word, not only on the line;
* Tesseract runs as a child process with a timeout: the whole document's OCR stays within
  ``ParseOptions.ocr_timeout`` (scan workers set it from the scan's per-file timeout), and a child is
  killed when its time is up rather than outliving the worker;
* progress is reported through ``ParseOptions.ocr_progress`` (called with pages done and pages to read);
  the library never prints.

The resolution, 300 dpi, was chosen by measurement (``bench/bench_ocr.py --dpi``, docs/evaluation.md):
Tesseract's LSTM models are trained on text with capitals about 30 pixels high, which 10-12 point type
reaches at 300 dpi; lower resolutions lose characters, higher ones cost time for nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import NoTextLayerError, OcrFailedError, OcrTimeoutError
from .ocr_engine import install_hint, tesseract_missing
from .pdf_clean import RawLine, RawPage, Rect, clean_line

__all__ = [
    "DEFAULT_DPI",
    "OcrWordBox",
    "install_hint",
    "ocr_image",
    "pages_to_read",
    "read_scanned_pages",
    "tesseract_missing",
]

#: Rendering resolution for OCR, chosen by measurement (module notes).
DEFAULT_DPI = 300
#: Tesseract's page segmentation mode 6, "a single uniform block of text": lines are read across the whole
#: page, as pdfium reads a text layer. The default (3, automatic layout analysis) splits tables of contents,
#: dot leaders and numbers set apart from their clause into separate columns, which loses the clause
#: numbers at the start of lines (clause tree matched 0.37 against 0.75 on the first 4 pages of 6 CUAD
#: PDFs; character fidelity about equal; bench/bench_ocr.py).
_PSM = 6
#: Below this confidence (0-100), a "word" without a letter or digit is a mark Tesseract read into a picture
#: (mode 6 reads any image as text: a grey logo gives '"."' at confidence 0); real words are kept, however
#: unsure.
_JUNK_CONFIDENCE = 10


@dataclass(slots=True)
class OcrWordBox:
    """A word Tesseract read: where it sits in its line's text, its box in PDF points, its confidence (0-1)."""

    start: int
    end: int
    rect: Rect
    confidence: float


@dataclass(slots=True)
class OcrLine(RawLine):
    """A line read by OCR: a :class:`RawLine` whose words keep their own boxes."""

    words: list[OcrWordBox] = field(default_factory=list)


@dataclass(slots=True)
class Deadline:
    """The time left for a document's OCR; ``None`` seconds means no limit."""

    seconds: float | None
    label: str
    started: float = field(default_factory=time.monotonic)

    def remaining(self, pages_done: int, pages: int) -> float:
        """Seconds left (0 means none; no limit gives 0 to pytesseract, which means no timeout)."""
        if self.seconds is None:
            return 0.0
        left = self.seconds - (time.monotonic() - self.started)
        if left <= 0:
            raise self.error(pages_done, pages)
        return left

    def error(self, pages_done: int, pages: int) -> OcrTimeoutError:
        return OcrTimeoutError(
            f"{self.label}: OCR of {pages} scanned page(s) took longer than the ocr_timeout of {self.seconds:g} s "
            f"({pages_done} read); raise ocr_timeout (or the scan's timeout) to read long scans"
        )


def ocr_image(
    image: Any,
    *,
    number: int,
    width: float,
    height: float,
    lang: str,
    timeout: float,
) -> tuple[RawPage, float | None]:
    """Read one rendered page: its lines (with word boxes) and the mean word confidence (0-1, or None).

    ``image`` is a PIL image of the whole page; ``width``/``height`` are the page's size in points, so
    pixel boxes become PDF user space (origin bottom-left). Every word is kept, however unsure Tesseract
    is of it (dropping words would lose text); the mean confidence tells the reader how far to trust the page. Raises :class:`RuntimeError` from
    pytesseract when ``timeout`` (seconds, 0 = none) runs out; the caller turns it into a typed error.
    """
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang=lang, config=f"--psm {_PSM}", output_type=pytesseract.Output.DICT, timeout=timeout
    )
    scale_x = width / image.width
    scale_y = height / image.height
    lines: dict[tuple[int, int, int], OcrLine] = {}
    total_conf = 0.0
    total_chars = 0
    for i, raw_word in enumerate(data["text"]):
        word = clean_line(raw_word or "")
        conf = float(data["conf"][i])
        if not word or conf < 0 or (conf < _JUNK_CONFIDENCE and not any(c.isalnum() for c in word)):
            continue  # no word (layout rows), or marks read into a picture or a smudge
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        x0 = data["left"][i] * scale_x
        x1 = (data["left"][i] + data["width"][i]) * scale_x
        y1 = height - data["top"][i] * scale_y
        y0 = height - (data["top"][i] + data["height"][i]) * scale_y
        line = lines.get(key)
        if line is None:
            line = lines[key] = OcrLine("")
        start = len(line.text) + (1 if line.text else 0)
        line.text = f"{line.text} {word}" if line.text else word
        line.words.append(OcrWordBox(start, start + len(word), (x0, y0, x1, y1), conf / 100))
        total_conf += conf * len(word)
        total_chars += len(word)
    out: list[RawLine] = []
    for line in lines.values():  # dicts keep Tesseract's reading order
        rects = [w.rect for w in line.words]
        line.boxes = ((min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects),
                       max(r[3] for r in rects)),)
        out.append(line)
    confidence = round(total_conf / total_chars / 100, 4) if total_chars else None
    return RawPage(number=number, width=width, height=height, lines=out), confidence


def no_engine_error(label: str, missing: str, pages: int) -> NoTextLayerError:
    """The error for a scan that needs OCR when OCR cannot run here."""
    what = "a page without a text layer" if pages == 1 else f"{pages} pages without a text layer"
    return NoTextLayerError(
        f"{label} needs OCR ({what} to read), but {missing}: {install_hint()}; "
        "or run OCR yourself first (for example `ocrmypdf in.pdf out.pdf`) and parse the result"
    )


ProgressCallback = Callable[[int, int], None]


def pages_to_read(pages: list[RawPage], ocr: bool | str) -> list[int]:
    """Indices of the pages OCR should read under the ``ocr`` option (see the module notes).

    With ``"auto"`` this looks only at what the loader already has, so a PDF whose every page has text
    costs one pass over its page list and nothing else.
    """
    if ocr is False:
        return []
    if ocr is True:
        return list(range(len(pages)))
    return [i for i, page in enumerate(pages) if not page.blank and not page.has_text]


def read_scanned_pages(
    data: bytes, pages: list[RawPage], options: Any, label: str, *, lock: Any, open_pdf: Callable[..., Any]
) -> list[RawPage]:
    """``pages`` with the pages OCR should read replaced by what Tesseract read on them.

    pdfium is used under ``lock`` only while a page is rendered; Tesseract runs outside it, so other
    threads can load PDFs meanwhile. Without Tesseract, ``ocr=True`` raises :class:`NoTextLayerError`
    (saying how to install it) and ``"auto"`` leaves the pages as they are (the loader then reports them).
    """
    targets = pages_to_read(pages, options.ocr)
    if not targets:
        return pages
    missing = tesseract_missing()
    if missing is not None:
        if options.ocr is True:
            raise no_engine_error(label, missing, len(targets))
        return pages
    deadline = Deadline(options.ocr_timeout, label)
    progress: ProgressCallback | None = options.ocr_progress
    out = list(pages)
    with lock:
        pdf = open_pdf(data, options.password, label)
    try:
        for done, index in enumerate(targets):
            timeout = deadline.remaining(done, len(targets))
            with lock:
                image = _render(pdf, index, options.ocr_dpi)
            try:
                page, confidence = ocr_image(
                    image, number=index + 1, width=pages[index].width, height=pages[index].height,
                    lang=options.ocr_lang, timeout=timeout,
                )
            except RuntimeError as exc:  # pytesseract: TesseractError, or its timeout
                if "timeout" in str(exc).lower():
                    raise deadline.error(done, len(targets)) from exc
                raise OcrFailedError(f"{label}: Tesseract failed on page {index + 1}: {exc}") from exc
            page.ocr = True
            page.ocr_confidence = confidence
            out[index] = page
            if progress is not None:
                progress(done + 1, len(targets))
    finally:
        with lock:
            pdf.close()
    return out


def _render(pdf: Any, index: int, dpi: int) -> Any:
    """The page as a grayscale PIL image at ``dpi`` (a copy: pdfium's buffer is freed at once)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            return bitmap.to_pil().copy()
        finally:
            bitmap.close()
    finally:
        page.close()
