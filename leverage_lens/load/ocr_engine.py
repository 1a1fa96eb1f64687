"""Whether Tesseract can run here, and how to install it: asked by the PDF loader's error messages.

Separate from :mod:`.ocr` so that :mod:`.pdf_clean` can ask without importing the OCR code (which needs
:mod:`.pdf_clean` itself).
"""

from __future__ import annotations

import shutil

__all__ = ["install_hint", "tesseract_missing"]

_INSTALL = (
    "install Tesseract (Debian/Ubuntu: `apt-get install tesseract-ocr`; macOS: `brew install tesseract`; "
    "Windows: the UB Mannheim installer) and the Python binding (`pip install 'leverage-lens[ocr]'`)"
)


def install_hint() -> str:
    """How to install what OCR needs, for error messages."""
    return _INSTALL


def tesseract_missing() -> str | None:
    """None when OCR can run here; otherwise what is missing, in words for an error message.

    Cheap (no process is started): the binding is imported and the ``tesseract`` program looked up on
    ``PATH`` (or at ``pytesseract.pytesseract.tesseract_cmd`` when the caller set it).
    """
    try:
        import pytesseract
    except ImportError:
        return "the Python package pytesseract is not installed"
    cmd = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(cmd) is None:
        return f"the tesseract program is not installed ({cmd!r} is not on PATH)"
    return None
