"""The unnumbered parts of the tree: the preamble, and paragraphs inside long unnumbered stretches.

Many contracts (and most exhibits) are partly or wholly unnumbered. Without paragraph-level clauses a
reviewer would get one 20,000-character "clause"; with them, tags and findings point at the paragraph
that carries the meaning. Paragraph breaks come from the loader's layout: DOCX paragraphs, PDF lines that
end short of the right margin, blank lines in text.
"""

from __future__ import annotations

import bisect
import re

from ..load._types import Block, Loaded
from ..model import ClauseKind
from .tree import Node

#: Leaves longer than this are split into paragraph children (when they have at least two paragraphs).
SPLIT_LONGER_THAN = 1500
_TERMINAL = tuple('.:;!?)"\u201d\u2019')
_INK = re.compile(r"\S")
_HEADING_TAIL = re.compile(r"[ .:\t]*")


def add_preamble(nodes: list[Node], text: str) -> list[Node]:
    """Prepend the title and the text before the first clause (the whole text when nothing matched)."""
    first = len(text) - len(text.lstrip())
    if first >= len(text):
        return nodes
    limit = nodes[0].start if nodes else len(text)
    if not text[first:limit].strip():
        return nodes
    out: list[Node] = []
    line_end = text.find("\n", first, limit)
    if line_end > 0 and _is_title(text[first:line_end]) and (nodes or text[line_end:limit].strip()):
        title = Node(kind=ClauseKind.TITLE, start=first, level=0)
        title.heading = (first, first + len(text[first:line_end].rstrip()))
        out.append(title)
        first = line_end + len(text[line_end:limit]) - len(text[line_end:limit].lstrip())
    if text[first:limit].strip():
        out.append(Node(kind=ClauseKind.PREAMBLE, start=first, level=0))
    return [*out, *nodes]


def _is_title(line: str) -> bool:
    words = line.replace("#", " ").split()
    letters = [c for c in line if c.isalpha()]
    if not words or len(words) > 12 or len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) >= 0.8 * len(letters) or line.lstrip().startswith("# ")


def paragraph_starts(loaded: Loaded) -> list[int]:
    """Offsets where a new paragraph begins, in order (format-specific layout reading)."""
    blocks = loaded.blocks
    if loaded.format in ("docx", "html") or (loaded.format == "md" and blocks and blocks[0].kind != "line"):
        return [b.start for b in blocks]  # paragraphs as the source laid them out
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
    """Give long nodes paragraph children for their unnumbered stretches; returns nodes in document order.

    A childless node longer than ``SPLIT_LONGER_THAN`` is split at paragraph breaks. A long node with
    children gets paragraph children for the text between and after them (text before the first child
    stays the node's own lead-in unless it is itself long).
    """
    text = loaded.text
    if not any(n.end - n.start > SPLIT_LONGER_THAN for n in nodes):
        return nodes
    starts = paragraph_starts(loaded)
    changed = False
    for node in list(nodes):
        if node.end - node.start <= SPLIT_LONGER_THAN:
            continue
        for a, b in _uncovered(node, text):
            if b - a <= 0 or len(text[a:b].strip()) < 40:
                continue
            if a == node.start and b - a <= SPLIT_LONGER_THAN:
                continue  # the clause's own lead-in
            lo = bisect.bisect_right(starts, a)
            hi = bisect.bisect_left(starts, b)
            # starts after the stretch's first non-space character (one search, not a slice per start:
            # that was quadratic in the paragraphs of a long unnumbered text)
            first_ink = _INK.search(text, a, b)
            ink = first_ink.start() if first_ink else b
            inner = [x for x in starts[lo:hi] if x > ink]
            if not inner and not node.children:
                continue
            bounds = [a, *inner, b]
            for x, y in zip(bounds, bounds[1:]):
                while x < y and text[x].isspace():
                    x += 1
                while y > x and text[y - 1].isspace():
                    y -= 1
                if y > x:
                    node.children.append(
                        Node(kind=ClauseKind.PARAGRAPH, start=x, level=node.level + 1, parent=node, end=y)
                    )
                    changed = True
    return _preorder(nodes) if changed else nodes


def _uncovered(node: Node, text: str) -> list[tuple[int, int]]:
    """Stretches of ``node`` not covered by its children (a heading on a line of its own stays out)."""
    out = []
    pos = node.start
    if node.heading is not None:
        # the rest of the heading's line is only " .:\t": read that run instead of finding the line end,
        # which on a text without newlines scanned to the end once per clause
        tail = _HEADING_TAIL.match(text, node.heading[1]).end()  # type: ignore[union-attr]
        if tail < len(text) and text[tail] == "\n":
            pos = tail + 1
    for child in sorted(node.children, key=lambda c: c.start):
        if child.start > pos:
            out.append((pos, child.start))
        pos = max(pos, child.end)
    if pos < node.end:
        out.append((pos, node.end))
    return out


def _preorder(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []

    def visit(n: Node) -> None:
        out.append(n)
        n.children.sort(key=lambda c: c.start)
        for c in n.children:
            visit(c)

    for root in (n for n in nodes if n.parent is None):
        visit(root)
    return out
