"""Readers for review copies, independent of the code that writes them: Word comment ranges and run
formatting read straight from the XML, PDF highlights read back through pdfium."""

from __future__ import annotations

import ctypes

import io
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docx import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

_P, _T, _TAB, _BR = qn("w:p"), qn("w:t"), qn("w:tab"), qn("w:br")
_START, _END = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
_DEL = qn("w:del")


def comment_ranges(data: bytes) -> dict[int, str]:
    """Comment id -> the body text between its range start and end (paragraphs joined with "\\n")."""
    body = WordDocument(io.BytesIO(data)).element.body
    open_: dict[int, list[str]] = {}
    done: dict[int, str] = {}
    deleted = 0
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if el.tag == _DEL:
            deleted += 1 if event == "start" else -1
        if event == "start":
            if el.tag == _START:
                open_[int(el.get(qn("w:id")))] = []
            elif el.tag == _END:
                cid = int(el.get(qn("w:id")))
                done[cid] = "".join(open_.pop(cid))
            elif not deleted:
                piece = {_T: el.text or "", _TAB: "\t", _BR: " "}.get(el.tag, "")
                for parts in open_.values():
                    parts.append(piece)
        elif el.tag == _P:
            for parts in open_.values():
                parts.append("\n")
    return done


def comments(data: bytes) -> dict[int, tuple[str, str]]:
    """Comment id -> (author, the text Word shows): hidden runs (``w:vanish``) are left out."""
    word = WordDocument(io.BytesIO(data))
    return {c.comment_id: (c.author, "\n".join("".join(r.text for r in p.runs if not r.font.hidden)
                                                for p in c.paragraphs))
            for c in word.comments}


def _is_reference(run: object) -> bool:
    return run._r.find(".//" + qn("w:commentReference")) is not None  # type: ignore[attr-defined]


def formatted_characters(data: bytes) -> list[list[tuple[str, object, object, object, object, object, str]]]:
    """Per body paragraph (tables included): each character with its run's bold, italic, underline, size,
    character style id and the paragraph style id. Comment-reference runs (which hold no text) are left out."""
    word = WordDocument(io.BytesIO(data))
    paragraphs = list(word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    out = []
    for p in paragraphs:
        chars = []
        para_style = p._p.style or ""  # style ids: looking names up per run is slow on long documents
        for run in p.runs:
            if _is_reference(run):
                continue
            f = run.font
            facts = (f.bold, f.italic, f.underline, f.size, run._r.style, para_style)
            chars.extend((ch, *facts) for ch in run.text)
        out.append(chars)
    return out


def label_free_equal(commented: str, document_text: str) -> bool:
    """Whether a commented range reads as the document text it anchors, allowing only Word's automatic
    numbers (which are no run text) at the start of each continuation line."""
    got, want = commented.split("\n"), document_text.split("\n")
    if len(got) != len(want) or got[0] != want[0]:
        return False
    for g, w in zip(got[1:], want[1:]):
        if not w.endswith(g) or len(w) - len(g) > 12 or any(c.isspace() and c != "\t" for c in w[: len(w) - len(g)]):
            return False
    return True


@dataclass
class Highlight:
    page: int
    author: str
    contents: str
    text: str  # the page text inside the highlight's quadrilaterals
    name: str = ""  # /NM: leverage_lens:<rule>:<fingerprint>
    subject: str = ""  # /Subj
    color: tuple[int, int, int] = (0, 0, 0)


def _string(annot: object, key: bytes) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)
    buf = (pdfium_c.FPDF_WCHAR * (size // 2))()
    pdfium_c.FPDFAnnot_GetStringValue(annot, key, buf, size)
    return bytes(buf).decode("utf-16-le").rstrip("\x00")


def highlights(data: bytes, password: str | None = None) -> list[Highlight]:
    """Every highlight annotation, with the text pdfium finds inside each of its quadrilaterals."""
    pdf = pdfium.PdfDocument(data, password=password)
    out = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
                annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
                if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_HIGHLIGHT:
                    pieces = []
                    for q in range(pdfium_c.FPDFAnnot_CountAttachmentPoints(annot)):
                        quad = pdfium_c.FS_QUADPOINTSF()
                        pdfium_c.FPDFAnnot_GetAttachmentPoints(annot, q, quad)
                        xs, ys = (quad.x1, quad.x2, quad.x3, quad.x4), (quad.y1, quad.y2, quad.y3, quad.y4)
                        pieces.append(textpage.get_text_bounded(min(xs) - 0.5, min(ys) - 0.5, max(xs) + 0.5,
                                                                max(ys) + 0.5))
                    rgba = [ctypes.c_uint() for _ in range(4)]
                    pdfium_c.FPDFAnnot_GetColor(annot, pdfium_c.FPDFANNOT_COLORTYPE_Color,
                                                *(ctypes.byref(v) for v in rgba))
                    out.append(Highlight(index + 1, _string(annot, b"T"), _string(annot, b"Contents"),
                                         " ".join(pieces), _string(annot, b"NM"), _string(annot, b"Subj"),
                                         (rgba[0].value, rgba[1].value, rgba[2].value)))
                pdfium_c.FPDFPage_CloseAnnot(annot)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return out


def letters(text: str) -> str:
    """Only the letters and digits, decomposed and case-folded: what survives any PDF text cleanup."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum()).casefold()
