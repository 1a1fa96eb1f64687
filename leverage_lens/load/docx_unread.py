"""What a reader of a DOCX sees that the loader does not read, reported as parse warnings.

The loader reads the body's paragraphs and tables. Three kinds of content Word shows are not read, and a
clause hidden in one of them would be silently missing from the analysis (a trick as much as an accident):

* ``w:altChunk``: a whole part (HTML, RTF, another .docx) Word merges into the body when it opens the file;
* ``mc:AlternateContent``: where Word shows the ``mc:Choice`` and the loader reads the ``mc:Fallback`` (or,
  inside a run, neither: the text boxes of drawings), text that differs from what was read;
* embedded objects (``w:object``: OLE spreadsheets, documents, equations as pictures).

Each kind gives one :class:`~leverage_lens.model.ParseWarning` with the spans of the paragraphs involved (an
empty span where a whole part was left out between paragraphs).
"""

from __future__ import annotations

from lxml import etree

from ..model import ParseWarning, Span
from .docx_numbering import W

__all__ = ["ALTERNATE_CONTENT", "MC", "UnreadContent", "has_text", "text_of"]

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ALTERNATE_CONTENT = MC + "AlternateContent"
_T = W + "t"

_MESSAGES = {
    "unread_alt_chunks": (
        "{n} imported part(s) (w:altChunk: HTML, RTF or a document Word merges into the body when it opens the "
        "file) were not read: their text is missing from the analysis; open the file in Word and save it as "
        ".docx to merge them into the body"
    ),
    "unread_alternate_content": (
        "{n} place(s) hold alternate content (mc:AlternateContent: text boxes, shapes, newer Word features) whose "
        "text Word shows but the loader did not read; check these paragraphs in Word"
    ),
    "unread_embedded_objects": (
        "{n} embedded object(s) (w:object: spreadsheets, documents, OLE objects) were not read: their content is "
        "missing from the analysis"
    ),
}


def text_of(el: etree._Element) -> str:
    """The ``w:t`` text under ``el``, whitespace-collapsed."""
    return " ".join("".join(t.text or "" for t in el.iter(_T)).split())


def has_text(el: etree._Element) -> bool:
    return any((t.text or "").strip() for t in el.iter(_T))


class UnreadContent:
    """Collects the places of unread content while the body is walked; :meth:`warnings` reports them."""

    def __init__(self) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {code: [] for code in _MESSAGES}

    def note(self, code: str, start: int, end: int | None = None) -> None:
        self._spans[code].append((start, start if end is None else end))

    def alternate_dropped(self, el: etree._Element) -> bool:
        """Whether block-level alternate content ``el`` shows text (in a Choice) that its Fallback lacks."""
        fallback = el.find(MC + "Fallback")
        read = text_of(fallback) if fallback is not None else ""
        return any(text_of(choice) != read for choice in el.iterchildren(MC + "Choice") if has_text(choice))

    def warnings(self, text_length: int) -> list[ParseWarning]:
        out = []
        for code, spans in self._spans.items():
            if spans:
                out.append(ParseWarning(
                    code=code,
                    message=_MESSAGES[code].format(n=len(spans)),
                    spans=[Span(start=min(a, text_length), end=min(b, text_length)) for a, b in spans],
                ))
        return out
