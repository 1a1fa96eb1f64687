"""The Word review copy: the original DOCX with one comment per finding, by author ``leverage_lens``.

What is guaranteed:

* every finding gets exactly one comment, in document order, whose text is the rule's title and the
  severity, the finding's message and its suggestion (see :func:`~.review.finding_note`); every failed
  playbook position gets one too, carrying the fallback language to propose; the rule id and the finding's
  fingerprint (or the position's id) ride along in a hidden run (``w:vanish``) at the comment's end, out of
  the reader's way, and :func:`comment_keys` reads them back;
* the comment covers exactly the finding's words wherever the file holds them as run text: runs are cut at
  the finding's first and last character, the new run a copy of the old one with the same ``w:rPr``, so
  every character keeps its formatting and every paragraph its text (Word's automatic numbers and the
  paragraph breaks are not run text: a finding quoting "7.2<tab>Customer shall..." covers "Customer
  shall...");
* nothing else in the package changes: python-docx adds the comments part, its relationship and content
  type, and re-serialises ``document.xml`` (same elements, same order, no text change).

Edge cases (reported per finding in :class:`~.review.Anchor.mode`):

* ``widened``: a boundary falls inside a run that cannot be cut safely (one holding Word field characters),
  so that whole run is covered;
* ``paragraph``: no character of the finding is run text (it lies in a numbering label, an empty
  paragraph, an equation, or has no length): the comment covers the nearest paragraph that has text;
* a document whose body has no run text at all gets the comments on an empty run added to its first
  paragraph, so even then no finding is lost.

The original must be the analysed file (same SHA-256), and python-docx must be able to open it (a macro
document, ``.docm``, cannot be written as a review copy: save it as ``.docx`` first).
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from lxml import etree

from ..errors import CorruptDocumentError, OriginalMismatchError, UnsupportedFormatError
from ..load.docx import P, R, W
from ..load.docx_safety import read_docx_parts
from ..model import Finding, Report
from ..options import ParseOptions
from .docx_map import RunMap, map_runs
from .review import (
    AUTHOR,
    INITIALS,
    Anchor,
    AnchorMode,
    Note,
    Original,
    ReviewCopy,
    parse_key,
    read_original,
    review_notes,
    whole_words,
)

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.run import Run

__all__ = ["comment_keys", "review_docx"]

BODY = W + "body"


def review_docx(report: Report, original: Original | None = None) -> ReviewCopy:
    """The original DOCX with a comment anchored at each finding of ``report`` (see the module notes).

    Raises :class:`~leverage_lens.errors.OriginalNotFoundError` (original unknown or gone),
    :class:`~leverage_lens.errors.OriginalMismatchError` (not the analysed file, or its text no longer reads
    as the report's), :class:`~leverage_lens.errors.UnsupportedFormatError` (not a DOCX report, or a package
    python-docx cannot open) and :class:`~leverage_lens.errors.CorruptDocumentError`.
    """
    data = read_original(report, original, "docx", "to_docx()")
    label = report.document.name or "the original"
    word = _open(data, label)
    parts = read_docx_parts(data, ParseOptions(), label)  # the loader's safety checks, styles and numbering
    body = getattr(word.element, "body", None)  # a Strict document's root is not python-docx's CT_Document
    if body is None or body.tag != BODY:
        raise UnsupportedFormatError(
            f"{label} is a Strict Open XML document, which python-docx cannot edit; save it from Word as a "
            "standard .docx (Word Document) and analyse that file"
        )
    runs, text = map_runs(body, parts.styles, parts.numbering)
    if text != report.document.text:
        raise OriginalMismatchError(
            f"{label} no longer reads as the text this report was made from (the loader changed since); "
            "analyse the file again before writing a review copy"
        )
    if not runs.spans:
        runs = _placeholder_run(body)
    anchors = []
    notes = review_notes(report)
    for note in sorted(notes, key=lambda n: (n.start, n.end)):
        anchor, first, last = _anchor(runs, note, report.document.text)
        comment = word.add_comment([first, last], text=note.text, author=AUTHOR, initials=INITIALS)
        hidden = comment.paragraphs[-1].add_run(" " + note.key)
        hidden.font.hidden = True  # w:vanish: for programs (baselines, round trips), not for the reader
        anchors.append(anchor)
    by_id = {a.finding_id: a for a in anchors}
    out = io.BytesIO()
    word.save(out)
    return ReviewCopy(out.getvalue(), tuple(by_id[n.id] for n in notes))


def comment_keys(data: bytes) -> dict[int, tuple[str, str]]:
    """Comment id -> ``(rule id, finding fingerprint)`` for every leverage_lens comment of a review copy,
    read from the hidden run each carries (comments by others are left out)."""
    word = _open(data, "the review copy")
    out: dict[int, tuple[str, str]] = {}
    for comment in word.comments:
        for paragraph in comment.paragraphs:
            for run in paragraph.runs:
                key = parse_key(run.text.strip()) if run.font.hidden else None
                if key is not None:
                    out[comment.comment_id] = key
    return out


def _open(data: bytes, label: str) -> WordDocument:
    from docx import Document as open_word
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return open_word(io.BytesIO(data))
    except ValueError as exc:  # python-docx refuses other main-part content types (.docm, .dotx)
        raise UnsupportedFormatError(
            f"{label} cannot be opened for writing comments ({exc}); save it as a .docx from Word first"
        ) from exc
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.LxmlError) as exc:
        raise CorruptDocumentError(f"{label} cannot be opened as a Word package: {exc}") from exc


def _anchor(runs: RunMap, finding: Finding | Note, text: str) -> tuple[Anchor, Run, Run]:
    """The note's anchor and the first and last python-docx ``Run`` its comment spans."""
    from docx.text.run import Run

    start, end = whole_words(text, finding.start, finding.end) if finding.end > finding.start else (
        finding.start, finding.end)
    i, j = runs.overlapping(start, end) if end > start else (0, 0)
    if i < j:
        exact = runs.cut(i, start)
        if runs.spans[i].end <= start:  # the cut made a new run holding the finding's first character
            i, j = i + 1, j + 1
        exact = runs.cut(j - 1, end) and exact
        mode: AnchorMode = "exact" if exact else "widened"
    else:
        nearest = runs.nearest(start, text)
        assert nearest is not None  # a placeholder run exists when the body has no text
        i, j = runs.paragraph_runs(nearest)
        mode = "paragraph"
    first, last = runs.spans[i], runs.spans[j - 1]
    anchor = Anchor(finding.id, mode, first.start, last.end)
    return anchor, Run(first.run, None), Run(last.run, None)  # type: ignore[arg-type]


def _placeholder_run(body: etree._Element) -> RunMap:
    """An empty run in the first paragraph (added when missing), for comments in a body without text."""
    from .docx_map import RunSpan

    para = body.find(P)
    if para is None:
        para = etree.SubElement(body, P)
        sect = body.find(W + "sectPr")
        if sect is not None:
            sect.addprevious(para)
    run = etree.SubElement(para, R)
    return RunMap([RunSpan(0, 0, run)])

