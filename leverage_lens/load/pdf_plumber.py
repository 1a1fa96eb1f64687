"""PDF loading, layout-aware engine: pdfplumber (pdfminer.six) lines with font hints.

Chosen with ``ParseOptions(pdf_engine="pdfplumber")``. It is some 30-50 times slower than the default
pdfium engine, but it sees every character's font, so its line blocks carry reliable ``bold`` and
``font_size`` hints for heading detection, and it orders lines top to bottom by position rather than by
content-stream order. Cleanup and assembly are shared with the default engine (:mod:`.pdf_clean`).

pdfplumber objects are created per call and closed before returning, so no lock is needed.
"""

from __future__ import annotations

import io
import statistics
from typing import Any

from ..errors import CorruptDocumentError, DocumentTooLargeError, EncryptedDocumentError, LeverageLensError
from ..options import ParseOptions
from ._types import Loaded
from .pdf_clean import RawLine, RawPage, build_loaded, count_chars

__all__ = ["load_pdf_plumber"]

_BOLD_NAMES = ("bold", "black", "heavy")
_ENCRYPTION_ERRORS = ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning")


def load_pdf_plumber(data: bytes, options: ParseOptions, label: str) -> Loaded:
    """Load a PDF with pdfplumber; same contract and errors as :func:`.pdf.load_pdf`."""
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise CorruptDocumentError(f"cannot read {label}: pdfplumber is not installed") from exc
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=options.password or "")
    except Exception as exc:  # noqa: BLE001 - the loader edge: pdfminer errors become typed errors
        raise _open_error(exc, label, options.password) from exc
    try:
        count = len(pdf.pages)
        if count > options.max_pages:
            raise DocumentTooLargeError(
                f"{label} has {count:,} pages, over the max_pages limit of {options.max_pages:,}; "
                "raise max_pages to accept it"
            )
        pages = []
        chars = 0
        for index, page in enumerate(pdf.pages):
            try:
                raw = _read_page(page, index + 1)
            finally:
                page.close()
            chars = count_chars(chars, raw, options, label, index, count)
            pages.append(raw)
    except LeverageLensError:
        raise
    except MemoryError as exc:
        raise DocumentTooLargeError(f"{label} needs more memory than is available to read") from exc
    except Exception as exc:  # noqa: BLE001 - the loader edge
        raise CorruptDocumentError(f"{label} is a damaged PDF: {type(exc).__name__}: {exc}") from exc
    finally:
        pdf.close()
    return build_loaded(pages, options, label)


def _open_error(exc: BaseException, label: str, password: str | None) -> LeverageLensError:
    """Tell a password problem from damage by the pdfminer exception pdfplumber wraps."""
    chain: list[BaseException] = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
    if exc.__cause__ is not None:
        chain.append(exc.__cause__)
    if any(type(e).__name__ in _ENCRYPTION_ERRORS for e in chain):
        hint = "the password given is wrong" if password else "pass password= to open it"
        return EncryptedDocumentError(f"{label} is a password-protected PDF: {hint}")
    if isinstance(exc, MemoryError):
        return DocumentTooLargeError(f"{label} needs more memory than is available to open")
    detail = next((f"{type(e).__name__}: {e}" for e in reversed(chain) if str(e)), type(exc).__name__)
    return CorruptDocumentError(f"{label} is not a readable PDF (truncated or damaged): {detail}")


def _read_page(page: Any, number: int) -> RawPage:
    """The page's lines top to bottom, in PDF user space (pdfplumber measures from the top-left)."""
    left, _, _, top = (float(v) for v in page.mediabox)
    lines = []
    for found in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        text = found["text"]
        if not text.strip():
            continue
        box = (
            left + float(found["x0"]),
            top - float(found["bottom"]),
            left + float(found["x1"]),
            top - float(found["top"]),
        )
        bold, size = _font(found["chars"])
        lines.append(RawLine(text, (box,), bold, size))
    return RawPage(number=number, width=float(page.width), height=float(page.height), lines=lines)


def _font(chars: list[dict[str, Any]]) -> tuple[bool, float | None]:
    """Bold when most visible characters are set in a bold font; the median character size."""
    visible = [c for c in chars if not c.get("text", " ").isspace()]
    if not visible:
        return False, None
    bold = sum(1 for c in visible if _is_bold(str(c.get("fontname", "")))) * 2 >= len(visible)
    sizes = [float(c["size"]) for c in visible if c.get("size")]
    return bold, (round(statistics.median(sizes), 2) if sizes else None)


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(word in name for word in _BOLD_NAMES)
