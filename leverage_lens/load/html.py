"""HTML contracts (SEC EDGAR exhibits, saved web pages): the text a browser shows, in reading order.

lxml's HTML parser (already installed with python-docx) reads the page, however malformed, and this module
walks the tree once:

* block elements (``p``, ``div``, headings, list items, table rows, ``br``) end a block; inline elements
  (``b``, ``font``, ``span``, ``a``) add to it; whitespace collapses as in a browser, and no-break spaces
  (``&nbsp;``, used by EDGAR filers to indent and to space numbers from text) read as spaces;
* ``h1``-``h6`` are headings (``heading_level``); blocks wholly in bold (``b``, ``strong``, a bold
  ``font-weight``) are marked bold and centred ones centred, as the PDF and DOCX loaders mark them;
* ordered lists are numbered as a browser numbers them (``type`` and ``start`` honoured; the label is put
  in the text, followed by a tab, like Word's numbering in the DOCX loader); bullets carry no label;
* tables are read row by row, cell by cell. EDGAR filings lay clauses out in tables ("1.1" in one cell,
  the clause in the next), so short leading cells are joined to the row's first long cell with a tab; a
  row whose cells each hold one line becomes one line with tab-separated cells; a cell holding whole
  paragraphs (a contract pasted into one layout cell) keeps them as blocks;
* ``script``, ``style``, ``head`` and comments are skipped; EDGAR's SGML wrapper (``<DOCUMENT>``,
  ``<TYPE>``, ... ``<TEXT>``) is cut away, so an exhibit saved as ``.txt`` reads like the ``.htm``.

``Document.text`` is the rendered text (offsets index it, not the HTML source); the document is one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import CorruptDocumentError
from ..model import Page
from ._types import Block, Loaded

__all__ = ["load_html", "strip_edgar_wrapper"]

_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tbody thead tfoot tr caption section article aside "
    "header footer main nav blockquote pre center address form fieldset figure figcaption hr body html "
    "page".split()
)
_SKIP = frozenset("script style head title noscript template meta link object iframe svg math".split())
_HEADING = {f"h{n}": n - 1 for n in range(1, 7)}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_EDGAR_TEXT = re.compile(rb"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)
_SHORT_CELL = 14  # characters: "1.1", "(a)", "Section 12.3" -- a number set in its own cell
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
           "xvi", "xvii", "xviii", "xix", "xx"]
_MAX_DEPTH = 150  # deeper elements are read flat (three Python frames a level)


def strip_edgar_wrapper(data: bytes) -> bytes:
    """The HTML inside an EDGAR ``<TEXT>`` element, or ``data`` itself when there is no wrapper."""
    head = data[:4096]
    if b"<DOCUMENT>" in head.upper() or b"<TYPE>" in head.upper():
        m = _EDGAR_TEXT.search(data)
        if m:
            return m.group(1)
    return data


@dataclass(slots=True)
class _Para:
    """A block being read: its text pieces and how many of its characters are bold."""

    pieces: list[str] = field(default_factory=list)
    bold_chars: int = 0
    chars: int = 0
    label: str | None = None
    level: int | None = None
    heading: int | None = None
    centered: bool = False


@dataclass(slots=True)
class _Out:
    """A finished block before it is placed in the text."""

    text: str
    label: str | None = None
    level: int | None = None
    heading: int | None = None
    bold: bool = False
    centered: bool = False
    kind: str = "paragraph"


class _Renderer:
    def __init__(self) -> None:
        self.out: list[_Out] = []
        self.para = _Para()
        self.bold = 0
        self.centered = 0
        self.lists: list[list[Any]] = []  # [style, count, is_ordered]

    # -- blocks -------------------------------------------------------------------------------------------
    def flush(self) -> None:
        para = self.para
        text = _SPACES.sub(" ", "".join(para.pieces)).strip()
        if text or para.label:
            bold = para.chars > 0 and para.bold_chars >= 0.9 * para.chars
            self.out.append(_Out(text, para.label, para.level, para.heading, bold, para.centered))
        self.para = _Para(centered=self.centered > 0)

    def text(self, value: str | None) -> None:
        if not value:
            return
        self.para.pieces.append(value)
        n = len("".join(value.split()))  # characters that show (str.split also splits at no-break spaces)
        self.para.chars += n
        if self.bold:
            self.para.bold_chars += n

    # -- the walk -----------------------------------------------------------------------------------------
    def walk(self, el: Any, depth: int = 0) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP:  # a comment or processing instruction, or skipped content
            self.text(el.tail)
            return
        if depth > _MAX_DEPTH:  # a pathological nesting: its text, flat
            self.text(el.text_content())
            self.text(el.tail)
            return
        style = el.get("style") or ""
        bold = tag in ("b", "strong", "th") or bool(_BOLD_STYLE.search(style))
        centered = tag == "center" or (el.get("align") or "").lower() == "center" or bool(_CENTER_STYLE.search(style))
        if tag == "table":
            self.flush()
            self.table(el, depth)
        elif tag == "br":
            self.flush()
        elif tag in ("ol", "ul"):
            self.flush()
            self.lists.append([_list_style(el), _list_start(el), tag == "ol"])
            self.children(el, depth)
            self.flush()
            self.lists.pop()
        elif tag == "li":
            self.flush()
            if self.lists:
                lst = self.lists[-1]
                if lst[2]:
                    value = el.get("value")
                    if value and value.strip().isdigit():
                        lst[1] = int(value)
                    self.para.label = _list_label(lst[0], lst[1])
                    self.para.level = sum(1 for x in self.lists if x[2]) - 1
                    lst[1] += 1
            self.inner(el, depth, bold, centered)
            self.flush()
        elif tag in _BLOCK:
            self.flush()
            if tag in _HEADING:
                self.para.heading = _HEADING[tag]
            self.inner(el, depth, bold, centered)
            self.flush()
        else:
            self.inner(el, depth, bold, centered)
        self.text(el.tail)

    def inner(self, el: Any, depth: int, bold: bool, centered: bool) -> None:
        self.bold += bold
        self.centered += centered
        if centered:
            self.para.centered = True
        self.text(el.text)
        self.children(el, depth)
        self.bold -= bold
        self.centered -= centered

    def children(self, el: Any, depth: int) -> None:
        for child in el:
            self.walk(child, depth + 1)

    def table(self, table: Any, depth: int) -> None:
        for row in table.iter("tr"):
            if _nearest_table(row) is not table:
                continue  # a row of a nested table: read with its cell
            cells = []
            for cell in row:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    sub = _Renderer()
                    sub.bold = self.bold + (cell.tag.lower() == "th")
                    sub.inner(cell, depth + 1, False, (cell.get("align") or "").lower() == "center")
                    sub.flush()
                    if sub.out:
                        cells.append(sub.out)
            self.out.extend(_merge_row(cells))


def _nearest_table(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and not (isinstance(parent.tag, str) and parent.tag.lower() == "table"):
        parent = parent.getparent()
    return parent


def _merge_row(cells: list[list[_Out]]) -> list[_Out]:
    """A table row as blocks (module notes): layout rows join a number cell to its clause."""
    if not cells:
        return []
    if len(cells) == 1:
        return cells[0]
    if all(len(c) == 1 for c in cells):
        parts = [c[0] for c in cells]
        return [_Out("\t".join(p.text for p in parts if p.text), bold=all(p.bold for p in parts), kind="cell")]
    lead: list[str] = []
    k = 0
    while k < len(cells) and len(cells[k]) == 1 and len(cells[k][0].text) <= _SHORT_CELL:
        lead.append(cells[k][0].text)
        k += 1
    out: list[_Out] = []
    for n, cell in enumerate(cells[k:]):
        for m, block in enumerate(cell):
            if n == 0 and m == 0 and lead:
                block = _Out("\t".join([*lead, block.text]), block.label, block.level, block.heading, block.bold,
                             block.centered)
            out.append(block)
    if k == len(cells):  # only short cells
        out.append(_Out("\t".join(lead), kind="cell"))
    return out


def _list_style(el: Any) -> str:
    kind = (el.get("type") or "").strip()
    style = (el.get("style") or "").lower()
    for css, value in (("lower-alpha", "a"), ("upper-alpha", "A"), ("lower-roman", "i"), ("upper-roman", "I"),
                       ("lower-latin", "a"), ("upper-latin", "A")):
        if css in style:
            return value
    return kind if kind in ("1", "a", "A", "i", "I") else "1"


def _list_start(el: Any) -> int:
    start = (el.get("start") or "").strip()
    return int(start) if start.isdigit() else 1


def _list_label(style: str, n: int) -> str:
    if style == "1":
        return f"{n}."
    if style in ("i", "I"):
        value = _ROMANS[n - 1] if 0 < n <= len(_ROMANS) else str(n)
        return f"{value if style == 'i' else value.upper()}."
    value = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    return f"{value if style == 'a' else value.upper()}."


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _decode(body: bytes) -> str:
    """The page as text: the charset its ``<meta>`` declares, else UTF-8, else Windows-1252.

    lxml, left to itself, reads a page without a declaration as Latin-1, which turns every UTF-8 dash and
    quote into mojibake; EDGAR pages rarely declare one.
    """
    from .detect import decode_text

    m = _CHARSET.search(body[:4096])
    text = None
    if m:
        try:
            text = body.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            text = None
    if text is None:
        text = decode_text(body)
    return _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares its own encoding


def load_html(data: bytes, label: str = "input") -> Loaded:
    """Render HTML bytes (or an EDGAR ``.txt`` wrapping HTML) into text and blocks (see the module notes)."""
    import lxml.etree
    import lxml.html

    body = strip_edgar_wrapper(data)
    if not body.strip():
        raise CorruptDocumentError(f"{label} is an HTML document without any content")
    try:
        # huge_tree: without it libxml2 silently drops everything nested deeper than 256 elements
        root = lxml.html.document_fromstring(_decode(body), parser=lxml.html.HTMLParser(huge_tree=True))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise CorruptDocumentError(f"{label} is not readable HTML: {exc}") from exc
    renderer = _Renderer()
    renderer.walk(root)
    renderer.flush()
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for out in renderer.out:
        body_text = f"{out.label}\t{out.text}" if out.label else out.text
        if not body_text.strip():
            continue
        if parts:
            parts.append("\n")
            offset += 1
        block = Block(start=offset, end=offset + len(body_text), kind=out.kind)  # type: ignore[arg-type]
        if out.label:
            block.label, block.label_end, block.list_level = out.label, offset + len(out.label), out.level
        block.heading_level, block.bold, block.centered = out.heading, out.bold, out.centered
        blocks.append(block)
        parts.append(body_text)
        offset += len(body_text)
    text = "".join(parts)
    return Loaded(text=text, format="html", pages=[Page(number=1, start=0, end=len(text))], blocks=blocks)
