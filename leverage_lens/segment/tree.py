"""Accepting markers into a clause tree: a stack of open lists, like a reader keeping track of "where am I".

Each open level remembers the last number it saw. A number token is a clause start when it continues an
open level ("(c)" after "(b)") or opens a new one under the current clause ("(a)" or "1.1" under "1").
Everything else ("Section 5.2" inside a sentence, "$1.5", a stray "(d)") is text. Structural markers
(WHEREAS, IN WITNESS WHEREOF, EXHIBIT B) make top-level parts and reset the numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import ClauseKind
from .markers import DEFINITION_RE, BLOCK, STRONG, WEAK, WORD, Marker
from .numbering import Reading, follows

_TOP_STYLES = ("dec", "sectiondec", "article")
#: Deepest clause level opened. Real contracts nest about eight deep; without a cap, text such as
#: ": (a) : (a) : (a) ..." opened one level per token, so 80,000 characters made a 13,000-deep tree whose
#: nested clause texts took gigabytes and whose id builder overflowed the recursion limit.
MAX_DEPTH = 16


@dataclass(slots=True)
class Node:
    kind: ClauseKind
    start: int
    level: int
    parent: Node | None = None
    reading: Reading | None = None
    number: str | None = None
    number_start: int = 0
    number_end: int = 0
    list_level: int | None = None
    heading_level: int | None = None
    heading: tuple[int, int] | None = None
    end: int = 0
    gap: int = 0  # numbers skipped before this one (for warnings)
    duplicate: bool = False
    children: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    nodes: list[Node] = field(default_factory=list)
    stack: list[Node] = field(default_factory=list)
    region: str = "front"  # front | body | signature | exhibit


def _numeric_value(node: Node) -> tuple[int, ...] | None:
    """The dotted value a child's number starts with: (2,) for "2.", "Article 2" and "2.0"."""
    if node.reading is not None and node.reading.style in _TOP_STYLES:
        value = node.reading.value
        return value[:-1] if len(value) > 1 and value[-1] == 0 else value
    return None


def _open(state: _State, kind: ClauseKind, marker: Marker, depth: int, *, push: bool = True) -> Node:
    del state.stack[depth:]
    parent = state.stack[-1] if state.stack else None
    node = Node(kind=kind, start=marker.pos if marker.start is None else marker.start, level=depth,
                parent=parent, number_start=marker.pos, list_level=marker.list_level,
                heading_level=marker.heading_level)
    state.nodes.append(node)
    if parent is not None:
        parent.children.append(node)
    if push:
        state.stack.append(node)
    return node


def _continuation(stack: list[Node], readings: list[Reading], strength: int) -> tuple[int, Reading, int] | None:
    """The deepest open level this number continues: (stack index, reading, step).

    Exact continuations win over implied ones, so "4." after "3.2" continues "3.", and only a document
    without a clause "1.2" of its own lets "1.3" continue after "1.2.3".
    """
    for implied in (False, True):
        skipping: tuple[int, Reading, int] | None = None
        for i in range(len(stack) - 1, -1, -1):
            node = stack[i]
            if node.reading is None:
                if node.kind in (ClauseKind.EXHIBIT, ClauseKind.HEADING):
                    break  # numbering inside a part does not continue numbering outside it
                continue
            found = _step(node.reading, readings, strength, implied)
            if found is None:
                continue
            if found[1] == 1:
                return i, found[0], 1
            # "6. CONFIDENTIALITY" after a sub-list "1. ... 4." inside clause 5 is clause 6, not item 6 of
            # the sub-list with a number skipped: an exact next number further out wins over a gap or a repeat
            if skipping is None:
                skipping = (i, found[0], found[1])
        if skipping is not None:
            return skipping
    return None


def _step(prev: Reading, readings: list[Reading], strength: int, implied: bool) -> tuple[Reading, int] | None:
    for r in readings:
        if prev.value[-1] == 0 and prev.depth > 1 and r.value[:-1] == prev.value[:-1]:
            continue  # "1.1" after "1.0" is its child, not its sibling
        if implied:
            if prev.style != r.style or prev.depth <= r.depth:
                continue
            step = follows(Reading(prev.style, prev.value[: r.depth]), r)
            if step == 1:
                return r, 1
            continue
        step = follows(prev, r)
        if step is None:
            continue
        if step == 1 or (strength >= BLOCK and 2 <= step <= 3) or strength >= WORD:
            return r, step
        if step == 0 and strength >= BLOCK and r.depth == 1 and r.value[0] > 1:
            return r, step
    return None


def _new_level(state: _State, readings: list[Reading], strength: int) -> tuple[int, Reading] | None:
    """Where a first number ("1", "(a)", "1.1" under "1") opens a list: (depth, reading)."""
    if strength < STRONG:
        return None
    stack = state.stack
    for r in readings:
        # a restart of a list already open at some level (a table of contents, then the body)
        for i in range(len(stack) - 1, -1, -1):
            node = stack[i]
            if node.reading is None and node.kind in (ClauseKind.EXHIBIT, ClauseKind.HEADING):
                break
            if node.reading is not None and node.reading.style == r.style and node.reading.depth == r.depth:
                if r.is_first() and strength >= BLOCK and r.depth == 1:
                    return i, r
                break
        if r.depth > 1:
            numeric = [n for n in stack if _numeric_value(n) is not None]
            if numeric:
                parent = numeric[-1]
                if _numeric_value(parent) == r.value[:-1]:
                    return stack.index(parent) + 1, r
                continue
            if r.value[-1] in (0, 1) and all(v <= 1 for v in r.value[:-1]) or strength >= BLOCK and r.value[-1] == 1:
                return len(stack), r
            continue
        if r.is_first() or (not state.nodes and strength >= BLOCK and r.style in _TOP_STYLES):
            return len(stack), r  # an excerpt may start at "5."
    return None


def _place_dotted(state: _State, readings: list[Reading], strength: int) -> tuple[int, Reading, int] | None:
    """Place "14.3" or "14.3.1" by what the number itself says, when no open list expects it.

    Multi-part numbers after a sentence end are seldom anything but clause numbers, so a skipped number
    ("14.3" after "14.1") should not make the rest of the article vanish into one clause.
    Returns (depth, reading, numbers skipped).
    """
    if strength < STRONG:
        return None
    for r in readings:
        if r.depth < 2 or r.style not in _TOP_STYLES:
            continue
        if any(
            n.reading is not None and n.reading.style == r.style and n.reading.depth == r.depth
            and n.reading.value[:-1] == r.value[:-1] and n.reading.value[-1] >= r.value[-1]
            for n in state.stack
        ):
            continue  # numbering does not run backwards: "8.1" after "8.4" is a reference
        best: tuple[int, int] | None = None
        for i in range(len(state.stack) - 1, -1, -1):
            value = _numeric_value(state.stack[i])
            if value is None:
                if state.stack[i].kind in (ClauseKind.EXHIBIT, ClauseKind.HEADING):
                    break
                continue
            if value == r.value[:-1]:
                best = (i + 1, max(0, r.value[-1] - 1))
                break
            if len(value) == r.depth and value[:-1] == r.value[:-1] and value[-1] < r.value[-1]:
                best = (i, r.value[-1] - value[-1] - 1)
                break
            if len(value) < r.depth and r.value[: len(value)] == value:
                best = (i + 1, 0)
                break
        if best is not None:
            return best[0], r, best[1]
    return None


def _place_word_label(state: _State, marker: Marker) -> int:
    """Depth of a Word-numbered paragraph that continues no open list: under the last shallower list level."""
    depth = len(state.stack)
    if marker.list_level is None:
        return depth
    while depth > 0:
        node = state.stack[depth - 1]
        if node.list_level is not None and node.list_level >= marker.list_level:
            depth -= 1
            continue
        if node.list_level is None and node.reading is not None and node.reading.style not in _TOP_STYLES:
            depth -= 1  # a typed "(1)" item cannot hold Word's own list
            continue
        break
    return depth


def _continues_top(state: _State, marker: Marker) -> bool:
    """Whether a number found after a short token on its line ("CONFIDENTIAL 5. SALES") is a clause start.

    Such a number is trusted only as the next top-level clause: the next number of the outermost numbered
    list, or "1." opening the numbering after a title in capitals when no numbered clause is open.
    """
    found = _continuation(state.stack, marker.readings, marker.strength)
    if found is not None:
        depth, reading, step = found
        return step == 1 and reading.depth == 1 and all(n.reading is None for n in state.stack[:depth])
    return (
        marker.opens_top
        and all(n.reading is None for n in state.stack)
        and any(r.style == "dec" and r.value == (1,) for r in marker.readings)
    )


def _accept_number(state: _State, marker: Marker, text: str) -> Node | None:
    if state.region == "signature" and marker.strength < WORD:
        return None
    if state.region == "front" and state.stack and state.stack[0].kind == ClauseKind.RECITAL:
        if any(r.style in _TOP_STYLES and (r.value[0] == 1 or r.depth > 1) for r in marker.readings):
            state.stack.clear()
            state.region = "body"
    if marker.top_only and not _continues_top(state, marker):
        return None
    found = _continuation(state.stack, marker.readings, marker.strength)
    if found is not None:
        depth, reading, step = found
        prev = state.stack[depth].reading
        if depth > 0 and reading.depth > 1 and prev is not None and reading.value[:-1] != prev.value[:-1]:
            # "2.1" after "1.4" with no "2" of its own: it leaves the clause numbered 1 as well
            for j in range(depth - 1, -1, -1):
                if _numeric_value(state.stack[j]) == prev.value[:-1]:
                    depth = j
                    break
        node = _open(state, ClauseKind.SECTION, marker, depth)
        node.gap = max(0, step - 1)
        node.duplicate = step == 0
    else:
        placed = None if marker.strength >= WORD else _new_level(state, marker.readings, marker.strength)
        dotted = None if placed is not None else _place_dotted(state, marker.readings, marker.strength)
        if dotted is not None:
            depth, reading, skipped = dotted
            if depth >= MAX_DEPTH:
                return None
            node = _open(state, ClauseKind.SECTION, marker, depth)
            node.gap = skipped
        elif placed is None:
            if marker.strength < WORD:
                return None
            depth = _place_word_label(state, marker)
            if depth >= MAX_DEPTH:
                return None
            reading = marker.readings[0] if marker.readings else None
            node = _open(state, ClauseKind.SECTION, marker, depth)
        else:
            depth, reading = placed
            if depth >= MAX_DEPTH:
                return None
            node = _open(state, ClauseKind.SECTION, marker, depth)
    node.reading = reading
    node.number_end = marker.token_end
    if DEFINITION_RE.match(text, body_start(text, marker.token_end)):
        node.kind = ClauseKind.DEFINITION
    if state.region == "front" and node.level == 0:
        state.region = "body"
    return node


def build_nodes(markers: list[Marker], text: str) -> list[Node]:
    """Run the markers through the stack machine; returns nodes in document order with levels and parents."""
    state = _State()
    last_num: Node | None = None
    for mk in markers:
        kind = mk.kind
        if kind == "num":
            node = _accept_number(state, mk, text)
            if node is not None:
                last_num = node
            continue
        if kind == "def":
            if last_num is not None and last_num.number_end and body_start(text, last_num.number_end) == mk.pos:
                continue  # "1.1 "Affiliate" means": the numbered clause itself is the definition
            if state.region == "signature":
                continue
            depth = len(state.stack)
            for i in range(len(state.stack) - 1, -1, -1):
                if state.stack[i].kind == ClauseKind.DEFINITION and state.stack[i].reading is None:
                    depth = i
                    break
            if depth < MAX_DEPTH:
                _open(state, ClauseKind.DEFINITION, mk, depth)
        elif kind == "recitals":
            if state.region == "front" and not any(n.kind == ClauseKind.RECITAL for n in state.nodes):
                node = _open(state, ClauseKind.RECITAL, mk, 0)
                node.heading = (mk.pos, mk.token_end)
        elif kind == "recital":
            if state.region != "front":
                continue
            depth = 1 if state.stack and state.stack[0].kind == ClauseKind.RECITAL and state.stack[0].heading else 0
            _open(state, ClauseKind.RECITAL, mk, depth, push=False)
        elif kind == "operative":
            if state.region != "front" or not state.nodes:
                continue
            _open(state, ClauseKind.PARAGRAPH, mk, 0, push=False)
            state.stack.clear()
            state.region = "body"
        elif kind == "signature":
            if mk.strength < STRONG and mk.strength != WEAK:
                continue
            _open(state, ClauseKind.SIGNATURE, mk, 0, push=False)
            state.stack.clear()
            state.region = "signature"
        elif kind == "exhibit":
            if state.region == "front" and not state.nodes:
                continue  # "EXHIBIT 10.1" filing labels above the title
            node = _open(state, ClauseKind.EXHIBIT, mk, 0)
            node.number = text[mk.pos : mk.token_end]
            node.number_end = mk.token_end
            state.region = "exhibit"
        elif kind == "heading":
            level = mk.heading_level if mk.heading_level is not None else 0
            if not state.nodes and level == 0:
                title = _open(state, ClauseKind.TITLE, mk, 0, push=False)
                line_end = text.find("\n", mk.pos)
                title.heading = (mk.pos, len(text) if line_end < 0 else line_end)
                continue
            depth = 0
            for i, n in enumerate(state.stack):
                if n.kind == ClauseKind.HEADING and n.heading_level is not None and n.heading_level < level:
                    depth = i + 1
            if depth >= MAX_DEPTH:
                continue
            _open(state, ClauseKind.HEADING, mk, depth)
            if state.region == "front":
                state.region = "body"
    return state.nodes


def body_start(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t\u00a0\r\n":
        pos += 1
    return pos


def assign_ends(nodes: list[Node], text_end: int, text: str) -> None:
    """Each node ends where the next node at its level or above starts, less trailing white space."""
    open_nodes: list[Node] = []
    for node in nodes:
        while open_nodes and open_nodes[-1].level >= node.level:
            open_nodes.pop().end = node.start
        open_nodes.append(node)
    for node in open_nodes:
        node.end = text_end
    for node in nodes:
        end = node.end
        while end > node.start and text[end - 1].isspace():
            end -= 1
        node.end = max(end, node.start)


_ITEM_END = re.compile(r"(?:[;,]|;\s*(?:and|or)|,\s*(?:and|or)|\b(?:and|or))\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[A-Z\u201c\"(]|\s*\n)")


def close_enumerations(nodes: list[Node], text: str) -> None:
    """End the last item of an in-sentence list at its sentence end, giving the rest back to the parent.

    In "(a) x; (b) y; and (c) z. The Supplier shall ..." the final sentence belongs to the clause that
    holds the list, not to item (c). Only lists whose items end with ';', ',' or 'and'/'or' are treated so.
    """
    for parent in nodes:
        kids = parent.children
        if len(kids) < 2:
            continue
        last = kids[-1]
        if last.children or last.reading is None or not last.reading.style.startswith(("paren", "half")):
            continue
        if not all(_ITEM_END.search(text, k.start, k.end) for k in kids[:-1] if k.reading is not None):
            continue
        m = _SENTENCE_END.search(text, last.start, last.end)
        if m is None or len(text[m.end() : last.end].strip()) < 15:
            continue
        last.end = m.end()


__all__ = ["MAX_DEPTH", "Node", "build_nodes", "assign_ends", "BLOCK", "STRONG", "WEAK", "WORD"]
