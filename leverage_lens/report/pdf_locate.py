"""Finding a stretch of ``Document.text`` among the characters of a PDF page, for highlights.

The PDF loader cleans what pdfium reads (running headers dropped, line-break hyphens rejoined, NFC,
whitespace collapsed), so offsets into ``Document.text`` cannot index pdfium's character list directly.
Both sides are therefore reduced to a *skeleton*: the characters that carry the words, compatibility-
decomposed and case-folded, with whitespace, hyphens and control characters left out. A finding's skeleton
is searched in its page's skeleton; where it occurs more than once, the occurrence nearest its position in
the page's text wins. When the skeleton is not there verbatim (a ligature pdfium maps oddly, a word the
pdfplumber engine read in another order), rapidfuzz's best partial alignment is used if it is close.

Internal; every function here runs under the caller's pdfium lock.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..load.pdf import ASTRAL, CharIndex

__all__ = ["PageChars", "locate", "skeleton"]

_DROP = frozenset("-\u00ad\ufffe\u2010\u2011")
#: Stretches without whitespace, hyphens or ASCII controls (each is then keyed whole or per character).
_KEPT = re.compile("[^\\s\\-\u00ad\ufffe\u2010\u2011\x00-\x1f\x7f]+")
#: Minimum rapidfuzz score (0-100) for an approximate match to be used at all.
_FUZZY_CUTOFF = 90.0


@lru_cache(maxsize=4096)
def _key(ch: str) -> str:
    """What one character contributes to a skeleton ("" for whitespace, hyphens and controls)."""
    if ch.isspace() or ch in _DROP or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn"):
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return folded.casefold()


def skeleton(text: str) -> str:
    """The skeleton of ``text``: see the module notes."""
    return "".join(
        chunk.lower() if chunk.isascii() else "".join(map(_key, chunk)) for chunk in _KEPT.findall(text)
    )


@dataclass(slots=True)
class PageChars:
    """A page's skeleton, with the position in pdfium's page text each skeleton character came from.

    The text comes from one ``FPDFText_GetText`` call (a ctypes call per character would cost more than
    the analysis); positions are turned into pdfium character indices only for a match's two ends, with
    the loader's own translation (pdfium's text may hold generated characters its character list lacks).
    """

    text: str
    index: list[int]
    char_index: CharIndex

    @classmethod
    def read(cls, textpage: pdfium.PdfTextPage) -> PageChars:
        raw_text = textpage.get_text_range() if pdfium_c.FPDFText_CountChars(textpage.raw) > 0 else ""
        parts: list[str] = []
        index: list[int] = []
        for m in _KEPT.finditer(raw_text):
            chunk = m.group()
            if chunk.isascii():  # the common case, a word at a time: its skeleton is its lower case
                parts.append(chunk.lower())
                index.extend(range(m.start(), m.end()))
                continue
            for i, ch in enumerate(chunk, m.start()):
                k = _key(ch)
                if k:
                    parts.append(k)
                    index.extend([i] * len(k))
        astral = [m.start() for m in ASTRAL.finditer(raw_text)]
        return cls("".join(parts), index, CharIndex(textpage.raw, astral))

    def chars(self, first: int, end: int) -> tuple[int, int] | None:
        """pdfium character indices of skeleton characters ``first`` and ``end - 1`` (None if unmapped)."""
        a, b = self.char_index(self.index[first]), self.char_index(self.index[end - 1])
        return (a, b) if 0 <= a <= b else None


@dataclass(frozen=True, slots=True)
class Match:
    """pdfium character indices ``first..last`` (inclusive) holding the text; ``exact`` if found verbatim."""

    first: int
    last: int
    exact: bool


def locate(page: PageChars, wanted: str, expected: int) -> Match | None:
    """Where the skeleton ``wanted`` lies on ``page``, preferring the occurrence nearest skeleton offset
    ``expected``; None when it is neither there verbatim nor closely enough (see ``_FUZZY_CUTOFF``)."""
    if not wanted or not page.text:
        return None
    best = -1
    pos = page.text.find(wanted)
    while pos != -1:
        if best < 0 or abs(pos - expected) < abs(best - expected):
            best = pos
        pos = page.text.find(wanted, pos + 1)
    if best >= 0:
        found = page.chars(best, best + len(wanted))
        return Match(*found, True) if found else None
    return _fuzzy(page, wanted)


def _fuzzy(page: PageChars, wanted: str) -> Match | None:
    from rapidfuzz import fuzz

    if len(wanted) > len(page.text):
        return None
    found = fuzz.partial_ratio_alignment(wanted, page.text, score_cutoff=_FUZZY_CUTOFF)
    if found is None or found.dest_end <= found.dest_start:
        return None
    chars = page.chars(found.dest_start, found.dest_end)
    return Match(*chars, False) if chars else None
