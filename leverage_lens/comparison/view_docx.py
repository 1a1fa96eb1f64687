"""The Word redline of a comparison: the new version as a DOCX, with the changes as tracked revisions.

Word's own "Compare" shows characters; this copy shows the same redline a lawyer expects (``w:ins`` for
inserted words, ``w:del`` for deleted ones, each with author and date, so Word's Accept / Reject works on
them) plus a Word comment on each leverage change saying who gained and how much it weighs.

What is guaranteed:

* accepting every revision gives exactly the new version's text, rejecting every one the old version's words
  in the new order (deleted clauses are kept as deleted paragraphs where they stood);
* one comment per leverage change, anchored on the paragraph holding it (the start of the change's text in
  the new version, or where the deleted text stood);
* it is a rendering of ``Document.text`` (one paragraph per line), whatever the versions' formats: the new
  version may be a PDF, a Markdown form or a DOCX. Styles of an original DOCX are not carried over.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import MissingExtraError
from .model import Comparison, LeverageChange

__all__ = ["RedlineCopy", "redline_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class RedlineCopy:
    """The redline's bytes, with how many revisions and comments it holds."""

    data: bytes = field(repr=False)
    insertions: int
    deletions: int
    comments: int

    def write(self, path: str | PathLike[str]) -> None:
        Path(path).write_bytes(self.data)


def _qn(tag: str) -> str:
    return f"{{{_W}}}{tag}"


class _Revisions:
    """Builds ``w:ins`` / ``w:del`` elements with unique ids, one author and one date."""

    def __init__(self, author: str, date: str) -> None:
        from docx.oxml import OxmlElement  # python-docx is a core dependency; imported on use

        self._el = OxmlElement
        self.author, self.date = author, date
        self.next_id = 1
        self.insertions = self.deletions = 0

    def _mark(self, tag: str) -> Any:
        el = self._el(f"w:{tag}")
        el.set(_qn("id"), str(self.next_id))
        el.set(_qn("author"), self.author)
        el.set(_qn("date"), self.date)
        self.next_id += 1
        return el

    def _run(self, text: str, deleted: bool) -> Any:
        r = self._el("w:r")
        t = self._el("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    def inserted(self, text: str) -> Any:
        el = self._mark("ins")
        el.append(self._run(text, False))
        self.insertions += 1
        return el

    def deleted(self, text: str) -> Any:
        el = self._mark("del")
        el.append(self._run(text, True))
        self.deletions += 1
        return el

    def delete_paragraph_mark(self, paragraph: Any) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        rpr = self._el("w:rPr")
        rpr.append(self._mark("del"))
        ppr.append(rpr)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def redline_docx(comp: Comparison, *, author: str = "leverage_lens", date: str | None = None) -> RedlineCopy:
    """Build the redline (see the module docstring); ``date`` is an ISO 8601 time (default: now, UTC)."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is a core dependency
        raise MissingExtraError("the Word redline needs python-docx (pip install python-docx)") from exc
    stamp = date or datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    rev = _Revisions(author, stamp)
    document = docx.Document()
    text = comp.new_text
    inserts = sorted({(e.new_start, e.new_end) for c in comp.clauses for e in c.edits if e.new_end > e.new_start}
                     | {(r.start, r.end) for c in comp.clauses if c.status == "added" for r in c.new})
    deletes = sorted((e.new_start, _flat(e.old_text)) for c in comp.clauses for e in c.edits if e.old_text.strip())
    deleted_blocks = _deleted_blocks(comp)
    anchors: dict[int, list[LeverageChange]] = {}
    paragraphs: list[Any] = []
    line_spans = _lines(text)
    for x in comp.leverage:
        at = _new_anchor(comp, x)
        line = next((i for i, (s, e) in enumerate(line_spans) if s <= at <= e), len(line_spans) - 1)
        anchors.setdefault(line, []).append(x)
    block_at: dict[int, list[str]] = {}
    for offset, block in deleted_blocks:
        line = next((i for i, (s, e) in enumerate(line_spans) if s <= offset <= e), len(line_spans) - 1)
        block_at.setdefault(line, []).append(block)
    for li, (s, e) in enumerate(line_spans):
        paragraph = document.add_paragraph()
        plain = paragraph.add_run("")  # the comment anchor: a plain run at the start of every paragraph
        cuts = sorted({s, e, *(x for a, b in inserts for x in (a, b) if s < x < e),
                       *(a for a, _ in deletes if s <= a <= e)})
        for left, right in zip(cuts, cuts[1:] + [None]):
            for _ in [d for d in deletes if d[0] == left]:
                paragraph._p.append(rev.deleted(_[1] + " "))
            if right is None:
                break
            piece = text[left:right]
            if not piece:
                continue
            if any(a <= left and right <= b for a, b in inserts):
                paragraph._p.append(rev.inserted(piece))
            else:
                paragraph.add_run(piece)
        deletes = [d for d in deletes if not (s <= d[0] <= e)]
        paragraphs.append((paragraph, plain))
        for block in block_at.get(li, []):
            gone = document.add_paragraph()
            gone._p.append(rev.deleted(block))
            rev.delete_paragraph_mark(gone)
    comments = 0
    for line, changes in anchors.items():
        _, plain = paragraphs[line]
        for x in changes:
            document.add_comment(plain, text=_note(comp, x), author=author, initials="LL")
            comments += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return RedlineCopy(buffer.getvalue(), rev.insertions, rev.deletions, comments)


def _deleted_blocks(comp: Comparison) -> list[tuple[int, str]]:
    """Each deleted clause's text, placed at the end of the new text of the group before it."""
    out = []
    last_new = 0
    for c in comp.clauses:
        if c.new:
            last_new = c.new[-1].end
        elif c.status == "deleted":
            out.append((last_new, _flat(comp.old_text[c.old[0].start:c.old[-1].end])))
    return out


def _new_anchor(comp: Comparison, x: LeverageChange) -> int:
    """Where in the new text a leverage change is commented: its new start, or where its old text went."""
    if x.new_start is not None:
        return x.new_start
    last_new = 0
    for c in comp.clauses:
        if c.new:
            last_new = c.new[0].start
        if x.old_start is not None and any(r.start <= x.old_start < r.end for r in c.old):
            return last_new
    return 0


def _note(comp: Comparison, x: LeverageChange) -> str:
    who = comp.parties.get(x.favors, x.favors) if x.favors else None
    lines = [x.summary]
    if who:
        lines.append(f"Favours {who}" + (" (against you)" if x.against_reader else ""))
    lines.append(f"weight {x.weight:.1f}; {x.source}; {x.effect}")
    return "\n".join(lines)
