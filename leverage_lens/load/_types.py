"""What every loader hands to the segmenter: text, pages, and blocks with their layout hints.

Internal. A loader's job ends when the text is final: the segmenter never goes back to the file, and no
later stage changes ``Loaded.text`` (offsets into it are the public contract).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Box, DocumentFormat, Page, ParseWarning

BlockKind = Literal["paragraph", "line", "cell"]


@dataclass(slots=True)
class Block:
    """A run of text the source laid out as one unit: a DOCX paragraph or table cell, a PDF line, a text line.

    ``start``/``end`` index ``Loaded.text``; ``end`` excludes the separator that follows the block. The
    optional fields are hints from the format's layout; a loader sets the ones it knows.
    """

    start: int
    end: int
    kind: BlockKind = "paragraph"
    page: int = 1
    #: Word automatic numbering as displayed ("1.1", "(a)"); the label is part of the text at
    #: ``start:label_end`` (followed by a tab or space), so offsets stay aligned with what Word shows.
    label: str | None = None
    label_end: int | None = None
    #: 0-based list level of Word numbering (``w:ilvl``), when the paragraph is numbered.
    list_level: int | None = None
    #: 0-based outline level from a "Heading N" style or ``w:outlineLvl``.
    heading_level: int | None = None
    style: str | None = None
    bold: bool = False
    centered: bool = False
    font_size: float | None = None
    boxes: tuple[Box, ...] = ()
    #: True when tracked changes (insertions or deletions) touch this block.
    revised: bool = False


@dataclass(slots=True)
class Loaded:
    """The output of a loader."""

    text: str
    format: DocumentFormat
    pages: list[Page]
    blocks: list[Block]
    warnings: list[ParseWarning] = field(default_factory=list)
    pages_known: bool = True  # False: the source does not record its page layout (a DOCX not saved by Word)
