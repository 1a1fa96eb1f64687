"""Pages of a Word document, from the page breaks the file records.

A DOCX holds no pages: Word lays them out when it opens the file. What it leaves behind is a
``w:lastRenderedPageBreak`` wherever a page ended when the file was last saved by Word, and the page breaks
an author typed (``w:br w:type="page"``) or that a section break implies (every section type but
``continuous``). The pages reported are therefore:

* **known** when the file carries rendered page breaks: one page per rendered page, split where Word split
  them (as of the last save in Word);
* **not known** otherwise (a file written by a program rather than saved from Word): the pages split at the
  typed and section page breaks, which is a lower bound (``Document.pages_known`` is False, and views say
  "at least N pages", or "pages unknown" when there is no break at all).

``docProps/app.xml`` is not trusted: files made from python-docx's template say ``<Pages>1</Pages>``
whatever they hold.
"""

from __future__ import annotations

from lxml import etree

from ..model import Page
from .docx_numbering import W

__all__ = ["PageBreaks"]

_RENDERED = W + "lastRenderedPageBreak"
_SECT_PR = W + "sectPr"


class PageBreaks:
    """Collects break positions during the body walk; run-level positions are relative to a paragraph's
    text until :meth:`place` knows where the paragraph starts."""

    def __init__(self, body: etree._Element) -> None:
        # how each section starts, in order; the type of section k+1 says whether the break ending section k
        # starts a page (no w:type means nextPage)
        self._section_starts = []
        for sect in body.iter(_SECT_PR):
            kind = sect.find(W + "type")
            self._section_starts.append(kind.get(W + "val") if kind is not None else "nextPage")
        self._sections_seen = 0
        self._pending: dict[int, list[tuple[int, bool, int | None]]] = {}
        self._rendered: set[int] = set()
        self._typed: set[int] = set()
        self._row: int | None = None  # the table row being read
        self._rows_broken: set[int] = set()
        self._rows_entered = 0

    def enter_row(self, row: etree._Element) -> int | None:
        """A table row starts; returns the enclosing row (a nested table) for :meth:`leave_row`.

        Rows are numbered in reading order, not keyed by ``id(row)``: lxml makes a new proxy object for an
        element each time it is reached, and a freed proxy's id is reused by the next row's, which made a
        later row's page break look like one already counted (page counts varied from run to run)."""
        self._rows_entered += 1
        outer, self._row = self._row, self._rows_entered
        return outer

    def leave_row(self, outer: int | None) -> None:
        self._row = outer

    def in_run(self, paragraph_key: int, offset: int, element: etree._Element) -> bool:
        """Note a break element met inside a run at ``offset`` of its paragraph's text; True if it was one."""
        if element.tag == _RENDERED:
            self._pending.setdefault(paragraph_key, []).append((offset, True, self._row))
            return True
        if element.tag in (W + "br", W + "cr") and element.get(W + "type") == "page":
            self._pending.setdefault(paragraph_key, []).append((offset, False, self._row))
            return True
        return False

    def place(self, paragraph_key: int, start: int) -> None:
        """The paragraph's text starts at ``start`` in the document text: its breaks become absolute."""
        for offset, rendered, row in self._pending.pop(paragraph_key, ()):
            at = start + offset
            if row is not None and rendered:
                if row in self._rows_broken:
                    continue  # the same page break, met again in the row's next cell
                self._rows_broken.add(row)
            (self._rendered if rendered else self._typed).add(at)

    def section_end(self, ppr: etree._Element | None, next_line: int) -> None:
        """A paragraph's properties holding a ``w:sectPr`` end a section: a page break unless the next
        section is continuous."""
        if ppr is None or ppr.find(_SECT_PR) is None:
            return
        self._sections_seen += 1
        following = self._section_starts[self._sections_seen] if self._sections_seen < len(
            self._section_starts) else "nextPage"
        if following != "continuous":
            self._typed.add(next_line)

    def pages(self, size: int) -> tuple[list[Page], bool]:
        """The pages over a text of ``size`` characters, and whether Word's own layout gave them."""
        known = bool(self._rendered)
        cuts = sorted(p for p in (self._rendered if known else self._typed) if 0 < p < size)
        starts = [0, *dict.fromkeys(cuts)]
        ends = [*starts[1:], size]
        return [Page(number=i + 1, start=a, end=b) for i, (a, b) in enumerate(zip(starts, ends))], known
