"""Where the clause-level errors of a family come from, on out-of-fold scores (training side only).

``python bench/tag_misses.py --exp base --family payment`` (after ``bench/tag_cv.py run --exp base``):
each gold span of the family is *found* (a tagged clause overlaps it), *ranked low* (the best unit whose
clause overlaps it scored >= 0.1 on the family, under the cut), *unseen* (< 0.1), or *granularity* (only a
clause longer than 4,000 characters, or none, overlaps it); each tagged clause of the family is *right*,
*too long*, *other category of the family* (for the per-category score), *near* (a gold span of the family
within 300 characters) or *elsewhere*. Prints counts and, with ``--show N``, examples.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tag_cv import _probs  # noqa: E402

MAX_CLAUSE = 4000


def main() -> None:
    from leverage_lens.tag.decision import FAMILY_PREFIX, cut_vector, decide
    from leverage_lens.training.tag_selection import Scored, choose_clause_thresholds

    ap = argparse.ArgumentParser()
    ap.add_argument("--exp", default="base")
    ap.add_argument("--family", default="payment")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    contracts, xs, tax, family, labels, probs, np = _probs(args.exp)
    scored = Scored(probs, [e.doc_id for e in xs], [e.clause for e in xs], contracts, labels, family, tax)
    th, fam_cuts, _, best = choose_clause_thresholds(scored, 0.5)
    cuts = cut_vector(labels, family, fam_cuts, th)
    fam = args.family
    fcol = labels.index(FAMILY_PREFIX + fam)
    fam_cols = [j for j, k in enumerate(labels) if family.get(k) == fam]
    print(f"cuts: global {th}, families {fam_cuts}; CV clause F1 {best.f1:.3f}")
    rows_of: dict[str, list[int]] = {}
    for i, e in enumerate(xs):
        rows_of.setdefault(e.doc_id, []).append(i)
    miss: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    ex_miss: dict[str, list[str]] = {}
    ex_fp: dict[str, list[str]] = {}
    for c in contracts:
        rows = rows_of.get(c.doc_id, [])
        gold = [g for g in c.spans if family.get(g.category) == fam]
        tagged = []
        for i in rows:
            cats = [k for k in decide(probs[i], labels, cuts, family) if family.get(k) == fam]
            if cats:
                tagged.append((i, cats))
        for g in gold:
            over = [i for i in rows if min(xs[i].clause[1], g.end) > max(xs[i].clause[0], g.start)]
            if any(i in dict(tagged) for i in over):
                miss["found"] += 1
                continue
            short = [i for i in over if xs[i].clause[1] - xs[i].clause[0] <= MAX_CLAUSE]
            if not short:
                kind = "granularity"
            else:
                top = max(float(max(probs[i, fcol], probs[i, fam_cols].max())) for i in short)
                kind = "ranked low (0.1-cut)" if top >= 0.1 else "unseen (<0.1)"
            miss[kind] += 1
            ex_miss.setdefault(kind, []).append(f"{g.category} | {' '.join(c.text[g.start:g.end].split())[:220]}")
        for i, cats in tagged:
            s, e = xs[i].clause
            over = [g for g in gold if min(e, g.end) > max(s, g.start)]
            if e - s > MAX_CLAUSE:
                kind = "too long"
            elif over:
                kind = "right" if any(g.category in cats for g in over) else "right family, other category"
            elif any(min(e + 300, g.end) > max(s - 300, g.start) for g in gold):
                kind = "near (300 chars)"
            else:
                other = [g.category for g in c.spans if min(e, g.end) > max(s, g.start)]
                kind = "on another family's gold" if other else "elsewhere"
            fp[kind] += 1
            if kind != "right":
                ex_fp.setdefault(kind, []).append(f"{cats} | {' '.join(xs[i].own.split())[:220]}")
    print(f"{fam} gold spans: {dict(miss)}")
    print(f"{fam} tagged clauses: {dict(fp)}")
    rnd = random.Random(0)
    for title, ex in (("missed", ex_miss), ("tagged", ex_fp)):
        for kind, items in ex.items():
            for t in rnd.sample(items, min(args.show, len(items))):
                print(f"[{title}: {kind}] {t}")


if __name__ == "__main__":
    main()
