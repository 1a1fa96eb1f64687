"""Who signs for whom: the persons in the signature blocks, each with the party they sign for.

The parties stage reads the signature blocks (``Party.signatories``: name and title as printed, blank lines
left out); the brief only places them. A signatory is a key term of kind ``signatory``: ``value`` the
person's name, ``detail`` the title, ``party`` the id of the party signed for, and offsets on the printed
name, or on the party's signature line when the block prints only a title. A block whose name line is
blank ("By: ______") gives nothing: the contract has not been signed for that party yet, and the brief does
not guess who will. A printed name is given to one party only: where two blocks stand side by side the
parties stage may read the left column's name for both, and the brief would rather name no one for the second
party than the wrong person.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis import Analysis
from ..model import KeyTerm, Party
from .terms import key_term

__all__ = ["signatories"]


def signatories(ctx: Analysis, parties: Sequence[Party]) -> list[KeyTerm]:
    """One key term per person signing, in the order of the parties, then of the blocks."""
    out: list[KeyTerm] = []
    taken: set[int] = set()  # a printed name signs for one party (side-by-side blocks can hand it to both)
    for p in parties:
        if not p.principal:
            continue
        line = next((s for s in p.spans if s.label == "signature"), None)
        for sig in p.signatories:
            where = sig.span or line
            if where is None or (sig.span is not None and sig.span.start in taken):
                continue
            if sig.span is not None:
                taken.add(sig.span.start)
            out.append(key_term(ctx, "signatory", where.start, where.end, value=sig.name,
                                confidence=0.85 if sig.span is not None else 0.6, party=p.id, detail=sig.title))
    return out
