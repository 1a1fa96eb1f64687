"""What the review copies (Word comments, PDF highlights) share: finding the original, and saying how well
each finding was anchored.

A review copy is written onto the *original* file, not onto a rendering of ``Document.text``: the reader
keeps the contract exactly as it was sent, plus one note per finding. The Report is only a description of
that file, so before anything is written the original's bytes are checked against the SHA-256 the report
recorded when it was parsed; a copy is never anchored by offsets that belong to another version.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from ..errors import InvalidOptionError, OriginalMismatchError, OriginalNotFoundError, UnsupportedFormatError
from ..checks.titles import rule_title
from ..model import Finding, Report

__all__ = ["AUTHOR", "INITIALS", "Anchor", "AnchorMode", "Note", "Original", "ReviewCopy", "finding_key",
           "finding_note", "read_original", "review_notes", "whole_words"]

#: The author name every comment and highlight carries, so reviewers can filter or delete them in one go.
AUTHOR = "leverage_lens"
INITIALS = "LL"

#: Where the original comes from: a path, its bytes, or a binary file object.
Original = str | os.PathLike | bytes | bytearray | memoryview | IO[bytes]

#: ``exact``: the note covers precisely the finding's text (as far as the file holds it as text: Word's
#: automatic numbers and paragraph breaks are not characters of a run); ``widened``: it covers the text plus
#: a little more, because a piece could not be cut (a Word field, a PDF line the text was not found in);
#: ``paragraph``: no character of the finding could be placed, and the note sits on the nearest paragraph
#: (Word) or on the page's first line (PDF).
AnchorMode = Literal["exact", "widened", "paragraph"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where one finding's note landed. ``start``/``end`` index ``Document.text``: the stretch the note covers."""

    finding_id: str
    mode: AnchorMode
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ReviewCopy:
    """A review copy: the annotated file's bytes and one :class:`Anchor` per note: each finding in the report's
    order, then each failed playbook position (``finding_id`` ``playbook:<position>``)."""

    data: bytes = field(repr=False)  # a whole file: keep notebooks and logs readable
    anchors: tuple[Anchor, ...]

    @property
    def exact_share(self) -> float:
        """Share of findings whose note covers exactly their text (1.0 when there are no findings)."""
        if not self.anchors:
            return 1.0
        return sum(a.mode == "exact" for a in self.anchors) / len(self.anchors)

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write the annotated file to ``path`` (``OSError`` when it cannot be written)."""
        Path(path).write_bytes(self.data)


def finding_note(finding: Finding) -> str:
    """The note a reviewer reads: what the rule is and how much it matters, the message, the suggested fix.

    Rule ids and fingerprints are for programs and stay out of the text: see :func:`finding_key`."""
    lines = [f"{rule_title(finding.rule)} ({finding.severity.value})", finding.message.strip()]
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion.strip()}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Note:
    """One note of a review copy: a finding, or a failed playbook position (id ``playbook:<position>``) whose
    note carries the fallback language. ``start``/``end`` index ``Document.text``; ``text`` is what the
    reader sees, ``key`` what ties the note back to the report for programs (kept out of the text: a hidden
    run in a Word comment, the ``/NM`` of a PDF highlight), ``subject`` a short title (the PDF popup's)."""

    id: str
    start: int
    end: int
    clause_id: str | None
    text: str
    severity: str
    key: str
    subject: str


def review_notes(report: Report) -> list[Note]:
    """The notes a review copy carries: every finding (in the report's order), then every failed playbook
    position that has words to sit on (see :func:`~.playbook_view.playbook_notes`)."""
    from .playbook_view import playbook_notes

    notes = [Note(f.id, f.start, f.end, f.clause_id, finding_note(f), f.severity.value, finding_key(f),
                  rule_title(f.rule)) for f in report.findings]
    results = {f"playbook:{r.position_id}": r for r in (report.playbook.results if report.playbook else [])}
    for n in playbook_notes(report):
        r = results[n.id]
        lines = n.text.split("\n")
        if len(lines) > 1 and lines[-1].endswith(r.position_id):  # the id line: for programs, not the reader
            lines = lines[:-1]
            lines[0] += f" ({r.severity.value})"
        notes.append(Note(n.id, n.start, n.end, n.clause_id, "\n".join(lines), r.severity.value,
                          f"{AUTHOR}:{n.id}", f"Playbook: {r.title}"))
    return notes


def finding_key(finding: Finding) -> str:
    """What ties a note back to its finding, kept out of the visible text (a hidden run in a Word comment, the
    ``/NM`` name of a PDF highlight): ``leverage_lens:<rule id>:<fingerprint>``."""
    return f"{AUTHOR}:{finding.rule}:{finding.id}"


def parse_key(value: str) -> tuple[str, str] | None:
    """``(rule id, fingerprint)`` from a :func:`finding_key` value (None for anything else). A playbook note's
    key reads as rule ``playbook``, fingerprint the position id."""
    if not value.startswith(AUTHOR + ":"):
        return None
    rule, _, fingerprint = value[len(AUTHOR) + 1 :].rpartition(":")
    return (rule, fingerprint.split("#", 1)[0]) if rule and fingerprint else None


#: How far a note may grow to reach a word's edge (a longer "word" is a run of characters, not a word).
_WORD_REACH = 40


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown to whole words: a note never starts or stops inside a word, even when the
    finding's span does (a rule quoting a fixed window of characters around a bracket)."""
    s, e = start, end
    while s > 0 and start - s < _WORD_REACH and s < len(text) and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while 0 < e < len(text) and e - end < _WORD_REACH and text[e - 1].isalnum() and text[e].isalnum():
        e += 1
    return s, e


def read_original(report: Report, original: Original | None, fmt: str, method: str) -> bytes:
    """The bytes of the file ``report`` was made from, checked against the report's SHA-256.

    ``original`` defaults to ``report.document.source`` (the path the document was parsed from). Raises
    :class:`UnsupportedFormatError` when the report is not of a ``fmt`` document, :class:`OriginalNotFoundError`
    when the original is not given and not known or no longer there, and :class:`OriginalMismatchError` when
    the bytes are not the ones analysed.
    """
    doc = report.document
    label = doc.name or "the document"
    if doc.format != fmt:
        other = {"pdf": "to_pdf()", "docx": "to_docx()"}.get(doc.format)
        hint = f"; use {other}" if other else "; use to_html() or to_markdown() for text documents"
        raise UnsupportedFormatError(
            f"{method} writes a review copy of a {fmt.upper()} original, but {label} is {doc.format}{hint}"
        )
    data, where = _read(original, doc.source, label, method)
    if doc.sha256 is not None and hashlib.sha256(data).hexdigest() != doc.sha256:
        raise OriginalMismatchError(
            f"{where} is not the file this report was made from (its SHA-256 differs from the report's "
            f"{doc.sha256[:12]}...); pass the original as analysed, or analyse this version again"
        )
    return data


def _read(original: Original | None, source: str | None, label: str, method: str) -> tuple[bytes, str]:
    if original is None:
        if source is None:
            raise OriginalNotFoundError(
                f"the report does not say where {label} is (it was parsed from bytes or a stream); "
                f"pass the original file as {method.rstrip('()')}(path, original=...)"
            )
        original = source
    if isinstance(original, (bytes, bytearray, memoryview)):
        return bytes(original), "the original given"
    if isinstance(original, (str, os.PathLike)):
        path = Path(original)
        try:
            return path.read_bytes(), str(path)
        except FileNotFoundError as exc:
            raise OriginalNotFoundError(
                f"the original {path} is not there any more; pass it as original=..."
            ) from exc
        except OSError as exc:
            raise OriginalNotFoundError(f"cannot read the original {path}: {exc.strerror or exc}") from exc
    read = getattr(original, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, (bytes, bytearray)):
            return bytes(data), "the original given"
    raise InvalidOptionError(
        f"original= takes a path, bytes or a binary file object, not {type(original).__name__}"
    )
