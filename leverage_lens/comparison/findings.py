"""Findings introduced, resolved and changed by the edit: matched by rule and aligned place, not by offset.

A finding's id fingerprints its clause number, so renumbering alone would make every finding look new; and
offsets shift with every insertion. Two findings are the same when the same rule fires in the same aligned
clause group; several of one rule in one place pair up by the similarity of their quotes.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import Indel

from ..model import Finding, Report
from .model import FindingChange
from .places import Places

__all__ = ["finding_changes"]

#: Parse-health findings describe how a file was read, not the deal: across formats they differ by design.
_KINDS = ("one_sided", "ambiguity")


def _keyed(findings: list[Finding], place: object) -> dict[tuple[str, int | None], list[Finding]]:
    out: dict[tuple[str, int | None], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.kind in _KINDS:
            out[(f.rule, place(f.start))].append(f)  # type: ignore[operator]
    return out


def finding_changes(old: Report, new: Report, places: Places, parties: dict[str, str],
                    reader: str | None) -> list[FindingChange]:
    """Introduced, resolved and changed findings, most severe first."""
    old_keyed = _keyed(old.findings, places.old_place)
    new_keyed = _keyed(new.findings, places.new_place)
    out: list[FindingChange] = []
    for key in sorted(set(old_keyed) | set(new_keyed), key=lambda k: (k[0], -1 if k[1] is None else k[1])):
        olds, news = list(old_keyed.get(key, [])), list(new_keyed.get(key, []))
        pairs = sorted(((Indel.normalized_similarity(" ".join(a.quote.split()), " ".join(b.quote.split())), i, j)
                        for i, a in enumerate(olds) for j, b in enumerate(news)), reverse=True)
        used_old: set[int] = set()
        used_new: set[int] = set()
        for sim, i, j in pairs:
            if i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            a, b = olds[i], news[j]
            favors_old = parties.get(a.favors, a.favors) if a.favors else None
            if a.severity != b.severity or favors_old != b.favors or sim < 0.6:
                out.append(_change("changed", b, places, reader, old=a))
        out.extend(_change("resolved", a, places, reader, parties=parties)
                   for i, a in enumerate(olds) if i not in used_old)
        out.extend(_change("introduced", b, places, reader) for j, b in enumerate(news) if j not in used_new)
    out.sort(key=lambda c: (-c.severity.rank, c.status != "introduced", c.new_start or c.old_start or 0))
    return out


def _change(status: str, f: Finding, places: Places, reader: str | None, *, old: Finding | None = None,
            parties: dict[str, str] | None = None) -> FindingChange:
    favors = f.favors
    if status == "resolved" and favors and parties is not None:
        favors = parties.get(favors, favors)
    against = None if favors is None or reader is None else favors != reader
    if status == "resolved":
        return FindingChange(status="resolved", rule=f.rule, kind=f.kind, severity=f.severity, family=f.family,
                             message=f.message, favors=favors, against_reader=against, old_finding_id=f.id,
                             old_clause=places.old_label(f.start), old_start=f.start, old_end=f.end, quote=f.quote)
    return FindingChange(
        status=status,  # type: ignore[arg-type]
        rule=f.rule, kind=f.kind, severity=f.severity, family=f.family, message=f.message, favors=favors,
        against_reader=against, new_finding_id=f.id, new_clause=places.new_label(f.start), new_start=f.start,
        new_end=f.end, quote=f.quote,
        old_finding_id=old.id if old else None, old_clause=places.old_label(old.start) if old else None,
        old_start=old.start if old else None, old_end=old.end if old else None,
    )
