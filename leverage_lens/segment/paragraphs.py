"""The unnumbered parts of the tree: the preamble, and paragraphs inside long unnumbered stretches.

Many contracts (and most exhibits) are partly or wholly unnumbered. Without paragraph-level clauses a
reviewer would get one 20,000-character "clause"; with them, tags and findings point at the paragraph
that carries the meaning. Paragraph breaks come from the loader's layout: DOCX paragraphs, PDF lines that
end short of the right margin, blank lines in text.
"""

from __future__ import annotations

import bisect

from ..load._types import Block, Loaded
from ..model import ClauseKind
from .tree import Node

#: Leaves longer than this are split into paragraph children (when they have at least two paragraphs).
SPLIT_LONGER_THAN = 1500
_TERMINAL = tuple('.:;!?)"\u201d\u2019')


def add_preamble(nodes: list[Node], text: str) -> list[Node]:
    """Prepend the text before the first clause as the preamble (or the whole text when nothing matched)."""
    first = len(text) - len(text.lstrip())
    if first >= len(text):
        return nodes
    if nodes and not text[first : nodes[0].start].strip():
        return nodes
    return [Node(kind=ClauseKind.PREAMBLE, start=first, level=0), *nodes]


def paragraph_starts(loaded: Loaded) -> list[int]:
    """Offsets where a new paragraph begins, in order (format-specific layout reading)."""
    blocks = loaded.blocks
    if loaded.format == "docx":
        return [b.start for b in blocks]
    if loaded.format == "pdf":
        return _pdf_paragraph_starts(blocks, loaded.text)
    return _text_paragraph_starts(blocks, loaded.text)


def _text_paragraph_starts(blocks: list[Block], text: str) -> list[int]:
    if not blocks:
        return []
    lengths = sorted(b.end - b.start for b in blocks)
    long_line = lengths[int(len(lengths) * 0.9)] if lengths else 0
    starts = [blocks[0].start]
    for prev, cur in zip(blocks, blocks[1:]):
        between = text[prev.end : cur.start]
        if between.count("\n") >= 2:
            starts.append(cur.start)
            continue
        tail = text[prev.start : prev.end].rstrip()
        if tail.endswith(_TERMINAL) and (prev.end - prev.start) < 0.85 * long_line:
            starts.append(cur.start)
    return starts


def _pdf_paragraph_starts(blocks: list[Block], text: str) -> list[int]:
    if not blocks:
        return []
    right_edge: dict[int, float] = {}
    for b in blocks:
        if b.boxes:
            right_edge[b.page] = max(right_edge.get(b.page, 0.0), b.boxes[-1].x1)
    starts = [blocks[0].start]
    for prev, cur in zip(blocks, blocks[1:]):
        tail = text[prev.start : prev.end].rstrip()
        if not tail.endswith(_TERMINAL):
            continue
        if prev.boxes and prev.page in right_edge:
            box = prev.boxes[-1]
            width = right_edge[prev.page] - min(x.x0 for x in prev.boxes)
            if box.x1 < right_edge[prev.page] - 0.1 * max(width, 1.0) or prev.page != cur.page:
                starts.append(cur.start)
        else:
            starts.append(cur.start)
    return starts


def add_paragraphs(nodes: list[Node], loaded: Loaded) -> list[Node]:
    """Give long childless nodes paragraph children, keeping the list in document order."""
    text = loaded.text
    if not any(not n.children and n.end - n.start > SPLIT_LONGER_THAN for n in nodes):
        return nodes
    starts = paragraph_starts(loaded)
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        if node.children or node.end - node.start <= SPLIT_LONGER_THAN:
            continue
        lo = bisect.bisect_right(starts, node.start)
        hi = bisect.bisect_left(starts, node.end)
        inner = [s for s in starts[lo:hi] if text[node.start : s].strip()]
        if not inner:
            continue
        bounds = [node.start, *inner, node.end]
        for a, b in zip(bounds, bounds[1:]):
            end = b
            while end > a and text[end - 1].isspace():
                end -= 1
            if end <= a:
                continue
            child = Node(kind=ClauseKind.PARAGRAPH, start=a, level=node.level + 1, parent=node, end=end)
            node.children.append(child)
            out.append(child)
    return out
