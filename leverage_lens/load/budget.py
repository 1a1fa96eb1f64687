"""The character budget a loader spends as it produces text, so an oversized document stops early.

``max_chars`` used to be checked once the whole text was built; a 1.7 KB DOCX whose list numbering starts
at 2^31 had by then rendered 43 million characters (2.4 GB). A :class:`CharBudget` is handed to the loader
instead and charged for every piece of text as it is produced (a run, a numbering label, a PDF page before
its text is copied out of pdfium), so the loader stops at the first piece over the limit, with memory
proportional to the limit rather than to what the file could expand to.
"""

from __future__ import annotations

from ..errors import DocumentTooLargeError

__all__ = ["CharBudget"]


class CharBudget:
    """Characters a loader may still produce for one document (``limit`` in all); not thread-safe."""

    __slots__ = ("label", "limit", "used")

    def __init__(self, limit: int, label: str = "input") -> None:
        self.limit = limit
        self.label = label
        self.used = 0

    @property
    def left(self) -> int:
        return self.limit - self.used

    def take(self, chars: int, where: str = "") -> None:
        """Charge ``chars`` characters; raise :class:`DocumentTooLargeError` once the total passes the limit."""
        self.used += chars
        if self.used > self.limit:
            self.refuse(where)

    def check(self, chars: int, where: str = "") -> None:
        """Refuse before producing ``chars`` more characters if they would not fit (nothing is charged)."""
        if self.used + chars > self.limit:
            self.refuse(where)

    def refuse(self, where: str = "") -> None:
        at = f" ({where})" if where else ""
        raise DocumentTooLargeError(
            f"{self.label} yields more than the max_chars limit of {self.limit:,} characters{at}; "
            "raise max_chars to accept it"
        )
