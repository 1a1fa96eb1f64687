"""Freezing tree nodes into Clause objects: numbers, headings, ids, pages, boxes and numbering warnings."""

from __future__ import annotations

import bisect
import re

from ..load._types import Loaded
from ..model import Box, Clause, ClauseKind, ParseWarning, Span
from .headings import caps_heading, run_in_heading
from .markers import DEFINITION_RE
from .numbering import format_number
from .tree import Node, body_start

_DEFINITIONS_HEADING = re.compile(r"(?i)^(?:definitions?|defined terms|interpretation)\b")
_ID_UNSAFE = re.compile(r"[^\w.()/\-]+")


_CLAUSE_FIELDS = tuple(Clause.model_fields)
_set = object.__setattr__


def _new_clause(**values: object) -> Clause:
    """A :class:`Clause` from values the segmenter computed (every field), without validation.

    Equal to ``Clause.model_construct(**values)``, which this replaces because it costs about 4x as much (it
    looks up aliases and defaults field by field in Python) -- a tenth of segmentation on long contracts.
    Falls back to ``model_construct`` if the model ever gains a post-init hook or private attributes.
    """
    if _FAST_CLAUSE and len(values) == len(_CLAUSE_FIELDS):
        clause = Clause.__new__(Clause)
        _set(clause, "__dict__", {name: values[name] for name in _CLAUSE_FIELDS})  # repr follows this order
        _set(clause, "__pydantic_fields_set__", set(_CLAUSE_FIELDS))
        _set(clause, "__pydantic_extra__", None)
        _set(clause, "__pydantic_private__", None)
        return clause
    return Clause.model_construct(**values)  # type: ignore[arg-type]


_FAST_CLAUSE = not Clause.__pydantic_post_init__ and not Clause.__private_attributes__


def _clean(text: str) -> str:
    return " ".join(text.replace("#", " ").split()).rstrip(".:;,-\u2013\u2014 ")


def assign_headings(nodes: list[Node], text: str) -> None:
    """Find every node's heading span once, before paragraph children exist to get in the way."""
    for node in nodes:
        if node.heading is None:
            node.heading = _heading(node, text)


def _heading(node: Node, text: str) -> tuple[int, int] | None:
    limit = node.children[0].start if node.children else node.end
    if node.kind == ClauseKind.HEADING:
        end = text.find("\n", node.number_start, node.end)
        end = node.end if end < 0 else end
        return (node.number_start, end) if text[node.number_start : end].strip() else None
    if node.kind == ClauseKind.DEFINITION:
        pos = body_start(text, node.number_end or node.start)
        if text.startswith(("the ", "The "), pos):
            pos += 4
        m = DEFINITION_RE.match(text, pos)
        return (m.start("term"), m.end("term")) if m else None
    if node.kind == ClauseKind.EXHIBIT:
        body = body_start(text, node.number_end)
        return caps_heading(text, body, limit) if body < limit else None
    if node.kind == ClauseKind.SECTION and node.number_end:
        body = body_start(text, node.number_end)
        return run_in_heading(text, body, limit) if body < limit else None
    return None


def _ref(node: Node, text: str) -> str | None:
    """The citation form of a numbered node: "9.1(a)(ii)", "Article IV", "Exhibit A"."""
    if node.kind == ClauseKind.EXHIBIT and node.number:
        return " ".join(node.number.split()).title().replace(" ", "-")
    r = node.reading
    if r is None or not node.number_end:
        return None
    number = text[node.number_start : node.number_end].strip()
    if r.style in ("dec", "sectiondec"):
        return format_number(r)
    if r.style == "article":
        return "Art-" + number.split()[-1].rstrip(".")
    core = number.strip("().\t ")
    parent_ref = None
    p = node.parent
    while p is not None and parent_ref is None:
        parent_ref = _ref(p, text)
        p = p.parent if parent_ref is None else p
    return f"{parent_ref or ''}({core})"


def _ids(nodes: list[Node], text: str) -> list[str]:
    ids: list[str] = []
    seen: dict[str, int] = {}
    ordinal: dict[tuple[int, str], int] = {}
    by_node: dict[int, str] = {}
    for node in nodes:
        parent_id = by_node.get(id(node.parent)) if node.parent is not None else None
        ref = _ref(node, text)
        if ref is not None:
            base = ref
            if parent_id and node.parent is not None and node.parent.kind in (ClauseKind.EXHIBIT, ClauseKind.HEADING):
                base = f"{parent_id}/{ref}"
        else:
            key = (id(node.parent), node.kind.value)
            ordinal[key] = ordinal.get(key, 0) + 1
            own = node.kind.value if node.kind == ClauseKind.PREAMBLE else f"{node.kind.value}-{ordinal[key]}"
            base = f"{parent_id}/{own}" if parent_id else own
        base = _ID_UNSAFE.sub("-", base)
        count = seen.get(base, 0) + 1
        seen[base] = count
        cid = base if count == 1 else f"{base}~{count}"
        by_node[id(node)] = cid
        ids.append(cid)
    return ids


def to_clauses(nodes: list[Node], loaded: Loaded) -> tuple[list[Clause], list[ParseWarning]]:
    text = loaded.text
    page_starts = [p.start for p in loaded.pages]
    page_numbers = [p.number for p in loaded.pages]
    blocks = [b for b in loaded.blocks if b.boxes]
    block_starts = [b.start for b in blocks]

    def page_of(offset: int) -> int:
        i = bisect.bisect_right(page_starts, offset) - 1
        return page_numbers[max(i, 0)] if page_numbers else 1

    ids = _ids(nodes, text)
    id_of = {id(n): cid for n, cid in zip(nodes, ids)}
    clauses: list[Clause] = []
    warnings: list[ParseWarning] = []
    for node, cid in zip(nodes, ids):
        number = None
        number_span = None
        if node.number_end and node.kind != ClauseKind.EXHIBIT:
            raw = text[node.number_start : node.number_end]
            number = raw.strip() or None
            lead = len(raw) - len(raw.lstrip())
            number_span = Span(start=node.number_start + lead, end=node.number_start + lead + len(raw.strip())) if number else None
        elif node.kind == ClauseKind.EXHIBIT and node.number:
            number = " ".join(node.number.split())
            number_span = Span(start=node.start, end=node.number_end)
        hspan = node.heading
        heading = _clean(text[hspan[0] : hspan[1]]) if hspan else None
        if not heading:
            heading, hspan = None, None
        boxes: list[Box] = []
        if blocks:
            lo = max(bisect.bisect_right(block_starts, node.start) - 1, 0)
            for b in blocks[lo:]:
                if b.start >= node.end:
                    break
                if b.end > node.start:
                    boxes.extend(b.boxes)
        end_for_page = max(node.start, node.end - 1)
        clauses.append(
            _new_clause(
                id=cid,
                number=number,
                heading=heading,
                level=node.level,
                parent_id=id_of.get(id(node.parent)) if node.parent is not None else None,
                kind=node.kind,
                start=node.start,
                end=node.end,
                text=text[node.start : node.end],
                page_start=page_of(node.start),
                page_end=page_of(end_for_page),
                number_span=number_span,
                heading_span=Span(start=hspan[0], end=hspan[0] + len(text[hspan[0] : hspan[1]].rstrip(".:;, "))) if hspan else None,
                boxes=boxes,
                tags=[],
            )
        )
        if node.gap and number:
            warnings.append(
                ParseWarning(
                    code="numbering_gap",
                    message=f"clause {number} skips {node.gap} number(s) after the previous one in its list",
                    spans=[number_span] if number_span else [],
                    clause_ids=[cid],
                )
            )
        if node.duplicate and number:
            warnings.append(
                ParseWarning(
                    code="numbering_duplicate",
                    message=f"clause number {number} appears twice in a row",
                    spans=[number_span] if number_span else [],
                    clause_ids=[cid],
                )
            )
    warnings.extend(_definition_warnings(nodes, clauses))
    _attach_revisions(loaded, clauses)
    return clauses, warnings


def _definition_warnings(nodes: list[Node], clauses: list[Clause]) -> list[ParseWarning]:
    out = []
    for node, clause in zip(nodes, clauses):
        if clause.heading and _DEFINITIONS_HEADING.match(clause.heading):
            if not any(_is_definition(c) for c in _descendants(node)):
                out.append(
                    ParseWarning(
                        code="definitions_without_definitions",
                        message=f"section {clause.number or ''} {clause.heading!r} yields no definitions "
                        "(no quoted term followed by 'means' was found)".replace("  ", " "),
                        spans=[Span(start=clause.start, end=clause.end)],
                        clause_ids=[clause.id],
                    )
                )
    return out


def _is_definition(node: Node) -> bool:
    return node.kind == ClauseKind.DEFINITION


def _descendants(node: Node) -> list[Node]:
    out: list[Node] = []
    stack = list(node.children)
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.children)
    return out


def _attach_revisions(loaded: Loaded, clauses: list[Clause]) -> None:
    """Name the clauses touched by tracked changes in the loader's ``unaccepted_revisions`` warning."""
    for i, w in enumerate(loaded.warnings):
        if w.code != "unaccepted_revisions" or not w.spans:
            continue
        touched: list[str] = []
        for span in w.spans:
            inner = [c for c in clauses if c.start <= span.start < max(c.end, c.start + 1)]
            if inner:
                cid = inner[-1].id
                if cid not in touched:
                    touched.append(cid)
        loaded.warnings[i] = w.model_copy(update={"clause_ids": touched})
