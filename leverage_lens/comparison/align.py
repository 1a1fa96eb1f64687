"""Aligning the units of two versions: which clause became which, however it was renumbered or moved.

Near-linear by design, so a 50-page contract aligns in milliseconds rather than comparing every clause with
every other:

1. **Identical text** (after normalisation, without the number) pairs up by hash, in order.
2. **Candidates** for what is left come from cheap signals only: a bottom-k sketch of each unit's word
   3-grams (shared sketch hashes, ignoring boilerplate hashes shared by many units), the same number, the same
   heading, and the unmatched units lying between the same two matched neighbours in both versions.
3. Each candidate pair is **scored** with rapidfuzz (normalised Indel similarity of the lower-cased words),
   plus small bonuses for the same number, heading or neighbourhood; pairs are taken greedily, best first,
   above a threshold.
4. **Splits and merges**: an unmatched unit whose words sit inside the text of a matched neighbour's partner
   joins that pair (one old clause became two, or two became one).
5. **Moves**: matched pairs off the longest increasing run of positions were moved.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from .units import Unit, Units

__all__ = ["Alignment", "Group", "align"]

#: Sketch size: how many of a unit's smallest 3-gram hashes index it.
_SKETCH = 8
#: A sketch hash shared by more units than this is boilerplate and proposes no candidates.
_BOILERPLATE = 12
#: The lowest score a pair needs to be matched (similarity plus hints).
_THRESHOLD = 0.5
#: How much of an unmatched unit's 3-grams must sit in a neighbour's partner to call it a split or merge part.
_CONTAINED = 0.6
#: How many unmatched units between two anchors are tried against each other positionally.
_WINDOW = 12


@dataclass
class Group:
    """Old units and new units that correspond: 1-1 (unchanged, changed, moved), 1-n (split), n-1 (merged)."""

    old: list[Unit] = field(default_factory=list)
    new: list[Unit] = field(default_factory=list)
    score: float = 0.0
    moved: bool = False

    @property
    def kind(self) -> str:
        if not self.old:
            return "added"
        if not self.new:
            return "deleted"
        if len(self.new) > 1:
            return "split"
        if len(self.old) > 1:
            return "merged"
        return "pair"


@dataclass
class Alignment:
    """The result: groups in new-document order (deleted units placed after their old predecessor)."""

    groups: list[Group]
    old_to_new: dict[int, int] = field(default_factory=dict)
    new_to_old: dict[int, int] = field(default_factory=dict)


def _similarity(a: Unit, b: Unit) -> float:
    if not a.key and not b.key:
        return 1.0 if (a.heading or "").lower() == (b.heading or "").lower() else 0.0
    sim = Indel.normalized_similarity(a.key, b.key)
    if sim < 0.75 and a.key and b.key and (a.number == b.number or a.heading == b.heading):
        short, long_ = (a.key, b.key) if len(a.key) < len(b.key) else (b.key, a.key)
        if len(short) >= 8 and (long_.startswith(short) or long_.endswith(short)):
            sim = 0.75  # text added to (or cut from) the end of a clause keeps its number: still that clause
    return sim


def _hint(a: Unit, b: Unit) -> float:
    bonus = 0.0
    if a.number and a.number == b.number:
        bonus += 0.05
    if a.heading and b.heading and a.heading.lower() == b.heading.lower():
        bonus += 0.1
    return bonus


def _sketch(u: Unit) -> list[int]:
    return heapq.nsmallest(_SKETCH, u.shingles)


def _exact(old: Units, new: Units, o2n: dict[int, int], n2o: dict[int, int]) -> None:
    """Identical text pairs up: unique texts first (anchors), then repeated ones ("[Reserved]", a redaction
    notice) each to the occurrence nearest where its anchors put it."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for v in new.items:
        if v.key:
            by_key[v.key].append(v.index)
    old_count: dict[str, int] = defaultdict(int)
    for u in old.items:
        old_count[u.key] += 1
    repeated = []
    for u in old.items:
        if not u.key or u.key not in by_key:
            continue
        if old_count[u.key] == 1 and len(by_key[u.key]) == 1:
            j = by_key[u.key][0]
            o2n[u.index], n2o[j] = j, u.index
        else:
            repeated.append(u)
    anchors = sorted(o2n.items())
    anchor_old = [a for a, _ in anchors]
    for u in repeated:
        k = bisect_left(anchor_old, u.index)
        expected = anchors[k - 1][1] + (u.index - anchors[k - 1][0]) if k > 0 else u.index
        free = [j for j in by_key[u.key] if j not in n2o]
        if free:
            j = min(free, key=lambda x: (abs(x - expected), x))
            o2n[u.index], n2o[j] = j, u.index


def _candidates(old: Units, new: Units, o2n: dict[int, int], n2o: dict[int, int]) -> set[tuple[int, int]]:
    free_old = [u for u in old.items if u.index not in o2n]
    free_new = [v for v in new.items if v.index not in n2o]
    pairs: set[tuple[int, int]] = set()
    index: dict[int, list[int]] = defaultdict(list)
    for v in free_new:
        for h in _sketch(v):
            index[h].append(v.index)
    by_number: dict[str, list[int]] = defaultdict(list)
    by_heading: dict[str, list[int]] = defaultdict(list)
    for v in free_new:
        if v.number:
            by_number[v.number].append(v.index)
        if v.heading:
            by_heading[v.heading.lower()].append(v.index)
    for u in free_old:
        for h in _sketch(u):
            posting = index.get(h, ())
            if len(posting) <= _BOILERPLATE:
                pairs.update((u.index, j) for j in posting)
        if u.number:
            pairs.update((u.index, j) for j in by_number.get(u.number, ())[:_BOILERPLATE])
        if u.heading:
            pairs.update((u.index, j) for j in by_heading.get(u.heading.lower(), ())[:_BOILERPLATE])
    pairs.update(_between_anchors(old, new, o2n, n2o))
    return pairs


def _between_anchors(old: Units, new: Units, o2n: dict[int, int], n2o: dict[int, int]) -> set[tuple[int, int]]:
    """Unmatched old and new units lying between the same matched neighbours: rewritten in place."""
    pairs: set[tuple[int, int]] = set()
    anchors = sorted(o2n.items())
    anchor_old = [a for a, _ in anchors]
    i = 0
    while i < len(old):
        if i in o2n:
            i += 1
            continue
        j = i
        while j < len(old) and j not in o2n:
            j += 1
        k = bisect_left(anchor_old, i)
        lo = anchors[k - 1][1] + 1 if k > 0 else 0
        hi = anchors[k][1] if k < len(anchors) else len(new)
        if hi < lo:  # crossing anchors (a move): no positional evidence
            i = j
            continue
        gap_new = [x for x in range(lo, hi) if x not in n2o]
        gap_old = list(range(i, j))
        if len(gap_old) * len(gap_new) <= _WINDOW * _WINDOW:
            pairs.update((a, b) for a in gap_old for b in gap_new)
        else:  # a long gap: only units at a similar relative position
            for a in gap_old:
                rel = (a - i) / max(len(gap_old), 1)
                centre = int(rel * len(gap_new))
                pairs.update((a, b) for b in gap_new[max(0, centre - _WINDOW // 2): centre + _WINDOW // 2])
        i = j
    return pairs


def _fuzzy(old: Units, new: Units, o2n: dict[int, int], n2o: dict[int, int]) -> dict[int, float]:
    scores: dict[int, float] = {}
    scored = []
    for a, b in _candidates(old, new, o2n, n2o):
        u, v = old[a], new[b]
        sim = _similarity(u, v)
        score = sim + _hint(u, v)
        if score >= _THRESHOLD and sim >= 0.3:
            scored.append((score, a, b))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    for score, a, b in scored:
        if a in o2n or b in n2o:
            continue
        o2n[a], n2o[b] = b, a
        scores[a] = min(score, 1.0)
    return scores


def _contained(part: Unit, whole: Unit) -> float:
    if not part.shingles:
        return 0.0
    return len(part.shingles & whole.shingles) / len(part.shingles)


def _gap_runs(old: Units, new: Units, o2n: dict[int, int], n2o: dict[int, int]) -> tuple[
        dict[int, list[int]], dict[int, list[int]]]:
    """Between the same two matched neighbours, a run of unmatched old units that together read like one
    unmatched new unit (merged: the segmenter or the drafter joined them), or the reverse (split)."""
    split: dict[int, list[int]] = {}
    merged: dict[int, list[int]] = {}
    anchors = sorted(o2n.items())
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    for (a0, b0), (a1, b1) in zip(bounds, bounds[1:]):
        if b1 <= b0:
            continue
        olds = [i for i in range(a0 + 1, a1) if i not in o2n]
        news = [j for j in range(b0 + 1, b1) if j not in n2o]
        if not olds or not news or (len(olds) > 1 and len(news) > 1):
            continue
        joined_old = " ".join(old[i].key for i in olds)
        joined_new = " ".join(new[j].key for j in news)
        if Indel.normalized_similarity(joined_old, joined_new) < 0.7:
            continue
        if len(news) == 1 and len(olds) > 1:
            o2n.update({i: news[0] for i in olds})
            n2o[news[0]] = olds[0]
            merged[news[0]] = olds[1:]
        elif len(olds) == 1 and len(news) > 1:
            n2o.update({j: olds[0] for j in news})
            o2n[olds[0]] = news[0]
            split[olds[0]] = news[1:]
    return split, merged


def _joined(short: str, kept: str, whole: str, before: bool) -> bool:
    """``whole`` holds ``kept`` with ``short`` run into it: in front (a heading) or behind."""
    if before:
        rest = whole[len(short) + 1:] if whole.startswith(f"{short} ") else None
    else:
        rest = whole[: -len(short) - 1] if whole.endswith(f" {short}") else None
    if rest is None:
        return False
    rest, kept = rest[:400], kept[:400] if before else kept[-400:]
    return rest == kept or Indel.normalized_similarity(rest if before else rest[-400:], kept) >= 0.8


def _lost(whole: Unit, kept: Unit, piece: Unit) -> bool:
    """``whole`` has room for ``piece`` beside ``kept``: at least half the piece's words are missing from kept."""
    return len(whole.words) - len(kept.words) >= len(piece.words) / 2


def _splits_and_merges(old: Units, new: Units, o2n: dict[int, int], n2o: dict[int, int]) -> tuple[
        dict[int, list[int]], dict[int, list[int]]]:
    """Unmatched new units that are pieces of a neighbour's old partner (split), and the reverse (merged)."""
    split: dict[int, list[int]] = defaultdict(list)  # old index -> extra new indices
    for v in new.items:
        if v.index in n2o or len(v.words) < 3:
            continue
        for nb in (v.index - 1, v.index + 1, v.index - 2):
            a = n2o.get(nb)
            if a is not None and _contained(v, old[a]) >= _CONTAINED and _lost(old[a], new[nb], v):
                split[a].append(v.index)
                n2o[v.index] = a
                break
    merged: dict[int, list[int]] = defaultdict(list)  # new index -> extra old indices
    for u in old.items:
        if u.index in o2n or not u.words:
            continue
        if len(u.words) < 3:  # a heading the new version runs into its first clause ("Uptime 1. Service...")
            for nb in (u.index + 1, u.index - 1):
                b = o2n.get(nb)
                if b is not None and _joined(u.key, old[nb].key, new[b].key, nb > u.index):
                    merged[b].append(u.index)
                    o2n[u.index] = b
                    break
            continue
        for nb in (u.index - 1, u.index + 1, u.index - 2):
            b = o2n.get(nb)
            if b is not None and b not in split and _contained(u, new[b]) >= _CONTAINED \
                    and _lost(new[b], old[nb], u):
                merged[b].append(u.index)
                o2n[u.index] = b
                break
    return split, merged


def _heaviest_increasing(values: list[int], weights: list[int]) -> set[int]:
    """Positions of the increasing subsequence of ``values`` with the most weight (text length): the bulk of
    the text stays in place and the smaller side of a swap is what moved. O(n log n) with a Fenwick tree of
    prefix maxima over the values."""
    size = max(values, default=-1) + 2
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best weight, position) of prefix maxima
    prev = [-1] * len(values)
    best_end = (0, -1)
    for i, (x, w) in enumerate(zip(values, weights)):
        k, found = x, (0, -1)  # best chain ending at a value < x
        while k > 0:
            found = max(found, tree[k])
            k -= k & -k
        total = (found[0] + w, i)
        prev[i] = found[1]
        best_end = max(best_end, total)
        k = x + 1
        while k <= size:
            tree[k] = max(tree[k], total)
            k += k & -k
    out: set[int] = set()
    i = best_end[1]
    while i >= 0:
        out.add(i)
        i = prev[i]
    return out


def align(old: Units, new: Units) -> Alignment:
    """Align the units of two versions into groups (see the module docstring for the method)."""
    o2n: dict[int, int] = {}
    n2o: dict[int, int] = {}
    _exact(old, new, o2n, n2o)
    scores = _fuzzy(old, new, o2n, n2o)
    gap_split, gap_merged = _gap_runs(old, new, o2n, n2o)
    primary = {a: b for a, b in o2n.items() if not any(a in extra for extra in gap_merged.values())}
    split, merged = _splits_and_merges(old, new, o2n, n2o)
    for a, extra in gap_split.items():
        split[a] = [*extra, *split.get(a, [])]
    for b, extra in gap_merged.items():
        merged[b] = [*extra, *merged.get(b, [])]
    pairs = sorted(primary.items())
    in_order = _heaviest_increasing([b for _, b in pairs], [max(1, len(old[a].key)) for a, _ in pairs])
    moved = {pairs[i][0] for i in range(len(pairs)) if i not in in_order}
    groups: list[Group] = []
    placed_old: set[int] = set()
    for v in new.items:
        a = n2o.get(v.index)
        if a is None:
            groups.append(Group(new=[v]))
            continue
        if primary.get(a) != v.index and v.index not in merged:
            continue  # a split piece: emitted with its pair
        olds = sorted([a, *merged.get(v.index, [])])
        news = sorted([v.index, *split.get(a, [])])
        groups.append(Group(old=[old[i] for i in olds], new=[new[j] for j in news],
                            score=scores.get(a, 1.0), moved=a in moved))
        placed_old.update(olds)
    _place_deleted(groups, old, placed_old)
    return Alignment(groups, o2n, n2o)


def _place_deleted(groups: list[Group], old: Units, placed: set[int]) -> None:
    """Insert each deleted old unit right after the group holding its nearest preceding old unit."""
    position: dict[int, int] = {}
    for gi, g in enumerate(groups):
        for u in g.old:
            position[u.index] = gi
    inserts: dict[int, list[Group]] = defaultdict(list)
    last = -1
    for u in old.items:
        if u.index in position:
            last = position[u.index]
        elif u.index not in placed:
            inserts[last].append(Group(old=[u]))
    out: list[Group] = list(inserts.get(-1, []))
    for gi, g in enumerate(groups):
        out.append(g)
        out.extend(inserts.get(gi, []))
    groups[:] = out
