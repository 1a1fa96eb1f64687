"""Reading a report as one of the parties: which findings are against the reader, and the scorecard.

``resolve_reader`` turns what the caller typed (a party name, alias or role: "Customer", "Acme") into a
party id. ``for_reader`` marks each finding ``against_reader`` (True when it favours another party).
``scorecard`` weighs, per family of terms, the one-sided leverage each party gains in the ledger (entries
counted and weighed by commercial weight and confidence) and counts the one-sided findings in its favour,
and names the leader.
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
            # an exact name, alias or role beats a fuzzy match: token_set_ratio scores "STW" 100 against any
            # name holding the word, such as a misread "City ... and STW Resources Holding Corp."
            score = 101.0 if have == want else fuzz.token_set_ratio(have, want)
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


#: The leader must hold this share more weight than the next party; closer is "even".
LEAD_MARGIN = 1.25


def scorecard(analysis: Analysis, findings: Sequence[Finding]) -> dict[str, FamilyScore]:
    """Per family, the leverage each party gains in the ledger (count and commercial weight of one-sided
    entries), the one-sided findings in its favour, and the leader (read for ``analysis.reader`` when the
    report is read as a party). An uncapped one-way indemnity weighs more than a one-way audit right."""
    reader = analysis.reader
    ids = {p.id for p in analysis.parties}
    rights: dict[str, dict[str, int]] = {}
    weight: dict[str, dict[str, float]] = {}
    for e in (analysis.ledger.entries if analysis.ledger is not None else ()):
        if e.mutual or e.favors not in ids:
            continue
        r = rights.setdefault(e.family, {})
        r[e.favors] = r.get(e.favors, 0) + 1  # type: ignore[index]
        w = weight.setdefault(e.family, {})
        w[e.favors] = round(w.get(e.favors, 0.0) + e.weight * e.confidence, 3)  # type: ignore[index]
    favored: dict[str, dict[str, int]] = {}
    fids: dict[str, list[str]] = {}
    for f in findings:
        if f.family and f.kind == "one_sided":
            fids.setdefault(f.family, []).append(f.id)
            if f.favors in ids:
                d = favored.setdefault(f.family, {})
                d[f.favors] = d.get(f.favors, 0) + 1  # type: ignore[index]
    out = {}
    for fam in sorted(set(rights) | set(favored)):
        w = weight.get(fam, {})
        ranked = sorted(w.items(), key=lambda kv: -kv[1])
        leader = None
        if ranked and (len(ranked) == 1 or ranked[0][1] >= LEAD_MARGIN * ranked[1][1]):
            leader = ranked[0][0]
        position = None
        if reader is not None:
            position = "even" if leader is None else ("ahead" if leader == reader else "behind")
        out[fam] = FamilyScore(family=fam, rights=rights.get(fam, {}), favored=favored.get(fam, {}), weight=w,
                               leader=leader, reader_position=position, finding_ids=fids.get(fam, []))
    return out
