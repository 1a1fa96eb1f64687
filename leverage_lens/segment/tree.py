"""Accepting markers into a clause tree: a stack of open lists, like a reader keeping track of "where am I".

Each open level remembers the last number it saw. A number token is a clause start when it continues an
open level ("(c)" after "(b)") or opens a new one under the current clause ("(a)" or "1.1" under "1").
Everything else ("Section 5.2" inside a sentence, "$1.5", a stray "(d)") is text. Structural markers
(WHEREAS, IN WITNESS WHEREOF, EXHIBIT B) make top-level parts and reset the numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ClauseKind
from .markers import BLOCK, STRONG, WEAK, WORD, Marker
from .numbering import Reading, follows

_TOP_STYLES = ("dec", "sectiondec", "article")


@dataclass(slots=True)
class Node:
    kind: ClauseKind
    start: int
    level: int
    parent: Node | None = None
    reading: Reading | None = None
    number: str | None = None
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
    node = Node(kind=kind, start=marker.pos, level=depth, parent=parent, list_level=marker.list_level,
                heading_level=marker.heading_level)
    state.nodes.append(node)
    if parent is not None:
        parent.children.append(node)
    if push:
        state.stack.append(node)
    return node


def _continuation(stack: list[Node], readings: list[Reading], strength: int) -> tuple[int, Reading, int] | None:
    """The deepest open level this number continues: (stack index, reading, step)."""
    for i in range(len(stack) - 1, -1, -1):
        node = stack[i]
        if node.reading is None:
            if node.kind in (ClauseKind.EXHIBIT, ClauseKind.HEADING):
                break  # numbering inside a part does not continue numbering outside it
            continue
        prev = node.reading
        for r in readings:
            if prev.value[-1] == 0 and prev.depth > 1 and r.value[:-1] == prev.value[:-1]:
                continue  # "1.1" after "1.0" is its child, not its sibling
            step = follows(prev, r)
            if step is None and prev.style == r.style and prev.depth > r.depth:
                # "1.3" after "1.2.3" whose "1.2" was never seen as a clause: continue the implied one
                implied = follows(Reading(prev.style, prev.value[: r.depth]), r)
                step = implied if implied == 1 else None
            if step is None:
                continue
            if step == 1 or (strength >= BLOCK and 2 <= step <= 3) or (strength >= WORD):
                return i, r, step
            if step == 0 and strength >= BLOCK and r.depth == 1 and r.value[0] > 1:
                return i, r, step
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
        if r.is_first():
            return len(stack), r
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
        break
    return depth


def _accept_number(state: _State, marker: Marker) -> Node | None:
    if state.region == "signature" and marker.strength < WORD:
        return None
    if state.region == "front" and state.stack and state.stack[0].kind == ClauseKind.RECITAL:
        if any(r.style in _TOP_STYLES and (r.value[0] == 1 or r.depth > 1) for r in marker.readings):
            state.stack.clear()
            state.region = "body"
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
        placed = _new_level(state, marker.readings, marker.strength)
        if placed is None:
            if marker.strength < WORD or not marker.readings:
                if marker.strength < WORD:
                    return None
            depth = _place_word_label(state, marker)
            reading = marker.readings[0] if marker.readings else None
            node = _open(state, ClauseKind.SECTION, marker, depth)
        else:
            depth, reading = placed
            node = _open(state, ClauseKind.SECTION, marker, depth)
    node.reading = reading
    node.number_end = marker.token_end
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
            node = _accept_number(state, mk)
            if node is not None:
                last_num = node
            continue
        if kind == "def":
            if last_num is not None and last_num.number_end and _body_start(text, last_num.number_end) == mk.pos:
                last_num.kind = ClauseKind.DEFINITION
                continue
            if state.region == "signature":
                continue
            depth = len(state.stack)
            for i in range(len(state.stack) - 1, -1, -1):
                if state.stack[i].kind == ClauseKind.DEFINITION and state.stack[i].reading is None:
                    depth = i
                    break
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
            depth = 0
            for i, n in enumerate(state.stack):
                if n.kind == ClauseKind.HEADING and n.heading_level is not None and n.heading_level < level:
                    depth = i + 1
            _open(state, ClauseKind.HEADING, mk, depth)
            if state.region == "front":
                state.region = "body"
    return state.nodes


def _body_start(text: str, pos: int) -> int:
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


__all__ = ["Node", "build_nodes", "assign_ends", "BLOCK", "STRONG", "WEAK", "WORD"]
