"""Places and parties across versions: where an offset of one version lands in the other, and who is who.

Findings, obligations and key terms are matched between versions "by rule and place, not offset": the place
of something is the aligned clause group holding it. Party ids are per report ("party-1" in one version may be
"party-2" in the next), so old ids are mapped to the new version's by name and alias.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..model import Party
from .align import Alignment
from .units import Units

__all__ = ["Places", "map_parties"]


class Places:
    """Offsets to aligned places: a place is the index of the alignment group holding the offset."""

    def __init__(self, alignment: Alignment, old: Units, new: Units) -> None:
        self.old_units, self.new_units = old, new
        self._old_group: dict[int, int] = {}
        self._new_group: dict[int, int] = {}
        for gi, g in enumerate(alignment.groups):
            for u in g.old:
                self._old_group[u.index] = gi
            for v in g.new:
                self._new_group[v.index] = gi
        self.groups = alignment.groups

    def old_place(self, offset: int) -> int | None:
        u = self.old_units.at(offset)
        return None if u is None else self._old_group.get(u.index)

    def new_place(self, offset: int) -> int | None:
        v = self.new_units.at(offset)
        return None if v is None else self._new_group.get(v.index)

    def old_label(self, offset: int) -> str | None:
        u = self.old_units.at(offset)
        return None if u is None else (u.clause.number or u.clause.heading or u.clause.id)

    def new_label(self, offset: int) -> str | None:
        v = self.new_units.at(offset)
        return None if v is None else (v.clause.number or v.clause.heading or v.clause.id)


def _names(p: Party) -> list[str]:
    return [" ".join(n.lower().replace(",", " ").replace(".", " ").split()) for n in (p.name, *p.aliases) if n]


def map_parties(old: list[Party], new: list[Party]) -> dict[str, str]:
    """Old party id -> new party id, by best name/alias match (role breaks ties); unmatched ids map to
    themselves so nothing is lost."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    scored = []
    for p in old:
        for q in new:
            s = max((fuzz.token_set_ratio(a, b) for a in _names(p) for b in _names(q)), default=0.0)
            if p.role and q.role and p.role.lower() == q.role.lower():
                s += 5
            scored.append((s, p.id, q.id))
    for s, a, b in sorted(scored, key=lambda t: -t[0]):
        if s >= 85 and a not in out and b not in taken:
            out[a] = b
            taken.add(b)
    for p in old:
        out.setdefault(p.id, p.id)
    return out
