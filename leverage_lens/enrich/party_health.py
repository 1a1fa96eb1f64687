"""Parse health for parties: say when the parties found cannot carry a one-sided reading.

Every direction the library reports (whom a clause favours, what is against the reader, who leads the
scorecard) rests on the principal parties. :func:`party_warnings` turns the doubtful cases into
:class:`~leverage_lens.model.ParseWarning` objects (code ``parties_uncertain``) that name what was found, so
a reader sees the doubt at the top of every view and can correct it (``analyze(..., parties=...)``):

* fewer than two principal parties;
* two principal parties whose names are close (one party read twice, or two affiliates);
* one role claimed by two principal parties (unless one alias group gives it to both: "A and B (each and
  both of them "Recipient")");
* a principal party seen only weakly (a signature block alone: confidence under 0.6).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from ..model import ParseWarning, Party
from .party_names import norm

__all__ = ["party_warnings", "describe_parties", "CODE"]

CODE = "parties_uncertain"


def describe_parties(parties: Sequence[Party]) -> str:
    """The principal parties as a reader would list them: ``'Acme Inc.' (Customer), 'Beta LLC' (Provider)``."""
    out = [f"{p.name!r}" + (f" ({p.role})" if p.role else "") for p in parties if p.principal]
    return ", ".join(out) or "none"


def party_warnings(parties: Sequence[Party]) -> list[ParseWarning]:
    """The warnings a reader needs about ``parties`` (empty when two or more distinct sides were found)."""
    principal = [p for p in parties if p.principal]
    found = describe_parties(parties)
    out: list[ParseWarning] = []

    def warn(message: str, involved: Sequence[Party]) -> None:
        spans = [s for p in involved for s in p.spans[:1]]
        out.append(ParseWarning(code=CODE, message=message, spans=spans))

    if len(principal) < 2:
        warn(f"found {len(principal)} principal part{'y' if len(principal) == 1 else 'ies'} ({found}); "
             "one-sided findings cannot say whom a term favours. Name the parties with "
             "parties={...} / --party ROLE=NAME.", principal)
    for i, a in enumerate(principal):
        for b in principal[i + 1 :]:
            ka, kb = norm(a.name), norm(b.name)
            if ka and kb and (fuzz.ratio(ka, kb) >= 80 or ka in kb.split() or kb in ka.split()):
                warn(f"two parties have close names, {a.name!r} and {b.name!r}: one party read twice, or "
                     f"related companies? Parties found: {found}.", (a, b))
            if a.role and b.role and a.role.lower() == b.role.lower() and not _joint(a, b):
                warn(f"the role {a.role!r} is claimed by {a.name!r} and {b.name!r}. Parties found: {found}.",
                     (a, b))
    blanks = [p for p in principal if p.confidence < 0.6]
    if blanks and len(principal) >= 2:
        names = ", ".join(repr(p.name) for p in blanks)
        warn(f"weakly identified part{'y' if len(blanks) == 1 else 'ies'}: {names} (seen only in a signature "
             f"block or by role). Parties found: {found}.", blanks)
    return out


def _joint(a: Party, b: Party) -> bool:
    """True when one alias group defines both parties ("(collectively, the "Company")")."""
    groups = {(s.start, s.end) for s in a.spans if s.label == "alias"}
    return any((s.start, s.end) in groups for s in b.spans if s.label == "alias")
