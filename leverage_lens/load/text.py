"""Plain text and Markdown: the text is kept exactly as given; each line is a block."""

from __future__ import annotations

import re

from ..model import DocumentFormat, Page
from ._types import Block, Loaded

_LINE = re.compile(r"[^\r\n]*")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")


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
