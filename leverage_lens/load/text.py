"""Plain text and Markdown: the text is kept exactly as given; each line is a block."""

from __future__ import annotations

import re

from ..errors import CorruptDocumentError
from ..model import DocumentFormat, Page
from ._types import Block, Loaded

_LINE = re.compile(r"[^\r\n]*")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_or_refuse(text: str, label: str = "text") -> bytes:
    """``text`` as UTF-8, refusing a string that holds lone surrogates.

    A Python ``str`` may hold a half of a UTF-16 pair (from ``errors="surrogateescape"`` or a broken
    decoder); such a string is not Unicode text, cannot be written as UTF-8 or JSON, and would make
    ``Report.to_json()`` fail long after parsing. Refusing it up front, with the offset, is the typed error.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CorruptDocumentError(
            f"{label} holds a lone surrogate (U+{ord(text[exc.start]):04X}) at offset {exc.start:,}: it is not "
            "valid Unicode and cannot be written as JSON; decode the source with errors='replace' instead of "
            "'surrogateescape'"
        ) from exc


def replace_surrogates(text: str) -> str:
    """Lone surrogates to U+FFFD, one for one, so every offset into the text stays valid."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def load_text(text: str, fmt: DocumentFormat = "txt") -> Loaded:
    """Split ``text`` into line blocks; Markdown ATX headings carry their heading level.

    The text is never altered (``Document.text == text``): Markdown markup stays in the text and the
    segmenter reads headings past the ``#`` marks.
    """
    blocks: list[Block] = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        if start == end:
            continue
        line = m.group()
        if not line.strip():
            continue
        block = Block(start=start, end=end, kind="line")
        if fmt == "md":
            h = _MD_HEADING.match(line)
            if h:
                block.heading_level = len(h.group().strip()) - 1
        blocks.append(block)
    return Loaded(text=text, format=fmt, pages=[Page(number=1, start=0, end=len(text))], blocks=blocks)
