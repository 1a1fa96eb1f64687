"""Making :class:`~leverage_lens.model.KeyTerm` objects over a stretch of the analysed text."""

from __future__ import annotations

from ..analysis import Analysis
from ..model import KeyTerm, KeyTermKind

__all__ = ["key_term"]


def key_term(an: Analysis, kind: KeyTermKind, start: int, end: int, *, value: str | None, confidence: float,
             party: str | None = None, detail: str | None = None, clause_id: str | None = None) -> KeyTerm:
    """A key term over ``text[start:end]`` (white space trimmed), placed in the innermost clause there."""
    text = an.text
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    end = max(end, start)
    return KeyTerm(kind=kind, value=value, text=text[start:end], start=start, end=end,
                   clause_id=clause_id or an.clause_id_at(start), confidence=round(min(max(confidence, 0), 1), 3),
                   party=party, detail=detail)
