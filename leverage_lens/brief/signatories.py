"""Who signs for whom: the persons in the signature blocks, each with the party they sign for.

The parties stage reads the signature blocks (``Party.signatories``: name and title as printed, blank lines
left out); the brief only places them. A signatory is a key term of kind ``signatory``: ``value`` the
person's name, ``detail`` the title, ``party`` the id of the party signed for, and offsets on the printed
name, or on the party's signature line when the block prints only a title. A block whose name line is
blank ("By: ______") gives nothing: the contract has not been signed for that party yet, and the brief does
not guess who will.
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
    for p in parties:
        if not p.principal:
            continue
        line = next((s for s in p.spans if s.label == "signature"), None)
        for sig in p.signatories:
            where = sig.span or line
            if where is None:
                continue
            out.append(key_term(ctx, "signatory", where.start, where.end, value=sig.name,
                                confidence=0.85 if sig.span is not None else 0.6, party=p.id, detail=sig.title))
    return out
