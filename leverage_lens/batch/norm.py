"""Folder norm: the usual wording of each kind of clause across a folder, and the contracts that depart from it.

In due diligence the question is rarely "is this cap on liability good?" but "is it the cap we signed
everywhere else?". For each tag category present in at least ``min_files`` contracts, the clauses are
compared pairwise with ``rapidfuzz.fuzz.ratio`` on a normalised text (lower case, digits as ``#``, one space
between words, so amounts, dates and section numbers do not count as wording). Contracts are grouped by a
leader pass: in order of how close each is to all others, a contract joins the first group whose leader it
matches at ``similarity`` or more, or starts a new group. When the largest group holds at least
``min_share`` of the contracts, its leader's clause is the folder's norm and every contract outside the
group is a departure, reported with its closest clause and the score against the norm. With no dominant
wording (a folder of unrelated forms) nothing is flagged: there is no norm to depart from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from ..model import Report

__all__ = ["FolderNorm", "NormCategory", "NormDeparture", "folder_norm", "normalise_wording"]

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class NormCategory(_Frozen):
    """One category's norm: how many contracts share the usual wording, and an exemplar of it."""

    category: str
    files: int
    norm_files: int
    share: float
    exemplar_path: str
    exemplar_clause_id: str
    exemplar_text: str


class NormDeparture(_Frozen):
    """A contract whose clause of ``category`` is worded unlike the folder's norm."""

    path: str
    category: str
    clause_id: str
    similarity: float
    quote: str
    exemplar_path: str
    exemplar_clause_id: str


class FolderNorm(_Frozen):
    categories: list[NormCategory]
    departures: list[NormDeparture]

    def departures_by_path(self) -> dict[str, list[NormDeparture]]:
        found: dict[str, list[NormDeparture]] = defaultdict(list)
        for d in self.departures:
            found[d.path].append(d)
        return dict(found)


def normalise_wording(text: str, max_chars: int = 2000) -> str:
    """The clause as compared: case, numbers and spacing removed; cut to ``max_chars`` to bound the cost."""
    return _SPACE.sub(" ", _DIGITS.sub("#", text.lower())).strip()[:max_chars]


def folder_norm(
    reports: Iterable[tuple[str, Report]],
    *,
    similarity: float = 75.0,
    min_files: int = 5,
    min_share: float = 0.5,
    max_chars: int = 2000,
) -> FolderNorm:
    """The norm of every category shared by ``min_files`` contracts, and the departures from it.

    ``reports`` are ``(path, Report)`` pairs; only the clauses' tags and texts are kept, so the Reports can be
    streamed from a results file.
    """
    # category -> path -> [(clause_id, normalised text, original text)]
    clauses: dict[str, dict[str, list[tuple[str, str, str]]]] = defaultdict(dict)
    for path, report in reports:
        for clause in report.clauses:
            for category in {t.category for t in clause.tags}:
                entry = (clause.id, normalise_wording(clause.text, max_chars), clause.text)
                clauses[category].setdefault(path, []).append(entry)
    categories: list[NormCategory] = []
    departures: list[NormDeparture] = []
    for category in sorted(clauses):
        by_file = clauses[category]
        if len(by_file) < min_files:
            continue
        found = _category_norm(category, by_file, similarity, min_share)
        if found is not None:
            categories.append(found[0])
            departures.extend(found[1])
    return FolderNorm(categories=categories, departures=departures)


def _category_norm(
    category: str, by_file: dict[str, list[tuple[str, str, str]]], similarity: float, min_share: float
) -> tuple[NormCategory, list[NormDeparture]] | None:
    from rapidfuzz import fuzz, process

    paths = sorted(by_file)
    flat = [(p, cid, norm, text) for p in paths for cid, norm, text in by_file[p]]
    owner = [paths.index(p) for p, *_ in flat]
    matrix = process.cdist([f[2] for f in flat], [f[2] for f in flat], scorer=fuzz.ratio, workers=1)
    n = len(paths)
    # file-to-file score: the best pair of their clauses
    files = [[0.0] * n for _ in range(n)]
    for i in range(len(flat)):
        for j in range(len(flat)):
            a, b = owner[i], owner[j]
            if a != b and matrix[i][j] > files[a][b]:
                files[a][b] = float(matrix[i][j])
    order = sorted(range(n), key=lambda a: (-sum(files[a]), paths[a]))
    groups: list[list[int]] = []
    for a in order:
        for group in groups:
            if files[a][group[0]] >= similarity:
                group.append(a)
                break
        else:
            groups.append([a])
    largest = max(groups, key=len)
    if len(largest) / n < min_share or len(largest) < 2:
        return None
    leader = largest[0]
    mine = [i for i in range(len(flat)) if owner[i] == leader]
    members = set(largest)
    # exemplar: the leader's clause closest to the rest of its group
    exemplar = max(
        mine, key=lambda i: sum(max(matrix[i][j] for j in range(len(flat)) if owner[j] == m) for m in largest)
    )
    norm = NormCategory(
        category=category,
        files=n,
        norm_files=len(largest),
        share=round(len(largest) / n, 3),
        exemplar_path=paths[leader],
        exemplar_clause_id=flat[exemplar][1],
        exemplar_text=flat[exemplar][3][:500],
    )
    out = []
    for a in range(n):
        if a in members:
            continue
        closest = max((i for i in range(len(flat)) if owner[i] == a), key=lambda i: matrix[i][exemplar])
        out.append(
            NormDeparture(
                path=paths[a],
                category=category,
                clause_id=flat[closest][1],
                similarity=round(float(matrix[closest][exemplar]), 1),
                quote=" ".join(flat[closest][3].split())[:300],
                exemplar_path=paths[leader],
                exemplar_clause_id=flat[exemplar][1],
            )
        )
    return norm, out
