"""Loaders: one per format, each turning bytes into text plus layout blocks (see ``_types.Loaded``).

Loaders for PDF and DOCX are imported on first use, so ``import leverage_lens`` stays cheap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import DocumentTooLargeError, LeverageLensError
from ..options import ParseOptions
from ._types import Block, Loaded
from .detect import Source, decode_text, detect_format, ensure_leverage_error, read_source
from .text import load_text, replace_surrogates

__all__ = ["Block", "Loaded", "LoadResult", "load_source", "load_text", "Source"]


@dataclass(slots=True)
class LoadResult:
    loaded: Loaded
    name: str | None
    sha256: str


def load_source(source: Source, *, format: str | None, options: ParseOptions) -> LoadResult:
    """Read, detect and load ``source``; only :class:`LeverageLensError` (or ``FileNotFoundError``) escapes."""
    raw = read_source(source, options.max_bytes)
    label = raw.name or "input"
    try:
        fmt = detect_format(raw, format)  # opens ZIPs: its third-party errors are caught below too
        if fmt == "pdf":
            from .pdf import load_pdf

            loaded = load_pdf(raw.data, options, label)
        elif fmt == "docx":
            from .docx import load_docx

            loaded = load_docx(raw.data, options, label)
        else:
            if len(raw.data) > options.max_chars and raw.data.isascii():  # one byte per character
                raise DocumentTooLargeError(
                    f"{label} has {len(raw.data):,} characters, over the max_chars limit of {options.max_chars:,}"
                )
            loaded = load_text(decode_text(raw.data), fmt)
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
