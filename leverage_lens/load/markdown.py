"""Markdown contracts rendered as a reader sees them: numbered lists, headings and tables, markup removed.

Standard forms published as Markdown (Common Paper's, for one) number their clauses with nested ordered
lists and mark headings with HTML spans::

    1. <span class="header_2" id="1">Pilot Access</span>
        1. <span class="header_3" id="1.1">Access and Use.</span>  During the Pilot Period ...
        2. ...
            a. if the other party fails to cure ...

Read as plain text, every item is "1." and the clause tree is lost. This loader renders the document the way
a Markdown renderer displays it and the DOCX edition of the same form prints it, so both give the same
clause tree:

* ordered lists are numbered by position (a renderer ignores the written numbers after the first), nested
  by indentation, and numbered lists inside numbered lists get dotted numbers: "1." under "3." is "3.1",
  under that "3.1.1"; lettered and roman lists ("a.", "i.") keep their own style ("b.");
* each paragraph, list item or table cell is one block, as in a DOCX: the number label, a tab, the text;
  soft-wrapped lines of a paragraph are joined by a space;
* ATX headings ("## Term") and paragraphs that are wholly bold ("**Term**") are headings;
  ``<span class="header_N">`` marks a heading inside an item (its text stays in place);
* inline markup is removed: HTML tags, ``**``/``*``/``__`` emphasis, links (their text is kept), inline
  code marks, backslash escapes, HTML entities; ``{placeholders}`` and ``[bracketed drafting notes]`` are
  kept as written;
* tables: one block per cell, separator rows dropped; fenced code is kept as it is; thematic breaks
  ("---") are dropped.

``Document.text`` is therefore the rendered text, not the Markdown source (as for a DOCX, whose text is not
its XML). :func:`leverage_lens.parse_text` with ``format="md"`` keeps its promise that the text is the
string given, and reads it line by line instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Page
from ._types import Block, Loaded

__all__ = ["load_markdown"]

_ITEM = re.compile(r"( *)(\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})([.)])[ \t]+(.*)")
_BULLET = re.compile(r"( *)[-*+][ \t]+(.*)")
_ATX = re.compile(r" {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*")
_RULE = re.compile(r" {0,3}([-*_=])[ \t]*(?:\1[ \t]*){2,}")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_TABLE_SEPARATOR = re.compile(r"\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?")
_HEADER_SPAN = re.compile(r"<span[^>]{0,300}class=\"header_\d+\"[^>]{0,300}>")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,1000}>")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]{1,2000}|mailto:[^<>\s]{1,300}|[^<>\s@]{1,200}@[^<>\s@]{1,200})>")
_LINK = re.compile(r"!?\[([^\[\]]{0,1000})\]\([^()\s]{0,2000}(?:\s+\"[^\"]{0,300}\")?\)")
_STRONG = re.compile(r"\*\*([^*]{1,1000})\*\*|__([^_]{1,1000})__")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]{1,1000})(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`]{0,1000})`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
#: Every inline pattern is bounded (no unbounded lazy or negated runs), so a hostile paragraph of unclosed
#: "*", "[" or "<" costs linear time, not quadratic.
_SET_ASIDE = 0xF0000  # plane 15, private use: never in contract text
_SET_ASIDE_CHARS = re.compile("[\U000F0000-\U000F007F]")
_WHOLLY_BOLD = re.compile(r"(?:\*\*|__)([^*_].*?)(?:\*\*|__)[:.]?")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
           "xvi", "xvii", "xviii", "xix", "xx"]


@dataclass(slots=True)
class _List:
    """An open ordered list: its indentation, numbering style, and the count so far."""

    indent: int
    style: str  # "num", "lower", "upper", "roman", "ROMAN", "bullet"
    count: int
    delimiter: str


def inline(text: str) -> tuple[str, bool]:
    """The text of a Markdown line as rendered, and whether it held a header span (a heading)."""
    heading = bool(_HEADER_SPAN.search(text))
    # escaped characters are set aside (as private-use characters) so no later step reads them as markup
    text = _ESCAPE.sub(lambda m: chr(_SET_ASIDE + ord(m.group(1))), text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)  # <https://...> shows its address; it is not a tag
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _SET_ASIDE_CHARS.sub(lambda m: chr(ord(m.group()) - _SET_ASIDE), text)
    return html.unescape(text), heading


def _style(marker: str) -> str:
    if marker.isdigit():
        return "num"
    if marker.lower() in _ROMAN and len(marker) > 1 or marker in ("i", "I"):
        return "roman" if marker.islower() else "ROMAN"
    return "lower" if marker.islower() else "upper"


def _label(stack: list[_List]) -> str:
    """The rendered number of the innermost open list's current item (module notes)."""
    top = stack[-1]
    if top.style == "num":
        chain = []
        for lst in reversed(stack):
            if lst.style != "num":
                break
            chain.append(str(lst.count))
        chain.reverse()
        if len(chain) == 1:
            return f"{chain[0]}{top.delimiter}" if top.delimiter == "." else f"({chain[0]})"
        return ".".join(chain)
    if top.style in ("roman", "ROMAN"):
        value = _ROMANS[top.count - 1] if top.count <= len(_ROMANS) else str(top.count)
        value = value if top.style == "roman" else value.upper()
    else:
        n = top.count - 1
        value = chr(ord("a") + n % 26) * (n // 26 + 1)
        value = value if top.style == "lower" else value.upper()
    return f"{value}." if top.delimiter == "." else f"({value})"


class _Writer:
    """Builds the rendered text and its blocks, one block per paragraph, item or cell."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.blocks: list[Block] = []

    def add(self, text: str, *, kind: str = "paragraph", label: str | None = None, level: int | None = None,
            heading: int | None = None, bold: bool = False) -> None:
        text = " ".join(text.split()) if kind != "code" else text.rstrip()
        if not text and label is None:
            return
        if self.parts:
            self.parts.append("\n")
            self.offset += 1
        start = self.offset
        body = f"{label}\t{text}" if label is not None else text
        self.parts.append(body)
        self.offset += len(body)
        block = Block(start=start, end=self.offset, kind="paragraph" if kind == "code" else kind)  # type: ignore[arg-type]
        if label is not None:
            block.label, block.label_end, block.list_level = label, start + len(label), level
        block.heading_level = heading
        block.bold = bold
        self.blocks.append(block)


def load_markdown(source: str) -> Loaded:
    """Render Markdown ``source`` to text and blocks (see the module notes)."""
    out = _Writer()
    stack: list[_List] = []
    para: list[str] = []
    item: tuple[str, int] | None = None  # the open list item's label and level
    fence: str | None = None

    def flush() -> None:
        nonlocal para, item
        if not para and item is None:
            return
        raw = " ".join(para)
        text, span_heading = inline(raw)
        if item is not None:
            out.add(text, label=item[0], level=item[1])
        else:
            bold = bool(_WHOLLY_BOLD.fullmatch(raw.strip()))
            out.add(text, heading=1 if bold and len(text) < 120 else None, bold=bold)
        para, item = [], None

    for line in source.splitlines():
        expanded = line.expandtabs(4)
        if fence is not None:
            if expanded.strip().startswith(fence):
                fence = None
            else:
                out.add(line, kind="code")
            continue
        f = _FENCE.match(expanded)
        if f:
            flush()
            fence = f.group(1)
            continue
        if not expanded.strip():
            flush()
            continue
        indent = len(expanded) - len(expanded.lstrip(" "))
        m = _ITEM.fullmatch(expanded)
        if m and not m.group(2).isdigit() and indent < 2 and not (stack and indent >= stack[-1].indent):
            m = None  # "A. Smith" at the margin is text; letters number a list only inside or beside one
        if m:
            flush()
            _open_item(stack, indent, m.group(2), m.group(3))
            item = (_label(stack), len(stack) - 1)
            para = [m.group(4)]
            continue
        b = _BULLET.fullmatch(expanded)
        if b and not _RULE.fullmatch(expanded):
            flush()
            _open_item(stack, indent, "-", "-")
            para = [b.group(2)]
            continue
        if _RULE.fullmatch(expanded):
            flush()
            continue
        h = _ATX.fullmatch(expanded)
        if h:
            flush()
            stack.clear()
            text, _ = inline(h.group(2))
            out.add(text, heading=len(h.group(1)) - 1, bold=True)
            continue
        if expanded.lstrip().startswith("|"):
            flush()
            stack.clear()
            if not _TABLE_SEPARATOR.fullmatch(expanded.strip()):
                for cell in _cells(expanded.strip()):
                    out.add(inline(cell)[0], kind="cell")
            continue
        if not para and item is None and stack and indent < stack[0].indent:
            stack.clear()
        if not para and item is None and indent == 0:
            stack.clear()  # a paragraph at the margin ends any list
        para.append(expanded.strip())
    flush()
    text = "".join(out.parts)
    return Loaded(text=text, format="md", pages=[Page(number=1, start=0, end=len(text))], blocks=out.blocks)


def _open_item(stack: list[_List], indent: int, marker: str, delimiter: str) -> None:
    """Place an item at ``indent`` in the open lists: a sibling, a child, or a return to an outer list."""
    style = "bullet" if marker == "-" else _style(marker)
    while stack and stack[-1].indent > indent:
        stack.pop()
    if stack and stack[-1].indent == indent:
        top = stack[-1]
        if top.style == style or (top.style in ("lower", "roman") and style in ("lower", "roman")) or (
            top.style in ("upper", "ROMAN") and style in ("upper", "ROMAN")
        ):
            top.count += 1
            return
        stack.pop()  # another kind of list at the same indentation starts afresh
    start = int(marker) if style == "num" else 1
    if style in ("lower", "upper"):
        start = ord(marker.lower()) - ord("a") + 1
    elif style in ("roman", "ROMAN"):
        start = _ROMANS.index(marker.lower()) + 1 if marker.lower() in _ROMANS else 1
    stack.append(_List(indent, style, start, delimiter))


def _cells(row: str) -> list[str]:
    """The cells of a pipe-table row (escaped pipes stay in their cell)."""
    body = row[1:] if row.startswith("|") else row
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]
