"""The units the tagger reads: each clause's *own* text, with the headings above it as context.

A clause covers its sub-clauses, so classifying whole clauses would tag an article because one of its
sub-clauses matches. Instead each clause is read only up to its first child (a leaf: all of it), and the
headings of its ancestors are put in front ("Termination > Effect of Termination"), because "(b) thirty
days after notice" means termination only under its heading. Training, tagging and evaluation use these
same units, so what the model learnt is what it sees.

The model also reads the last :data:`PREV_CHARS` characters of the previous unit ("The Licensee shall
pay:" before "(a) ten percent of Net Sales"), fenced from the headings and the own text by the marker
tokens of :mod:`.textcat`, which keeps the three apart as features.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Clause
from .textcat import HEAD_MARK, PREV_MARK, strip_marks

__all__ = ["MAX_MODEL_CHARS", "MAX_READ_CHARS", "MIN_OWN_CHARS", "PREV_CHARS", "Unit", "units", "windowed"]

#: Units whose own text (after number and heading) is shorter than this are headings only: not tagged.
MIN_OWN_CHARS = 12
#: A long unit is also read in further windows of :data:`MAX_MODEL_CHARS` (each with the headings) up to
#: this many characters, and scored by its best window: CUAD's short spans ("Renewal Term", an audit
#: right) often sit deep inside long unsegmented clauses. Beyond 4,500 characters a tagged clause counts
#: as wrong anyway and reading on would only cost time.
MAX_READ_CHARS = 4500
#: A trailing window shorter than this carries too little text to be worth scoring.
MIN_WINDOW_CHARS = 200
#: The model reads at most this many characters of a unit: what a clause is about shows in its opening,
#: and long unsegmented clauses would otherwise dominate tagging time.
MAX_MODEL_CHARS = 1500
#: How much of the previous unit's own text (its end) the model reads as context.
PREV_CHARS = 300


@dataclass(frozen=True)
class Unit:
    """One clause's own text. ``index`` is the clause's position in the clause list; ``prev`` is the
    span of the previous unit's tail the model reads as context (empty for a document's first unit)."""

    index: int
    start: int
    end: int
    heading: str | None
    context: str
    prev: tuple[int, int] = (0, 0)

    def prefix(self, text: str) -> str:
        """What the model reads before the own text: previous tail, headings, each behind its marker."""
        head = f"{strip_marks(self.context)} {HEAD_MARK} " if self.context else f"{HEAD_MARK} "
        if self.prev[1] > self.prev[0]:
            return f"{strip_marks(text[self.prev[0] : self.prev[1]])} {PREV_MARK} {head}"
        return head

    def model_text(self, text: str) -> str:
        return self.prefix(text) + text[self.start : min(self.end, self.start + MAX_MODEL_CHARS)]

    def window_spans(self) -> list[tuple[int, int]]:
        """Where the further windows of a long unit lie in the text; empty for most units."""
        stop = min(self.end, self.start + MAX_READ_CHARS)
        return [(s, min(stop, s + MAX_MODEL_CHARS))
                for s in range(self.start + MAX_MODEL_CHARS, stop - MIN_WINDOW_CHARS, MAX_MODEL_CHARS)]

    def more_windows(self, text: str) -> list[str]:
        """The model inputs after the first (:meth:`model_text`) for a long unit; empty for most units."""
        spans = self.window_spans()
        if not spans:
            return []
        prefix = self.prefix(text)
        return [prefix + text[s:e] for s, e in spans]


def units(clauses: list[Clause]) -> list[Unit]:
    """One unit per clause with enough own text, in document order."""
    first_child: dict[str, int] = {}
    by_id: dict[str, Clause] = {}
    for c in clauses:
        by_id[c.id] = c
        if c.parent_id is not None and c.parent_id not in first_child:
            first_child[c.parent_id] = c.start
    out: list[Unit] = []
    for i, c in enumerate(clauses):
        end = first_child.get(c.id, c.end)
        end = max(min(end, c.end), c.start)
        body_start = c.start
        for span in (c.number_span, c.heading_span):
            if span is not None and c.start <= span.end <= end:
                body_start = max(body_start, span.end)
        if end - body_start < MIN_OWN_CHARS:
            continue
        heads: list[str] = []
        parent = c.parent_id
        while parent is not None and parent in by_id:
            p = by_id[parent]
            if p.heading:
                heads.append(p.heading)
            parent = p.parent_id
        heads.reverse()
        if c.heading:
            heads.append(c.heading)
        prev = (max(out[-1].start, out[-1].end - PREV_CHARS), out[-1].end) if out else (0, 0)
        out.append(Unit(i, c.start, end, c.heading, " > ".join(heads), prev))
    return out


def windowed(todo: list[Unit], text: str) -> tuple[list[str], list[int]]:
    """Every model input of the units (first windows in unit order, then the further windows) and, for each
    further window, the index of its unit: score all in one batch, then take each unit's best window."""
    inputs = [u.model_text(text) for u in todo]
    owners: list[int] = []
    for i, u in enumerate(todo):
        if u.end - u.start > MAX_MODEL_CHARS + MIN_WINDOW_CHARS:
            more = u.more_windows(text)
            inputs += more
            owners += [i] * len(more)
    return inputs, owners
