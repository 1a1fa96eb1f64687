"""Making :class:`~leverage_lens.model.KeyTerm` objects over a stretch of the analysed text, and telling a
value from a placeholder.

Drafts and forms leave their values as placeholders: ``{governing_law}``, ``[Governing Law Jurisdiction]``,
``[Date]``, ``[insert date]``, ``<<Effective Date>>``, ``____``, ``[●]``. A key term is never read from one: the
brief says "left blank" instead (``value`` None, ``detail`` "left blank"). Redactions ("[***]", "[* * *]")
are not blanks; they are reported as redacted.
"""

from __future__ import annotations

import re

from ..analysis import Analysis
from ..model import KeyTerm, KeyTermKind

__all__ = ["PLACEHOLDER", "defines_other_word", "key_term", "placeholder_at", "redacted_at"]

#: A placeholder a form leaves for a value: ``{field}``, ``[Words]`` (not a redaction or a clause reference
#: such as "[a]"), ``<<Words>>``, a run of underscores, ``[●]``.
PLACEHOLDER = re.compile(
    r"\{\{?\s*[A-Za-z_][\w .-]{0,60}\}\}?"
    r"|\[\s*(?:[A-Z][\w'\u2019]*(?:[ /-]+[\w'\u2019()]+){0,8}|(?i:insert|enter|specify|name|date|state|country|"
    r"jurisdiction|number|amount|period|term)[^\]\n]{0,60}|[\u2022\u25cf\u25a0_ .\u2026]{1,20})\]"
    r"|<<[^<>\n]{1,60}>>|\u00ab[^\u00ab\u00bb\n]{1,60}\u00bb|_{3,}"
)
_REDACTED = re.compile(r"\[\s*\*[\s*]*\]|\*{3,}|(?i:\[redacted\]|\[omitted\]|<omitted>)")


def placeholder_at(text: str, start: int, end: int, near: str | None = None, reach: int = 60) -> re.Match[str] | None:
    """The first placeholder in ``text[start:end]`` (with ``near``, only one within ``reach`` characters after
    a match of that pattern), or None."""
    if near is None:
        return PLACEHOLDER.search(text, start, end)
    for m in re.finditer(near, text[start:end]):
        at = start + m.end()
        found = PLACEHOLDER.search(text, at, min(end, at + reach))
        if found is not None:
            return found
    return None


def redacted_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a redaction mark ("[***]", "[* * *]")."""
    return _REDACTED.search(text, start, end) is not None


# a sentence defining a word: '1.23 "Calendar Quarter" means ...'
_DEFINES = re.compile(r"\s*(?:[\d.()a-z]{1,8}\s+)?[\"\u201c](?P<word>[^\"\u201d]{1,50})[\"\u201d]\s+(?:shall\s+)?(?:means?|"
                      r"has\s+the\s+meaning|refers?\s+to|shall\s+have\s+the\s+meaning)\b")


def defines_other_word(text: str, start: int, end: int, wanted: str) -> bool:
    """Whether ``text[start:end]`` is a definition of a word that does not match ``wanted``: '"Calendar
    Quarter" means ... the first Calendar Quarter of the Term shall extend from the Effective Date' defines a
    quarter, and says nothing of the term or its renewal."""
    m = _DEFINES.match(text, start, min(end, start + 90))
    return m is not None and re.search(wanted, m.group("word")) is None


def key_term(an: Analysis, kind: KeyTermKind, start: int, end: int, *, value: str | None, confidence: float,
             party: str | None = None, detail: str | None = None, clause_id: str | None = None,
             code: str | None = None) -> KeyTerm:
    """A key term over ``text[start:end]`` (white space trimmed), placed in the innermost clause there."""
    text = an.text
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    end = max(end, start)
    return KeyTerm(kind=kind, value=value, text=text[start:end], start=start, end=end,
                   clause_id=clause_id or an.clause_id_at(start), confidence=round(min(max(confidence, 0), 1), 3),
                   party=party, detail=detail, code=code)
