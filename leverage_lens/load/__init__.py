"""Loaders: one per format, each turning bytes into text plus layout blocks (see ``_types.Loaded``).

Loaders for PDF and DOCX are imported on first use, so ``import leverage_lens`` stays cheap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import DocumentTooLargeError, LeverageLensError
from ..options import ParseOptions
from ._types import Block, Loaded
from .budget import CharBudget
from .detect import RawSource, Source, decode_text, detect_format, ensure_leverage_error, read_source
from .text import load_text, replace_surrogates

__all__ = ["Block", "LoadResult", "Loaded", "Source", "load_source", "load_text"]


@dataclass(slots=True)
class LoadResult:
    loaded: Loaded
    name: str | None
    sha256: str


def load_source(source: Source, *, format: str | None, options: ParseOptions) -> LoadResult:
    """Read, detect and load ``source``; only :class:`LeverageLensError` (or ``FileNotFoundError``) escapes.

    Each loader is handed the document's :class:`CharBudget` (``max_chars``) and charges it as it produces
    text, so an input that expands (Word numbering, PDF forms drawn many times) stops at the limit.
    """
    raw = read_source(source, options.max_bytes)
    if options.isolate:
        from .isolate import load_isolated

        return load_isolated(load_raw, raw, format, options)
    return load_raw(raw, format, options)


def load_raw(raw: RawSource, format: str | None, options: ParseOptions) -> LoadResult:
    """Detect and load bytes already read (see :func:`load_source`)."""
    label = raw.name or "input"
    budget = CharBudget(options.max_chars, label)
    try:
        fmt = detect_format(raw, format)  # opens ZIPs: its third-party errors are caught below too
        if fmt == "pdf":
            from .pdf import load_pdf

            loaded = load_pdf(raw.data, options, label, budget)
        elif fmt == "docx":
            from .docx import load_docx

            loaded = load_docx(raw.data, options, label, budget)
        elif fmt == "html":  # markup is not text: the rendered text is measured against max_chars below
            from .html import load_html

            loaded = load_html(raw.data, label)
        else:
            if len(raw.data) > options.max_chars and raw.data.isascii():  # one byte per character
                raise DocumentTooLargeError(
                    f"{label} has {len(raw.data):,} characters, over the max_chars limit of {options.max_chars:,}"
                )
            text = decode_text(raw.data)
            budget.take(len(text))
            if fmt == "md":
                from .markdown import load_markdown

                loaded = load_markdown(text)
            else:
                loaded = load_text(text, fmt)
    except LeverageLensError:
        raise
    except MemoryError as exc:
        raise DocumentTooLargeError(f"{label} needs more memory than is available to parse") from exc
    except RecursionError as exc:
        raise ensure_leverage_error(exc, label) from exc
    except Exception as exc:  # noqa: BLE001 - the loader edge: third-party errors become typed errors
        raise ensure_leverage_error(exc, label) from exc
    # pdfminer and broken ToUnicode maps can yield half a UTF-16 pair; one U+FFFD each keeps every offset.
    loaded.text = replace_surrogates(loaded.text)
    if len(loaded.text) > options.max_chars:
        raise DocumentTooLargeError(
            f"{label} yields {len(loaded.text):,} characters, over the max_chars limit of {options.max_chars:,}"
        )
    return LoadResult(loaded, raw.name, hashlib.sha256(raw.data).hexdigest())
