"""Where each character of ``Document.text`` sits in a DOCX: runs with offsets, and cutting a run in two.

The map is made by walking the original's body with the DOCX loader's own reader
(:func:`leverage_lens.load.docx.read_body_runs`), which records the offset of every run whose text the loader
keeps. Sharing the reader (rather than re-implementing the walk) means
numbering labels, tracked changes, fields, hidden text and merged paragraphs land at exactly the offsets the
report's findings use; :func:`map_runs` returns the text the walk produced so the caller can check it equals
``Document.text`` before trusting the offsets. This is position lookup only: nothing is re-analysed.
"""

from __future__ import annotations

import copy
from bisect import bisect_left, bisect_right

from lxml import etree

from ..load.docx import RPR, RunSpan, T, W, read_body_runs, symbol_text
from ..load.text import replace_surrogates

__all__ = ["RunMap", "RunSpan", "map_runs"]

_P = W + "p"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Run children that hold no text and may go to either half of a split run.
_EMPTY = frozenset(W + t for t in ("lastRenderedPageBreak", "softHyphen", "annotationRef"))
#: Run children that make a run unsafe to cut: field machinery whose halves must stay together.
_ATOMIC = frozenset(W + t for t in ("fldChar", "instrText", "delInstrText"))


class RunMap:
    """Runs in document order with their offsets; cuts runs so a range starts and ends on run boundaries."""

    def __init__(self, spans: list[RunSpan]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def overlapping(self, start: int, end: int) -> tuple[int, int]:
        """Index range ``[i, j)`` of the runs holding any character of ``[start, end)``."""
        i = bisect_right(self._starts, start) - 1
        if i < 0 or self.spans[i].end <= start:
            i += 1
        j = bisect_left(self._starts, end, lo=max(i, 0))
        return max(i, 0), j

    def nearest(self, offset: int, text: str) -> int | None:
        """Index of the run nearest to ``offset`` in ``text`` (None when the body holds no text at all).

        A run on the same line wins over a closer one across a paragraph break, so a finding on a
        numbering label lands on the paragraph the label numbers.
        """
        if not self.spans:
            return None
        i = bisect_right(self._starts, offset)
        after = i if i < len(self.spans) else None
        before = i - 1 if i > 0 else None
        if after is not None and "\n" not in text[offset : self.spans[after].start]:
            return after
        if before is not None and "\n" not in text[self.spans[before].end : offset]:
            return before
        candidates = [k for k in (before, after) if k is not None]
        return min(candidates, key=lambda k: _distance(self.spans[k], offset))

    def paragraph_runs(self, index: int) -> tuple[int, int]:
        """Index range ``[i, j)`` of the mapped runs in the same paragraph as run ``index``."""
        para = _paragraph(self.spans[index].run)
        i = index
        while i > 0 and _paragraph(self.spans[i - 1].run) is para:
            i -= 1
        j = index + 1
        while j < len(self.spans) and _paragraph(self.spans[j].run) is para:
            j += 1
        return i, j

    def cut(self, index: int, offset: int) -> bool:
        """Split run ``index`` so that a run boundary falls at ``offset``; False when the run cannot be cut.

        The new run is a deep copy of the old one (same ``w:rPr``, same attributes), so formatting is kept
        character for character; only the text content is divided between the two.
        """
        span = self.spans[index]
        if offset <= span.start or offset >= span.end:
            return True
        right = split_run(span.run, offset - span.start, span.end - span.start)
        if right is None:
            return False
        self.spans.insert(index + 1, RunSpan(offset, span.end, right))
        self._starts.insert(index + 1, offset)
        span.end = offset
        return True


def _distance(span: RunSpan, offset: int) -> int:
    if offset < span.start:
        return span.start - offset
    return max(0, offset - span.end + 1)


def _paragraph(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def _piece_length(child: etree._Element) -> int | None:
    """Characters the loader takes from one run child; None for a child that forbids cutting the run."""
    tag = child.tag
    if tag == T:
        return len(child.text or "")
    if tag in _ATOMIC:
        return None
    if tag in (W + "tab", W + "ptab", W + "noBreakHyphen"):
        return 1
    if tag in (W + "br", W + "cr"):
        return 1 if child.get(W + "type") in (None, "textWrapping") else 0
    if tag == W + "sym":
        return len(symbol_text(child.get(W + "char"), child.get(W + "font")))
    return 0


def split_run(run: etree._Element, at: int, length: int) -> etree._Element | None:
    """Cut ``run`` after its ``at``-th visible character; return the new right half, inserted after it.

    Returns None (and changes nothing) when the run holds field characters or its pieces do not add up to
    ``length`` (the text the loader read from it), since a cut there could not be placed safely.
    """
    pieces: list[tuple[int, int, int]] = []  # (child index, first char, end char)
    pos = 0
    for k, child in enumerate(run):
        if child.tag == RPR or not isinstance(child.tag, str):
            continue
        n = _piece_length(child)
        if n is None:
            return None
        pieces.append((k, pos, pos + n))
        pos += n
    if pos != length or not 0 < at < length:
        return None
    right = copy.deepcopy(run)
    left_children, right_children = list(run), list(right)
    for k, first, end in pieces:
        if end <= at and not (first == end == at):
            right.remove(right_children[k])  # wholly in the left half
        elif first >= at:
            run.remove(left_children[k])  # wholly in the right half
        else:  # a w:t that straddles the cut
            text = left_children[k].text or ""
            left_children[k].text = text[: at - first]
            right_children[k].text = text[at - first :]
            left_children[k].set(_XML_SPACE, "preserve")
            right_children[k].set(_XML_SPACE, "preserve")
    for t in (*run.iter(T), *right.iter(T)):
        if t.text and t.text != t.text.strip():
            t.set(_XML_SPACE, "preserve")  # a half may now start or end with a space Word must keep
    run.addnext(right)
    return right


def map_runs(
    body: etree._Element, styles: etree._Element | None, numbering: etree._Element | None
) -> tuple[RunMap, str]:
    """The runs of ``body`` with their offsets, and the text the walk produced (to compare with the report)."""
    spans, text = read_body_runs(body, styles, numbering)
    return RunMap(spans), replace_surrogates(text)
