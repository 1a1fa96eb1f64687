"""The exceptions leverage_lens raises.

Every error the library raises on purpose derives from :class:`LeverageLensError`, so a caller that scans
untrusted files needs one ``except`` clause. Third-party exceptions (pdfium, pdfminer, zipfile, lxml) are
caught at the edge of the loader that called them and re-raised as one of these, with the original chained
as ``__cause__``. Where a Python built-in category fits, the class also derives from it (``ValueError``,
``TypeError``) so generic handlers keep working.
"""

from __future__ import annotations

__all__ = [
    "CorruptDocumentError",
    "DataSetError",
    "DocumentTooLargeError",
    "EncryptedDocumentError",
    "EvalDependencyError",
    "InvalidOptionError",
    "LeverageLensError",
    "MissingExtraError",
    "ModelNotFoundError",
    "NoTextLayerError",
    "OcrFailedError",
    "OcrTimeoutError",
    "OriginalMismatchError",
    "OriginalNotFoundError",
    "ScanOutputError",
    "SourceNotFoundError",
    "UnreadableSourceError",
    "UnsupportedFormatError",
]


class LeverageLensError(Exception):
    """Base class of every error raised by leverage_lens."""


class UnsupportedFormatError(LeverageLensError, ValueError):
    """The input is not a PDF, DOCX, plain-text or Markdown document (or its format could not be told)."""


class CorruptDocumentError(LeverageLensError, ValueError):
    """The file claims a supported format but cannot be read as one (truncated, damaged, wrong extension)."""


class EncryptedDocumentError(LeverageLensError):
    """The document is password-protected; pass ``password=`` (PDF) or remove the protection."""


class NoTextLayerError(LeverageLensError):
    """A PDF has no extractable text on any page: it is a scan and needs OCR."""


class OcrTimeoutError(LeverageLensError, TimeoutError):
    """OCR of a scanned PDF took longer than ``ocr_timeout`` (a scan sets it from its per-file timeout)."""


class OcrFailedError(LeverageLensError):
    """Tesseract was found but failed on a page (a damaged image, a missing language pack)."""


class DocumentTooLargeError(LeverageLensError):
    """The input exceeds a configured limit (bytes, pages, uncompressed DOCX size, characters)."""


class UnreadableSourceError(LeverageLensError, OSError):
    """A path that cannot be read as a document: not a regular file (a FIFO, a device, a socket), a name the
    operating system refuses (a NUL byte, too long), no permission, or an I/O error while reading."""


class InvalidOptionError(LeverageLensError, TypeError):
    """An option passed to parse/analyze is unknown or has a value of the wrong kind."""


class ScanOutputError(LeverageLensError):
    """A scan's results file cannot be used: not writable, or locked by another scan writing to it."""


class ModelNotFoundError(LeverageLensError, FileNotFoundError):
    """A trained model the library needs is missing (a broken install, or ``models/`` not built)."""


class EvalDependencyError(LeverageLensError, ImportError):
    """Evaluation or training needs an optional dependency: ``pip install 'leverage-lens[eval]'``."""


class DataSetError(LeverageLensError, FileNotFoundError):
    """An evaluation data folder is missing or not laid out as expected."""


class OriginalNotFoundError(LeverageLensError, FileNotFoundError):
    """A review copy needs the original file, and the report does not say where it is or it is gone."""


class OriginalMismatchError(LeverageLensError, ValueError):
    """The original given for a review copy is not the file the report was made from (its hash differs)."""


class MissingExtraError(LeverageLensError, ImportError):
    """A feature needs an optional dependency that is not installed; the message gives the pip command."""


class SourceNotFoundError(LeverageLensError, FileNotFoundError):
    """A string given to ``parse``/``analyze`` names no file: a missing path, or contract text passed where a
    path was expected (the message names ``analyze_text()`` / ``parse_text()``, which take text)."""
