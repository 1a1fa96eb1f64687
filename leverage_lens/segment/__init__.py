"""Segmentation: from a loader's text and blocks to the clause tree.

The steps are: find markers (``markers``), accept them by sequence (``tree``), give every node its end,
heading and kind, add the preamble and paragraph-level children of long unnumbered stretches
(``paragraphs``), then freeze the nodes into :class:`~leverage_lens.model.Clause` objects (``build``).
"""

from __future__ import annotations

from ..load._types import Loaded
from ..model import Clause, ParseWarning
from .build import assign_headings, to_clauses
from .markers import find_markers
from .paragraphs import add_paragraphs, add_preamble
from .tree import assign_ends, build_nodes, close_enumerations

__all__ = ["segment"]


def is_line_mode(loaded: Loaded) -> bool:
    """Whether blocks are lines (PDF, plain text, raw Markdown) rather than paragraphs (DOCX, HTML, rendered
    Markdown): a line may wrap in the middle of a sentence, a paragraph may not."""
    if loaded.format in ("pdf", "txt"):
        return True
    return loaded.format == "md" and bool(loaded.blocks) and loaded.blocks[0].kind == "line"


def segment(loaded: Loaded) -> tuple[list[Clause], list[ParseWarning]]:
    """Clauses of ``loaded`` in document order, and parse-health warnings about the numbering."""
    text = loaded.text
    line_mode = is_line_mode(loaded)
    markers = find_markers(text, loaded.blocks, line_mode=line_mode)
    nodes = build_nodes(markers, text)
    nodes = add_preamble(nodes, text)
    assign_ends(nodes, len(text), text)
    close_enumerations(nodes, text)
    assign_headings(nodes, text)
    nodes = add_paragraphs(nodes, loaded)
    return to_clauses(nodes, loaded)
