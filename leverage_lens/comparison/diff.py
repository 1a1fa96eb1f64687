"""Word-level differences inside matched clauses, and the clause changes built from the alignment.

The diff runs on tokens (words and punctuation), never characters: a lawyer reads "thirty (30)" becoming
"sixty (60)" as two replaced words, not as scattered letters. rapidfuzz's Indel opcodes (a longest common
subsequence, bit-parallel) do the work; a deletion next to an insertion is reported as one replacement.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from .align import Alignment, Group
from .model import ClauseChange, ClauseRef, TextEdit
from .units import Unit, normalise_number

__all__ = ["clause_changes", "word_edits"]


def _ref(u: Unit) -> ClauseRef:
    return ClauseRef(id=u.clause.id, number=u.clause.number, heading=u.clause.heading, start=u.start, end=u.end)


def _tokens(units: list[Unit]) -> tuple[list[str], list[tuple[int, int]]]:
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for u in units:
        words.extend(u.words)
        spans.extend(u.spans)
    return words, spans


def word_edits(old: list[Unit], new: list[Unit], old_text: str, new_text: str) -> list[TextEdit]:
    """The word-level edits turning the old units' words into the new units' words, with offsets."""
    a, a_spans = _tokens(old)
    b, b_spans = _tokens(new)
    if a == b:
        return []
    a_end = old[-1].end if old else 0
    b_end = new[-1].end if new else 0
    raw: list[list[int]] = []  # [i1, i2, j1, j2] of each non-equal stretch, adjacent ones merged
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if raw and raw[-1][1] == op.src_start and raw[-1][3] == op.dest_start:
            raw[-1][1], raw[-1][3] = op.src_end, op.dest_end
        else:
            raw.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    edits = []
    for i1, i2, j1, j2 in raw:
        os_, oe = _span(a_spans, i1, i2, a_end)
        ns, ne = _span(b_spans, j1, j2, b_end)
        kind = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        edits.append(TextEdit(op=kind, old_start=os_, old_end=oe, new_start=ns, new_end=ne,
                              old_text=old_text[os_:oe], new_text=new_text[ns:ne]))
    return edits


def _span(spans: list[tuple[int, int]], i: int, j: int, end: int) -> tuple[int, int]:
    """Offsets of tokens ``i..j``; an empty stretch sits at the start of token ``i`` (or the unit's end)."""
    if j > i:
        return spans[i][0], spans[j - 1][1]
    at = spans[i][0] if i < len(spans) else (spans[-1][1] if spans else end)
    return at, at


_NUMBERISH = re.compile(r"^\(?[0-9ivxlcIVXLC]{1,6}(?:[.)]\d*)*\)?\.?$|^\d+(?:\.\d+)*$")


def _references_only(edits: list[TextEdit], renumbering: dict[str, str]) -> bool:
    """Every edit swaps one clause number for the new number of that renumbered clause."""
    if not edits or not renumbering:
        return False
    for e in edits:
        old, new = normalise_number(e.old_text), normalise_number(e.new_text)
        if e.op != "replace" or old is None or new is None or renumbering.get(old) != new:
            return False
    return True


def _marker_edits(u: Unit, v: Unit, old_text: str, new_text: str) -> list[TextEdit]:
    """Same words, different list markers inside the clause: a number put in ("...the\n\n5. Commodity") or
    taken out starts or ends a section in the text, which the reader must see even when the segmenter did not
    make it a clause of its own."""
    if sorted(u.markers) == sorted(v.markers):
        return []
    out = []
    gone = list(u.markers)
    for label, (s, e) in zip(v.markers, v.marker_spans):
        if label in gone:
            gone.remove(label)
            continue
        at = _nearest(u, v, s)
        out.append(TextEdit(op="insert", old_start=at, old_end=at, new_start=s, new_end=e, new_text=new_text[s:e]))
    came = list(v.markers)
    for label, (s, e) in zip(u.markers, u.marker_spans):
        if label in came:
            came.remove(label)
            continue
        out.append(TextEdit(op="delete", old_start=s, old_end=e, new_start=v.start, new_end=v.start,
                            old_text=old_text[s:e]))
    return out


def _piece_edits(g: Group, old_text: str, new_text: str) -> list[TextEdit]:
    """A split or merge with the same words: the break (a new number, or one taken out) is the edit."""
    out = []
    if len(g.new) > 1:
        u = g.old[0]
        for a, b in zip(g.new, g.new[1:]):
            i = len(a.words) + sum(len(x.words) for x in g.new[: g.new.index(a)])
            at = u.spans[i][0] if i < len(u.spans) else u.end
            out.append(TextEdit(op="insert", old_start=at, old_end=at, new_start=a.end, new_end=b.spans[0][0]
                                if b.spans else b.start, new_text=new_text[a.end:b.spans[0][0] if b.spans else b.start]))
    else:
        v = g.new[0]
        for a, b in zip(g.old, g.old[1:]):
            i = len(a.words) + sum(len(x.words) for x in g.old[: g.old.index(a)])
            at = v.spans[i][0] if i < len(v.spans) else v.end
            end = b.spans[0][0] if b.spans else b.start
            out.append(TextEdit(op="delete", old_start=a.end, old_end=end, new_start=at, new_end=at,
                                old_text=old_text[a.end:end]))
    return out


def _nearest(u: Unit, v: Unit, new_offset: int) -> int:
    """The old offset matching ``new_offset``: the same word index (the words are equal)."""
    i = next((k for k, (s, _) in enumerate(v.spans) if s >= new_offset), len(v.spans))
    return u.spans[i][0] if i < len(u.spans) else u.end


def _same_structure(g: Group) -> bool:
    """A split or merge that is only the segmenter's: the lone side still prints the other side's numbers
    as list markers in its text ("(g) ... (h) ..." read as one clause in one version, two in the other)."""
    one, many = (g.old[0], g.new) if len(g.old) == 1 else (g.new[0], g.old)
    numbers = [u.number for u in many if u.number and u.number != one.number]
    for a, b in zip(many, many[1:]):  # a number printed between the pieces ("...the\n\n5. Exchange Act")
        numbers.extend(normalise_number(m.group()) or "" for m in _GAP_NUMBER.finditer(
            a.text, a.end, b.spans[0][0] if b.spans else b.end))
    return all(n in one.markers for n in numbers)


_GAP_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{1,3})*\.?(?=\s)")


def clause_changes(alignment: Alignment, old_text: str, new_text: str) -> list[ClauseChange]:
    """One :class:`ClauseChange` per alignment group, in the alignment's order."""
    renumbering: dict[str, str] = {}
    for g in alignment.groups:
        if g.kind == "pair" and g.old[0].number and g.new[0].number and g.old[0].number != g.new[0].number:
            renumbering[g.old[0].number] = g.new[0].number
    return [_change(g, old_text, new_text, renumbering) for g in alignment.groups]


def _change(g: Group, old_text: str, new_text: str, renumbering: dict[str, str]) -> ClauseChange:
    kind = g.kind
    old_refs = [_ref(u) for u in g.old]
    new_refs = [_ref(u) for u in g.new]
    if kind in ("added", "deleted"):
        return ClauseChange(status=kind, old=old_refs, new=new_refs, similarity=0.0)
    edits = word_edits(g.old, g.new, old_text, new_text)
    if not edits and kind == "pair":
        edits = _marker_edits(g.old[0], g.new[0], old_text, new_text)
    if not edits and kind in ("split", "merged") and not _same_structure(g):
        edits = _piece_edits(g, old_text, new_text)
    a = [w for u in g.old for w in u.words]
    b = [w for u in g.new for w in u.words]
    similarity = 1.0 if not edits else float(Indel.normalized_similarity(a, b))
    # a number changed, lost (a section run into the one before) or gained: compared on the first clause of
    # each side, which carries the group's number in splits and merges too
    renumbered = (g.old[0].number or g.old[0].printed) != (g.new[0].number or g.new[0].printed)
    refs_only = _references_only(edits, renumbering)
    if kind in ("split", "merged") and not (not edits and _same_structure(g)):
        status = kind
    elif g.moved:
        status = "moved"
    else:
        status = "changed" if edits else "unchanged"
    return ClauseChange(status=status, old=old_refs, new=new_refs, similarity=round(similarity, 4),
                        renumbered=renumbered, moved=g.moved, references_only=refs_only, edits=edits)
