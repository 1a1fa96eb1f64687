"""The units two versions are aligned by: each clause's own text, as words with their offsets.

A clause covers its sub-clauses, so comparing whole clauses would report a parent as changed whenever a child
changed. Each clause therefore contributes only its *own* text, from its start to its first sub-clause: the
units of a document are disjoint and in document order, and every change lands on exactly one of them.

Words are what a reader compares, so a unit is a list of tokens (words and punctuation) with their offsets in
``Document.text``. Whitespace, line breaks, curly versus straight quotes and, in Markdown, inline HTML tags and
emphasis marks are formatting, not wording: they never make two units differ. The clause number is kept apart
(it is a hint for alignment and the ``renumbered`` flag, not a word of the clause).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..model import Clause, Document

__all__ = ["Unit", "Units", "build_units", "normalise_number", "tokenize", "words_of"]

_TOKEN = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s=][^<>]{0,300})?/?>|\]\([^()\s]{0,500}\)|"
                    r"\w+(?:(?:[.,'\u2019/]|-(?:[ \t]*\n[ \t]*)?)\w+)*|[^\w\s]")
_MARKUP_MD = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s=][^<>]{0,300})?/?>|\]\([^()\s]{0,500}\)|[*_#`|\[\]<>]+")
#: A word broken at a line end ("Pre-\n   Existing") is one word: the line break is layout.
_BROKEN = re.compile(r"-[ \t]*\n[ \t]*")
#: A leading list marker or section number: "(e) ", "5. ", "5.1 ", "iv) ", "Section 5.1 ".
_ENUMERATOR = re.compile(r"\s*(?:(?:Section|SECTION|Article|ARTICLE)\s+)?(?:\(\s?[0-9A-Za-z]{1,4}\s?\)|"
                         r"[0-9]{1,3}(?:\.[0-9]{1,3})*\.?|[a-zA-Z]\.|[ivxIVX]{1,5}[.)])(?=\s)")
_LINE_MARKER = re.compile(r"(?:^|\n|[:;]\s)[ \t]*(\(\s?[0-9A-Za-z]{1,4}\s?\)|[0-9]{1,3}(?:\.[0-9]{1,3})*\.|"
                          r"[0-9]{1,3}(?:\.[0-9]{1,3})+|[a-zA-Z][.)]|[ivxIVX]{1,5}[.)])(?=[ \t])")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-", "\u00a0": " "})


def tokenize(text: str, base: int = 0, *, markup: bool = False,
             markers: list[str] | None = None,
             marker_spans: list[tuple[int, int]] | None = None) -> tuple[list[str], list[tuple[int, int]]]:
    """Words and punctuation of ``text`` with offsets (plus ``base``); Markdown markup skipped when ``markup``.

    List markers starting a line ("(h) ", "7. ") are numbering, not wording: whether the segmenter made them
    a clause of their own differs between versions, so they are left out of the words and collected in
    ``markers`` (normalised) when a list is given.
    """
    norm = text.translate(_QUOTES)  # one character for one: offsets stay those of ``text``
    found = list(_TOKEN.finditer(norm))
    drop: set[int] = set()
    for mk in _LINE_MARKER.finditer(norm):
        lo, hi = mk.span(1)
        i = bisect_left(found, lo, key=_start)
        while i < len(found) and found[i].start() < hi:
            drop.add(i)
            i += 1
        if markers is not None:
            markers.append(normalise_number(mk.group(1)) or "")
        if marker_spans is not None:
            marker_spans.append((base + lo, base + hi))
    if markup:
        drop.update(i for i, m in enumerate(found) if _MARKUP_MD.fullmatch(m.group()))
    if drop:
        found = [m for i, m in enumerate(found) if i not in drop]
    words = [_BROKEN.sub("-", m.group()) if "\n" in m.group() else m.group() for m in found]
    return words, [(m.start() + base, m.end() + base) for m in found]


def words_of(text: str, *, markup: bool = False, markers: list[str] | None = None) -> list[str]:
    """The words :func:`tokenize` gives, without offsets: the fast path for the units that are never diffed."""
    norm = text.translate(_QUOTES)
    if markup or _LINE_MARKER.search(norm) or _BROKEN.search(norm):
        return tokenize(text, markup=markup, markers=markers)[0]
    return _TOKEN.findall(norm)


def _start(m: re.Match[str]) -> int:
    return m.start()


def normalise_number(number: str | None) -> str | None:
    """"Section 4.2." and "4.2" are the same number: lower case, no keyword, no trailing dot or spaces."""
    if not number:
        return None
    n = re.sub(r"^(?:section|article|clause|paragraph)\s+", "", number.strip().lower())
    return re.sub(r"\s+", "", n).rstrip(".") or None


@dataclass
class Unit:
    """One clause's own text as tokens; ``body`` excludes the number (and is what alignment compares)."""

    index: int
    clause: Clause
    start: int
    end: int
    number: str | None
    heading: str | None
    words: list[str]
    key: str = ""
    markers: list[str] = field(default_factory=list)
    text: str = field(default="", repr=False)  # the document's text (offsets are computed when needed)
    body_from: int = 0
    markup: bool = False
    #: a number printed at the start of the text that the segmenter did not read as the clause's number
    printed: str | None = None
    _shingles: set[int] | None = field(default=None, repr=False)
    _spans: list[tuple[int, int]] | None = field(default=None, repr=False)
    _marker_spans: list[tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Offsets of ``words`` in ``Document.text``, computed on first use (only diffed units need them)."""
        if self._spans is None:
            self._marker_spans = []
            self._spans = tokenize(self.text[self.body_from:self.end], self.body_from, markup=self.markup,
                                   marker_spans=self._marker_spans)[1]
        return self._spans

    @property
    def marker_spans(self) -> list[tuple[int, int]]:
        """Offsets of the list markers left out of ``words``, in the order of ``markers``."""
        if self._marker_spans is None:
            _ = self.spans
        return self._marker_spans or []

    @property
    def shingles(self) -> set[int]:
        """Hashes of the word 3-grams of the body (lower case): for fingerprints and containment."""
        if self._shingles is None:
            low = self.key.split(" ") if self.key else []
            if len(low) < 3:
                self._shingles = {hash(self.key)} if self.key else set()
            else:
                self._shingles = {hash((low[i], low[i + 1], low[i + 2])) for i in range(len(low) - 2)}
        return self._shingles


class Units:
    """The units of one document, with a lookup from an offset to the unit holding it."""

    def __init__(self, doc: Document, units: list[Unit]) -> None:
        self.doc = doc
        self.items = units
        self._starts = [u.start for u in units]

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Unit:
        return self.items[i]

    def at(self, offset: int) -> Unit | None:
        """The unit whose own text holds ``offset`` (the nearest one before it when it falls in a gap)."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        return self.items[i]


def build_units(doc: Document) -> Units:
    """One unit per clause with its own text; empty clauses (no words at all) are left out."""
    markup = doc.format == "md"
    clauses = doc.clauses
    units: list[Unit] = []
    for i, c in enumerate(clauses):
        end = c.end
        if i + 1 < len(clauses) and clauses[i + 1].parent_id == c.id:
            end = min(end, clauses[i + 1].start)
        # the tail after the last child (rare) stays with the child, which is nearer to it in the text
        start = c.start
        if units and start < units[-1].end:
            start = units[-1].end
        if end <= start:
            continue
        body_from = start
        if c.number_span is not None and start <= c.number_span.end <= end:
            body_from = c.number_span.end
        m = _ENUMERATOR.match(doc.text, body_from, end)
        printed = None
        if m is not None:  # a list marker the segmenter left in the text ("(e) ..."): a number, not a word
            body_from = m.end()
            printed = normalise_number(m.group())
        markers: list[str] = []
        words = words_of(doc.text[body_from:end], markup=markup, markers=markers)
        if not words and c.number is None:
            continue
        key = " ".join(words).lower()
        units.append(Unit(len(units), c, start, end, normalise_number(c.number), c.heading, words, key,
                          markers, doc.text, body_from, markup,
                          printed=printed if c.number_span is None else None))
    return Units(doc, units)
