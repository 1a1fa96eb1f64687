"""DOCX loader: the body text as Word displays it, with Word's list numbers rendered into it.

The body is read straight from ``word/document.xml`` with lxml (python-docx's per-run proxy objects are an
order of magnitude slower on long contracts). What a reader of the document sees is what lands in the
text: automatic numbers ("1.1", "(a)") before their paragraphs, field results rather than field codes,
tracked changes as if accepted. Headers, footers, footnotes, comments and text boxes are left out: they are
not part of the clause flow the segmenter builds; imported parts, alternate content and embedded objects a
reader would see are reported as warnings (:mod:`.docx_unread`). Text is charged to the document's
:class:`~.budget.CharBudget` as it is read, so an oversized body stops at the limit.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ..errors import CorruptDocumentError, LeverageLensError
from ..model import ParseWarning, Span
from ..options import ParseOptions
from ._types import Block, BlockKind, Loaded
from .budget import CharBudget
from .docx_numbering import ListCounters, NumberingDefinitions, NumberLabel, W
from .docx_pages import PageBreaks
from .docx_safety import read_docx_parts
from .docx_styles import (
    DELETED,
    PROPERTY_CHANGES,
    REVISION_MARKS,
    ParagraphProps,
    ParagraphStyle,
    StyleSheet,
)
from .docx_unread import ALTERNATE_CONTENT, UnreadContent, has_text

__all__ = ["RunSpan", "load_docx", "read_body_runs", "symbol_text"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALT_CHUNK, _OBJECT = W + "altChunk", W + "object"
_MATH_TEXT = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

P, R, T, TBL, TR, TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
PPR, RPR, SDT, SDT_CONTENT = W + "pPr", W + "rPr", W + "sdt", W + "sdtContent"
INS, DEL, MOVE_TO, MOVE_FROM = W + "ins", W + "del", W + "moveTo", W + "moveFrom"
_INLINE_CONTAINERS = frozenset(
    W + t for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_BLOCK_CONTAINERS = frozenset({W + "customXml", INS, MOVE_TO})
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "})


def load_docx(data: bytes, options: ParseOptions, label: str, budget: CharBudget | None = None) -> Loaded:
    """Load a DOCX: safety checks first, then body text, numbering labels and block layout hints.

    ``budget`` (default: ``options.max_chars``) is charged as text is produced.

    Only :class:`~leverage_lens.errors.LeverageLensError` subclasses escape: ZIP, XML and lookup errors are
    re-raised as :class:`~leverage_lens.errors.CorruptDocumentError` with the original as ``__cause__``.
    """
    try:
        parts = read_docx_parts(data, options, label)
        body = parts.document.find(W + "body")
        if body is None:
            raise CorruptDocumentError(f"{label}: {parts.main} has no w:body element; the file is damaged")
        styles = StyleSheet(parts.styles)
        numbering = NumberingDefinitions(parts.numbering, styles.numbering_style_num_ids())
        return _BodyReader(styles, numbering, budget or CharBudget(options.max_chars, label)).read(body)
    except LeverageLensError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        struct.error,
        etree.LxmlError,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        IndexError,
        TypeError,
        AttributeError,
    ) as exc:
        raise CorruptDocumentError(
            f"{label} could not be read as DOCX ({type(exc).__name__}: {exc})"
        ) from exc


# -- the body -----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Text:
    """A paragraph's visible text as it is collected, with the facts its block needs."""

    parts: list[str] = field(default_factory=list)
    bold_chars: int = 0
    plain_chars: int = 0
    sizes: Counter[float] = field(default_factory=Counter)
    revised: bool = False
    unread: set[str] = field(default_factory=set)  # codes of unread content inside the paragraph

    def text(self) -> str:
        return "".join(self.parts).translate(_LINE_BREAKS)


@dataclass(slots=True)
class RunSpan:
    """A run (``w:r``) whose visible text is ``text[start:end]`` of the loaded document."""

    start: int
    end: int
    run: etree._Element


def read_body_runs(
    body: etree._Element, styles: etree._Element | None, numbering: etree._Element | None
) -> tuple[list[RunSpan], str]:
    """Every run of ``body`` that puts characters into the text, with its offsets, and that text.

    The review copies (Word comments anchored on a finding's words) need to know which run holds which
    characters; this is the loader's own walk, so numbering labels, tracked changes, fields, hidden text and
    merged paragraphs land at exactly the offsets the report uses. Callers compare the text returned with
    ``Document.text`` before trusting the offsets."""
    sheet = StyleSheet(styles)
    reader = _BodyReader(sheet, NumberingDefinitions(numbering, sheet.numbering_style_num_ids()), runs=[])
    loaded = reader.read(body)
    return reader.runs or [], loaded.text


class _BodyReader:
    """Walks the body once, in reading order, producing lines and blocks (and, when ``runs`` is a list, the
    offsets of every run that gave text: :func:`read_body_runs`)."""

    def __init__(self, styles: StyleSheet, numbering: NumberingDefinitions, budget: CharBudget | None = None,
                 runs: list[RunSpan] | None = None) -> None:
        self.runs = runs
        self._run_offsets: dict[int, list[tuple[etree._Element, int, int]]] = {}
        self._styles = styles
        self._budget = budget if budget is not None else CharBudget(2**62)  # read_body_runs: parsed already
        self._unread = UnreadContent()
        self._counters = ListCounters(numbering)
        self._numbering = numbering
        self._lines: list[str] = []
        self._blocks: list[Block] = []
        self._offset = 0
        self._pending: _Text | None = None  # text of paragraphs whose mark is a tracked deletion
        self._revised_next = False  # a deleted row or paragraph: the next block carries the revision
        self._fields: list[bool] = []  # complex fields open: True once past "separate" (result shown)
        self._in_instruction = 0

    def read(self, body: etree._Element) -> Loaded:
        self._pages = PageBreaks(body)
        self._walk(body, "paragraph")
        self._flush_pending("paragraph")
        text = "\n".join(self._lines)
        warnings = []
        revised = [Span(start=b.start, end=b.end) for b in self._blocks if b.revised]
        if revised:
            warnings.append(
                ParseWarning(
                    code="unaccepted_revisions",
                    message=(
                        f"{len(revised)} paragraph(s) carry tracked changes that were neither accepted nor "
                        "rejected; the text reads as if all were accepted (insertions kept, deletions removed) "
                        "- check them against the negotiated version"
                    ),
                    spans=revised,
                )
            )
        warnings.extend(self._unread.warnings(len(text)))
        pages, known = self._pages.pages(len(text))
        return Loaded(text=text, format="docx", pages=pages, blocks=self._blocks, warnings=warnings,
                      pages_known=known)

    def _walk(self, container: etree._Element, kind: BlockKind) -> None:
        for el in container:
            tag = el.tag
            if tag == P:
                self._paragraph(el, kind)
            elif tag == TBL:
                self._flush_pending(kind)
                self._table(el)
            elif tag == SDT:
                content = el.find(SDT_CONTENT)
                if content is not None:
                    self._walk(content, kind)
            elif tag in _BLOCK_CONTAINERS:
                self._walk(el, kind)
            elif tag == ALTERNATE_CONTENT:
                if self._unread.alternate_dropped(el):
                    self._unread.note("unread_alternate_content", self._offset)
                fallback = el.find(_MC + "Fallback")  # the variant every consumer must understand
                if fallback is not None:
                    self._walk(fallback, kind)
            elif tag == _ALT_CHUNK:
                self._unread.note("unread_alt_chunks", self._offset)

    def _table(self, tbl: etree._Element) -> None:
        for row in _children(tbl, TR):
            trpr = row.find(W + "trPr")
            row_revised = trpr is not None and any(
                c.tag in REVISION_MARKS or c.tag in PROPERTY_CHANGES for c in trpr
            )
            if trpr is not None and (trpr.find(DEL) is not None or trpr.find(MOVE_FROM) is not None):
                self._revised_next = True  # the row is deleted: accepting removes it
                continue
            outer = self._pages.enter_row(row)  # a row split over two pages breaks in each of its cells
            for cell in _children(row, TC):
                tcpr = cell.find(W + "tcPr")
                if row_revised or (tcpr is not None and any(c.tag in PROPERTY_CHANGES for c in tcpr)):
                    self._revised_next = True
                self._walk(cell, "cell")
                self._flush_pending("cell")
            self._pages.leave_row(outer)

    def _paragraph(self, p: etree._Element, kind: BlockKind) -> None:
        ppr = p.find(PPR)
        acc = self._pending or _Text()
        self._pending = None
        facts = ParagraphProps.read(ppr)
        acc.revised = acc.revised or facts.revised
        self._collect(p, acc, facts.style_id)
        self._close_instructions()
        if facts.mark_deleted:
            self._pending = acc  # accepting the deletion joins this paragraph to the next one
            return
        self._emit(acc, kind, facts)
        self._pages.section_end(ppr, self._offset)

    def _flush_pending(self, kind: BlockKind) -> None:
        if self._pending is not None:
            acc, self._pending = self._pending, None
            self._emit(acc, kind, ParagraphProps())

    def _emit(self, acc: _Text, kind: BlockKind, facts: ParagraphProps) -> None:
        body = acc.text()
        style = self._styles.paragraph(facts.style_id)
        numbered = self._number(facts, style, empty=not body.strip())
        label = numbered.label if numbered else None
        prefix = ""
        if numbered and label:
            prefix = f"{label}{numbered.suffix}" if body else label
        self._budget.take(len(prefix) + 1, "numbering labels")  # the body's runs were charged as read
        line = prefix + body
        revised = acc.revised or self._revised_next
        if not line.strip():
            self._pages.place(id(acc), self._offset)
            for code in acc.unread:
                self._unread.note(code, self._offset)
            self._append_line("")
            self._revised_next = revised
            self._run_offsets.pop(id(acc), None)
            return
        self._revised_next = False
        start = self._offset
        self._pages.place(id(acc), start + len(prefix))
        if self.runs is not None:  # the body text starts after the numbering label Word draws, if any
            at = start + len(prefix)
            self.runs.extend(RunSpan(at + a, at + b, r) for r, a, b in self._run_offsets.pop(id(acc), ()))
        heading = facts.outline if facts.outline is not None else style.heading_level
        self._blocks.append(
            Block(
                start=start,
                end=start + len(line),
                kind=kind,
                label=label,
                label_end=start + len(label) if label else None,
                list_level=numbered.level if numbered else None,
                heading_level=heading if heading is not None and 0 <= heading < 9 else None,
                style=style.name,
                bold=acc.bold_chars > 0 and acc.plain_chars == 0,
                centered=facts.centered if facts.centered is not None else style.centered,
                font_size=acc.sizes.most_common(1)[0][0] if acc.sizes else None,
                revised=revised,
            )
        )
        for code in acc.unread:
            self._unread.note(code, start, start + len(line))
        self._append_line(line)

    def _append_line(self, line: str) -> None:
        self._offset += len(line) + 1  # where the next line starts, past the "\n" separator
        self._lines.append(line)

    def _number(self, facts: ParagraphProps, style: ParagraphStyle, *, empty: bool) -> NumberLabel | None:
        num_id = facts.num_id if facts.num_id is not None else style.num_id
        if not num_id or num_id == "0" or not self._numbering:
            return None
        if empty and facts.section_break:
            return None  # the section-break mark of an otherwise empty paragraph: Word draws no number there
        ilvl = facts.ilvl if facts.ilvl is not None else style.ilvl
        style_id = facts.style_id or style.style_id
        if ilvl is None and style_id:
            ilvl = self._numbering.level_for_style(num_id, style_id)
        return self._counters.advance(num_id, ilvl or 0)

    # -- runs ------------------------------------------------------------------------------------------------

    def _collect(self, el: etree._Element, acc: _Text, para_style: str | None) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, acc, para_style)
            elif tag in _INLINE_CONTAINERS:
                self._collect(child, acc, para_style)
            elif tag == INS or tag == MOVE_TO:
                acc.revised = True
                self._collect(child, acc, para_style)
            elif tag in DELETED:
                acc.revised = True
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._collect(content, acc, para_style)
            elif (tag == _MATH + "oMath" or tag == _MATH + "oMathPara") and not self._in_instruction:
                acc.parts.append("".join(t.text or "" for t in child.iter(_MATH_TEXT)))
                self._budget.take(len(acc.parts[-1]))

    def _run(self, r: etree._Element, acc: _Text, para_style: str | None) -> None:
        rpr = r.find(RPR)
        props = self._styles.run(para_style, rpr)
        if props.revised:
            acc.revised = True
        pieces: list[str] = []
        for child in r:
            tag = child.tag
            if tag == T:
                if not self._in_instruction and child.text:
                    pieces.append(child.text)
            elif tag == W + "fldChar":
                self._field_char(child.get(W + "fldCharType"))
            elif self._in_instruction:
                continue
            elif tag == ALTERNATE_CONTENT:
                if has_text(child):  # a text box: Word shows it, the loader reads neither variant
                    acc.unread.add("unread_alternate_content")
            elif tag == _OBJECT:
                acc.unread.add("unread_embedded_objects")
            elif self._pages.in_run(id(acc), sum(map(len, acc.parts)) + sum(map(len, pieces)), child):
                continue
            elif tag == W + "tab" or tag == W + "ptab":
                pieces.append("\t")
            elif tag == W + "br" or tag == W + "cr":
                if child.get(W + "type") in (None, "textWrapping"):
                    pieces.append(" ")  # a soft line break stays inside its block
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "sym":
                pieces.append(symbol_text(child.get(W + "char"), child.get(W + "font")))
        if not pieces or props.hidden:
            return
        text = "".join(pieces)
        if self.runs is not None:
            before = sum(map(len, acc.parts))
            self._run_offsets.setdefault(id(acc), []).append((r, before, before + len(text)))
        self._budget.take(len(text))
        acc.parts.append(text)
        visible = len(text.strip())
        if visible:
            if props.bold:
                acc.bold_chars += visible
            else:
                acc.plain_chars += visible
            if props.size is not None:
                acc.sizes[props.size] += visible

    def _field_char(self, kind: str | None) -> None:
        """Complex fields: show the cached result (after "separate"), never the instruction."""
        if kind == "begin":
            self._fields.append(False)
            self._in_instruction += 1
        elif kind == "separate" and self._fields and not self._fields[-1]:
            self._fields[-1] = True
            self._in_instruction -= 1
        elif kind == "end" and self._fields and not self._fields.pop():
            self._in_instruction -= 1

    def _close_instructions(self) -> None:
        """A field instruction never spans paragraphs; a damaged one must not hide the rest of the document."""
        if self._in_instruction:
            self._fields = [True] * len(self._fields)
            self._in_instruction = 0


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Children named ``tag``, looking through content controls and custom XML that may wrap rows or cells."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                out.extend(_children(content, tag))
        elif child.tag == W + "customXml":
            out.extend(_children(child, tag))
    return out


#: Glyphs of symbol fonts that carry meaning in contracts (check boxes, bullets, relations), by font and
#: byte. Check boxes map to the ballot-box characters, which say what the glyph means.
_SYMBOL_FONT_CHARS = {
    "symbol": {
        0xB7: "\u2022",
        0xB4: "\u00d7",
        0xB1: "\u00b1",
        0xA3: "\u2264",
        0xB3: "\u2265",
        0xAE: "\u2192",
        0xD2: "\u00ae",
        0xD3: "\u00a9",
        0xE2: "\u00ae",
        0xE3: "\u00a9",
    },
    "wingdings": {
        0x6F: "\u2610",
        0xA8: "\u2610",
        0x71: "\u2751",
        0x78: "\u2612",
        0xFD: "\u2612",
        0xFE: "\u2611",
        0xFB: "\u2717",
        0xFC: "\u2713",
        0x9F: "\u2022",
        0xA7: "\u25aa",
    },
}


def symbol_text(code: str | None, font: str | None) -> str:
    """The character of a ``w:sym``: symbol fonts put their glyph for byte xx at private-use U+F0xx."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF or (value <= 0xFF and font):
        low = value & 0xFF
        family = (font or "").lower().rstrip(" 0123456789")
        if family in _SYMBOL_FONT_CHARS or family == "webdings":
            return _SYMBOL_FONT_CHARS.get(family, {}).get(low, "")
        value = low
    return chr(value) if 0x20 <= value < 0xD800 or 0xE000 <= value <= 0x10FFFF else ""
