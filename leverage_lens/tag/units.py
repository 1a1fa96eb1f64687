"""The units the tagger reads: each clause's *own* text, with the headings above it as context.

A clause covers its sub-clauses, so classifying whole clauses would tag an article because one of its
sub-clauses matches. Instead each clause is read only up to its first child (a leaf: all of it), and the
headings of its ancestors are put in front ("Termination > Effect of Termination"), because "(b) thirty
days after notice" means termination only under its heading. Training, tagging and evaluation use these
same units, so what the model learnt is what it sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Clause

__all__ = ["MAX_MODEL_CHARS", "MAX_READ_CHARS", "MIN_OWN_CHARS", "Unit", "units", "windowed"]

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


@dataclass(frozen=True)
class Unit:
    """One clause's own text. ``index`` is the clause's position in the clause list."""

    index: int
    start: int
    end: int
    heading: str | None
    context: str

    def model_text(self, text: str) -> str:
        body = text[self.start : min(self.end, self.start + MAX_MODEL_CHARS)]
        return f"{self.context}\n{body}" if self.context else body

    def more_windows(self, text: str) -> list[str]:
        """The model inputs after the first (:meth:`model_text`) for a long unit; empty for most units."""
        out = []
        stop = min(self.end, self.start + MAX_READ_CHARS)
        for s in range(self.start + MAX_MODEL_CHARS, stop - MIN_WINDOW_CHARS, MAX_MODEL_CHARS):
            body = text[s : min(stop, s + MAX_MODEL_CHARS)]
            out.append(f"{self.context}\n{body}" if self.context else body)
        return out


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
        out.append(Unit(i, c.start, end, c.heading, " > ".join(heads)))
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
