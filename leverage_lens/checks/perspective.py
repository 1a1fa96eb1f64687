"""Reading a report as one of the parties: which findings are against the reader, and the scorecard.

``resolve_reader`` turns what the caller typed (a party name, alias or role: "Customer", "Acme") into a
party id. ``for_reader`` marks each finding ``against_reader`` (True when it favours another party).
``scorecard`` counts, per family of terms, the rights each party holds (obligations of modality "right",
placed in a family by the clause's tags or by the finding categories in the same clause) and the one-sided
findings in its favour, and names the leader.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from ..analysis import Analysis
from ..errors import InvalidOptionError
from ..model import FamilyScore, Finding, Party

__all__ = ["resolve_reader", "for_reader", "scorecard"]


def resolve_reader(perspective: str, parties: Sequence[Party]) -> str:
    """The id of the party called ``perspective`` (name, alias or role; case and legal suffix ignored)."""
    want = " ".join(perspective.lower().replace(",", " ").replace(".", " ").split())
    best: tuple[float, str] | None = None
    for p in [p for p in parties if p.principal]:  # a side, never an entity the contract only names
        for name in (p.name, *p.aliases, *([p.role] if p.role else []), p.id):
            have = " ".join(name.lower().replace(",", " ").replace(".", " ").split())
            score = 100.0 if have == want else fuzz.token_set_ratio(have, want)
            if best is None or score > best[0]:
                best = (score, p.id)
    if best is None or best[0] < 90:
        found = "; ".join(
            f"{p.name!r}" + (f", role {p.role!r}" if p.role else ", no role")
            + (f", also called {', '.join(repr(a) for a in p.aliases if a != p.role)}"
               if [a for a in p.aliases if a != p.role] else "")
            for p in parties if p.principal)
        raise InvalidOptionError(f"perspective {perspective!r} matches no party of this contract; the parties "
                                 f"found are: {found or 'none'}. Read as one of them (name, alias or role), or "
                                 f"name the parties yourself: parties={{ROLE: NAME}} / --party ROLE=NAME")
    return best[1]


def for_reader(findings: Sequence[Finding], reader: str | None) -> list[Finding]:
    """Findings with ``against_reader`` set for ``reader`` (unchanged when there is no reader)."""
    if reader is None:
        return list(findings)
    return [f.model_copy(update={"against_reader": None if f.favors is None else f.favors != reader})
            for f in findings]


def scorecard(analysis: Analysis, findings: Sequence[Finding]) -> dict[str, FamilyScore]:
    """Per family, the rights each party holds and the one-sided findings in its favour, and the leader
    (read for ``analysis.reader`` when the report is read as a party)."""
    reader = analysis.reader
    obligations = analysis.obligations
    ids = {p.id for p in analysis.parties}
    fam_of_clause: dict[str, set[str]] = {c.id: {t.family for t in c.tags} for c in analysis.clauses}
    for f in findings:
        if f.clause_id and f.family:
            fam_of_clause.setdefault(f.clause_id, set()).add(f.family)
    rights: dict[str, dict[str, int]] = {}
    for o in obligations:
        if o.modality == "right" and o.actor in ids and o.clause_id:
            for fam in fam_of_clause.get(o.clause_id, ()):
                d = rights.setdefault(fam, {})
                d[o.actor] = d.get(o.actor, 0) + 1
    favored: dict[str, dict[str, int]] = {}
    fids: dict[str, list[str]] = {}
    for f in findings:
        if f.family:
            fids.setdefault(f.family, []).append(f.id)
            if f.favors in ids:
                d = favored.setdefault(f.family, {})
                d[f.favors] = d.get(f.favors, 0) + 1  # type: ignore[index]
    out = {}
    for fam in sorted(set(rights) | set(favored)):
        r, fv = rights.get(fam, {}), favored.get(fam, {})
        total = {p: 2 * fv.get(p, 0) + r.get(p, 0) for p in set(r) | set(fv)}
        ranked = sorted(total.items(), key=lambda kv: -kv[1])
        leader = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        position = None
        if reader is not None:
            position = "even" if leader is None else ("ahead" if leader == reader else "behind")
        out[fam] = FamilyScore(family=fam, rights=r, favored=fv, leader=leader, reader_position=position,
                               finding_ids=fids.get(fam, []))
    return out
