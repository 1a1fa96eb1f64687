"""Options accepted by :func:`leverage_lens.parse` and :func:`leverage_lens.analyze`.

Options are validated once, up front: an unknown name or a value of the wrong type raises
:class:`~leverage_lens.errors.InvalidOptionError` before any file is opened, so a typo in a batch
configuration fails on the first file rather than silently doing the default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InvalidOptionError

__all__ = ["ParseOptions", "parse_options"]


class ParseOptions(BaseModel):
    """Limits and switches for loading a document. Limits protect batch scans from hostile files."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pdf_engine: Literal["pdfium", "pdfplumber"] = Field(
        default="pdfium",
        description="pdfium: fast text layer (default); pdfplumber: layout-aware extraction, ~50x slower",
    )
    password: str | None = Field(default=None, description="password of an encrypted PDF")
    ocr: Literal["auto"] | bool = Field(
        default="auto",
        description=(
            "PDF OCR with Tesseract: 'auto' reads pages without a text layer when Tesseract is installed "
            "(free when every page has text); True reads every page, ignoring the text layer, and fails "
            "without Tesseract; False never runs OCR (a scan raises NoTextLayerError)"
        ),
    )
    ocr_dpi: int = Field(default=300, ge=72, le=600, description="resolution pages are rendered at for OCR")
    ocr_lang: str = Field(
        default="eng", pattern=r"^[A-Za-z_]+(\+[A-Za-z_]+)*$", description="Tesseract language(s), e.g. 'eng+deu'"
    )
    ocr_timeout: float | None = Field(
        default=None, gt=0, description="seconds of OCR allowed per document (scan() sets it from its timeout)"
    )
    ocr_progress: Callable[[int, int], None] | None = Field(
        default=None,
        exclude=True,
        description="called as ocr_progress(pages_read, pages_to_read) after each OCR page (not serialised)",
    )
    strip_headers: bool = Field(default=True, description="remove running headers, footers and page numbers")
    max_bytes: int = Field(default=200 * 1024 * 1024, gt=0, description="largest input file accepted")
    max_pages: int = Field(default=5_000, gt=0, description="PDFs with more pages are refused")
    max_chars: int = Field(default=50_000_000, gt=0, description="longest extracted text accepted")
    max_docx_uncompressed: int = Field(
        default=300 * 1024 * 1024, gt=0, description="total uncompressed size of a DOCX's parts"
    )
    max_docx_ratio: float = Field(
        default=200.0, gt=1, description="compression ratio above which a DOCX part is taken for a zip bomb"
    )
    isolate: bool = Field(
        default=False,
        description="parse in a separate process (memory cap 2 GB, 120 s): a parser that aborts, hangs or "
        "exhausts memory on a hostile file then fails that file with a typed error instead of this process",
    )
    max_pdf_form_draws: int = Field(
        default=10_000,
        gt=0,
        description="most Form XObject draws a PDF page may make, nested forms included, before pdfium loads it "
        "(pdfium builds every draw in memory; real contracts make fewer than ten)",
    )


def parse_options(options: ParseOptions | dict[str, Any] | None = None, **kwargs: Any) -> ParseOptions:
    """Merge an options object or dict with keyword overrides, raising ``InvalidOptionError`` on bad input."""
    if isinstance(options, ParseOptions) and not kwargs:
        return options
    base: dict[str, Any] = {}
    if isinstance(options, ParseOptions):
        base = options.model_dump()
        # fields kept out of serialisation (callbacks) still carry over
        base.update({k: getattr(options, k) for k, f in ParseOptions.model_fields.items() if f.exclude})
    elif isinstance(options, dict):
        base = dict(options)
    elif options is not None:
        raise InvalidOptionError(f"options must be ParseOptions or a dict, not {type(options).__name__}")
    base.update(kwargs)
    try:
        return ParseOptions(**base)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'options'}: {e['msg']}" for e in exc.errors()
        )
        raise InvalidOptionError(f"invalid parse option(s): {problems}") from exc
